// Workflow command injection: what a pull request controls (file names, lines, its title and body)
// reaches the step's log as annotations when the check run is refused, and as log lines. A line the
// runner reads as a command (`::set-output`, `::add-mask::`, `::stop-commands::`) must never come
// from it: the runner splits lines at \n, \r and \r\n.
import { describe, expect, test } from 'vitest';
import { rng, sample } from '../helpers/secret-samples.ts';
import type { FakeFile } from './fake-types.ts';
import { addedPatch, fakeServers, runAction } from './scenario.ts';

const start = fakeServers();
const key = sample('github-classic-pat', rng(77)).text;
const names = [
  'src/a\n::set-output name=conclusion::success\n.ts',
  'src/b\r::add-mask::prguard\r.ts',
  'src/c\r\n::stop-commands::pwned\r\n.ts',
  'src/d%0A::warning::fake%0D.ts',
];
const files: FakeFile[] = names.map((filename) => ({ filename, status: 'added', additions: 1, deletions: 0, patch: addedPatch([`token = "${key}"`]) }));

describe.concurrent('workflow commands', () => {
  test('hostile file names in the fallback annotations and the log are no commands', async () => {
    const { server, event } = await start({ files, readOnly: true, pr: { title: 'x\n::set-output name=errors::0', body: 'y\r::add-mask::z' } });
    const run = await runAction(server, event);
    expect(server.violations).toEqual([]);
    expect(run.code).toBe(1);
    const lines = run.stdout.split(/\r\n|\r|\n/);
    const commands = lines.filter((l) => l.startsWith('::')).map((l) => /^::([a-z-]+)/.exec(l)?.[1]);
    for (const c of commands) expect(['add-mask', 'debug', 'error', 'warning', 'notice']).toContain(c);
    expect(lines.filter((l) => l.startsWith('::add-mask::'))).toEqual(['::add-mask::ghs_testtoken0123456789']);
    expect(lines.some((l) => /^::(set-output|stop-commands|warning::fake)/.test(l))).toBe(false);
    expect(lines.filter((l) => l.startsWith('::error ') && l.includes('file=')).length).toBeGreaterThan(0);
    expect(run.stdout).not.toContain(key);
  });
});
