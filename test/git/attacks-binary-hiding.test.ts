// A binary file carrying a token, hidden where the content scan did not look: in a merge commit
// alone (an "evil merge") or under a name git writes in bytes that are not UTF-8.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model.ts';
import { Repo, runCli } from '../helpers/repo.ts';
import { rng, sample } from '../helpers/secret-samples.ts';

const POLICY = 'version: 1\nextends: recommended\nrules:\n  tests-touched: off\n  ai-disclosure: off\n';
const repos: Repo[] = [];
afterAll(() => {
  for (const r of repos) r.remove();
});

function repoOnBranch(): Repo {
  const repo = Repo.init('main');
  repos.push(repo);
  repo.commit('base', { '.github/prguard.yml': POLICY, 'src/a.ts': 'export const a = 1;\n' });
  repo.git('checkout', '-q', '-b', 'feature');
  return repo;
}

function check(repo: Repo): { code: number; stdout: string; secrets: Finding[] } {
  const res = runCli(['check', '--base', 'main', '--format', 'json'], { cwd: repo.dir });
  const report = JSON.parse(res.stdout) as { findings: Finding[] };
  return { code: res.code, stdout: res.stdout, secrets: report.findings.filter((f) => f.ruleId === 'secret-leakage') };
}

describe('a binary file cannot hide a token', () => {
  it('in a merge commit that alone adds it (an evil merge), removed by a later commit', () => {
    const repo = repoOnBranch();
    const token = sample('github-classic-pat', rng(41));
    repo.git('checkout', '-q', '-b', 'side', 'main');
    repo.commit('side', { 'src/side.ts': 'export const s = 1;\n' });
    repo.git('checkout', '-q', 'feature');
    repo.commit('feature', { 'src/f.ts': 'export const f = 1;\n' });
    repo.git('merge', '-q', '--no-ff', '--no-commit', 'side');
    repo.write('keys/deploy.bin', Buffer.from(`\0\0GITHUB_TOKEN=${token.text}\n`));
    const merge = repo.commit('Merge side');
    repo.git('rm', '-q', 'keys/deploy.bin');
    repo.commit('remove it');
    const { code, stdout, secrets } = check(repo);
    expect(stdout).not.toContain(token.secret);
    expect(secrets.map((f) => [f.path, f.severity, f.message.includes(`as added by commit ${merge.slice(0, 7)}`)])).toEqual([
      ['keys/deploy.bin', 'error', true],
    ]);
    expect(code).toBe(1);
  });

  it('under a name that is not UTF-8 (it was looked up by the name as decoded, not found, and passed as a notice)', () => {
    const repo = repoOnBranch();
    const token = sample('github-classic-pat', rng(42));
    // git keeps a name as bytes: 0xff 0xfe is no UTF-8, so the name prguard decodes cannot be
    // given back to git to find the file.
    mkdirSync(join(repo.dir, 'assets'));
    writeFileSync(Buffer.concat([Buffer.from(join(repo.dir, 'assets/')), Buffer.from([0xff, 0xfe]), Buffer.from('.dat')]), `\0\0GITHUB_TOKEN=${token.text}\n`);
    repo.commit('add asset');
    const { code, stdout, secrets } = check(repo);
    expect(stdout).not.toContain(token.secret);
    expect(secrets.map((f) => [f.path, f.severity, f.message.slice(0, 40)])).toEqual([
      ['assets/\ufffd\ufffd.dat', 'error', 'GitHub classic personal access token (pa'],
    ]);
    expect(code).toBe(1);
  });

  it('in a file saved as UTF-32 (each character with three zero bytes), little- or big-endian', () => {
    const repo = repoOnBranch();
    const [le, be] = [sample('github-classic-pat', rng(43)), sample('github-classic-pat', rng(44))];
    const utf32 = (text: string, big: boolean) => {
      const out = Buffer.alloc(text.length * 4);
      for (let i = 0; i < text.length; i++) out.writeUInt32LE(text.charCodeAt(i), i * 4);
      return big ? out.swap32() : out;
    };
    repo.commit('settings', {
      'config/app.ini': utf32(`\ufeff[auth]\r\nGITHUB_TOKEN=${le.text}\r\n`, false),
      'tools/deploy.cfg': utf32(`\ufeff# deploy\ntoken = ${be.text}\n`, true),
    });
    const { code, stdout, secrets } = check(repo);
    expect(stdout).not.toContain(le.secret);
    expect(stdout).not.toContain(be.secret);
    expect(secrets.map((f) => [f.path, f.line, f.severity])).toEqual([
      ['config/app.ini', 2, 'error'],
      ['tools/deploy.cfg', 2, 'error'],
    ]);
    expect(code).toBe(1);
  });
});
