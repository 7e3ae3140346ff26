// One order for text, whatever the machine's locale: code points (git's order of paths).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareText } from '../../src/rule-kit/index.ts';
import { runCli, tempDir } from '../helpers/repo.ts';
import { rng } from '../helpers/rng.ts';

/** The reference: compare the code points one by one. */
function byCodePoints(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

describe('compareText', () => {
  it('orders by code point, astral characters after every other one', () => {
    // Units near the surrogate range and above it, where code-unit order is not code-point order.
    const alphabet = ['a', 'B', '-', '/', '.', 'é', 'z', '\u{d7ff}', '\u{e000}', '\u{ffff}', '\u{10000}', '\u{1f600}', '日'];
    const random = rng(7);
    for (let i = 0; i < 20_000; i++) {
      const word = () => Array.from({ length: Math.floor(random() * 4) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const a = word();
      const b = word();
      expect(Math.sign(compareText(a, b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(Math.sign(byCodePoints(a, b)));
    }
  });
});

describe('findings are listed in the same order under any locale', () => {
  it('Danish sorts "aa" after "z"; the report does not', () => {
    const dir = tempDir();
    const file = (path: string) => [`diff --git a/${path} b/${path}`, 'new file mode 100644', '--- /dev/null', `+++ b/${path}`, '@@ -0,0 +1 @@', '+x', ''].join('\n');
    writeFileSync(join(dir, 'change.diff'), ['z/x.ts', 'aa/x.ts', 'B/x.ts', 'a/x.ts'].map(file).join(''));
    writeFileSync(join(dir, 'p.yml'), 'version: 1\nrules:\n  protected-paths:\n    paths:\n      - pattern: "*.ts"\n');
    const paths = (locale: string) => {
      const r = runCli(['check', '--diff', 'change.diff', '--policy', 'p.yml', '--format', 'json'], { cwd: dir, env: { LC_ALL: locale, LANG: locale } });
      expect(r.stderr).toBe('');
      return (JSON.parse(r.stdout) as { findings: { ruleId: string; path?: string }[] }).findings.filter((f) => f.ruleId === 'protected-paths').map((f) => f.path);
    };
    const expected = ['B/x.ts', 'a/x.ts', 'aa/x.ts', 'z/x.ts'];
    expect(paths('da_DK.UTF-8')).toEqual(expected);
    expect(paths('en_US.UTF-8')).toEqual(expected);
  });
});
