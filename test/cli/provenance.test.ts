// End to end: the built CLI on a real git repository whose commit an agent co-authored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Repo, runCli } from '../helpers/repo.ts';
import { rng, sample } from '../helpers/secret-samples.ts';

// `ai:` adds a must-not-modify list that applies only to AI-assisted changes.
const POLICY = [
  'version: 1',
  'rules:',
  '  core-changes:',
  '    must-not-modify: []',
  '    ai:',
  '      must-not-modify: ["src/legacy/**"]',
  '',
].join('\n');

const DISCLOSURE = (noAi: ' ' | 'x', ai: ' ' | 'x') =>
  [
    '## AI Authorship Statement',
    `- [${noAi}] This PR does **not** use AI output`,
    `- [${ai}] This PR uses AI output`,
    '  - AI-produced files: src/legacy/parse.ts',
    '  - Files reviewed line by line by a human: src/legacy/parse.ts',
    '  - AI tooling and model version: Claude Code, claude-opus-4-5',
    '',
  ].join('\n');


/** A human commit (no AI trace) on `branch` that changes the core module under the policy POLICY. */
function humanCoreChange(branch: string): Repo {
  const repo = Repo.init('main');
  repo.commit('initial', { 'src/legacy/parse.ts': 'export const parse = (s) => s;\n', 'prguard.yml': POLICY });
  repo.addOrigin('main');
  repo.git('checkout', '-q', '-b', branch);
  repo.commit('Trim input before parsing', { 'src/legacy/parse.ts': 'export const parse = (s) => s.trim();\n' });
  return repo;
}
describe('prguard check: AI provenance end to end', () => {
  let repo: Repo;
  let sha: string;
  beforeAll(() => {
    repo = Repo.init('main');
    repo.commit('initial', { 'src/legacy/parse.ts': 'export const parse = (s) => s;\n', 'prguard.yml': POLICY });
    repo.addOrigin('main');
    repo.git('checkout', '-q', '-b', 'feature');
    sha = repo.commit('Trim input before parsing\n\nCo-authored-by: Claude <noreply@anthropic.com>', {
      'src/legacy/parse.ts': 'export const parse = (s) => s.trim();\n',
    });
    repo.write('no-ai.md', DISCLOSURE('x', ' '));
  });
  afterAll(() => repo.remove());

  it('detects the co-author trailer and applies the ai: block', () => {
    const r = runCli(['check', '--policy', 'prguard.yml', '--format', 'json'], { cwd: repo.dir });
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report.ai).toEqual({
      assisted: true,
      agents: ['Claude Code'],
      evidence: [
        {
          signal: 'co-authored-by',
          agent: 'Claude Code',
          where: `commit ${sha.slice(0, 7)} line 3`,
          text: 'Co-authored-by: Claude <noreply@anthropic.com>',
        },
      ],
      source: 'detected',
    });
    expect(report.findings).toEqual([expect.objectContaining({ ruleId: 'core-changes', severity: 'error', path: 'src/legacy/parse.ts' })]);
    expect(r.code).toBe(1);
  });

  it('names the evidence in one line of text output', () => {
    const r = runCli(['check', '--policy', 'prguard.yml'], { cwd: repo.dir });
    expect(r.stdout).toContain(
      `AI-assisted: yes — Claude Code: co-authored-by in commit ${sha.slice(0, 7)} line 3 ("Co-authored-by: Claude <noreply@anthropic.com>")`,
    );
    expect(r.code).toBe(1);
  });

  it('--ai no overrides the detector: the ai: block does not apply, the evidence is still shown', () => {
    const r = runCli(['check', '--policy', 'prguard.yml', '--ai', 'no'], { cwd: repo.dir });
    expect(r.stdout).toContain('AI-assisted: no (--ai no; detected — Claude Code: co-authored-by');
    expect(r.stdout).toContain('No findings');
    expect(r.code).toBe(0);
  });

  it('a human commit that discloses AI use in the PR body is AI-assisted', () => {
    const human = humanCoreChange('feature');
    try {
      human.write('ai.md', DISCLOSURE(' ', 'x'));
      expect(runCli(['check', '--policy', 'prguard.yml'], { cwd: human.dir }).stdout).toContain('AI-assisted: no evidence found');
      const r = runCli(['check', '--policy', 'prguard.yml', '--pr-body', 'ai.md', '--format', 'json'], { cwd: human.dir });
      const report = JSON.parse(r.stdout);
      expect(report.ai).toMatchObject({ assisted: true, source: 'disclosure', agents: ['Claude Code, claude-opus-4-5'] });
      expect(report.ai.evidence[0]).toMatchObject({ signal: 'disclosure', where: 'PR body line 3' });
      expect(r.code).toBe(1);
    } finally {
      human.remove();
    }
  });

  it('ai-disclosure: a PR body that says "no AI" over a Claude co-authored commit is an error quoting the evidence', () => {
    repo.write('strict.yml', 'version: 1\nrules:\n  ai-disclosure: warning\n');
    const r = runCli(['check', '--policy', 'strict.yml', '--pr-body', 'no-ai.md'], { cwd: repo.dir });
    expect(r.stdout).toMatch(/\nai-disclosure\n {2}error +The PR says it does not use AI output \(PR body line 2\), but prguard found AI traces: Claude Code \(co-authored-by in commit [0-9a-f]{7} line 3/);
    expect(r.code).toBe(1);
  });
});

