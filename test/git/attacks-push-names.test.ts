// A ref's name is what a push gives the remote first: GitHub lists branches and tags by name, in
// its pages and its API, as soon as it has them. A token in the name of a pushed ref stops the
// push (masked, as every secret is), whatever else the push brings: new commits, none (a commit
// the remote has, under a new name), a tag of a known commit, a ref outside refs/heads. A
// deletion is not stopped (it takes the name away), but is told.
import { beforeAll, describe, expect, it } from 'vitest';
import { gitRun, linkPrguard } from '../helpers/hook.ts';
import { Repo, runCli } from '../helpers/repo.ts';
import { rng, sample } from '../helpers/secret-samples.ts';

let repo: Repo;
let bare: string;
let seed = 100;

beforeAll(() => {
  repo = Repo.init('main');
  repo.commit('base', { 'src/app.ts': 'export const app = 1;\n' });
  bare = repo.addOrigin('main');
  linkPrguard(repo);
  expect(runCli(['install-hook'], { cwd: repo.dir }).code).toBe(0);
});

const onRemote = (ref: string) => gitRun(repo, '--git-dir', bare, 'rev-parse', '--verify', '-q', ref).code === 0;

/** What prguard printed: the hook's lines, before git's own report of the push (which names each ref). */
const prguardOutput = (output: string) => output.split(/^To /m)[0]!;

/** A fresh checksum-valid fake token, and the ref names built from it. */
function token(): string {
  return sample('github-classic-pat', rng(seed++)).secret;
}

describe('the names of pushed refs', () => {
  const stopped: [string, (t: string) => { refspec: string; ref: string; prepare?: () => void }][] = [
    ['a commit the remote has, under a new branch name (no new commit: skipped before)', (t) => ({ refspec: `main:refs/heads/${t}`, ref: `refs/heads/${t}` })],
    [
      'new commits under a remote name other than the local branch\'s',
      (t) => ({
        refspec: `work:refs/heads/feature-${t}`,
        ref: `refs/heads/feature-${t}`,
        prepare: () => {
          repo.git('checkout', '-q', '-B', 'work', 'main');
          repo.commit('work', { 'src/work.ts': 'export const work = 1;\n' });
          repo.git('checkout', '-q', 'main');
        },
      }),
    ],
    ['a lightweight tag of a commit the remote has', (t) => ({ refspec: `main:refs/tags/v1-${t}`, ref: `refs/tags/v1-${t}` })],
    [
      'an annotated tag of a commit the remote has',
      (t) => ({ refspec: `refs/tags/rel-${t}`, ref: `refs/tags/rel-${t}`, prepare: () => repo.git('tag', '-a', '-m', 'release', `rel-${t}`, 'main') }),
    ],
    ['a ref outside refs/heads and refs/tags', (t) => ({ refspec: `main:refs/custom/${t}`, ref: `refs/custom/${t}` })],
  ];

  it.each(stopped)('stop the push: %s', (_name, make) => {
    const t = token();
    const { refspec, ref, prepare } = make(t);
    prepare?.();
    const push = gitRun(repo, 'push', 'origin', refspec);
    expect(push.code).not.toBe(0);
    expect(onRemote(ref)).toBe(false);
    expect(push.output).toContain('prguard: the names of the pushed refs');
    expect(push.output).toContain(`in the name of the pushed ref ${ref.replace(t, 'ghp_…[redacted]')}: \`ghp_…\``);
    expect(push.output).toContain('push blocked');
    expect(push.output).not.toContain(t);
    expect(push.output).not.toContain(t.slice(8, 24));
  });

  it('report a token in a pushed branch\'s name once, as the pushed ref\'s, though its range is checked under that name too', () => {
    const t = token();
    repo.git('checkout', '-q', '-b', `topic-${t}`, 'main');
    repo.commit('topic', { 'src/topic.ts': 'export const topic = 1;\n' });
    repo.git('checkout', '-q', 'main');
    const push = gitRun(repo, 'push', 'origin', `topic-${t}`);
    expect(push.code).not.toBe(0);
    const said = prguardOutput(push.output);
    // The range was checked (its report printed), and the name is reported by the names' check alone.
    expect(said).toContain('prguard: topic-ghp_…[redacted] -> origin/topic-ghp_…[redacted]');
    expect(said.match(/pattern github-classic-pat/g)).toHaveLength(1);
    expect(said).toContain('in the name of the pushed ref refs/heads/topic-ghp_…[redacted]');
    expect(said).not.toContain('in the branch name');
    expect(said).toContain('push blocked: 1 error finding (above)');
    expect(push.output).not.toContain(t);
  });

  it('do not stop a push of the same refs under clean names', () => {
    const push = gitRun(repo, 'push', 'origin', 'main:refs/heads/copy', 'main:refs/tags/v1');
    expect(push.code).toBe(0);
    expect(push.output).not.toContain('the names of the pushed refs');
    expect(onRemote('refs/heads/copy')).toBe(true);
  });

  it('let a deletion through, with a warning that the name was shown, masked', () => {
    const t = token();
    expect(gitRun(repo, 'push', '--no-verify', 'origin', `main:refs/heads/old-${t}`).code).toBe(0);
    const push = gitRun(repo, 'push', 'origin', `:refs/heads/old-${t}`);
    expect(push.code).toBe(0);
    expect(onRemote(`refs/heads/old-${t}`)).toBe(false);
    const said = prguardOutput(push.output);
    expect(said).toMatch(/^ {2}warning {2}GitHub classic personal access token .* in the name of the deleted ref refs\/heads\/old-ghp_…\[redacted\]: .*revoke or rotate it\.$/m);
    expect(said).toContain('prguard: old-ghp_…[redacted]: skipped (deletion, nothing to check)');
    expect(said).not.toContain(t);
  });
});
