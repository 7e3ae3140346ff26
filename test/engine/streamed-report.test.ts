// The streamed path (per-file rule phases run while git writes the diff, the policy read at the
// base meanwhile) gives exactly the report of the whole-change path (the change read first, then
// the policy, then every rule over the whole change) on real git repositories: secrets in plain,
// renamed and binary files, custom patterns, `ai:` blocks, overrides, a policy the change edits.
import { afterAll, describe, expect, test } from 'vitest';
import { allRules } from '../../rules/index.ts';
import { createApp, type ChangeSource, type CheckRequest } from '../../src/app.ts';
import { gitSource } from '../../src/commands/source.ts';
import type { FileChange } from '../../src/model.ts';
import type { AnyRule } from '../../src/rule.ts';
import { Repo } from '../helpers/repo.ts';
import { ALNUM, fake, rng, sample } from '../helpers/secret-samples.ts';

const repos: Repo[] = [];
afterAll(() => repos.forEach((r) => r.remove()));

const r = rng(4242);
const PAT = sample('github-classic-pat', r).text;
const NPM = sample('npm-access-token', r).text;
const ACME = `acme_live_${fake(r, ALNUM, 32)}`;
const GENERIC = `DATABASE_PASSWORD = "${fake(r, ALNUM, 28)}"`;

function lines(tag: string, n: number): string {
  return Array.from({ length: n }, (_, i) => `export const ${tag}_${i} = ${i * 7};\n`).join('');
}

/** A base and a head: edits, a rename with a secret, a binary with one inside, a deletion, a test file. */
function buildRepo(policy?: { base: string; head?: string }): { repo: Repo; base: string; head: string } {
  const repo = Repo.init();
  repos.push(repo);
  const binary = (token: string) => Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(`  token=${token}  `), Buffer.from([0, 0, 7])]);
  const base = repo.commit('base', {
    'src/config.ts': lines('cfg', 30),
    'legacy/old.ts': lines('old', 40),
    'assets/blob.bin': binary('nothing-here-at-all'),
    'src/gone.ts': lines('gone', 5),
    'src/app.test.ts': "import { expect, test } from 'vitest';\ntest('a', () => {\n  expect(cfg_1).toBe(7);\n});\n",
    ...(policy ? { '.github/prguard.yml': policy.base } : {}),
  });
  repo.git('rm', '-q', 'src/gone.ts', 'legacy/old.ts');
  const head = repo.commit('change\n\nCo-authored-by: factory-droid[bot] <138933559+factory-droid[bot]@users.noreply.github.com>', {
    'src/config.ts': lines('cfg', 12) + `export const token = "${PAT}";\n` + lines('cfg2', 18),
    'modern/new.ts': lines('old', 40) + `const npm = "${NPM}";\nconst acme = "${ACME}";\n`,
    'assets/blob.bin': binary(PAT.split('').reverse().join('') + NPM),
    'src/settings.py': `${GENERIC}\n${lines('py', 3)}`,
    'src/app.test.ts': "import { test } from 'vitest';\ntest('a', () => {});\n",
    ...(policy?.head !== undefined ? { '.github/prguard.yml': policy.head } : {}),
  });
  return { repo, base, head };
}

/** The rules with their per-file phases recorded: which rule ran on which file before the change was read. */
function recording(): { rules: AnyRule[]; streamed: string[]; loaded: { done: boolean } } {
  const streamed: string[] = [];
  const loaded = { done: false };
  const rules = allRules.map((rule) => {
    const phase = rule.file;
    if (!phase) return rule;
    return {
      ...rule,
      file: {
        key: phase.key,
        run: (file: FileChange, options: Record<string, unknown>) => {
          if (!loaded.done) streamed.push(`${rule.meta.id} ${file.path}`);
          return phase.run(file, options);
        },
      },
    } as AnyRule;
  });
  return { rules, streamed, loaded };
}

async function both(dir: string, base: string, head: string, extra: Partial<CheckRequest> = {}) {
  const rec = recording();
  const request = (source: ChangeSource): CheckRequest => ({ source, policy: { kind: 'discover' }, unavailable: ['body', 'labels', 'reviews'], ...extra });
  const live = gitSource({ cwd: dir, root: dir, base, head });
  const tracked: ChangeSource = { ...live, load: async (events) => { const c = await live.load(events); rec.loaded.done = true; return c; } };
  const streamed = await createApp({ rules: rec.rules, clock: () => new Date(0) }).runCheck(request(tracked));
  const plain = gitSource({ cwd: dir, root: dir, base, head });
  // The whole-change path: no events, so nothing runs before the change is read.
  const whole = await createApp({ rules: allRules, clock: () => new Date(0) }).runCheck(request({ ...plain, load: () => plain.load() }));
  return { streamed: streamed.report, whole: whole.report, early: rec.streamed };
}

