// End to end with real rules: findings, annotations, the fork fallback, the base policy, and
// provenance. dist/action.js runs as a subprocess against the contract-validating fake GitHub.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { FakeFile } from './fake-github.ts';
import { rng, sample } from '../helpers/secret-samples.ts';
import { addedPatch, BASE_SHA, fakeServers, reportOf, runAction, type ActionRun } from './scenario.ts';

/** A focus marker, built so this file's own lines carry none. */
const FOCUS = ['it', 'only'].join('.');

const start = fakeServers();

const commands = (run: ActionRun, kind: string) => run.stdout.split('\n').filter((l) => l.startsWith(`::${kind} `) || l.startsWith(`::${kind}::`));

// A focused test on line 3 of a test file: a tests-touched finding on that line.
const focused: FakeFile = {
  filename: 'test/util.test.ts',
  status: 'added',
  additions: 5,
  deletions: 0,
  patch: addedPatch([
    "import { expect, it } from 'vitest';",
    '',
    "it.only('adds', () => {",
    '  expect(1 + 1).toBe(2);',
    '});',
  ]),
};

/** `count` new files under src/core/, each protected by the policy below (one warning each). */
const protectedFiles = (count: number): FakeFile[] =>
  Array.from({ length: count }, (_, i) => ({ filename: `src/core/m${i}.ts`, status: 'added', additions: 1, deletions: 0, patch: addedPatch([`export const m${i} = ${i};`]) }));

const POLICY = `version: 1
extends: recommended
rules:
  tests-touched: error
  pr-size: off
  protected-paths:
    severity: warning
    paths:
      - pattern: /src/core/
        reason: the core modules stay human-led
`;

// A checksum-valid fake GitHub token on line 2 of a new file (built at run time, never committed).
const token = sample('github-classic-pat', rng(7));
const leaky: FakeFile = {
  filename: 'src/client.ts',
  status: 'added',
  additions: 3,
  deletions: 0,
  patch: addedPatch(['export const client = {', `  token: '${token.text}',`, '};']),
};

