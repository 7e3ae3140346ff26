// `check --format markdown` on a real repository whose file name carries a carriage return, an
// escape sequence and a bidi override: the report (the Action's summary and comment too) shows
// them escaped, and no line of its own starts inside a table row.
import { describe, expect, it } from 'vitest';
import { Repo, runCli } from '../helpers/repo.ts';

describe('check --format markdown: hostile file names', () => {
  it('escapes \\r, ESC and U+202E in a name, as the text report does', () => {
    const name = 'test/x\r## ✅ Passed — no findings\u001b[2J\u202e.test.ts';
    const repo = Repo.init();
    repo.commit('init');
    repo.git('branch', 'base');
    repo.commit('focus', { [name]: 'test.only("x", () => {});\n' });
    const r = runCli(['check', '--base', 'base', '--format', 'markdown'], { cwd: repo.dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(/[\r\u001b\u202e]/);
    expect(r.stdout).toContain('<code>test/x\\r## ✅ Passed — no findings\\e\\[2J\\u202e.test.ts:1</code>');
    // Only prguard's own headings: the title, one per rule, the notes.
    expect(r.stdout.split('\n').filter((l) => l.startsWith('#')).every((l) => /^(## prguard|### \[[a-z-]+\]\(|### Notes)/.test(l))).toBe(true);
  });
});
