// Publishing under GitHub's real limits and refusals: check-run text in bytes, and a check run
// GitHub refuses (422, time-out) falls back to workflow annotations and the job summary, with the
// step's exit decided by `fail-on` alone. Also the Action's round count on a maximal API PR.
import { describe, expect, test } from 'vitest';
import { rng, sample } from '../helpers/secret-samples.ts';
import type { FakeFile } from './fake-github.ts';
import { addedPatch, fakeServers, reportOf, runAction, sequentialRounds } from './scenario.ts';

const start = fakeServers();
const smallTest: FakeFile = { filename: 'src/util.test.ts', status: 'added', additions: 1, deletions: 0, patch: addedPatch(["it('a', () => expect(1).toBe(1));"]) };
// 260 real-format tokens in a file with a long non-ASCII path: ~260 findings whose rows are mostly
// 2-byte characters, so a summary cut at 65,535 characters is far over 65,535 bytes.
const dir = 'конфигурация/секреты-окружения/'.repeat(3);
const keys = Array.from({ length: 260 }, (_, i) => sample('github-classic-pat', rng(1000 + i)).text);
const leaky: FakeFile = { filename: `${dir}значения.txt`, status: 'added', additions: keys.length, deletions: 0, patch: addedPatch(keys.map((k) => `ключ = "${k}"`)) };

