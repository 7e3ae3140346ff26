// `prguard backtest` over a real repository's history: merge commits and squash merges on the
// first-parent line of main, one policy or two side by side.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../../src/cli.ts';
import type { IO } from '../../src/commands/types.ts';
import { Repo, runCli, tempDir } from '../helpers/repo.ts';
import { rng, sample } from '../helpers/secret-samples.ts';
import { runMain } from './in-process.ts';

const lines = (n: number, what: string) => Array.from({ length: n }, (_, i) => `export const ${what}${i} = ${i};`).join('\n') + '\n';
const STRICT = 'version: 1\nextends: recommended\nrules:\n  pr-size:\n    severity: error\n    max-lines: 10\n';
const LOOSE = 'version: 1\nextends: recommended\nrules:\n  pr-size:\n    severity: warning\n    max-lines: 10\n';

let repo: Repo;
beforeAll(() => {
  repo = Repo.init('main');
  repo.commit('Initial', { 'src/a.ts': lines(1, 'a') });
  repo.git('branch', 'solo');
  repo.git('checkout', '-q', '-b', 'small');
  repo.commit('Small change', { 'src/b.ts': lines(2, 'b') });
  repo.git('checkout', '-q', 'main');
  repo.git('merge', '-q', '--no-ff', 'small', '-m', 'Merge pull request #1 from team/small');
  repo.commit('Add a big module (#2)', { 'src/c.ts': lines(20, 'c') });
  repo.commit('Direct push, not a pull request', { 'src/d.ts': lines(30, 'd') });
  repo.write('.github/prguard.yml', STRICT);
  repo.write('loose.yml', LOOSE);
});
afterAll(() => repo.remove());

interface Json {
  prs: number;
  done: number;
  interrupted: boolean;
  policies: { policy: string; checked: number; blocked: { all: string[] }; rules: { rule: string; error: { ai: string[]; human: string[] }; pending: string[]; ran: number }[] }[];
  changes?: { newlyBlocked: string[]; noLongerBlocked: string[] };
  verdicts: { pr: string; kind: string; blocked: boolean }[][];
}

