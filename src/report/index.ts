// The formatter registry: every output format, by the name `--format` takes.
import type { Report } from '../model.ts';
import type { RuleMeta } from '../rule.ts';
import { VERSION } from '../version.ts';
import { defaultRuleDocsUrl } from './docs.ts';
import { formatJson } from './json.ts';
import { formatMarkdown } from './markdown.ts';
import { formatSarif } from './sarif.ts';
import { formatText } from './text.ts';

export interface FormatOptions {
  /** ANSI colour (text only; the CLI decides from the TTY and NO_COLOR). */
  color?: boolean;
  /** Metadata of every registered rule (SARIF describes them in `tool.driver.rules`). */
  rules?: readonly RuleMeta[];
  /**
   * The policy file's repository-relative path, when the caller knows it: an explicit
   * `--policy FILE`'s `policy.path` is as the user wrote it (relative to the working directory,
   * or absolute), not a path in the repository.
   */
  policyRepoPath?: string;
  /**
   * Told, in a sentence, when the output leaves findings out to stay within its consumer's limits
   * (sarif: code scanning's), so that the caller can say so beside it.
   */
  onLeftOut?: (message: string) => void;
}

/** Where a policy file would live: SARIF anchors whole-change findings there under the default. */
const DEFAULT_POLICY_PATH = '.github/prguard.yml';

export type Formatter = (report: Report, options: FormatOptions) => string;

export { RULE_DOCS_BASE, defaultRuleDocsUrl } from './docs.ts';

export const formatters: Record<string, Formatter> = {
  text: (report, options) => formatText(report, options),
  json: (report) => formatJson(report),
  markdown: (report) => formatMarkdown(report),
  sarif: (report, options) =>
    formatSarif(report, {
      rules: options.rules ?? [],
      toolVersion: VERSION,
      ruleDocsUrl: defaultRuleDocsUrl,
      informationUri: 'https://github.com/prguard/prguard',
      ...(options.onLeftOut ? { onLeftOut: options.onLeftOut } : {}),
      // Whole-change findings are anchored at the policy file in force, when it is a file of the
      // repository; else where a policy would live (a URI outside the repository, `../p.yml` or
      // `/tmp/p.yml`, names no file code scanning can show).
      pathlessUri: options.policyRepoPath ?? (report.policy.source === 'explicit' ? null : report.policy.path) ?? DEFAULT_POLICY_PATH,
    }),
};

/**
 * The formatter `--format NAME` names, or undefined: only the formats above, never a property
 * every object inherits (`--format toString` printed "[object Object]" and passed).
 */
export function formatterNamed(name: string): Formatter | undefined {
  return Object.hasOwn(formatters, name) ? formatters[name] : undefined;
}
