// Objects shown in place of others: `git replace` refs and info/grafts change what git log and
// git diff print, but not what a push sends (pack-objects reads the objects themselves). prguard
// reads what is pushed, so neither can show it an innocent change in place of the real one.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitRun, linkPrguard } from '../helpers/hook.ts';
import { Repo, runCli } from '../helpers/repo.ts';
import { rng, sample } from '../helpers/secret-samples.ts';

const POLICY = 'version: 1\nrules:\n  secret-leakage: error\n  ai-disclosure: error\n';

function setup(): { repo: Repo; bare: string } {
  const repo = Repo.init('main');
  repo.commit('base', { '.github/prguard.yml': POLICY, 'src/app.ts': 'export const app = 1;\n' });
  const bare = repo.addOrigin('main');
  repo.git('checkout', '-q', '-b', 'feature');
  return { repo, bare };
}

describe('replace refs and grafts', () => {
  it('a replace ref showing an innocent commit in place of the pushed one hides nothing from check and pre-push', () => {
    const { repo, bare } = setup();
    const token = sample('github-classic-pat', rng(21));
    const bad = repo.commit('add config', { 'src/app.ts': `export const app = 1;\nexport const token = "${token.text}";\n` });
    repo.git('checkout', '-q', '-b', 'innocent', 'main');
    const good = repo.commit('add config', { 'src/app.ts': 'export const app = 1;\n// tidy\n' });
    repo.git('checkout', '-q', 'feature');
    repo.git('replace', bad, good);
    expect(repo.git('show', 'feature:src/app.ts')).not.toContain(token.secret);

    const check = runCli(['check', '--base', 'main', '--format', 'json'], { cwd: repo.dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('github-classic-pat');
    expect(check.stdout).not.toContain(token.secret);

    linkPrguard(repo);
    expect(runCli(['install-hook'], { cwd: repo.dir }).code).toBe(0);
    const push = gitRun(repo, 'push', 'origin', 'feature');
    expect(push.output).toContain('github-classic-pat');
    expect(push.code).not.toBe(0);
    expect(gitRun(repo, '--git-dir', bare, 'rev-parse', '--verify', '-q', 'feature').code).not.toBe(0);
    repo.remove();
  });

  it('a graft that skips an AI-assisted commit does not hide it from the commits prguard reads', () => {
    const { repo } = setup();
    repo.commit('feat: more\n\nCo-authored-by: Claude <noreply@anthropic.com>', { 'src/app.ts': 'export const app = 2;\n' });
    const human = repo.commit('tidy', { 'src/app.ts': 'export const app = 3;\n' });
    writeFileSync(join(repo.dir, '.git', 'info', 'grafts'), `${human} ${repo.git('rev-parse', 'main').trim()}\n`);
    expect(repo.git('-c', 'advice.graftFileDeprecated=false', 'log', '--format=%s', 'main..feature').trim()).toBe('tidy');

    const check = runCli(['check', '--base', 'main', '--format', 'json'], { cwd: repo.dir });
    const report = JSON.parse(check.stdout) as { ai: { assisted: boolean }; stats: { commits: number } };
    expect(report.ai.assisted).toBe(true);
    repo.remove();
  });
});