describe.concurrent('the Action with real rules', () => {
  test('a leaked token is an error on its line, and reaches no output', async () => {
    const { server, event } = await start({ files: [leaky, focused], base: { '.github/prguard.yml': POLICY } });
    const run = await runAction(server, event, { inputs: { comment: 'true' } });
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(1);
    expect(server.checkRuns[0].annotations).toContainEqual(
      expect.objectContaining({ path: 'src/client.ts', start_line: 2, annotation_level: 'failure', title: 'prguard secret-leakage' }),
    );
    const outputs = [JSON.stringify(server.requests), run.summary, run.stdout, run.stderr, JSON.stringify(reportOf(run))];
    for (const text of outputs) {
      expect(text).not.toContain(token.secret);
      expect(text).not.toContain(token.secret.slice(8, 24));
    }
    expect(server.comments[0].body).toContain('secret-leakage');
  });

  test('a violating PR fails, with annotations on the right lines', async () => {
    const { server, event } = await start({ files: [focused], base: { '.github/prguard.yml': POLICY } });
    const run = await runAction(server, event, { inputs: { 'sarif-file': 'out/prguard.sarif' } });
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(1);
    const sarif = JSON.parse(readFileSync(join(run.dir, 'out', 'prguard.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results).toContainEqual(
      expect.objectContaining({
        ruleId: 'tests-touched',
        locations: [expect.objectContaining({ physicalLocation: expect.objectContaining({ region: expect.objectContaining({ startLine: 3 }) }) })],
      }),
    );
    expect(run.outputs.conclusion).toBe('failure');
    expect(run.outputs.errors).toBe('1');
    const [check] = server.checkRuns;
    expect(check.request.conclusion).toBe('failure');
    expect(check.annotations).toEqual([
      expect.objectContaining({ path: 'test/util.test.ts', start_line: 3, end_line: 3, annotation_level: 'failure', title: 'prguard tests-touched' }),
    ]);
    expect(check.annotations[0].message).toContain('`it.only(` focuses the suite');
    expect(commands(run, 'error').at(-1)).toBe('::error::prguard: 1 error (fail-on: error).');
    expect(run.summary).toContain('| ❌ error | <code>test/util.test.ts:3</code> |');
  });

  test('fail-on never reports the same PR without failing the step', async () => {
    const { server, event } = await start({ files: [focused], base: { '.github/prguard.yml': POLICY } });
    const run = await runAction(server, event, { inputs: { 'fail-on': 'never' } });
    expect(run.code).toBe(0);
    expect(run.outputs.conclusion).toBe('neutral');
    expect(server.checkRuns[0].request.conclusion).toBe('neutral');
  });

  test('120 annotations are sent in 3 requests (50 + 50 + 20)', async () => {
    const { server, event } = await start({
      files: protectedFiles(120),
      base: { '.github/prguard.yml': POLICY.replace('tests-touched: error', 'tests-touched: off') },
    });
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.outputs.warnings).toBe('120');
    const sizes = [...server.calls('checks/create'), ...server.calls('checks/update')].map((r) => r.body.output.annotations.length);
    expect(sizes).toEqual([50, 50, 20]);
    expect(server.checkRuns[0].annotations).toHaveLength(120);
    expect(server.checkRuns[0].annotations.every((a: { annotation_level: string }) => a.annotation_level === 'warning')).toBe(true);
  });

  test('a fork PR with a read-only token falls back to workflow annotations and the job summary', async () => {
    const { server, event } = await start({
      files: [focused, ...protectedFiles(14)],
      base: { '.github/prguard.yml': POLICY },
      readOnly: true,
      pr: { fork: true },
    });
    const run = await runAction(server, event, { inputs: { comment: 'true' } });
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(1);
    expect(server.checkRuns).toHaveLength(0);
    expect(server.calls('checks/create')).toHaveLength(1);
    // Worst first: the error annotation precedes the warnings, which are capped at 10.
    const errors = commands(run, 'error');
    expect(errors[0]).toMatch(/^::error title=prguard tests-touched,file=test\/util\.test\.ts,line=3,endLine=3::`it\.only\(` focuses/);
    const warnings = commands(run, 'warning').filter((l) => l.includes('file=src/core/'));
    expect(warnings).toHaveLength(10);
    expect(run.stdout.indexOf(errors[0]!)).toBeLessThan(run.stdout.indexOf(warnings[0]!));
    expect(run.stdout).toContain('::notice title=prguard%3A more findings::prguard: 4 more findings were not shown as annotations');
    expect(commands(run, 'warning')).toHaveLength(10);
    expect(commands(run, 'notice')).toHaveLength(2);
    expect(run.stdout).toContain('::notice::prguard: the PR comment was skipped because the token is read-only');
    expect(server.calls('issues/create-comment')).toHaveLength(0);
    expect(run.summary).toContain('❌ **Failed**');
    expect(run.summary).toContain('> The check run could not be created (403: the token cannot write checks): this PR comes from a fork');
    expect(run.summary).toContain('src/core/m13.ts');
  });

  test('the step fallback leaves room for its own annotations: the failed verdict is one of the 10 errors GitHub shows', async () => {
    // 12 focused tests (an error each): 10 error annotations and the verdict line made 11, and
    // GitHub, which shows 10 of a kind per step, did not show the verdict.
    const lines = Array.from({ length: 12 }, (_, i) => `${FOCUS}('case ${i}', () => {});`);
    const twelve: FakeFile = { filename: 'test/twelve.test.ts', status: 'added', additions: 12, deletions: 0, patch: addedPatch(lines) };
    const { server, event } = await start({ files: [twelve], base: { '.github/prguard.yml': POLICY }, readOnly: true, pr: { fork: true } });
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(1);
    const errors = commands(run, 'error');
    expect(errors).toHaveLength(10);
    expect(errors.at(-1)).toBe('::error::prguard: 12 errors (fail-on: error).');
    expect(run.stdout).toContain('prguard: 3 more findings were not shown as annotations');
  });

  test('a PR that edits the policy is judged by the base policy and flagged', async () => {
    const strict = 'version: 1\nextends: recommended\nrules:\n  pr-size:\n    severity: error\n    max-lines: 5\n';
    const { server, event } = await start({
      files: [
        { filename: '.github/prguard.yml', status: 'modified', additions: 1, deletions: 2, patch: '@@ -3,3 +3,2 @@ rules:\n-  pr-size:\n-    severity: error\n+  pr-size: off\n     max-lines: 5' },
        { filename: 'src/feature.ts', status: 'added', additions: 10, deletions: 0, patch: addedPatch(Array.from({ length: 10 }, (_, i) => `export const f${i} = ${i};`)) },
      ],
      base: { '.github/prguard.yml': strict },
      head: { '.github/prguard.yml': 'version: 1\nextends: recommended\nrules:\n  pr-size: off\n' },
    });
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    const report = reportOf(run);
    expect(report.policy).toEqual({ path: '.github/prguard.yml', source: 'base' });
    expect(report.findings).toContainEqual(expect.objectContaining({ ruleId: 'pr-size', severity: 'error' }));
    expect(report.findings).toContainEqual(expect.objectContaining({ ruleId: 'protected-paths', path: '.github/prguard.yml' }));
    expect(run.code).toBe(1);
    // The policy was read at the base commit only.
    const policyReads = server.calls('repos/get-content').filter((r) => r.path.endsWith('prguard.yml'));
    expect(policyReads.length).toBeGreaterThan(0);
    expect(policyReads.every((r) => r.query.ref === BASE_SHA)).toBe(true);
  });

  test('a Copilot-authored PR is recognised as AI-assisted', async () => {
    const { server, event } = await start({
      files: [{ filename: 'src/util.ts', status: 'added', additions: 1, deletions: 0, patch: addedPatch(['export const x = 1;']) }],
      pr: { author: { login: 'Copilot', type: 'Bot' }, headRef: 'copilot/fix-util-export', body: null },
      commits: [
        {
          sha: 'a'.repeat(40),
          message: 'Add util export\n\nCo-authored-by: octocat <octocat@github.com>\n',
          author: { name: 'Copilot', email: '198982749+Copilot@users.noreply.github.com', login: 'Copilot', type: 'Bot' },
        },
      ],
    });
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(run.outputs['ai-assisted']).toBe('true');
    expect(reportOf(run).ai).toMatchObject({ assisted: true, agents: expect.arrayContaining([expect.stringMatching(/copilot/i)]) });
    expect(run.summary).toMatch(/\*\*AI-assisted:\*\* yes — .*Copilot/i);
  });

  test('a sarif-file past code scanning limits keeps the 5,000 worst, says so in the job summary and the log, and keeps the verdict', async () => {
    // 5,200 focused tests (an error each) and 40 protected files (a warning each): more results
    // than code scanning keeps of one run. A read-only token: the step's annotations stand in for
    // the check run's 1,000, which take 20 requests (GitHub's pace for writes is one a second).
    const lines = Array.from({ length: 5_200 }, (_, i) => `${FOCUS}('case ${i}', () => {});`);
    const many: FakeFile = { filename: 'test/many.test.ts', status: 'added', additions: lines.length, deletions: 0, patch: addedPatch(lines) };
    const { server, event } = await start({ files: [many, ...protectedFiles(40)], base: { '.github/prguard.yml': POLICY }, readOnly: true });
    const run = await runAction(server, event, { inputs: { 'sarif-file': 'prguard.sarif' } });
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(1);
    expect(run.outputs.errors).toBe('5200');
    expect(run.outputs.warnings).toBe('40');
    const sarif = JSON.parse(readFileSync(join(run.dir, 'prguard.sarif'), 'utf8'));
    const results = sarif.runs[0].results as { level: string }[];
    expect(results).toHaveLength(5_000);
    expect(results.every((r) => r.level === 'error')).toBe(true);
    expect(sarif.runs[0].properties).toMatchObject({ conclusion: 'failure', findings: { error: 5_200, warning: 40 }, resultsLeftOut: 240 });
    const said = '240 of 5240 findings (200 errors, 40 warnings) are not in this SARIF file';
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toContain(said);
    expect(run.summary).toContain(`SARIF file: ${said}`);
    // Room is left for that warning among the 10 GitHub shows, and for the verdict among the errors.
    expect(commands(run, 'warning')).toHaveLength(10);
    expect(commands(run, 'warning').at(-1)).toMatch(/^::warning title=prguard%3A SARIF file cut to code scanning's limits::prguard: .*prguard\.sarif: 240 of 5240 findings/);
    expect(commands(run, 'error')).toHaveLength(10);
    expect(run.outputs.conclusion).toBe('failure');
  });
});
