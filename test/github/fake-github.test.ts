// The fake GitHub server itself: a request or a response that breaks GitHub's REST description
// is caught, pagination follows Link headers, and more than 50 annotations are refused.
import { describe, expect, test } from 'vitest';
import type { FakeGitHub } from './fake-github.ts';
import { addedPatch, fakeServers, HEAD_SHA } from './scenario.ts';

const start = fakeServers();

async function server(): Promise<FakeGitHub> {
  const files = Array.from({ length: 5 }, (_, i) => ({ filename: `f${i}`, status: 'added' as const, additions: 1, deletions: 0, patch: addedPatch(['x']) }));
  return (await start({ files })).server;
}

async function send(s: FakeGitHub, method: string, path: string, body?: unknown) {
  const res = await fetch(`${s.url}${path}`, {
    method,
    headers: { authorization: 'token t', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, link: res.headers.get('link'), body: await res.json().catch(() => undefined) };
}

const repo = '/repos/Codertocat/Hello-World';

describe('the fake GitHub server', () => {
  test('a request body that breaks the contract is refused and recorded', async () => {
    const s = await server();
    const res = await send(s, 'POST', `${repo}/check-runs`, { name: 'x', output: { title: 't' } });
    expect(res.status).toBe(422);
    expect(s.violations).toEqual([
      "checks/create: body must have required property 'head_sha' {\"missingProperty\":\"head_sha\"}",
      "checks/create: body/output must have required property 'summary' {\"missingProperty\":\"summary\"}",
    ]);
  });

  test('unknown operations, unknown and ill-typed query parameters are caught', async () => {
    const s = await server();
    await send(s, 'GET', `${repo}/pulls/2/files?per_page=lots`);
    await send(s, 'GET', `${repo}/pulls/2/files?colour=red`);
    await send(s, 'DELETE', `${repo}/pulls/2`);
    expect(s.violations).toEqual([
      'pulls/list-files: query parameter per_page must be integer {"type":"integer"}',
      'pulls/list-files: unknown query parameter colour',
      `DELETE ${repo}/pulls/2: no such operation in GitHub's REST description`,
    ]);
  });

  test('its own responses are checked too', async () => {
    const s = await server();
    delete s.state.pull.head;
    await send(s, 'GET', `${repo}/pulls/2`);
    expect(s.violations).toEqual([
      'fake server response broke the contract: pulls/get response 200 must have required property \'head\' {"missingProperty":"head"}',
    ]);
  });

  test('pagination with Link headers', async () => {
    const s = await server();
    const first = await send(s, 'GET', `${repo}/pulls/2/files?per_page=2`);
    expect(first.body).toHaveLength(2);
    expect(first.link).toBe(
      `<${s.url}${repo}/pulls/2/files?per_page=2&page=2>; rel="next", <${s.url}${repo}/pulls/2/files?per_page=2&page=3>; rel="last"`,
    );
    const last = await send(s, 'GET', `${repo}/pulls/2/files?per_page=2&page=3`);
    expect(last.body.map((f: { filename: string }) => f.filename)).toEqual(['f4']);
    expect(last.link).toContain('rel="prev"');
    expect(last.link).not.toContain('rel="next"');
    expect(s.violations).toEqual([]);
  });

  test('more than 50 annotations in one request is a 422, as on GitHub', async () => {
    const s = await server();
    const annotations = Array.from({ length: 51 }, (_, i) => ({ path: 'a', start_line: i + 1, end_line: i + 1, annotation_level: 'warning', message: 'm' }));
    const res = await send(s, 'POST', `${repo}/check-runs`, { name: 'x', head_sha: HEAD_SHA, output: { title: 't', summary: 's', annotations } });
    expect(res.status).toBe(422);
    expect(s.violations).toEqual(['checks/create: body/output/annotations must NOT have more than 50 items {"limit":50}']);
    expect(s.checkRuns).toHaveLength(0);
  });
});
