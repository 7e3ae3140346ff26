// With the runner's debug logging on (RUNNER_DEBUG=1, "Enable debug logging" on a re-run), octokit
// logs each request's path: a contents read of a file named with a token carried it into the job
// log. Those lines pass through the masking stage like every other output.
import { expect, test } from 'vitest';
import { rng, sample } from '../helpers/secret-samples.ts';
import { fakeServers, reportOf, runAction } from './scenario.ts';

const start = fakeServers();
const KEY = sample('github-classic-pat', rng(31)).text;

test('a token in a file name read through the contents API stays out of the debug log', async () => {
  const path = `config/${KEY}.json`;
  const big = Array.from({ length: 3000 }, (_, i) => `  "k${i}": ${i},`).join('\n') + '\n';
  // No patch (a large diff): prguard reads the file's contents at the head, by its path.
  const { server, event } = await start({ files: [{ filename: path, status: 'added', additions: 3000, deletions: 0 }], head: { [path]: big } });
  const run = await runAction(server, event, { env: { RUNNER_DEBUG: '1' } });
  expect(server.calls('repos/get-content').some((r) => decodeURIComponent(r.path).includes(KEY))).toBe(true);
  expect(run.stdout).toContain('::debug::');
  expect(reportOf(run).findings.some((f) => f.ruleId === 'secret-leakage')).toBe(true);
  expect(run.stdout + run.stderr + run.summary).not.toContain(KEY.slice(8));
});
