// End to end: the built CLI on a real git repository whose commit an agent co-authored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Repo, runCli } from '../helpers/repo.ts';

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
    const human = Repo.init('main');
    try {
      human.commit('initial', { 'src/legacy/parse.ts': 'export const parse = (s) => s;\n', 'prguard.yml': POLICY });
      human.addOrigin('main');
      human.git('checkout', '-q', '-b', 'feature');
      human.commit('Trim input before parsing', { 'src/legacy/parse.ts': 'export const parse = (s) => s.trim();\n' });
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
