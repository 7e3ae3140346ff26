// Every command's --help mentions every flag the command accepts. The flags come from the same
// parseArgs option definitions the CLI parses with, so help and behaviour cannot drift apart.
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.ts';
import { runCli, tempDir } from '../helpers/repo.ts';

describe('--help', () => {
  it('lists every command in prguard --help', () => {
    const r = runCli(['--help'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    for (const c of commands) expect(r.stdout).toContain(`\n  ${c.name.padEnd(14)}${c.summary}\n`);
  });

  it.each(commands.map((c) => [c.name, c] as const))('prguard %s --help mentions every flag', (name, command) => {
    const r = runCli([name, '--help'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(command.help);
    expect(r.stdout).toMatch(new RegExp(`^Usage: prguard ${name}\\b`));
    const flags = { ...command.options, help: { type: 'boolean', short: 'h' } };
    for (const [long, def] of Object.entries(flags)) {
      expect(r.stdout, `--${long}`).toMatch(new RegExp(`(^|[\\s,])--${long}\\b`, 'm'));
      if ('short' in def && def.short) expect(r.stdout, `-${def.short}`).toMatch(new RegExp(`(^|\\s)-${def.short}, --${long}\\b`, 'm'));
    }
  });
});
