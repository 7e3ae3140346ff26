// Every command's --help mentions every flag the command accepts. The flags come from the same
// parseArgs option definitions the CLI parses with, so help and behaviour cannot drift apart.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.ts';
import { CLI, ROOT, runCli, tempDir } from '../helpers/repo.ts';

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

// The README documents every flag of every command, and names no flag a command lacks (a
// deliberate mistake it quotes the error of, `unknown option --x for prguard check`, aside).
describe('README and --help agree on the flags', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  it.each(commands.map((c) => [c.name, c] as const))('prguard %s: every flag is in the README', async (_name, entry) => {
    const command = await entry.load();
    for (const long of Object.keys(command.options)) expect(readme, `--${long}`).toMatch(new RegExp(`--${long}\\b`));
  });

  it('every `prguard <command> --flag` the README shows is a flag of that command', async () => {
    const spans = [...readme.matchAll(/`([^`\n]+)`/g), ...readme.matchAll(/^\$? ?(?:npx )?(prguard [^\n]+)$/gm)].map((m) => m[1]!);
    let seen = 0;
    for (const span of spans) {
      const m = /^(?:npx )?prguard ([a-z-]+)\b(.*)$/.exec(span);
      const entry = m && commands.find((c) => c.name === m[1]);
      if (!entry) continue;
      const options = { ...(await entry.load()).options, help: { type: 'boolean' } };
      for (const [, flag] of m[2]!.matchAll(/(?:^|\s)--([a-z][a-z-]*)/g)) {
        seen++;
        if (readme.includes(`unknown option --${flag} for prguard ${entry.name}`)) continue;
        expect(Object.keys(options), `${span}: --${flag}`).toContain(flag);
      }
    }
    expect(seen).toBeGreaterThan(5);
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

describe('a reader that is slow', () => {
  it('gets all of a large report, written while it was not reading (stdout is written straight to its descriptor)', async () => {
    // 2,000 Stripe-shaped keys: a JSON report of about 1.5 MB, far more than a pipe holds.
    const dir = tempDir();
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    let seed = 7;
    const key = () => Array.from({ length: 24 }, () => alphabet[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % 62]).join('');
    const added = Array.from({ length: 2000 }, (_, i) => `+const k${i} = "sk_live_${key()}";`);
    writeFileSync(join(dir, 'big.diff'), `diff --git a/src/x.ts b/src/x.ts\nnew file mode 100644\n--- /dev/null\n+++ b/src/x.ts\n@@ -0,0 +1,${added.length} @@\n${added.join('\n')}\n`);
    const child = spawn(process.execPath, [CLI, 'check', '--diff', 'big.diff', '--format', 'json'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pause();
    await new Promise((resolve) => setTimeout(resolve, 500)); // the report is written (and the pipe full) meanwhile
    const chunks: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.stdout.resume();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const report = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { findings: { ruleId: string }[] };
    expect(Buffer.concat(chunks).length).toBeGreaterThan(500_000);
    expect(report.findings.filter((f) => f.ruleId === 'secret-leakage').length).toBeGreaterThan(1000);
  });
});
