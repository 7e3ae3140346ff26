// `prguard policy test`: run the policy's fixtures (default .github/prguard-tests/) and say, per
// fixture, whether the policy reports what the fixture expects. Exit 1 on any mismatch.
import { readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { App } from '../app.ts';
import { describeFsError, UsageError } from '../errors.ts';
import { readTextFile } from '../read-text.ts';
import { printable } from '../report/printable.ts';
import { evaluateChange } from '../evaluate.ts';
import { compareReport } from '../policy/fixture-match.ts';
import { DEFAULT_TESTS_DIR, parseFixture } from '../policy/fixtures.ts';
import { defaultPolicy, policyFromText, type ResolvedPolicy } from '../policy/index.ts';
import { WorkTreeReader } from '../repo/fs.ts';
import type { IO } from './types.ts';

export interface PolicyUnderTest {
  /** As the user named it, or null for the embedded default. */
  display: string | null;
  text: string | null;
}

function fixtureFiles(dir: string, shown: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    throw new UsageError(`cannot read the policy tests directory ${shown}: ${describeFsError(err)}. Write fixtures there (prguard init writes an example), or name another with --dir.`);
  }
  const files = names.filter((n) => /\.ya?ml$/.test(n)).sort();
  if (files.length === 0) throw new UsageError(`no policy tests (*.yml) in ${shown}: a test run with none would pass vacuously`);
  return files;
}

function repoPath(root: string, file: string): string | undefined {
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : undefined;
}

export async function runPolicyTests(policyFile: PolicyUnderTest, dirFlag: string | undefined, root: string, io: IO, app: App): Promise<number> {
  let policy: ResolvedPolicy;
  if (policyFile.text === null || policyFile.display === null) policy = defaultPolicy(app.rules);
  else {
    policy = policyFromText(policyFile.text, policyFile.display, app.rules);
    // The policy is judged as if it were in force at its place in the repository.
    policy.source = repoPath(root, resolve(io.cwd, policyFile.display)) ?? policyFile.display;
  }
  const shownDir = dirFlag ?? policy.tests ?? DEFAULT_TESTS_DIR;
  const dir = dirFlag !== undefined ? resolve(io.cwd, dirFlag) : resolve(root, shownDir);
  const files = fixtureFiles(dir, shownDir);
  const ruleIds = app.rules.map((r) => r.meta.id);
  const origin = { path: policy.source, source: policyFile.text === null ? ('default' as const) : ('explicit' as const) };
  const rows: { file: string; name: string; problems: string[] }[] = [];
  for (const name of files) {
    const path = join(dir, name);
    const shown = `${shownDir.replace(/\/$/, '')}/${name}`;
    let text: string;
    try {
      text = readTextFile(path);
    } catch (err) {
      throw new UsageError(`cannot read the policy test ${shown}: ${describeFsError(err)}`);
    }
    // Bounded like every file the user names: a diff-file that is a device never ends.
    const fixture = parseFixture(text, shown, (sibling) => readTextFile(resolve(dirname(path), sibling)), ruleIds);
    const report = await evaluateChange({
      change: fixture.change,
      policy,
      origin,
      rules: app.rules,
      flag: fixture.ai,
      reader: new WorkTreeReader(root),
      headRef: 'HEAD',
      unavailable: ['reviews'],
    });
    rows.push({ file: name, name: fixture.name, problems: compareReport(report, fixture.expect) });
  }
  const width = Math.max(...rows.map((r) => printable(r.file).length)) + 2;
  io.stdout(`policy test: ${policyFile.display ?? 'embedded default policy'} against ${rows.length} fixture${rows.length === 1 ? '' : 's'} in ${shownDir}\n`);
  // A fixture's name and file, and the paths its change names, are text from the repository (a
  // pull request, in the policy's own CI): shown with control characters escaped, as in a report.
  for (const row of rows) {
    io.stdout(`  ${row.problems.length === 0 ? '✔' : '✖'} ${printable(row.file).padEnd(width)}${printable(row.name)}\n`);
    for (const p of row.problems) io.stdout(`      ${printable(p)}\n`);
  }
  const failed = rows.filter((r) => r.problems.length > 0).length;
  io.stdout(`\n${rows.length - failed} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}
