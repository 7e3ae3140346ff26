// The built CLI on real git repositories: `prguard secrets baseline`, the baseline read at the
// BASE commit (a change cannot waive its own leak), and secrets in the history of a change.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checksumOf } from '../../rules/secret-leakage/checksums.ts';
import { Repo, runCli } from '../helpers/repo.ts';
import { ALNUM, fake, rng } from '../helpers/secret-samples.ts';

const r = rng(99);
const ghp = () => {
  const body = fake(r, ALNUM, 30);
  return `ghp_${body}${checksumOf.base62Crc(body)}`;
};
const POLICY = 'version: 1\nrules:\n  secret-leakage:\n    baseline: .github/prguard-secrets-baseline.json\n  tests-touched: off\n  ai-disclosure: off\n';

interface Finding { ruleId: string; severity: string; message: string; path?: string; confidence?: string }
const check = (repo: Repo, args: string[] = []) => {
  const res = runCli(['check', '--base', 'main', '--format', 'json', ...args], { cwd: repo.dir });
  const report = JSON.parse(res.stdout) as { findings: Finding[] };
  const all = report.findings.filter((f) => f.ruleId === 'secret-leakage');
  // `secrets`: without the notice that the baseline is not at the base (most of these bases lack it).
  return { code: res.code, stdout: res.stdout, all, secrets: all.filter((f) => !/^The secret baseline .* is not at the base commit/.test(f.message)) };
};

let repos: Repo[] = [];
afterEach(() => {
  for (const repo of repos) repo.remove();
  repos = [];
});
function repoWith(files: Record<string, string>): Repo {
  const repo = Repo.init();
  repos.push(repo);
  repo.commit('base', { '.github/prguard.yml': POLICY, ...files });
  return repo;
}

