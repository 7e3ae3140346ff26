// What a push sends is what prguard reads. Objects shown in place of others: `git replace` refs
// and info/grafts change what git log and git diff print, but not what a push sends (pack-objects
// reads the objects themselves), so neither can show prguard an innocent change in place of the
// real one. And a tag pushed before any branch with its commits sends those commits too.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitRun, linkPrguard } from '../helpers/hook.ts';
import { Repo, runCli, tempDir } from '../helpers/repo.ts';
import { rng, sample } from '../helpers/secret-samples.ts';

const POLICY = 'version: 1\nrules:\n  secret-leakage: error\n  ai-disclosure: error\n';

function setup(): { repo: Repo; bare: string } {
  const repo = Repo.init('main');
  repo.commit('base', { '.github/prguard.yml': POLICY, 'src/app.ts': 'export const app = 1;\n' });
  const bare = repo.addOrigin('main');
  repo.git('checkout', '-q', '-b', 'feature');
  return { repo, bare };
}

describe('what a push sends', () => {
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

  it('a tag pushed before any branch with its commits is checked: the commits it sends are blocked as a branch\'s would be', () => {
    const { repo, bare } = setup();
    const token = sample('github-classic-pat', rng(22));
    repo.commit('release', { 'src/app.ts': `export const app = 1;\nexport const token = "${token.text}";\n` });
    repo.git('tag', '-a', 'v1', '-m', 'v1');
    repo.git('tag', 'v0', 'main');
    linkPrguard(repo);
    expect(runCli(['install-hook'], { cwd: repo.dir }).code).toBe(0);
    const push = gitRun(repo, 'push', 'origin', 'v1');
    expect(push.output).toContain('github-classic-pat');
    expect(push.output).not.toContain(token.secret);
    expect(push.code).not.toBe(0);
    expect(gitRun(repo, '--git-dir', bare, 'rev-parse', '--verify', '-q', 'refs/tags/v1').code).not.toBe(0);
    // A tag of a commit the remote has sends nothing to check.
    const old = gitRun(repo, 'push', 'origin', 'v0');
    expect(old.output).toContain('skipped (tag of a commit already on origin)');
    expect(old.code).toBe(0);
    repo.remove();
  });

  it('a push to a URL, or to a new empty remote, is checked: it is no first push while another remote has this history', () => {
    const { repo, bare } = setup();
    const token = sample('github-classic-pat', rng(23));
    repo.commit('config', { 'src/app.ts': `export const app = 1;\nexport const token = "${token.text}";\n` });
    linkPrguard(repo);
    expect(runCli(['install-hook'], { cwd: repo.dir }).code).toBe(0);
    const byUrl = gitRun(repo, 'push', bare, 'feature');
    expect(byUrl.output).toContain('github-classic-pat');
    expect(byUrl.output).not.toContain(token.secret);
    expect(byUrl.code).not.toBe(0);
    expect(gitRun(repo, '--git-dir', bare, 'rev-parse', '--verify', '-q', 'feature').code).not.toBe(0);

    const empty = tempDir('prguard-empty-remote-');
    gitRun(repo, 'init', '-q', '--bare', empty);
    gitRun(repo, 'remote', 'add', 'backup', empty);
    const toEmpty = gitRun(repo, 'push', 'backup', 'feature');
    expect(toEmpty.output).toContain('github-classic-pat');
    expect(toEmpty.code).not.toBe(0);
    expect(gitRun(repo, '--git-dir', empty, 'rev-parse', '--verify', '-q', 'feature').code).not.toBe(0);
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