describe('prguard backtest', () => {
  it('finds merge and squash PRs (not direct pushes) and replays the work tree policy', async () => {
    const r = await runMain(['backtest', '-f', 'json'], { cwd: repo.dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Json;
    expect(json.prs).toBe(2);
    expect(json.verdicts[0]!.map((v) => [v.pr, v.kind, v.blocked])).toEqual([
      ['#2', 'squash', true],
      ['#1', 'merge', false],
    ]);
    const [policy] = json.policies;
    expect(policy!.policy).toBe('.github/prguard.yml');
    expect(policy!.blocked.all).toEqual(['#2']);
    expect(policy!.rules.find((x) => x.rule === 'pr-size')!.error.human).toEqual(['#2']);
  });

  it('compares two policies side by side and names the PRs whose verdict changes', async () => {
    const r = await runMain(['backtest', '--compare', 'loose.yml'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('policy .github/prguard.yml: would have blocked 1 of 2 (50%)');
    expect(r.stdout).toContain('policy loose.yml: would have blocked 0 of 2 (0%)');
    expect(r.stdout).toMatch(/pr-size +1 → 0 +0 → 1/);
    expect(r.stdout).toContain('blocked under A only: #2');
    const md = await runMain(['backtest', '--compare', 'loose.yml', '-f', 'markdown', '-n', '1'], { cwd: repo.dir });
    expect(md.stdout).toContain('### prguard backtest · 1 merged PR on main');
    expect(md.stdout).toContain('| `pr-size` | 1 → 0 | 0 → 1 |');
  });

  it('names a policy file as text in markdown: a | in its name does not split the table', async () => {
    repo.write('a|b.yml', 'version: 1\nextends: recommended\n');
    const md = await runMain(['backtest', '--compare', 'a|b.yml', '-f', 'markdown', '-n', '1'], { cwd: repo.dir });
    expect(md.code).toBe(0);
    const header = md.stdout.split('\n').find((l) => l.startsWith('| rule |'))!;
    expect(header).toContain('a\\|b.yml');
    // Four columns: the escaped bar splits nothing.
    expect(header.split(/(?<!\\)\|/).length - 2).toBe(4);
    expect(md.stdout).toContain('- **a\\|b.yml**:');
  });

  it('shows a rule the policy turns off as "off", not as a rule that found nothing', async () => {
    repo.write('noscan.yml', 'version: 1\nextends: recommended\nrules:\n  secret-leakage: off\n');
    const r = await runMain(['backtest', '--compare', 'noscan.yml'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/secret-leakage +0 → off +0 → off +0 → off\n/);
    // review-quorum needs setup: the recommended policy does not run it.
    expect(r.stdout).toMatch(/review-quorum +off → off +off → off +off → off\n/);
    const one = await runMain(['backtest', '--policy', 'noscan.yml'], { cwd: repo.dir });
    expect(one.stdout).toMatch(/secret-leakage +off \(the policy does not run it\)\n/);
    expect(one.stdout).toMatch(/pr-size +0 +0 +0\n/);
    const md = await runMain(['backtest', '--policy', 'noscan.yml', '-f', 'markdown'], { cwd: repo.dir });
    expect(md.stdout).toContain('| `secret-leakage` | off | off | off |');
    const json = JSON.parse((await runMain(['backtest', '--policy', 'noscan.yml', '-f', 'json'], { cwd: repo.dir })).stdout) as Json;
    expect(json.policies[0]!.rules.find((x) => x.rule === 'secret-leakage')!.ran).toBe(0);
    expect(json.policies[0]!.rules.find((x) => x.rule === 'pr-size')!.ran).toBe(2);
  });

  it('draws a progress bar on a terminal, and a Ctrl-C reports what was done', async () => {
    const tty = await runMain(['backtest'], { cwd: repo.dir, isTTY: false });
    expect(tty.stderr).toBe('');
    let stderr = '';
    let stdout = '';
    const io: IO = {
      cwd: repo.dir,
      env: {},
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      isTTY: false,
      stdin: Readable.from([]),
      stderrIsTTY: true,
      // Ctrl-C as soon as the run starts listening.
      onInterrupt: (handler) => {
        handler();
        return () => {};
      },
    };
    expect(await main(['backtest', '-f', 'json'], io)).toBe(0);
    expect(stderr).toMatch(/\[\.+\] 0\/2 PRs · [\d.]+s · interrupted\n$/);
    const json = JSON.parse(stdout) as Json;
    expect(json).toMatchObject({ interrupted: true, done: 0, prs: 2 });

    stderr = '';
    io.onInterrupt = () => () => {};
    expect(await main(['backtest'], io)).toBe(0);
    expect(stderr).toMatch(/\r\[#{30}\] 2\/2 PRs/);
  });

  it('rejects bad usage with exit 2', async () => {
    expect((await runMain(['backtest', '--limit', '0'], { cwd: repo.dir })).stderr).toContain('--limit takes a whole number');
    expect((await runMain(['backtest', '--since', 'soon'], { cwd: repo.dir })).stderr).toContain('--since takes a date');
    expect((await runMain(['backtest', '-f', 'markdwn'], { cwd: repo.dir })).stderr).toContain('did you mean "markdown"');
    const none = await runMain(['backtest', '--branch', 'solo'], { cwd: repo.dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no merged pull requests found');
  });
});

describe('prguard backtest and the history of a pull request', () => {
  it('reads each PR\'s commits as check does: a secret one commit added and a later removed blocks it, under the policy that scans for secrets', async () => {
    const history = Repo.init('main');
    try {
      history.commit('Initial', { 'src/a.ts': lines(1, 'a') });
      history.git('checkout', '-q', '-b', 'oops');
      history.commit('Add config', { 'src/config.ts': `export const key = "${sample('aws-access-key-id', rng(4)).secret}";\n` });
      history.git('rm', '-q', 'src/config.ts');
      history.commit('Remove it again', { 'src/b.ts': lines(2, 'b') });
      history.git('checkout', '-q', 'main');
      history.git('merge', '-q', '--no-ff', 'oops', '-m', 'Merge pull request #1 from team/oops');
      // The policy without the secret scan comes first: the one after it must still read the history.
      history.write('.github/prguard.yml', 'version: 1\nextends: recommended\nrules:\n  secret-leakage: off\n  tests-touched: off\n');
      history.write('scan.yml', 'version: 1\nextends: recommended\nrules:\n  tests-touched: off\n');
      const r = await runMain(['backtest', '--compare', 'scan.yml', '-f', 'json'], { cwd: history.dir });
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout) as Json;
      expect(json.verdicts.map((v) => v.map((x) => [x.pr, x.blocked]))).toEqual([[['#1', false]], [['#1', true]]]);
      expect(json.policies[1]!.rules.find((x) => x.rule === 'secret-leakage')!.error.human).toEqual(['#1']);
    } finally {
      history.remove();
    }
  });
});

describe('prguard backtest runs git as check does', () => {
  it('never runs a git the repository brings through a relative PATH entry, and refuses a --branch git would read as an option', () => {
    const own = Repo.init('main');
    try {
      own.commit('Initial', { 'src/a.ts': lines(1, 'a') });
      own.commit('Add b (#1)', { 'src/b.ts': lines(2, 'b') });
      const marker = join(tempDir(), 'ran');
      mkdirSync(join(own.dir, 'bin'));
      writeFileSync(join(own.dir, 'bin', 'git'), `#!/bin/sh\ntouch "${marker}"\nexit 0\n`);
      chmodSync(join(own.dir, 'bin', 'git'), 0o755);
      const r = runCli(['backtest', '-f', 'json'], { cwd: own.dir, env: { PATH: `bin${delimiter}${process.env.PATH}` } });
      expect(existsSync(marker)).toBe(false);
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as Json).prs).toBe(1);
      const written = join(tempDir(), 'log.txt');
      const option = runCli(['backtest', `--branch=--output=${written}`], { cwd: own.dir });
      expect(option.code).toBe(2);
      expect(option.stderr).toContain(`--branch "--output=${written}" is not a valid git revision`);
      expect(existsSync(written)).toBe(false);
    } finally {
      own.remove();
    }
  });
});

describe('prguard backtest in a shallow clone', () => {
  it('says the history ends at the clone\'s depth instead of presenting the PRs it reached as the repository\'s', () => {
    const origin = Repo.init('main');
    const clone = join(tempDir(), 'clone');
    try {
      origin.commit('Initial', { 'src/a.ts': lines(1, 'a') });
      for (const n of [1, 2, 3]) origin.commit(`Change ${n} (#${n})`, { [`src/c${n}.ts`]: lines(2, `c${n}`) });
      origin.git('clone', '-q', '--depth', '2', `file://${origin.dir}`, clone);
      const r = runCli(['backtest', '-f', 'json'], { cwd: clone });
      expect(r.code).toBe(0);
      // #3 is checked; #2, the clone's edge, has no parent there and is no squash merge it can read.
      expect((JSON.parse(r.stdout) as Json).prs).toBe(1);
      expect(r.stderr).toContain('prguard: 1 merged PR found where 100 were asked for, and this clone is shallow: fetch the rest of the history (git fetch --unshallow)');
      const full = runCli(['backtest', '-f', 'json'], { cwd: origin.dir });
      expect(full.stderr).toBe('');
    } finally {
      origin.remove();
    }
  });
});

describe('backtest output: what it quotes of the history is text', () => {
  it('a PR it could not check is named with its reason escaped for a terminal and as text in markdown', async () => {
    const { formatBacktestMarkdown, formatBacktestText } = await import('../../src/commands/backtest-format.ts');
    const { summarise } = await import('../../src/commands/backtest-summary.ts');
    const pr = { sha: 'a'.repeat(40), kind: 'squash' as const, base: 'b'.repeat(40), head: 'a'.repeat(40), subject: 's (#5)', date: '2026-01-01T00:00:00Z', number: 5 };
    const reason = 'corrupt patch in src/x\u001b]52;c;aGk=\u0007*[click](https://evil.example)*.ts';
    const report = { branch: 'main', prs: [pr], leftOut: { direct: 0, octopus: [] }, run: { verdicts: [[]], unchecked: [{ pr, reason }], interrupted: false, done: 1, seconds: 0.1 }, summaries: [summarise('p.yml', [], ['pr-size'])] };
    const text = formatBacktestText(report);
    expect(text).not.toMatch(/[\u001b\u0007]/);
    expect(text).toContain('not checked: #5 (corrupt patch in src/x\\e]52;c;aGk=\\x07*[click]');
    const md = formatBacktestMarkdown(report);
    expect(md).not.toMatch(/[\u001b\u0007]/);
    // Brackets and emphasis escaped: shown as written, no link made of it.
    expect(md).toContain('\\*\\[click\\](https&#58;//evil.example)\\*');
  });
});

describe('prguard backtest and what is not a pull request', () => {
  it('says how many direct pushes and which octopus merges it left out, instead of dropping them without a word', async () => {
    const octo = Repo.init('main');
    try {
      octo.commit('Initial (#9)', { 'src/a.ts': lines(1, 'a') });
      for (const b of ['x', 'y']) {
        octo.git('checkout', '-q', '-b', b, 'main');
        octo.commit(`Add ${b}`, { [`src/${b}.ts`]: lines(2, b) });
      }
      octo.git('checkout', '-q', 'main');
      octo.commit('Direct push', { 'src/d.ts': lines(2, 'd') });
      octo.git('merge', '-q', '--no-ff', 'x', 'y', '-m', 'Merge branches x and y');
      const sha = octo.git('rev-parse', 'HEAD').trim();
      octo.commit('Add z (#3)', { 'src/z.ts': lines(2, 'z') });
      const r = await runMain(['backtest'], { cwd: octo.dir });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('1 merged PR on main');
      expect(r.stdout).toContain(`left out: 1 direct push and 1 octopus merge (${sha.slice(0, 7)}) on main in that time, not pull requests`);
      const json = JSON.parse((await runMain(['backtest', '-f', 'json'], { cwd: octo.dir })).stdout) as { leftOut: unknown };
      expect(json.leftOut).toEqual({ direct: 1, octopus: [sha] });
      // The root commit is where the history starts, not a push to count; a repository of PRs alone says nothing.
      expect((await runMain(['backtest', '-n', '1'], { cwd: octo.dir })).stdout).not.toContain('left out');
    } finally {
      octo.remove();
    }
  });
});

describe('prguard backtest and what only the pull request decides', () => {
  it('counts a review quorum, which git cannot tell, under "decided on the PR" for every PR, as it does a deferred finding, never as a pass', async () => {
    const reviewed = Repo.init('main');
    try {
      reviewed.commit('Initial', { 'src/a.ts': lines(1, 'a') });
      reviewed.git('checkout', '-q', '-b', 'small');
      reviewed.commit('Small change', { 'src/b.ts': lines(2, 'b') });
      reviewed.git('checkout', '-q', 'main');
      reviewed.git('merge', '-q', '--no-ff', 'small', '-m', 'Merge pull request #1 from team/small');
      reviewed.commit('Another (#2)', { 'src/c.ts': lines(2, 'c') });
      reviewed.write('.github/prguard.yml', 'version: 1\nextends: recommended\nrules:\n  tests-touched: off\n  review-quorum: error\n');
      const r = await runMain(['backtest', '-f', 'json'], { cwd: reviewed.dir });
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout) as Json;
      // check says the same of each: a notice that the PR will need an approval, no verdict from git.
      const check = runCli(['check', '--base', 'HEAD^', '--head', 'HEAD', '--policy', '.github/prguard.yml', '-f', 'json'], { cwd: reviewed.dir });
      expect((JSON.parse(check.stdout) as { findings: { ruleId: string; severity: string }[] }).findings).toContainEqual(expect.objectContaining({ ruleId: 'review-quorum', severity: 'notice' }));
      expect(json.policies[0]!.rules.find((x) => x.rule === 'review-quorum')!.pending).toEqual(['#2', '#1']);
      const text = await runMain(['backtest'], { cwd: reviewed.dir });
      expect(text.stdout).toMatch(/review-quorum +0 +0 +2\n/);
      expect(text.stdout).toContain('review-quorum decided on the PR: #2, #1');
      // Side by side with a policy that does not run it: turning it on is not "0 → 0".
      reviewed.write('recommended.yml', 'version: 1\nextends: recommended\nrules:\n  tests-touched: off\n');
      const compare = await runMain(['backtest', '--policy', 'recommended.yml', '--compare', '.github/prguard.yml'], { cwd: reviewed.dir });
      expect(compare.stdout).toMatch(/review-quorum +off → 0 +off → 0 +off → 2\n/);
      const md = await runMain(['backtest', '--policy', 'recommended.yml', '--compare', '.github/prguard.yml', '-f', 'markdown'], { cwd: reviewed.dir });
      expect(md.stdout).toContain('| `review-quorum` | off → 0 | off → 0 | off → 2 |');
    } finally {
      reviewed.remove();
    }
  });
});
