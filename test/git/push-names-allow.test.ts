// A secret in a pushed ref's name is waived by a fingerprint in the policy's `allow:` for
// secret-leakage, as one in a file is: the policy of a checked branch is its range's (read at its
// base), any other ref's is read where the push reads the policy of what it sends outside a
// branch (here: the remote's default branch). A policy that cannot be read waives nothing and
// says so; a push with no secret in its names reads no policy and loads no more than the scan.
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../../rules/secret-leakage/fingerprint.ts';
import { main } from '../../src/cli.ts';
import type { IO } from '../../src/commands/types.ts';
import { gitRun, linkPrguard } from '../helpers/hook.ts';
import { Repo, runCli } from '../helpers/repo.ts';
import { rng, sample } from '../helpers/secret-samples.ts';

let seed = 700;
const token = (): string => sample('github-classic-pat', rng(seed++)).secret;
const policyAllowing = (...fps: string[]) => `version: 1\nextends: recommended\nrules:\n  secret-leakage:\n    allow: [${fps.map((f) => `"${f}"`).join(', ')}]\n`;
const fp = (t: string) => fingerprint('secret-leakage', t);

/** What prguard printed: the hook's lines, before git's own report of the push (which names each ref). */
const prguardOutput = (output: string) => output.split(/^To /m)[0]!;

const fixture = token();
const other = token();
let repo: Repo;
let bare: string;

beforeAll(() => {
  repo = Repo.init('main');
  repo.commit('base', { 'src/app.ts': 'export const app = 1;\n', '.github/prguard.yml': policyAllowing(fp(fixture)) });
  bare = repo.addOrigin('main');
  linkPrguard(repo);
  expect(runCli(['install-hook'], { cwd: repo.dir }).code).toBe(0);
});

const onRemote = (ref: string) => gitRun(repo, '--git-dir', bare, 'rev-parse', '--verify', '-q', ref).code === 0;

describe('allow: in the policy and the names of pushed refs', () => {
  it('waives an allowed fingerprint in the name of a ref no range checks (the policy of the remote\'s default branch)', () => {
    const push = gitRun(repo, 'push', 'origin', `main:refs/heads/fixture-${fixture}`, `main:refs/tags/t-${fixture}`);
    expect(push.code).toBe(0);
    expect(prguardOutput(push.output)).not.toContain('the names of the pushed refs');
    expect(prguardOutput(push.output)).not.toContain(fixture);
    expect(onRemote(`refs/heads/fixture-${fixture}`)).toBe(true);
  });

  it('waives it in a checked branch\'s name by the policy at the range\'s base, and stops one not allowed', () => {
    repo.git('checkout', '-q', '-b', `topic-${fixture}`, 'main');
    repo.commit('topic', { 'src/topic.ts': 'export const topic = 1;\n', 'src/topic.test.ts': 'test\n' });
    repo.git('checkout', '-q', 'main');
    const allowed = gitRun(repo, 'push', 'origin', `topic-${fixture}`);
    expect(prguardOutput(allowed.output)).toContain('prguard: topic-ghp_…[redacted] -> origin/topic-ghp_…[redacted]');
    expect(prguardOutput(allowed.output)).not.toContain('the names of the pushed refs');
    expect(allowed.code).toBe(0);

    const stopped = gitRun(repo, 'push', 'origin', `main:refs/heads/other-${other}`, `main:refs/heads/again-${fixture}`);
    expect(stopped.code).not.toBe(0);
    const said = prguardOutput(stopped.output);
    expect(said.match(/pattern github-classic-pat/g)).toHaveLength(1);
    expect(said).toContain(`(fingerprint ${fp(other)})`);
    expect(said).toContain(`add ${fp(other)} to \`allow:\` for secret-leakage in the policy`);
    expect(said).toContain('push blocked: 1 error finding');
    expect(said).not.toContain(other);
    expect(onRemote(`refs/heads/again-${fixture}`)).toBe(false);
  });

  it('a policy that cannot be read waives nothing, and the push says why', () => {
    repo.git('checkout', '-q', '-b', 'broken', 'main');
    repo.commit('break the policy', { '.github/prguard.yml': 'version: 1\nrules:\n  no-such-rule: error\n' });
    repo.git('checkout', '-q', 'main');
    // A push of the broken policy's commit under a new name: no range (nothing new), so the names'
    // policy is the remote's default branch's, which the remote's main gets first.
    expect(gitRun(repo, 'push', '--no-verify', 'origin', 'broken:main').code).toBe(0);
    repo.git('fetch', '-q', 'origin');
    const push = gitRun(repo, 'push', 'origin', `origin/main:refs/heads/late-${fixture}`);
    expect(push.code).not.toBe(0);
    const said = prguardOutput(push.output);
    expect(said).toContain(`(fingerprint ${fp(fixture)})`);
    expect(said).toMatch(/No fingerprint above is waived: the policy could not be read \(\.github\/prguard\.yml:3:3: unknown rule "no-such-rule".*\), so its `allow:` waives nothing here\./);
    expect(said).toContain('push blocked: 1 error finding');
    expect(said).not.toContain(fixture);
  });
});

describe('a push whose names hold no secret', () => {
  /** prguard pre-push in process, telling whether the rules and the engine were loaded. */
  async function prePush(input: string): Promise<{ code: number; stdout: string; loaded: boolean }> {
    let stdout = '';
    let loaded = false;
    const stdin = Readable.from([input]) as Readable & { isTTY?: boolean };
    const io: IO = { cwd: repo.dir, env: {}, stdout: (t) => (stdout += t), stderr: (t) => (stdout += t), isTTY: false, stdin, onAppLoaded: () => (loaded = true) };
    const code = await main(['pre-push', 'origin'], io);
    return { code, stdout, loaded };
  }

  it('reads no policy: a skip-only push (a tag of a commit the remote has) loads the scan alone; a secret in its name loads the rules to read the policy', async () => {
    const tip = repo.git('rev-parse', 'origin/main').trim();
    const zero = '0'.repeat(40);
    const clean = await prePush(`refs/tags/v1 ${tip} refs/tags/v1 ${zero}\n`);
    expect(clean).toMatchObject({ code: 0, loaded: false });
    expect(clean.stdout).toContain('prguard: refs/tags/v1: skipped');
    const named = await prePush(`refs/tags/v1 ${tip} refs/tags/v1-${other} ${zero}\n`);
    expect(named.code).toBe(1);
    expect(named.loaded).toBe(true);
    expect(named.stdout).not.toContain(other);
  });
});
