// The built CLI with custom secret patterns: the ReDoS check runs from the bundle (dist/recheck.cjs).
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/repo.ts';
import { ALNUM, fake, rng } from '../helpers/secret-samples.ts';

const dir = tempDir('prguard-secret-cli-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const token = `acme_live_${fake(rng(31), ALNUM, 32)}`;
writeFileSync(
  join(dir, 'change.diff'),
  ['diff --git a/app.cfg b/app.cfg', 'new file mode 100644', 'index 0000000..1111111', '--- /dev/null', '+++ b/app.cfg', '@@ -0,0 +1 @@', `+key ${token}`, ''].join('\n'),
);

const policy = (regex: string) =>
  `version: 1\nrules:\n  secret-leakage:\n    patterns:\n      - id: acme-key\n        regex: '${regex}'\n        keywords: ["acme_live_"]\n`;

describe('secret-leakage custom patterns through the built CLI', () => {
  it('finds a secret with a safe custom pattern', () => {
    writeFileSync(join(dir, 'safe.yml'), policy('acme_live_[A-Za-z0-9]{32}'));
    const res = runCli(['check', '--diff', 'change.diff', '--policy', 'safe.yml', '--format', 'json'], { cwd: dir });
    expect(res.code, res.stderr).toBe(1);
    const findings = (JSON.parse(res.stdout) as { findings: { ruleId: string; message: string }[] }).findings;
    expect(findings.filter((f) => f.ruleId === 'secret-leakage').map((f) => f.message.includes('pattern acme-key'))).toEqual([true]);
    expect(res.stdout).not.toContain(token);
  });

  it('rejects a catastrophic regex as a located policy error (exit 2), not a hang', () => {
    writeFileSync(join(dir, 'bad.yml'), policy('acme_live_(\\w+)+x'));
    const res = runCli(['check', '--diff', 'change.diff', '--policy', 'bad.yml'], { cwd: dir });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/bad\.yml:6:\d+: .*catastrophic backtracking/);
  });
});