describe.concurrent('publishing', () => {
  test('hundreds of non-ASCII findings fit the check run: summary, titles and messages measured in bytes (no 422)', async () => {
    const { server, event } = await start({ files: [smallTest, leaky] });
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(1);
    expect(server.calls('checks/create')).toHaveLength(1);
    expect(server.checkRuns).toHaveLength(1);
    const summary: string = server.checkRuns[0].output.summary;
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(65535);
    expect(summary.length).toBeGreaterThan(30_000);
    expect(server.checkRuns[0].annotations).toHaveLength(reportOf(run).findings.filter((f) => f.path).length);
    for (const k of keys) expect(run.stdout + summary).not.toContain(k);
  });

  test('a hostile file name makes no link, image, HTML or @mention in the check run, job summary or PR comment', async () => {
    const filename = 'src/[Sign in](https://evil.example)/![p](https://evil.example/p.png)/<img src=x>/@acme/all.ts';
    const { server, event } = await start({ files: [{ filename, status: 'added', additions: 1, deletions: 0, patch: addedPatch(['export const a = 1;']) }] });
    const run = await runAction(server, event, { inputs: { comment: 'true' } });
    expect(server.violations).toEqual([]);
    const texts = { check: server.checkRuns[0].output.summary as string, summary: run.summary, comment: server.comments[0].body as string };
    for (const text of Object.values(texts)) {
      expect(text).toContain('src/\\[Sign in\\](https&#58;//evil.example)/!\\[p\\](https&#58;//evil.example/p.png)/&lt;img src=x&gt;/@');
      expect(text).not.toMatch(/(^|[^\\])\[(Sign in|p)\]\(/);
      expect(text).not.toContain('<img');
      // Nor a bare URL, which GitHub links in raw text (GFM autolink literals).
      expect(text).not.toContain('https://evil.example');
    }
    // Outside inline code GitHub would link the mention, and notify the team from a bot's comment.
    expect(texts.comment).toContain('@&#8203;acme/all.ts');
    expect(texts.comment.replace(/<code>.*?<\/code>/g, '')).not.toMatch(/@acme/);
  });

  test('a file name with a bidi override or an escape sequence is shown escaped in annotation messages (the path stays exact)', async () => {
    // U+202E reverses what follows on GitHub's page: `src/\u202egnp.ts` reads as `src/st.png`.
    const filename = 'src/\u202egnp.ts\u200b\u001b[2K';
    const patch = addedPatch([`token = "${keys[0]}"`]);
    for (const readOnly of [false, true]) {
      const { server, event } = await start({ files: [{ filename, status: 'added', additions: 1, deletions: 0, patch }], readOnly });
      const run = await runAction(server, event);
      expect(server.violations).toEqual([]);
      expect(run.code).toBe(1);
      const messages = readOnly
        ? run.stdout
            .split('\n')
            .filter((l) => /^::error .*file=/.test(l))
            .map((l) => l.slice(l.indexOf('::', 2) + 2))
        : (server.checkRuns[0].annotations as { path: string; message: string }[]).map((a) => {
            expect(a.path).toBe(filename);
            return a.message;
          });
      expect(messages.length).toBeGreaterThan(0);
      for (const m of messages) {
        expect(m).toContain('src/\\u202egnp.ts\\u200b\\e[2K:1');
        expect(m).not.toMatch(/[\u202e\u200b\u001b]/);
      }
    }
  });

  test('a review check run GitHub refuses is a warning: the step still passes or fails by fail-on alone', async () => {
    const policy = 'version: 1\nrules:\n  review-quorum: error\n';
    const refuse = { operationId: 'checks/create', status: 502, times: 10, when: (body: { name?: string }) => body?.name === 'prguard/review' };
    const { server, event } = await start({ files: [smallTest], base: { '.github/prguard.yml': policy }, failures: [refuse] });
    const run = await runAction(server, event);
    expect(run.code).toBe(0);
    expect(run.outputs.conclusion).toBe('success');
    expect(server.checkRuns.map((r) => r.request.name)).toEqual(['prguard']);
    expect(run.stdout).toMatch(/::warning title=prguard%3A no review check run::prguard: the prguard\/review check run could not be published \(checks\.create failed \(502/);
  });

  test("an outsider's comment carrying the sticky marker is not overwritten: prguard posts its own", async () => {
    const fake = { login: 'mallory', association: 'NONE' as const, body: '<!-- prguard:sticky prguard -->\n## prguard\n✅ **Passed** — no findings' };
    const { server, event } = await start({ files: [smallTest], humans: { comments: [fake] } });
    const run = await runAction(server, event, { inputs: { comment: 'true' } });
    expect(run.code).toBe(0);
    expect(server.calls('issues/update-comment')).toHaveLength(0);
    expect(server.calls('issues/create-comment')).toHaveLength(1);
    expect(server.comments[0].body).toBe(fake.body);
  });

  test('a check run GitHub refuses (422) still publishes: annotations on the step and the job summary say so', async () => {
    const { server, event } = await start({ files: [smallTest, leaky], failures: [{ operationId: 'checks/create', status: 422, message: 'Invalid request' }] });
    const run = await runAction(server, event);
    expect(run.code).toBe(1); // fail-on: error, and there are error findings
    expect(run.stdout).toContain('::warning title=prguard%3A no check run::prguard: The check run could not be published (checks.create failed (422: Invalid request)');
    // 9 of the findings, and the failed step's verdict: the 10 errors GitHub shows of a step.
    expect(run.stdout.split('\n').filter((l) => /^::error .*file=/.test(l))).toHaveLength(9);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('::error'))).toHaveLength(10);
    expect(run.summary).toContain('> The check run could not be published (checks.create failed (422');
    expect(run.summary).toContain('❌ **Failed**');
    expect(run.outputs).toMatchObject({ conclusion: 'failure', superseded: 'false' });
  });

  test('a check run refused for a used-up rate limit (a 403 too) is said to be that, not a missing `checks: write`', async () => {
    const limited = (name: string) => ({
      operationId: 'checks/create',
      status: 403,
      message: 'API rate limit exceeded for installation ID 1.',
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600) },
      when: (body: { name?: string }) => body?.name === name,
    });
    const policy = 'version: 1\nrules:\n  review-quorum: error\n';
    const { server, event } = await start({ files: [smallTest], base: { '.github/prguard.yml': policy }, failures: [limited('prguard'), limited('prguard/review')] });
    const run = await runAction(server, event, { inputs: { comment: 'true' } });
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.outputs.conclusion).toBe('success');
    expect(run.stdout).toContain("::warning title=prguard%3A no check run::prguard: The check run could not be published (checks.create failed (403: API rate limit exceeded for installation ID 1.). GitHub's rate limit for this token is used up");
    expect(run.stdout).toContain("::warning title=prguard%3A no review check run::prguard: the prguard/review check run could not be published (checks.create failed (403: API rate limit exceeded for installation ID 1.). GitHub's rate limit");
    expect(run.stdout + run.summary).not.toMatch(/cannot write checks|read-only/);
  });

  test('a PR comment refused because the conversation is locked says so, not that the token is read-only', async () => {
    const locked = { operationId: 'issues/create-comment', status: 403, message: 'Unable to create comment because issue is locked.' };
    const { server, event } = await start({ files: [smallTest], failures: [locked] });
    const run = await runAction(server, event, { inputs: { comment: 'true' } });
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.outputs.conclusion).toBe('success');
    expect(run.stdout).toContain('::notice::prguard: the PR comment was skipped because the conversation is locked.');
    expect(run.stdout).not.toMatch(/read-only/);
  });

  test('with fail-on: never a refused check run never fails the step', async () => {
    const { server, event } = await start({ files: [smallTest, leaky], failures: [{ operationId: 'checks/create', status: 422, message: 'Invalid request' }] });
    const run = await runAction(server, event, { inputs: { 'fail-on': 'never', comment: 'true' } });
    expect(run.code).toBe(0);
    expect(run.outputs.conclusion).toBe('neutral');
    expect(run.stdout).toContain('::notice::prguard: the PR comment was skipped because the check run could not be published.');
    expect(server.calls('issues/create-comment')).toHaveLength(0);
  });

  test('an endless Link on the PR comments cannot make the sticky-comment search run away', async () => {
    const { server, event } = await start({ files: [smallTest], hostile: { endlessLink: ['issues/list-comments'] } });
    const run = await runAction(server, event, { inputs: { comment: 'true' } });
    expect(run.code).toBe(0);
    expect(server.calls('issues/list-comments')).toHaveLength(30);
    expect(server.comments).toHaveLength(1);
  });

  test('a check-run request that never answers falls back too, and a clean PR still passes', async () => {
    const { server, event } = await start({ files: [smallTest], hostile: { hang: ['checks/create'] } });
    const run = await runAction(server, event, { inputs: { 'request-timeout': '0.3' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/::warning title=prguard%3A no check run::prguard: The check run could not be published \(checks\.create failed \(no response/);
    expect(run.outputs.conclusion).toBe('success');
  }, 30_000);

  test('a failing annotation update keeps the check run (its verdict is set) and shows the findings on the step', async () => {
    const { server, event } = await start({ files: [smallTest, leaky], failures: [{ operationId: 'checks/update', status: 422, message: 'Invalid request' }] });
    const run = await runAction(server, event);
    expect(run.code).toBe(1);
    expect(server.checkRuns[0].request.conclusion).toBe('failure');
    expect(run.stdout).toContain('prguard: The check run was created with its verdict, but not all of its annotations could be added (checks.update failed (422');
    // 9 of the findings, and the failed step's verdict: the 10 errors GitHub shows of a step.
    expect(run.stdout.split('\n').filter((l) => /^::error .*file=/.test(l))).toHaveLength(9);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('::error'))).toHaveLength(10);
  });

  test('a 3,000-file, 250-commit PR through the API takes at most 8 sequential rounds of requests', async () => {
    const files = Array.from({ length: 3000 }, (_, i): FakeFile => ({ filename: `src/f${i}.test.ts`, status: 'added', additions: 1, deletions: 0, patch: addedPatch(['x']) }));
    const commits = Array.from({ length: 250 }, (_, i) => ({ sha: (i + 1).toString(16).padStart(40, 'c'), message: `Change ${i}\n` }));
    // Rounds are told apart by time: a request that starts after another has ended follows it. The
    // latency is long beside the Action's own work between requests, so that a slow, shared machine
    // (a busy CI runner) does not make two requests sent at once look one after the other.
    const { server, event } = await start({ files, commits, latencyMs: 1000 });
    const run = await runAction(server, event);
    expect(run.code).toBe(0);
    expect(server.calls('pulls/list-files')).toHaveLength(30);
    console.log(`3,000 files, 250 commits: ${server.requests.length} requests in ${sequentialRounds(server)} sequential rounds`);
    expect(server.calls('pulls/list-commits')).toHaveLength(3);
    expect(sequentialRounds(server)).toBeLessThanOrEqual(8);
  }, 60_000);
});
