// A token in a file name or a branch name is as leaked as one in a line, and every report prints
// names (a path in a finding, a branch in provenance evidence): the rule scans them, so the masking
// stage removes them from every output.
import { afterEach, describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.ts';
import { catalogue } from '../../rules/secret-leakage/catalogue.ts';
import { confidenceOf } from '../../rules/secret-leakage/confidence.ts';
import { Scanner, SHORT_TEXT } from '../../rules/secret-leakage/scanner.ts';
import { secretLeakage } from '../../rules/secret-leakage/index.ts';
import { change, commit, file, pr } from '../helpers/change.ts';
import { Repo, runCli } from '../helpers/repo.ts';
import { rng, sample } from '../helpers/secret-samples.ts';
import { run } from './helpers.ts';

const r = rng(404);
const token = () => sample('github-classic-pat', r).secret;

describe('secret-leakage: names', () => {
  it('reports a token in a file path, an old path and a path only a commit had', () => {
    const [a, b, c] = [token(), token(), token()];
    const vs = run(secretLeakage, change({
      files: [file(`keys/${a}.txt`, { status: 'added', added: ['x'] }), file('src/moved.ts', { oldPath: `src/${b}.ts`, added: ['y'] })],
      history: [{ sha: 'abcdef1234567890', files: [file(`tmp/${c}`, { status: 'added', added: ['z'] })] }],
    }));
    expect(vs.map((v) => [v.messageId, v.data?.where, v.path])).toEqual([
      ['foundInName', `the file name keys/${a}.txt`, undefined],
      ['foundInName', `the old name of src/moved.ts`, undefined],
      ['foundInName', `the file name tmp/${c}`, undefined],
    ]);
    expect(vs.map((v) => v.secrets)).toEqual([[a], [b], [c]]);
  });

  it('reports a token in the branch and in the PR head branch, once when they are the same', () => {
    const [a, b] = [token(), token()];
    expect(run(secretLeakage, change({ branch: `feat/${a}`, pr: pr({ headRef: `feat/${a}` }) })).map((v) => v.data?.where)).toEqual(['the branch name']);
    const vs = run(secretLeakage, change({ branch: 'feature', pr: pr({ headRef: `fix-${b}` }) }));
    expect(vs.map((v) => [v.data?.where, v.secrets])).toEqual([['the head branch name of the PR', [b]]]);
  });

  it('leaves a verified-format token in a pushed branch name to the push, which reports it as the pushed ref\'s; other names and classes stay', () => {
    const [a, b] = [token(), token()];
    const gitlab = sample('gitlab-pat', r).secret; // 'format': no checksum, which the push's scan does not report
    const branch = `feat/${a}-${gitlab}`;
    const pushed = change({ branch, branchNamePushed: true, files: [file(`keys/${b}.txt`, { status: 'added', added: ['x'] })] });
    const vs = run(secretLeakage, pushed);
    expect(vs.map((v) => [v.data?.where, v.secrets, v.confidence])).toEqual([
      [`the file name keys/${b}.txt`, [b], 'verified-format'],
      ['the branch name', [gitlab], 'format'],
    ]);
    // Not a pushed ref's name (check, the Action, pre-push of a local branch under another name): reported here.
    const local = run(secretLeakage, { ...pushed, branchNamePushed: undefined });
    expect(local.filter((v) => v.data?.where === 'the branch name').map((v) => v.secrets)).toEqual([[a], [gitlab]]);
  });

  it('reports a token in the name or e-mail of an author or committer', () => {
    const [a, b] = [token(), token()];
    const c = commit('docs', { sha: 'abcdef1234567890', author: { name: `Claude ${a}`, email: 'noreply@anthropic.com' }, committer: { name: 'CI', email: `${b}@ci.example` } });
    expect(run(secretLeakage, change({ commits: [c] })).map((v) => [v.data?.where, v.secrets])).toEqual([
      ['the author of commit abcdef1', [a]],
      ['the committer of commit abcdef1', [b]],
    ]);
  });

  it('a waiver marker in a name waives nothing, and exclude does not skip names', () => {
    const a = token();
    const vs = run(secretLeakage, change({ files: [file(`fixtures/prguard-allow-secret-${a}.txt`, { status: 'added', added: ['x'] })], branch: `prguard-allow-secret/${token()}` }), {
      options: { exclude: ['fixtures/**'] },
    });
    expect(vs.map((v) => v.data?.where)).toEqual([`the file name fixtures/prguard-allow-secret-${a}.txt`, 'the branch name']);
  });

  it('ordinary names are no findings', () => {
    const names = ['src/auth/token.ts', 'test/fixtures/api_key_AKIA.json', 'codex/fix-login-flow', 'docs/ghp_tokens.md'];
    expect(run(secretLeakage, change({ files: names.map((n) => file(n, { added: ['1'] })), branch: 'codex/fix-login-flow', commits: [commit('x')] }))).toEqual([]);
  });
});

describe('the built CLI never prints a token from a file or branch name', () => {
  let repo: Repo | undefined;
  afterEach(() => repo?.remove());

  it.each(['text', 'json', 'sarif', 'markdown'])('--format %s', (format) => {
    const [t, u] = [token(), token()];
    repo = Repo.init('main');
    repo.commit('base', { 'README.md': 'hi\n' });
    repo.git('checkout', '-q', '-b', `codex/${t}`);
    repo.commit('add', { [`src/${t}.ts`]: 'export const a = 1;\n' });
    repo.write('b.md', 'b\n').git('add', 'b.md');
    repo.git('commit', '-q', '-m', 'docs', `--author=Claude ${u} <noreply@anthropic.com>`);
    const res = runCli(['check', '--base', 'main', '--format', format], { cwd: repo.dir });
    expect(res.code, res.stderr).toBe(1);
    for (const out of [res.stdout, res.stderr]) {
      for (const secret of [t, u]) expect(out).not.toContain(secret.slice(4, 16));
    }
    expect(res.stdout).toContain('secret-leakage');
  });
});

describe('secret-leakage: findVerifiedSecrets (the names of pushed refs)', () => {
  it('finds a verified-format token in a ref name, with what a finding may show of it', () => {
    const a = token();
    const [hit, ...rest] = secretLeakage.findVerifiedSecrets!(`refs/heads/feature-${a}`);
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({ secret: a, patternId: 'github-classic-pat', preview: 'ghp_' });
    expect(hit!.fingerprint).toMatch(/^[0-9a-f]{12}$/);
  });

  it('finds only the formats that validate: no merely format-shaped token, no generic assignment', () => {
    // GitLab's personal access token has a prefix and a length, nothing that validates.
    expect(confidenceOf(catalogue.find((p) => p.id === 'gitlab-pat')!)).toBe('format');
    const shaped = `refs/heads/${sample('gitlab-pat', r).secret}`;
    // The rule finds it in a line; the names check does not take it for a verified one.
    expect(secretLeakage.findSecrets!(shaped)).not.toEqual([]);
    expect(secretLeakage.findVerifiedSecrets!(shaped)).toEqual([]);
    expect(secretLeakage.findVerifiedSecrets!('refs/heads/password=Zq8vX3kLm9Tr2Wy7')).toEqual([]);
    expect(secretLeakage.findVerifiedSecrets!('refs/heads/feature/login-page')).toEqual([]);
  });
});

describe('the rules that find secrets', () => {
  it('are secret-leakage alone: src/cli.ts loads it by itself to scan a push that checks nothing but its ref names', () => {
    expect(allRules.filter((rule) => rule.findSecrets || rule.findVerifiedSecrets)).toEqual([secretLeakage]);
  });
});

describe('Scanner.mayHold on a short text, before the keyword index is made', () => {
  it('says yes wherever the index finds a keyword: every catalogue sample, encoded ones, generic assignments', () => {
    const texts = catalogue.flatMap((p) => {
      try {
        const t = sample(p.id, r).text.split('\n')[0]!.slice(0, SHORT_TEXT);
        return [t, Buffer.from(t).toString('base64').slice(0, SHORT_TEXT), encodeURIComponent(t).slice(0, SHORT_TEXT)];
      } catch {
        return []; // no generator for this pattern
      }
    });
    texts.push('API_TOKEN = "Zq8vX3kLm9Tr2Wy7"', 'PassWord: Zq8vX3kLm9Tr2Wy7', 'refs/heads/feature/login-page', 'https:\\/\\/x', ''); // prguard-allow-secret (made-up values for the keyword check)
    expect(texts.length).toBeGreaterThan(300);
    const indexed = new Scanner(catalogue, { generic: true });
    indexed.mayHold('x'.repeat(SHORT_TEXT + 1)); // a long text makes the index
    for (const text of texts) {
      const fresh = new Scanner(catalogue, { generic: true });
      if (indexed.mayHold(text)) expect(fresh.mayHold(text), text).toBe(true);
    }
  });
});
