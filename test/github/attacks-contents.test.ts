// Files whose `patch` GitHub leaves out (large diffs): prguard reads them at the merge base and
// the head and diffs them itself, so a key in a large file is still found; only what it cannot
// read is an error, never a pass.
import { describe, expect, test } from 'vitest';
import { rng, sample } from '../helpers/secret-samples.ts';
import type { FakeFile } from './fake-github.ts';
import { addedPatch, fakeServers, HEAD_SHA, reportOf, runAction } from './scenario.ts';

const start = fakeServers();
const KEY = sample('github-classic-pat', rng(23)).text;
const MERGE_BASE = '9'.repeat(40);
const smallTest: FakeFile = { filename: 'src/util.test.ts', status: 'added', additions: 1, deletions: 0, patch: addedPatch(["it('a', () => expect(1).toBe(1));"]) };

const lines = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('\n') + '\n';
const before = lines(20_000, (i) => `  "k${i}": ${i},`);
// 3 lines changed in the middle, one of them a real-format token.
const after = before.replace('  "k12000": 12000,\n', `  "k12000": 12001,\n  "token": "${KEY}",\n  "k12000b": 1,\n`);

describe.concurrent('files without a patch', () => {
  test('a key in a large file whose patch GitHub omitted is still found, on its line (contents at the merge base and head)', async () => {
    const { server, event } = await start({
      files: [smallTest, { filename: 'data/big.json', status: 'modified', additions: 3, deletions: 1 }],
      mergeBase: { sha: MERGE_BASE, files: { 'data/big.json': before } },
      head: { 'data/big.json': after },
    });
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(1);
    const findings = reportOf(run).findings;
    expect(findings.filter((f) => f.message.startsWith('Could not read'))).toEqual([]);
    const secret = findings.find((f) => f.ruleId === 'secret-leakage');
    expect(secret).toMatchObject({ path: 'data/big.json', line: 12002, severity: 'error' });
    expect(reportOf(run).notes.join('\n')).toContain('prguard read their contents at both commits and diffed them');
    expect(run.stdout + run.summary + JSON.stringify(server.checkRuns)).not.toContain(KEY);
    // The base side is read at the merge base (what GitHub diffs against), not the base tip.
    const reads = server.calls('repos/get-content').filter((r) => decodeURIComponent(r.path).endsWith('/data/big.json'));
    expect(reads.map((r) => r.query.ref).sort()).toEqual([HEAD_SHA, MERGE_BASE].sort());
  });

  test('a patch cut short (fewer lines than its counts) is not trusted: the file is re-read, and a key after the cut is found', async () => {
    const head = 'one\ntwo\n' + `token = "${KEY}"\n`;
    const { server, event } = await start({
      // The patch shows 2 of the 3 added lines; the third (the key) was cut off.
      files: [smallTest, { filename: 'conf/app.ini', status: 'added', additions: 3, deletions: 0, patch: addedPatch(['one', 'two']) }],
      head: { 'conf/app.ini': head },
    });
    const run = await runAction(server, event);
    expect(run.code).toBe(1);
    expect(reportOf(run).findings.find((f) => f.ruleId === 'secret-leakage')).toMatchObject({ path: 'conf/app.ini', line: 3 });
    // An added file has no base side to read.
    expect(server.calls('repos/get-content').filter((r) => decodeURIComponent(r.path).endsWith('conf/app.ini'))).toHaveLength(1);
  });

  test('a renamed large file is read at its old path on the base side', async () => {
    const { server, event } = await start({
      files: [smallTest, { filename: 'data/new.json', previous_filename: 'data/old.json', status: 'renamed', additions: 3, deletions: 1 }],
      mergeBase: { sha: MERGE_BASE, files: { 'data/old.json': before } },
      head: { 'data/new.json': after },
    });
    const run = await runAction(server, event);
    expect(run.code).toBe(1);
    expect(reportOf(run).findings.find((f) => f.ruleId === 'secret-leakage')).toMatchObject({ path: 'data/new.json', line: 12002 });
  });

  test('a large file whose contents cannot be read at the merge base cannot pass: an error in the rules that read lines', async () => {
    const { server, event } = await start({
      files: [smallTest, { filename: 'data/big.json', status: 'modified', additions: 3, deletions: 1 }],
      mergeBase: { sha: MERGE_BASE, files: {} },
      // Present at the base tip only: reading it there would diff against the wrong commit.
      base: { 'data/big.json': before },
      head: { 'data/big.json': after },
    });
    const run = await runAction(server, event);
    expect(run.code).toBe(1);
    const unread = reportOf(run).findings.filter((f) => f.message.startsWith('Could not read the changed lines of data/big.json'));
    expect(unread.map((f) => f.ruleId)).toEqual(['tests-touched', 'secret-leakage']);
    expect(unread[0]!.message).toContain(`data/big.json is not in commit ${MERGE_BASE.slice(0, 12)}`);
  });

  test('contents that do not match GitHub\'s line counts are not trusted: the file is reported as not checked', async () => {
    const { server, event } = await start({
      files: [smallTest, { filename: 'data/big.json', status: 'modified', additions: 50, deletions: 1 }],
      mergeBase: { sha: MERGE_BASE, files: { 'data/big.json': before } },
      head: { 'data/big.json': after },
    });
    const run = await runAction(server, event);
    expect(run.code).toBe(1);
    expect(run.summary).toContain("do not match GitHub's counts (+50 −1)");
  });

  test('a contents API that never answers cannot hang the job: the run fails naming the call', async () => {
    const { server, event } = await start({
      files: [smallTest, { filename: 'data/big.json', status: 'added', additions: 3, deletions: 0 }],
      head: { 'data/big.json': 'a\nb\nc\n' },
      hostile: { hang: ['repos/get-content'] },
    });
    const run = await runAction(server, event, { inputs: { 'request-timeout': '0.3' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::prguard: repos\.getContent failed \(no response/);
    expect(run.stderr).toBe('');
  }, 30_000);
});
