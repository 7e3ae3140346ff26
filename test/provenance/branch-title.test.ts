// The head branch where GitHub writes it into a title: a PR of several commits is titled after its
// branch ("Codex/fix the parser" for `codex/fix-the-parser`) and a squash merge keeps that title as
// its subject ("… (#12)"); updating a branch by hand writes `Merge main into codex/…`. Built CLI,
// real git: `check --diff` on a `git format-patch` of the commits (no branch known) with
// `--pr-title`, and `check --base/--head` on the commits themselves.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Repo, runCli } from '../helpers/repo.ts';

interface Ai {
  assisted: boolean;
  agents: string[];
  evidence: { signal: string; agent: string; where: string }[];
}

describe('the head branch in titles and merge subjects (built CLI, real git)', () => {
  let repo: Repo;
  beforeAll(() => {
    repo = Repo.init('main');
    repo.commit('initial', { 'README.md': 'hello\n', '.prguard.yml': 'version: 1\nrules:\n  pr-size: warning\n' });
    repo.git('checkout', '-q', '-b', 'feature/parser');
    repo.commit('Fix the parser', { 'a.txt': 'a\n' });
    repo.commit('Add a test', { 'b.txt': 'b\n' });
    writeFileSync(join(repo.dir, '..', `${repo.dir.split('/').pop()}.patch`), repo.git('format-patch', '--stdout', 'main..feature/parser'));
    repo.git('checkout', '-q', 'main');
  });
  afterAll(() => repo.remove());

  const ai = (args: string[]): Ai => {
    const r = runCli([...args, '--format', 'json'], { cwd: repo.dir });
    expect(r.stderr).toBe('');
    return (JSON.parse(r.stdout) as { ai: Ai }).ai;
  };
  const onDiff = (title: string) => ai(['check', '--diff', join(repo.dir, '..', `${repo.dir.split('/').pop()}.patch`), '--pr-title', title]);
  const onCommit = (message: string) => {
    const branch = `feature/${Math.random().toString(36).slice(2, 8)}`;
    repo.git('checkout', '-q', '-b', branch, 'main');
    repo.commit(message, { [`${branch}.txt`]: 'x\n' });
    repo.git('checkout', '-q', 'main');
    return ai(['check', '--base', 'main', '--head', branch]);
  };

  it.each([
    ['Codex/improve javadoc for scalarstrategy class', 'OpenAI Codex'],
    ['Cursor/fix send button reset issue 8f98', 'Cursor'],
    ['Copilot/fix flaky upload test', 'GitHub Copilot'],
  ])('a PR title GitHub made from the branch, with no branch known: %s', (title, agent) => {
    const found = onDiff(title);
    expect(found.agents).toContain(agent);
    expect(found.evidence).toContainEqual(expect.objectContaining({ agent, signal: 'branch', where: 'PR title' }));
  });

  it.each(['Copilot/Codex: compare their outputs', 'Cursor/Selection handling in the editor', 'Fix cursor/selection handling', 'codex/..', 'Codex/'])(
    'a title a person wrote is not a branch: %s',
    (title) => expect(onDiff(title).assisted).toBe(false),
  );

  it('a known branch wins over the title', () => {
    const found = ai(['check', '--base', 'main', '--head', 'feature/parser', '--pr-title', 'Codex/improve javadoc']);
    expect(found.assisted).toBe(false);
  });

  it.each([
    ['Devin/1740448101 add e2e tests (#757)', 'Devin'],
    ['Codex/fix md file compatibility (#14)', 'OpenAI Codex'],
    ['Merge main into codex/add-aegis-dataset', 'OpenAI Codex'],
    ['Merge upstream/master into codex/explain-codebase-structure', 'OpenAI Codex'],
  ])('a commit subject that carries the branch: %s', (subject, agent) => {
    const found = onCommit(`${subject}\n\nSome details.`);
    expect(found.evidence).toContainEqual(expect.objectContaining({ agent, signal: 'branch' }));
  });

  it.each([
    'cursor/selection: keep the anchor (#3)',
    'sweep/clean the old caches',
    'Merge main into feature/codex-support',
    'Codex/Cursor support (#9)',
    'Revert "Codex/fix md file compatibility (#14)"',
  ])(
    'a commit subject a person wrote: %s',
    (subject) => expect(onCommit(subject).assisted).toBe(false),
  );
});
