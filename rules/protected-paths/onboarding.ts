// The pull request that sets prguard up: the base has no policy (the embedded default judges it),
// and it adds the policy file and prguard's own workflow. Those additions are what onboarding is,
// so they are not protected changes there (else the first PR would be told to split itself in
// two, circularly). Only additions count, and only a workflow that runs nothing but a checkout and
// the prguard Action: any other step, `run:`, service or container keeps it protected, and so
// does YAML this reading cannot see every key of (flow mappings, quoted keys, anchors).
import type { FileChange } from '../../src/model.ts';

/** The Action steps a prguard workflow may use. */
const ONBOARDING_ACTIONS = [/^actions\/checkout@/, /^prguard\/prguard@/];

/** Keys that run something besides those Actions: a step's script, a job's containers. */
const RUNS_SOMETHING = new Set(['run', 'services', 'container']);

/** A plain `key: value` (or `- key: value`) line, the only shape of key read here. */
const PLAIN_KEY = /^([A-Za-z0-9_-]+)[ \t]*:(?:[ \t]|$)(.*)$/;

/**
 * Does this added line keep the workflow a prguard-only one? Only plain block YAML is read, so
 * every key is seen: a flow mapping (`- {run: x}`), a quoted or explicit key (`"run": x`, `? run`),
 * a merge key, an anchor, alias or tag could carry a step this line-by-line reading would miss, and
 * make the workflow protected instead. Returns the Action a `uses:` names, true, or false.
 */
function readLine(content: string): string | boolean {
  const rest = content.replace(/^\s*(?:-(?:[ \t]+|$))*/, '');
  if (rest === '' || rest.startsWith('#')) return true;
  if (/^(?:[{?&*!%|>@`]|<<|---|\.\.\.)/.test(rest) || /^\[.*\{/.test(rest)) return false;
  if (/^(?:"[^"]*"|'[^']*')[ \t]*:(?:[ \t]|$)/.test(rest)) return false; // a quoted key
  const key = PLAIN_KEY.exec(rest);
  if (key === null) return !/^[^#]*?:(?:[ \t]|$)/.test(rest); // a scalar, unless it is a key of another shape
  const name = key[1]!.toLowerCase();
  const value = key[2]!.replace(/[ \t]+#.*$/, '').trim();
  if (RUNS_SOMETHING.has(name)) return false;
  if (value !== '{}' && /^(?:[{&*!]|\[.*\{)/.test(value)) return false; // `permissions: {}` holds no key
  if (name !== 'uses') return true;
  const uses = /^['"]?([^'"\s#]+)/.exec(value)?.[1] ?? '';
  return ONBOARDING_ACTIONS.some((re) => re.test(uses)) ? uses : false;
}

function isPrguardWorkflow(file: FileChange): boolean {
  if (!/^\.github\/workflows\/[^/]+\.ya?ml$/.test(file.path) || file.patchMissing || file.binary) return false;
  let prguard = false;
  for (const hunk of file.hunks) {
    for (const { content } of hunk.added) {
      const read = readLine(content);
      if (read === false) return false;
      if (typeof read === 'string' && /^prguard\/prguard@/.test(read)) prguard = true;
    }
  }
  return prguard;
}

/**
 * Paths an onboarding change adds without needing sign-off: with no policy at the base
 * (`policyPath` null), the policy files it adds and a prguard-only workflow it adds.
 */
export function onboardingAdditions(files: readonly FileChange[], policyPath: string | null, policyFiles: readonly string[]): Set<string> {
  const out = new Set<string>();
  if (policyPath !== null) return out;
  for (const file of files) {
    if (file.status !== 'added') continue;
    if (policyFiles.includes(file.path) || isPrguardWorkflow(file)) out.add(file.path);
  }
  return out;
}
