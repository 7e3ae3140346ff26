// Every command's --help mentions every flag the command accepts. The flags come from the same
// parseArgs option definitions the CLI parses with, so help and behaviour cannot drift apart.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.ts';
import { CLI, runCli, tempDir } from '../helpers/repo.ts';

describe('--help', () => {
  it('lists every command in prguard --help', () => {
    const r = runCli(['--help'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    for (const c of commands) expect(r.stdout).toContain(`\n  ${c.name.padEnd(14)}${c.summary}\n`);
  });

  it.each(commands.map((c) => [c.name, c] as const))('prguard %s: the entry is its command; --help mentions every flag', async (name, entry) => {
    const command = await entry.load();
    expect(command.name).toBe(entry.name);
    expect(command.summary).toBe(entry.summary);
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

describe('a reader that stops early', () => {
  it('ends the CLI quietly, without a stack trace (prguard explain pr-size | head -1)', async () => {
    const child = spawn(process.execPath, [CLI, 'explain', 'pr-size'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reading end is closed before prguard writes: its write gets EPIPE
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