describe('the local branch is read like the PR head ref in the Action', () => {
  let repo: Repo;
  beforeAll(() => {
    repo = Repo.init('main');
    repo.commit('initial', { 'README.md': 'hello\n' });
    repo.addOrigin('main');
    repo.git('checkout', '-q', '-b', 'codex/add-readme-line');
    repo.commit('Add a line', { 'README.md': 'hello\nworld\n' });
  });
  afterAll(() => repo.remove());

  it('check reads the branch HEAD points to', () => {
    const report = JSON.parse(runCli(['check', '--format', 'json'], { cwd: repo.dir }).stdout);
    expect(report.ai).toMatchObject({ assisted: true, agents: ['OpenAI Codex'], source: 'detected' });
    expect(report.ai.evidence).toEqual([{ signal: 'branch', agent: 'OpenAI Codex', where: 'branch', text: 'codex/add-readme-line' }]);
  });

  it('check reads --head when it names a branch, not when it is a commit', () => {
    repo.git('checkout', '-q', 'main');
    try {
      const byName = JSON.parse(runCli(['check', '--head', 'codex/add-readme-line', '--format', 'json'], { cwd: repo.dir }).stdout);
      expect(byName.ai.agents).toEqual(['OpenAI Codex']);
      const sha = repo.git('rev-parse', 'codex/add-readme-line').trim();
      const bySha = JSON.parse(runCli(['check', '--base', 'main', '--head', sha, '--format', 'json'], { cwd: repo.dir }).stdout);
      expect(bySha.ai).toMatchObject({ assisted: false, agents: [] });
    } finally {
      repo.git('checkout', '-q', 'codex/add-readme-line');
    }
  });

  it('pre-push reads the pushed ref name (the checked-out branch does not matter)', () => {
    const sha = repo.git('rev-parse', 'HEAD').trim();
    repo.git('checkout', '-q', '--detach');
    try {
      // tests-touched needs no PR data, so its ai: block (applied only because the branch says
      // Codex) blocks the push; without AI the rule is off.
      repo.write('strict.yml', "version: 1\nrules:\n  tests-touched:\n    severity: 'off'\n    source: ['**']\n    ai:\n      severity: error\n");
      const input = `refs/heads/codex/add-readme-line ${sha} refs/heads/codex/add-readme-line ${'0'.repeat(40)}\n`;
      const r = runCli(['pre-push', 'origin', '--policy', 'strict.yml'], { cwd: repo.dir, input });
      expect(r.stdout).toContain('AI-assisted: yes — OpenAI Codex: branch in branch ("codex/add-readme-line")');
      expect(r.code, r.stdout + r.stderr).toBe(1);
    } finally {
      repo.git('checkout', '-q', 'codex/add-readme-line');
    }
  });
});

