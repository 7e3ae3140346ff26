// The Action end-to-end tests run dist/action.js on Node 24, the runtime action.yml names.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