const ids = (report: { findings: { ruleId: string }[] }) => [...new Set(report.findings.map((f) => f.ruleId))].sort();

describe('streamed per-file rule work gives the whole-change report', () => {
  test('the default policy: secrets in text, renamed and binary files, several rules', async () => {
    const { repo, base, head } = buildRepo();
    const { streamed, whole, early } = await both(repo.dir, base, head);
    expect(streamed).toEqual(whole);
    expect(streamed.findings.filter((f) => f.ruleId === 'secret-leakage').length).toBeGreaterThanOrEqual(4);
    expect(streamed.findings.some((f) => f.path === 'modern/new.ts')).toBe(true);
    expect(ids(streamed)).toEqual(expect.arrayContaining(['secret-leakage', 'tests-touched']));
    expect(JSON.stringify(streamed)).not.toContain(PAT);
    // Every file went through each phase while the change streamed in (the binary once its content was read).
    const paths = ['assets/blob.bin', 'modern/new.ts', 'src/app.test.ts', 'src/config.ts', 'src/gone.ts', 'src/settings.py'];
    const phased = allRules.filter((r) => r.file).map((r) => r.meta.id);
    expect(phased).toEqual(expect.arrayContaining(['secret-leakage', 'tests-touched']));
    expect([...early].sort()).toEqual(phased.flatMap((id) => paths.map((p) => `${id} ${p}`)).sort());
  });

  const CUSTOM = [
    'version: 1',
    'extends: recommended',
    'rules:',
    '  secret-leakage:',
    '    patterns:',
    '      - id: acme-key',
    "        regex: 'acme_live_[A-Za-z0-9]{32}'",
    '        keywords: ["acme_live_"]',
    '    ai:',
    '      generic: false',
    '',
  ].join('\n');

  test('custom patterns and an ai: block, AI-assisted or not', async () => {
    const { repo, base, head } = buildRepo({ base: CUSTOM });
    for (const ai of [true, false]) {
      const { streamed, whole } = await both(repo.dir, base, head, { ai });
      expect(streamed).toEqual(whole);
      expect(streamed.findings.some((f) => f.message.includes('acme-key'))).toBe(true);
      expect(streamed.findings.some((f) => f.confidence === 'generic')).toBe(!ai);
    }
  });

  test('an override with its own options, and a policy the change edits (the base decides)', async () => {
    const policy = `${CUSTOM}overrides:\n  - files: ["modern/**"]\n    rules:\n      secret-leakage:\n        patterns: []\n`;
    const weakened = 'version: 1\nextends: recommended\nrules:\n  secret-leakage: off\n';
    const { repo, base, head } = buildRepo({ base: policy, head: weakened });
    const { streamed, whole } = await both(repo.dir, base, head);
    expect(streamed).toEqual(whole);
    expect(streamed.notes.join('\n')).toContain('this change edits .github/prguard.yml');
    expect(streamed.findings.some((f) => f.ruleId === 'secret-leakage' && f.path === 'src/config.ts')).toBe(true);
    // The override drops the custom pattern for modern/**: its acme key is not a finding there.
    expect(streamed.findings.some((f) => f.path === 'modern/new.ts' && f.message.includes('acme-key'))).toBe(false);
  });

  test('provenance worked out while the diff streams in counts only for the commits the change set ends with', async () => {
    const { repo, base, head } = buildRepo();
    const whole = await createApp({ rules: allRules, clock: () => new Date(0) }).runCheck({
      source: gitSource({ cwd: repo.dir, root: repo.dir, base, head }),
      policy: { kind: 'discover' },
      unavailable: ['body', 'labels', 'reviews'],
    });
    expect(whole.report.ai.assisted).toBe(true); // the factory-droid co-author
    // A source that reports other commits early (no trailers: a human's) than its change set holds.
    const live = gitSource({ cwd: repo.dir, root: repo.dir, base, head });
    const other: ChangeSource = {
      ...live,
      load: (events) =>
        live.load({
          ...events,
          onCommits: (commits, branch) => events?.onCommits?.(commits.map((c) => ({ ...c, message: 'change\n', trailers: [] })), branch),
        }),
    };
    const streamed = await createApp({ rules: allRules, clock: () => new Date(0) }).runCheck({
      source: other,
      policy: { kind: 'discover' },
      unavailable: ['body', 'labels', 'reviews'],
    });
    expect(streamed.report).toEqual(whole.report);
  });
});