describe('provenance: review-suggestions in the policy', () => {
  it('counts a committed CodeRabbit suggestion by default, and not when the policy says so', () => {
    const repo = Repo.init('main');
    try {
      repo.commit('initial', { 'a.txt': 'a\n' });
      repo.addOrigin('main');
      repo.git('checkout', '-q', '-b', 'feature/docs');
      repo.commit('Apply suggestions from code review\n\nCo-authored-by: coderabbitai[bot] <136622811+coderabbitai[bot]@users.noreply.github.com>', { 'a.txt': 'b\n' });
      repo.write('off.yml', 'version: 1\nprovenance:\n  review-suggestions: false\nrules:\n  pr-size: warning\n');
      repo.write('on.yml', 'version: 1\nrules:\n  pr-size: warning\n');
      const on = JSON.parse(runCli(['check', '--policy', 'on.yml', '--format', 'json'], { cwd: repo.dir }).stdout);
      expect(on.ai).toMatchObject({ assisted: true, agents: ['CodeRabbit'], evidence: [expect.objectContaining({ signal: 'review-suggestion' })] });
      const off = JSON.parse(runCli(['check', '--policy', 'off.yml', '--format', 'json'], { cwd: repo.dir }).stdout);
      expect(off.ai).toEqual({ assisted: false, agents: [], evidence: [], source: 'none' });
      repo.write('bad.yml', 'version: 1\nprovenance:\n  review-suggestion: false\n');
      const bad = runCli(['check', '--policy', 'bad.yml'], { cwd: repo.dir });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('bad.yml:3:');
    } finally {
      repo.remove();
    }
  });
});

describe('locally, with no AI trace and no PR description, the ai: block is shown, not dropped', () => {
  it('check and pre-push report what the ai: block would add as a notice decided on the pull request', () => {
    const repo = humanCoreChange('feature/trim');
    try {
      const r = runCli(['check', '--policy', 'prguard.yml', '--format', 'json'], { cwd: repo.dir });
      const report = JSON.parse(r.stdout);
      expect(report.ai).toMatchObject({ assisted: false, source: 'none' });
      const cc = report.findings.filter((f: { ruleId: string }) => f.ruleId === 'core-changes');
      expect(cc).toEqual([expect.objectContaining({ severity: 'notice', path: 'src/legacy/parse.ts', deferred: ['body'] })]);
      expect(cc[0].message).toContain('if the PR discloses AI use the rule\'s `ai:` overrides apply, and it would be an error');
      expect(r.code).toBe(0);
      // Decided: the PR says no AI, or --ai no.
      repo.write('no-ai.md', DISCLOSURE('x', ' '));
      for (const args of [['--pr-body', 'no-ai.md'], ['--ai', 'no']]) {
        const decided = JSON.parse(runCli(['check', '--policy', 'prguard.yml', '--format', 'json', ...args], { cwd: repo.dir }).stdout);
        expect(decided.findings.filter((f: { ruleId: string }) => f.ruleId === 'core-changes')).toEqual([]);
      }
      const sha = repo.git('rev-parse', 'HEAD').trim();
      const input = `refs/heads/feature/trim ${sha} refs/heads/feature/trim ${'0'.repeat(40)}\n`;
      const push = runCli(['pre-push', 'origin', '--policy', 'prguard.yml'], { cwd: repo.dir, input });
      expect(push.stdout).toContain('note: AI-assisted is decided on the pull request');
      expect(push.stdout).toMatch(/notice +src\/legacy\/parse.ts +Decided on the pull request, whose description this check does not have \(--pr-body FILE, or --ai yes\|no, decides it here\)/);
      expect(push.code, push.stdout + push.stderr).toBe(0);
    } finally {
      repo.remove();
    }
  });
});

describe('evidence clipped where a secret sits', () => {
  it('a token the evidence limit cuts through is dropped whole, never half quoted in a message', () => {
    const token = sample('github-classic-pat', rng(7)).secret;
    const repo = Repo.init('main');
    try {
      repo.commit('initial', { 'a.txt': 'a\n' });
      repo.addOrigin('main');
      repo.git('checkout', '-q', '-b', 'feature/x');
      // The session trailer's evidence is clipped at 160 characters: the token starts at 140.
      repo.commit(`Fix\n\nClaude-Session: ${'a'.repeat(123)} ${token}`, { 'a.txt': 'b\n' });
      repo.write('no-ai.md', DISCLOSURE('x', ' '));
      for (const format of ['json', 'text']) {
        const r = runCli(['check', '--pr-body', 'no-ai.md', '--format', format], { cwd: repo.dir });
        expect(r.stdout).toContain('The PR says it does not use AI output');
        for (let i = 0; i + 8 <= token.length; i++) expect(r.stdout + r.stderr, `fragment at ${i}`).not.toContain(token.slice(i, i + 8));
      }
    } finally {
      repo.remove();
    }
  });
});