describe('prguard secrets baseline', () => {
  it('writes fingerprints, never the secret, and a baselined fixture becomes a notice', () => {
    const token = ghp();
    const repo = repoWith({ 'test/redact.test.ts': `expect(redact('${token}')).toBe('[REDACTED]');\n` });
    const res = runCli(['secrets', 'baseline'], { cwd: repo.dir });
    expect(res.code, res.stderr).toBe(0);
    const written = readFileSync(join(repo.dir, '.github/prguard-secrets-baseline.json'), 'utf8');
    expect(written).not.toContain(token);
    expect(res.stdout).not.toContain(token);
    expect((JSON.parse(written) as { fingerprints: { fingerprint: string }[] }).fingerprints).toHaveLength(1);
    repo.commit('baseline');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('more tests', { 'test/redact.test.ts': `expect(redact('${token}')).toBe('[REDACTED]');\nexpect(redact('${token} x')).toBe('[REDACTED] x');\n` });
    const { code, secrets, stdout } = check(repo);
    expect(stdout).not.toContain(token);
    expect(secrets.map((f) => f.severity)).toEqual(['notice']);
    expect(code).toBe(0);
  });

  it('writes no secret held in a path (a key pasted into a file name)', () => {
    const [inName, inLine] = [ghp(), ghp()];
    const repo = repoWith({ [`keys/${inName}.txt`]: `k = '${inLine}'\n` });
    expect(runCli(['secrets', 'baseline'], { cwd: repo.dir }).code).toBe(0);
    const written = readFileSync(join(repo.dir, '.github/prguard-secrets-baseline.json'), 'utf8');
    expect(written).not.toContain(inName.slice(4, 16));
    expect((JSON.parse(written) as { fingerprints: { path?: string }[] }).fingerprints.map((f) => f.path)).toEqual([undefined, 'keys/ghp_…[redacted].txt']);
  });

  it('a baseline added or edited by the change itself waives nothing (it is read at the base)', () => {
    const repo = repoWith({ 'README.md': 'hi\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    const token = ghp();
    repo.commit('leak', { 'src/a.ts': `const t = '${token}';\n` });
    expect(runCli(['secrets', 'baseline'], { cwd: repo.dir }).code).toBe(0);
    repo.commit('waive my own leak');
    const { code, secrets } = check(repo);
    expect(code).toBe(1);
    expect(secrets.map((f) => [f.path, f.severity])).toEqual([['src/a.ts', 'error']]);
  });

  it('--diff (the baseline read from the work tree): what the change adds to it waives nothing', () => {
    const [kept, own] = [ghp(), ghp()];
    const repo = repoWith({ 'test/a.test.ts': `const t = '${kept}';\n` });
    expect(runCli(['secrets', 'baseline'], { cwd: repo.dir }).code).toBe(0);
    repo.commit('baseline');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('leak', { 'test/a.test.ts': `const t = '${kept}';\nconst u = '${kept}';\n`, 'src/a.ts': `const t = '${own}';\n` });
    expect(runCli(['secrets', 'baseline'], { cwd: repo.dir }).code).toBe(0);
    repo.commit('waive my own leak');
    const diff = repo.git('diff', 'main...feature');
    for (const args of [['--diff', '-'], ['--base', 'main']]) {
      const res = runCli(['check', ...args, '--format', 'json'], { cwd: repo.dir, input: diff });
      const found = (JSON.parse(res.stdout) as { findings: Finding[] }).findings.filter((f) => f.ruleId === 'secret-leakage');
      expect(found.map((f) => [f.path, f.severity]), args.join(' ')).toEqual([['src/a.ts', 'error'], ['test/a.test.ts', 'notice']]);
      expect(res.code).toBe(1);
    }
  });

  it('--diff: a baseline whose diff is binary (made with -diff) waives nothing', () => {
    const repo = repoWith({ '.github/prguard-secrets-baseline.json': '{"version": 1, "fingerprints": []}\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('leak', { 'src/a.ts': `const t = '${ghp()}';\n` });
    expect(runCli(['secrets', 'baseline'], { cwd: repo.dir }).code).toBe(0);
    repo.commit('waive my own leak');
    repo.write('.git/info/attributes', '*.json -diff\n');
    const diff = repo.git('diff', 'main...feature');
    expect(diff).toContain('Binary files');
    const res = runCli(['check', '--diff', '-', '--format', 'json'], { cwd: repo.dir, input: diff });
    expect((JSON.parse(res.stdout) as { findings: Finding[] }).findings.filter((f) => f.path === 'src/a.ts').map((f) => f.severity)).toEqual(['error']);
  });

  it.each([['adds', false], ['rewrites on one line', true]])('--diff: a baseline the change %s waives nothing', (_how, atBase) => {
    const repo = repoWith(atBase ? { '.github/prguard-secrets-baseline.json': '{"version": 1, "fingerprints": []}\n' } : { 'README.md': 'hi\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('leak', { 'src/a.ts': `const t = '${ghp()}';\n` });
    expect(runCli(['secrets', 'baseline'], { cwd: repo.dir }).code).toBe(0);
    const path = join(repo.dir, '.github/prguard-secrets-baseline.json');
    repo.commit('waive my own leak', { '.github/prguard-secrets-baseline.json': JSON.stringify(JSON.parse(readFileSync(path, 'utf8'))) });
    const res = runCli(['check', '--diff', '-', '--format', 'json'], { cwd: repo.dir, input: repo.git('diff', 'main...feature') });
    expect((JSON.parse(res.stdout) as { findings: Finding[] }).findings.filter((f) => f.path === 'src/a.ts').map((f) => f.severity)).toEqual(['error']);
    expect(res.code).toBe(1);
  });

  it('a malformed baseline at the base is an error, not a silent pass', () => {
    const repo = repoWith({ '.github/prguard-secrets-baseline.json': '{"version": 1, "fingerprints": [{"fingerprint": "nope"}]}' });
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('x', { 'src/b.ts': 'export const b = 1;\n' });
    const { code, secrets } = check(repo);
    expect(code).toBe(1);
    expect(secrets[0]?.message).toMatch(/cannot be used: entry 1/);
  });

  it('a baseline the base does not have is said, once there is a finding it could have waived', () => {
    const repo = repoWith({ 'README.md': 'hi\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('clean', { 'src/b.ts': 'export const b = 1;\n' });
    expect(check(repo).all).toEqual([]);
    repo.commit('leak', { 'src/a.ts': `const t = '${ghp()}';\n` });
    const { all: secrets } = check(repo);
    expect(secrets.map((f) => f.severity)).toEqual(['error', 'notice']);
    expect(secrets[1]?.message).toMatch(/^The secret baseline \.github\/prguard-secrets-baseline\.json that the policy names is not at the base commit/);
  });

  it.each(['./b.json', '/b.json', 'a/../b.json', 'a\\b.json', 'keys/'])('a baseline path git would not name (%s) is a policy error', (path) => {
    const repo = repoWith({ 'README.md': 'hi\n' });
    repo.write('p.yml', POLICY.replace('.github/prguard-secrets-baseline.json', JSON.stringify(path)));
    const res = runCli(['check', '--base', 'main', '--policy', 'p.yml'], { cwd: repo.dir });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('p.yml:4:');
    expect(res.stderr).toContain('is not a repository path as git names it');
  });

  it('the baseline file itself is scanned', () => {
    const repo = repoWith({ 'README.md': 'hi\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    const token = ghp();
    repo.commit('smuggle', { '.github/prguard-secrets-baseline.json': `{"version": 1, "fingerprints": [], "note": "${token}"}\n` });
    const { code, secrets } = check(repo, ['--policy', '.github/prguard.yml']);
    expect(code).toBe(1);
    expect(secrets.some((f) => f.path === '.github/prguard-secrets-baseline.json' && f.severity === 'error')).toBe(true);
  });
});

describe('secret-leakage: the history of the change', () => {
  it('a token added by one commit and removed by the next is still an error, naming the commit', () => {
    const repo = repoWith({ 'src/a.ts': 'export const a = 1;\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    const token = ghp();
    const leaking = repo.commit('add client', { 'src/client.ts': `const t = '${token}';\n` });
    repo.commit('use env', { 'src/client.ts': 'const t = process.env.TOKEN;\n' });
    const { code, secrets, stdout } = check(repo);
    expect(stdout).not.toContain(token);
    expect(code).toBe(1);
    expect(secrets).toHaveLength(1);
    expect(secrets[0]?.message).toContain(`commit ${leaking.slice(0, 7)}`);
    expect(secrets[0]?.message).toMatch(/does not help/);
  });

  it('a token still in the net diff is reported once, not again for its commit', () => {
    const repo = repoWith({ 'src/a.ts': 'export const a = 1;\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    const token = ghp();
    repo.commit('add client', { 'src/client.ts': `const t = '${token}';\n` });
    repo.commit('more', { 'src/other.ts': 'export const o = 2;\n' });
    const { secrets } = check(repo);
    expect(secrets).toHaveLength(1);
    expect(secrets[0]?.message).not.toMatch(/added by commit/);
  });

  it('a line only a merge brings (neither parent has it) and a later commit removes is reported for the merge; lines from a parent are not', () => {
    const repo = repoWith({ 'src/f.ts': 'a\nb\nc\n' });
    repo.git('checkout', '-q', '-b', 'side');
    const sideToken = ghp();
    repo.commit('side', { 'src/f.ts': `a\nb\nc\nconst s = '${sideToken}';\n` });
    repo.git('checkout', '-q', 'main');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('feature', { 'src/f.ts': 'x\na\nb\nc\n' });
    repo.git('merge', '-q', '--no-commit', 'side');
    const token = ghp();
    repo.write('src/f.ts', `x\na\nb\nc\nconst s = '${sideToken}';\nconst t = '${token}';\n`);
    repo.git('add', 'src/f.ts');
    repo.git('commit', '-q', '-m', 'Merge side');
    const merge = repo.git('rev-parse', 'HEAD').trim();
    const side = repo.git('rev-parse', 'side').trim();
    repo.commit('drop both', { 'src/f.ts': 'x\na\nb\nc\n' });
    const { code, secrets, stdout } = check(repo);
    expect(stdout).not.toContain(token);
    expect(code).toBe(1);
    // The side token once, for the commit that added it; the merge's own line once, for the merge.
    expect(secrets.map((f) => /as added by commit ([0-9a-f]{7})/.exec(f.message)?.[1]).sort()).toEqual([merge.slice(0, 7), side.slice(0, 7)].sort());
  });

  it('a binary file one commit added (a NUL byte, or UTF-16) and a later one removed is read in that commit, naming it', () => {
    const repo = repoWith({ 'src/a.ts': 'export const a = 1;\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    const [nul, wide] = [ghp(), ghp()];
    const leaking = repo.commit('add config', {
      '.env.production': Buffer.from(`A=1\n\0\nTOKEN=${nul}\n`),
      'tools/setup.ps1': Buffer.from(`\ufeff# setup\r\n$token = "${wide}"\r\n`, 'utf16le'),
    });
    repo.git('rm', '-q', '.env.production', 'tools/setup.ps1');
    repo.commit('remove it', { 'src/b.ts': 'export const b = 2;\n' });
    const { code, secrets, stdout } = check(repo);
    expect(stdout).not.toContain(nul);
    expect(stdout).not.toContain(wide);
    expect(code).toBe(1);
    expect(secrets.map((f) => [f.path, f.severity, f.message.includes(`as added by commit ${leaking.slice(0, 7)}`)])).toEqual([
      ['.env.production', 'error', true],
      ['tools/setup.ps1', 'error', true],
    ]);
  });

  it('a binary file still in the net diff is reported once, not again for its commit; one too large to read is not a pass', () => {
    const repo = repoWith({ 'src/a.ts': 'export const a = 1;\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    const token = ghp();
    const big = Buffer.alloc(9 * 1024 * 1024, 0x41);
    big[0] = 0;
    const leaking = repo.commit('add', { 'keys/deploy.bin': Buffer.from(`\0TOKEN=${token}\n`), 'config/blob.json': big });
    repo.git('rm', '-q', 'config/blob.json');
    repo.commit('more', { 'src/other.ts': 'export const o = 2;\n' });
    const { secrets } = check(repo);
    expect(secrets.map((f) => [f.path, f.severity, /added by commit/.test(f.message)])).toEqual([
      ['config/blob.json', 'error', true],
      ['keys/deploy.bin', 'error', false],
    ]);
    expect(secrets[0]!.message).toMatch(new RegExp(`Could not scan config/blob\\.json .*content-scan limit \\(as added by commit ${leaking.slice(0, 7)}\\)`));
  });

  it('a token still in the net diff after its file moved, or its line changed, is reported once, where it is now', () => {
    const repo = repoWith({ 'src/a.ts': 'export const a = 1;\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    const [moved, edited] = [ghp(), ghp()];
    repo.commit('add', { 'src/client.ts': `const t = '${moved}';\nexport const x = 1;\n`, 'src/other.ts': `const u = '${edited}';\n` });
    repo.git('rm', '-q', 'src/client.ts');
    repo.commit('move and edit', {
      'src/http/client.ts': `const t = '${moved}';\nexport const x = 1;\n`,
      'src/other.ts': `export const u = '${edited}'; // used by the client\n`,
    });
    const { secrets } = check(repo);
    expect(secrets.map((f) => [f.path, /added by commit/.test(f.message)])).toEqual([
      ['src/http/client.ts', false],
      ['src/other.ts', false],
    ]);
  });

  it('format-patch input: a file created and deleted within the series is still scanned', () => {
    const repo = repoWith({ 'src/a.ts': 'export const a = 1;\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    const token = ghp();
    repo.commit('add', { 'tmp/creds.env': `TOKEN=${token}\n` });
    repo.git('rm', '-q', 'tmp/creds.env');
    repo.commit('remove');
    const mbox = repo.git('format-patch', '--stdout', 'main..feature');
    const res = runCli(['check', '--diff', '-', '--format', 'json'], { cwd: repo.dir, input: mbox });
    expect(res.stdout).not.toContain(token);
    const findings = (JSON.parse(res.stdout) as { findings: Finding[] }).findings.filter((f) => f.ruleId === 'secret-leakage' && f.confidence);
    expect(findings.map((f) => f.confidence)).toEqual(['verified-format']);
    expect(findings[0]?.message).toMatch(/added by commit/);
  });
});
