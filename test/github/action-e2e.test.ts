// End to end: the bundled dist/action.js run as a subprocess against the contract-validating
// fake GitHub server, one scenario per test.
import { afterEach, describe, expect, test } from 'vitest';
import type { FakeGitHub } from './fake-github.ts';
import { addedPatch, fakeFor, runAction, type Scenario } from './scenario.ts';

const servers: FakeGitHub[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
});

async function start(s: Scenario) {
  const { server, event } = fakeFor(s);
  servers.push(server);
  await server.start();
  return { server, event };
}

describe('the Action against a fake GitHub', () => {
  test('a clean PR passes', async () => {
    const { server, event } = await start({
      files: [{ filename: 'src/util.ts', status: 'added', additions: 2, deletions: 0, patch: addedPatch(['export const a = 1;', 'export const b = 2;']) }],
    });
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs.conclusion).toBe('success');
    expect(run.outputs.errors).toBe('0');
    const [check] = server.checkRuns;
    expect(check.request.conclusion).toBe('success');
    expect(check.request.head_sha).toBe('2'.repeat(40));
    expect(check.request.external_id).toContain('#');
    expect(run.summary).toContain('Passed');
    console.log(run.stdout, run.summary, server.requests.map(r => r.operationId));
  });
});
