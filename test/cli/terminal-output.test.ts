// What a change brings (file names, commit messages) reaches the terminal without its control
// characters: no escape sequence, carriage return or newline of its own in the text report or in
// an error message.
import { describe, expect, it } from 'vitest';
import { printable, printableLines } from '../../src/report/printable.ts';
import { Repo, runCli } from '../helpers/repo.ts';

const ESC = '\u001b';

describe('text output escapes control characters from the change', () => {
  it('a file name and a trailer with escape sequences, CR and LF are shown escaped, on one line each', () => {
    const repo = Repo.init('main');
    repo.commit('base', { 'a.txt': 'a\n' });
    repo.git('checkout', '-q', '-b', 'pr');
    // OSC 0 (window title), erase line, carriage return: printed raw, the finding erases itself.
    const name = `test/a${ESC}]0;pwned\u0007${ESC}[2K\rb\nc\u202e.test.ts`;
    repo.write(name, 'test.only("x", () => {})\n');
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', `feat\n\nCo-authored-by: Claude ${ESC}[8m<noreply@anthropic.com>`);
    for (const env of [{}, { FORCE_COLOR: '1' }] as Record<string, string>[]) {
      const r = runCli(['check', '--base', 'main'], { cwd: repo.dir, env });
      expect(r.code).toBe(0);
      // Colour, when on, is prguard's own SGR codes only.
      const foreign = r.stdout.replace(/\u001b\[\d+m/g, '');
      expect(foreign).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
      const line = r.stdout.split('\n').find((l) => l.includes('test.only('))!;
      expect(line).toContain('test/a\\e]0;pwned\\x07\\e[2K\\rb\\nc\\u202e.test.ts');
      expect(r.stdout).toContain('Co-authored-by: Claude \\e[8m<noreply');
    }
    // JSON keeps the exact name: it is data, escaped by JSON itself.
    const json = JSON.parse(runCli(['check', '--base', 'main', '-f', 'json'], { cwd: repo.dir }).stdout) as { findings: { path?: string }[] };
    expect(json.findings.map((f) => f.path)).toContain(name);
  });

  it('an error message keeps its own lines but not a control character it quotes', () => {
    const repo = Repo.init('main');
    repo.commit('base', { 'a.txt': 'a\n' });
    const r = runCli(['check', '--base', 'main', '--policy', `no${ESC}[2Jne\r.yml`], { cwd: repo.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('prguard: cannot read policy file no\\e[2Jne\\r.yml: the file does not exist\n');
    expect(printableLines('one\ntwo\r\n')).toBe('one\ntwo\\r\n');
    expect(printable('one\ttwo\u0085\u2066')).toBe('one\\ttwo\\x85\\u2066');
  });

  it('invisible characters in a file name are shown escaped: a finding cannot read as another path', () => {
    const repo = Repo.init('main');
    repo.commit('base', { 'a.txt': 'a\n' });
    repo.git('checkout', '-q', '-b', 'pr');
    // Zero-width space, left-to-right mark, Arabic letter mark, soft hyphen, word joiner, BOM, a
    // tag character (U+E0041) and the line separator: each shows as nothing, or as a plain space,
    // so `test/auth<ZWSP>.test.ts` reads as `test/auth.test.ts`.
    const hidden = ['\u200b', '\u200e', '\u061c', '\u00ad', '\u2060', '\ufeff', '\u{e0041}', '\u2028'];
    const names = hidden.map((c, i) => `test/auth${c}${i}.test.ts`);
    for (const name of names) repo.write(name, 'test.only("x", () => {})\n');
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'feat');
    const escaped = ['\\u200b', '\\u200e', '\\u061c', '\\xad', '\\u2060', '\\ufeff', '\\u{e0041}', '\\u2028'];
    for (const format of ['text', 'markdown']) {
      const r = runCli(['check', '--base', 'main', '-f', format], { cwd: repo.dir });
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(/[\u200b\u200e\u061c\u00ad\u2060\ufeff\u2028]|\u{e0041}/u);
      escaped.forEach((e, i) => expect(r.stdout).toContain(`test/auth${e}${i}.test.ts:1`));
    }
    // JSON keeps the exact names.
    const json = JSON.parse(runCli(['check', '--base', 'main', '-f', 'json'], { cwd: repo.dir }).stdout) as { findings: { path?: string }[] };
    expect(json.findings.flatMap((f) => (f.path ? [f.path] : [])).sort()).toEqual([...names].sort());
    expect(printable('a\ud83d')).toBe('a\\ud83d');
    expect(printable('👨\u200d👩')).toBe('👨\\u200d👩');
  });

  it('the quoted AI evidence is cut on a character, never through an emoji (half a surrogate pair is no character)', () => {
    const repo = Repo.init('main');
    repo.commit('base', { 'a.txt': 'a\n' });
    repo.git('checkout', '-q', '-b', 'pr');
    repo.write('b.txt', 'b\n');
    repo.git('add', '-A');
    // The summary quotes 59 characters of the evidence: here the 59th is the first half of 😀.
    const trailer = `Co-authored-by: Claude ${'x'.repeat(35)}😀😀 <noreply@anthropic.com>`;
    expect(trailer.charCodeAt(58)).toBe(0xd83d);
    repo.git('commit', '-q', '-m', `feat\n\n${trailer}`);
    for (const format of ['text', 'markdown']) {
      const r = runCli(['check', '--base', 'main', '-f', format], { cwd: repo.dir });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`("Co-authored-by: Claude ${'x'.repeat(35)}…")`);
      expect(r.stdout).not.toMatch(/\ufffd|\\ud83d/);
    }
  });
});
