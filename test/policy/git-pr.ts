// What GitHub would show for a pull request of a real local repository: its files as
// `pulls.listFiles` lists them, its commits, and the trees at its base and head.
import type { FakeCommit, FakeFile } from '../github/fake-github.ts';
import type { Repo } from '../helpers/repo.ts';

/** The pull request's files as `pulls.listFiles` lists them, from git. */
export function listFiles(repo: Repo, base: string, head: string): FakeFile[] {
  const statuses: Record<string, FakeFile['status']> = { A: 'added', M: 'modified', D: 'removed', R: 'renamed', T: 'changed' };
  const out: FakeFile[] = [];
  for (const line of repo.git('diff', '--name-status', '-M', base, head).trim().split('\n')) {
    const [code = '', a = '', b] = line.split('\t');
    const path = b ?? a;
    const numstat = repo.git('diff', '--numstat', '-M', base, head, '--', ...(b ? [a, b] : [a])).trim().split('\t');
    const diff = repo.git('diff', '-M', base, head, '--', ...(b ? [a, b] : [a]));
    const patch = diff.includes('\n@@') ? diff.slice(diff.indexOf('\n@@') + 1).replace(/\n$/, '') : '';
    out.push({
      filename: path,
      status: statuses[code[0]!]!,
      additions: Number(numstat[0]),
      deletions: Number(numstat[1]),
      ...(patch.startsWith('@@') ? { patch } : {}),
      ...(b ? { previous_filename: a } : {}),
    });
  }
  return out;
}

/** The commits of base..head, oldest first, as the fake GitHub serves them. */
export function listCommits(repo: Repo, base: string, head: string): FakeCommit[] {
  const shas = repo.git('rev-list', '--reverse', `${base}..${head}`).trim().split('\n').filter(Boolean);
  return shas.map((sha) => {
    const [name = '', email = ''] = repo.git('log', '-1', '--format=%an%x00%ae', sha).trim().split('\0');
    return { sha, message: repo.git('log', '-1', '--format=%B', sha), author: { name, email } };
  });
}

/** Every regular file of the tree at `ref`, path -> content. */
export function treeAt(repo: Repo, ref: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const path of repo.git('ls-tree', '-r', '--name-only', ref).trim().split('\n').filter(Boolean)) {
    out[path] = repo.git('show', `${ref}:${path}`);
  }
  return out;
}
