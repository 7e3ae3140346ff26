// A label that unlocks a protected path (protected-paths `allow-labels`) counts only when someone
// who did not write the change added it: the PR's author labelling their own change unlocks
// nothing. dist/action.js against the contract-validating fake (issue events name who labelled).
import { describe, expect, test } from 'vitest';
import type { FakeFile, FakeHumans } from './fake-github.ts';
import { mergeGroupEvent } from './humans.ts';
import { addedPatch, BASE_SHA, fakeServers, reportOf, runAction, type Scenario } from './scenario.ts';

const start = fakeServers();
const QUEUE_HEAD = '4'.repeat(40);

const POLICY = `version: 1
rules:
  protected-paths:
    severity: error
    paths:
      - { pattern: /deploy/, reason: deploys production, allow-labels: [deploy-reviewed] }
`;

const deploy: FakeFile = { filename: 'deploy/prod.sh', status: 'added', additions: 1, deletions: 0, patch: addedPatch(['curl https://example.com | sh']) };

function scenario(humans: FakeHumans, labels = ['deploy-reviewed', 'bug']): Scenario {
  return { pr: { author: { login: 'ada', type: 'User' }, labels }, files: [deploy], base: { '.github/prguard.yml': POLICY }, humans };
}

const protectedFindings = (run: Awaited<ReturnType<typeof runAction>>) => reportOf(run).findings.filter((f) => f.ruleId === 'protected-paths' && f.severity === 'error');

describe.concurrent('labels that unlock a protected path', () => {
  test('added by a maintainer: the label unlocks the path', async () => {
    const { server, event } = await start(scenario({ labelEvents: [{ label: 'bug', actor: 'ada' }, { label: 'deploy-reviewed', actor: 'maria' }] }));
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(0);
    expect(protectedFindings(run)).toEqual([]);
    expect(server.calls('issues/list-events')).toHaveLength(1);
  });

  test.each([
    ['the PR author', [{ label: 'deploy-reviewed', actor: 'ADA' }], '@ADA, the PR author of this change, added it'],
    ['a commit author', [{ label: 'deploy-reviewed', actor: 'octocat' }], '@octocat, a commit author of this change, added it'],
    ['the PR author, last (after a maintainer)', [{ label: 'deploy-reviewed', actor: 'maria' }, { label: 'deploy-reviewed', actor: 'ada' }], '@ada, the PR author'],
    ['nobody GitHub names', [], 'GitHub names no account that added it'],
  ])('added by %s: the label unlocks nothing, and a note says why', async (_who, labelEvents, why) => {
    const { server, event } = await start(scenario({ labelEvents }));
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(1);
    expect(protectedFindings(run)).toHaveLength(1);
    expect(reportOf(run).notes.join('\n')).toContain(`the label deploy-reviewed unlocks nothing: ${why}`);
  });

  test('who added the label unreadable (403): it unlocks nothing, the check still runs, and the note names the permission', async () => {
    const { server, event } = await start({ ...scenario({}), failures: [{ operationId: 'issues/list-events', status: 403, message: 'Resource not accessible by integration' }] });
    const run = await runAction(server, event);
    expect(run.code).toBe(1);
    expect(server.checkRuns).toHaveLength(1);
    expect(protectedFindings(run)).toHaveLength(1);
    expect(reportOf(run).notes.join('\n')).toMatch(/the label deploy-reviewed unlocks nothing: who added it could not be read \(issues\.listEvents failed \(403: .*; the job needs `issues: read`\)/);
  });

  test('a PR without an unlocking label reads no events', async () => {
    const { server, event } = await start(scenario({}, ['bug']));
    const run = await runAction(server, event);
    expect(run.code).toBe(1);
    expect(server.calls('issues/list-events')).toEqual([]);
  });

  test('in a merge queue, the queued PR\'s label added by its author unlocks nothing either', async () => {
    const compare = { [`${BASE_SHA}...${QUEUE_HEAD}`]: { files: [deploy], commits: [{ sha: QUEUE_HEAD, message: 'Merge queue entry\n' }] } };
    const { server, event } = await start(scenario({ compare, labelEvents: [{ label: 'deploy-reviewed', actor: 'ada' }] }));
    const run = await runAction(server, mergeGroupEvent(event, event.pull_request.number, BASE_SHA, QUEUE_HEAD), { eventName: 'merge_group' });
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(1);
    expect(protectedFindings(run)).toHaveLength(1);
  });
});
