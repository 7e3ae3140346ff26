// One decision, two entries: every case of "which policy judges this change" runs through the CLI
// (`prguard check` on a real git repository, in process) and through the Action (dist/action.js on
// Node 24 against the fake GitHub serving the same two commits through the contents API), and both
// must choose the same policy, say the same notes and reach the same pr-size verdict.
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli.ts';
import type { Report } from '../../src/model.ts';
import { fakeServers, reportOf, runAction } from '../github/scenario.ts';
import { Repo } from '../helpers/repo.ts';
import { listFiles } from './git-pr.ts';

const STRICT = 'version: 1\nextends: recommended\nrules:\n  pr-size:\n    severity: error\n    max-lines: 1\n';
const LOOSE = 'version: 1\nextends: recommended\nrules:\n  pr-size: off\n';

type Tree = Record<string, string | { link: string }>;

interface Case {
  name: string;
  base: Tree;
  head: Tree;
  /** The policy in force, and words one of the notes must contain. */
  path: string | null;
  source: Report['policy']['source'];
  note?: string;
  /** Whether pr-size (strict: error on more than one line) fires. */
  strict: boolean;
}

const CODE = { 'src/a.ts': 'export const a = 1;\n' };
const MORE = { 'src/a.ts': 'export const a = 1;\nexport const b = 2;\nexport const c = 3;\n' };

const cases: Case[] = [
  { name: 'no policy anywhere: the embedded default', base: CODE, head: MORE, path: null, source: 'default', note: 'embedded default policy applies', strict: false },
  { name: '.github/prguard.yml at the base', base: { ...CODE, '.github/prguard.yml': STRICT }, head: { ...MORE, '.github/prguard.yml': STRICT }, path: '.github/prguard.yml', source: 'base', strict: true },
  { name: '.prguard.yml at the base', base: { ...CODE, '.prguard.yml': STRICT }, head: { ...MORE, '.prguard.yml': STRICT }, path: '.prguard.yml', source: 'base', strict: true },
  { name: 'both at the base: .github/prguard.yml first', base: { ...CODE, '.github/prguard.yml': STRICT, '.prguard.yml': LOOSE }, head: { ...MORE, '.github/prguard.yml': STRICT, '.prguard.yml': LOOSE }, path: '.github/prguard.yml', source: 'base', strict: true },
  { name: 'the change edits the policy', base: { ...CODE, '.github/prguard.yml': STRICT }, head: { ...MORE, '.github/prguard.yml': LOOSE }, path: '.github/prguard.yml', source: 'base', note: 'this change edits .github/prguard.yml', strict: true },
  { name: 'the change deletes the policy', base: { ...CODE, '.github/prguard.yml': STRICT }, head: MORE, path: '.github/prguard.yml', source: 'base', note: 'this change deletes .github/prguard.yml', strict: true },
  { name: 'the change renames the policy', base: { ...CODE, '.prguard.yml': STRICT }, head: { ...MORE, '.github/prguard.yml': STRICT }, path: '.prguard.yml', source: 'base', note: 'this change renames .prguard.yml', strict: true },
  { name: 'the change adds the first policy', base: CODE, head: { ...MORE, '.github/prguard.yml': STRICT }, path: null, source: 'default', note: 'this change adds .github/prguard.yml', strict: false },
  // The change adds the other discovery path: which file is the policy once it is merged.
  { name: 'the change adds .github/prguard.yml, which takes over from .prguard.yml once merged', base: { ...CODE, '.prguard.yml': STRICT }, head: { ...MORE, '.prguard.yml': STRICT, '.github/prguard.yml': LOOSE }, path: '.prguard.yml', source: 'base', note: 'once it is merged, .github/prguard.yml is the policy (it is looked up first) and .prguard.yml is no longer read', strict: true },
  { name: 'the change adds .prguard.yml next to the base .github/prguard.yml', base: { ...CODE, '.github/prguard.yml': STRICT }, head: { ...MORE, '.github/prguard.yml': STRICT, '.prguard.yml': LOOSE }, path: '.github/prguard.yml', source: 'base', note: '.prguard.yml is not read while .github/prguard.yml exists', strict: true },
  { name: 'the policy is a symlink and the change edits its target', base: { ...CODE, 'conf/policy.yml': STRICT, '.github/prguard.yml': { link: '../conf/policy.yml' } }, head: { ...MORE, 'conf/policy.yml': LOOSE, '.github/prguard.yml': { link: '../conf/policy.yml' } }, path: '.github/prguard.yml', source: 'base', note: 'a symlink to conf/policy.yml', strict: true },
  { name: 'the change re-points the policy symlink', base: { ...CODE, 'conf/strict.yml': STRICT, 'conf/loose.yml': LOOSE, '.github/prguard.yml': { link: '../conf/strict.yml' } }, head: { ...MORE, 'conf/strict.yml': STRICT, 'conf/loose.yml': LOOSE, '.github/prguard.yml': { link: '../conf/loose.yml' } }, path: '.github/prguard.yml', source: 'base', note: 'this change edits .github/prguard.yml', strict: true },
];

/** Commit `tree` as the whole content of the repository (files not in it are removed). */
function commitTree(repo: Repo, tree: Tree, message: string): string {
  repo.git('rm', '-rq', '--ignore-unmatch', '.');
  for (const [path, entry] of Object.entries(tree)) {
    if (typeof entry === 'string') repo.write(path, entry);
    else {
      repo.write('.git/link-target', entry.link);
      const oid = repo.git('hash-object', '-w', '.git/link-target').trim();
      repo.git('update-index', '--add', '--cacheinfo', `120000,${oid},${path}`);
      continue;
    }
    repo.git('add', path);
  }
  repo.git('commit', '-q', '--allow-empty', '-m', message);
  repo.git('reset', '-q', '--hard');
  return repo.git('rev-parse', 'HEAD').trim();
}

function files(tree: Tree): Record<string, string> {
  return Object.fromEntries(Object.entries(tree).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

function links(tree: Tree): Record<string, string> {
  return Object.fromEntries(Object.entries(tree).flatMap(([p, e]) => (typeof e === 'string' ? [] : [[p, e.link]])));
}

async function cli(repo: Repo, base: string, head: string): Promise<{ code: number; report: Report }> {
  let stdout = '';
  const code = await main(['check', '--base', base, '--head', head, '--format', 'json'], {
    cwd: repo.dir,
    env: {},
    stdout: (t) => (stdout += t),
    stderr: () => {},
    isTTY: false,
    stdin: process.stdin,
  });
  return { code, report: JSON.parse(stdout) as Report };
}

const start = fakeServers();

describe('the policy in force: CLI and Action decide alike', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const repo = Repo.init('main');
    const base = commitTree(repo, c.base, 'base');
    const head = commitTree(repo, c.head, 'head');

    const local = await cli(repo, base, head);
    const { server, event } = await start({
      files: listFiles(repo, base, head),
      shas: { base, head },
      base: files(c.base),
      head: files(c.head),
      links: { base: links(c.base), head: links(c.head) },
    });
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    const remote = reportOf(run);

    expect(local.report.policy).toEqual({ path: c.path, source: c.source });
    expect(remote.policy).toEqual(local.report.policy);
    expect(remote.notes).toEqual(local.report.notes);
    if (c.note) expect(local.report.notes.join('\n')).toContain(c.note);
    const strict = (r: Report) => r.findings.some((f) => f.ruleId === 'pr-size' && f.severity === 'error');
    expect(strict(local.report)).toBe(c.strict);
    expect(strict(remote)).toBe(c.strict);
    repo.remove();
  });
});
