import { expect, test } from 'vitest';
import { addedPatch, fakeServers, HEAD_SHA, reportOf, runAction } from './scenario.ts';
const start = fakeServers();
test('scratch', async () => {
  const { server, event } = await start({
    pr: { title: 'Fix octo/other#5 and #7', headRef: 'copilot/fix-octo/other#6', body: 'no statement here, see octo/other#8' },
    commits: [{ sha: HEAD_SHA, message: 'Fix octo/other#9\n\nCo-authored-by: Copilot <copilot@github.com>\n' }],
    files: [{ filename: '.github/workflows/octo/other#1.yml', status: 'added', additions: 1, deletions: 0, patch: addedPatch(['x: 1']) }, { filename: 'src/#2.ts', status: 'added', additions: 1, deletions: 0, patch: addedPatch(['x']) }],
  });
  const run = await runAction(server, event, { inputs: { comment: 'true' } });
  const body = server.comments.map((c) => c.body).join('\n');
  console.log(body.split('\n').filter((l) => l.includes('#')).join('\n'));
  console.log('CHECK', server.checkRuns[0]?.output?.summary.split('\n').filter((l: string) => /#\d/.test(l)).join('\n'));
  expect(run.code).not.toBe(null);
});
