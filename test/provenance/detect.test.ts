import { describe, expect, it } from 'vitest';
import type { ChangeSet } from '../../src/model.ts';
import { detectAgents } from '../../src/provenance/detect.ts';
import { SIGNATURES } from '../../src/provenance/signatures.ts';
import { change, commit, pr } from './fixtures.ts';

const SHA = 'abcdef0123456789abcdef0123456789abcdef01';
const c = (message: string, parts: Parameters<typeof commit>[1] = {}) => change({ commits: [commit(message, { sha: SHA, ...parts })] });
const body = (text: string, parts: Parameters<typeof pr>[0] = {}) => change({ pr: pr({ body: text, ...parts }) });
const claudeCommit = 'Add MCP middleware\n\n🤖 Generated with [Claude Code](https://claude.ai/code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>';

// [case, change, agent, signal, where]
const positives: [string, ChangeSet, string, string, string][] = [
  ['Claude Code co-author trailer', c(claudeCommit), 'Claude Code', 'co-authored-by', 'commit abcdef0 line 5'],
  ['Claude Code footer in a commit', c(claudeCommit), 'Claude Code', 'commit-message', 'commit abcdef0 line 3'],
  ['Claude co-author with a model name', c('Fix\n\nCo-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>'), 'Claude Code', 'co-authored-by', 'commit abcdef0 line 3'],
  ['Claude co-author no-reply variant', c('Fix\n\nCo-authored-by: Claude <no-reply@anthropic.com>'), 'Claude Code', 'co-authored-by', 'commit abcdef0 line 3'],
  ['claude[bot] by GitHub id', c('Fix\n\nCo-authored-by: claude[bot] <209825114+claude[bot]@users.noreply.github.com>'), 'Claude Code', 'co-authored-by', 'commit abcdef0 line 3'],
  ['Claude Code footer in a PR body', body('## Summary\n- add middleware\n\n🤖 Generated with [Claude Code](https://claude.ai/code)'), 'Claude Code', 'pr-body', 'PR body line 4'],
  ['Claude co-author line in a PR body', body('Summary\n\nCo-Authored-By: Claude <noreply@anthropic.com>'), 'Claude Code', 'co-authored-by', 'PR body line 3'],
  ['Claude-Session trailer', c('Fix\n\nClaude-Session: 01HZX3Q4W5E6R7T8Y9U0'), 'Claude Code', 'session-trailer', 'commit abcdef0 line 3'],
  ['claude/ branch', change({ pr: pr({ headRef: 'claude/issue-42-fix-login' }) }), 'Claude Code', 'branch', 'branch'],
  ['Assisted-by AGENT:MODEL', c('Fix\n\nAssisted-by: Claude:claude-3-opus coccinelle sparse'), 'Claude Code', 'assisted-by', 'commit abcdef0 line 3'],
  ['Copilot editor co-author', c('Fix\n\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>'), 'GitHub Copilot', 'co-authored-by', 'commit abcdef0 line 3'],
  ['Copilot agent renamed, matched by id', c('Fix\n\nCo-authored-by: Renamed Agent <198982749+renamed@users.noreply.github.com>'), 'GitHub Copilot', 'co-authored-by', 'commit abcdef0 line 3'],
  ['Copilot bare login as PR author', change({ pr: pr({ author: { login: 'Copilot', type: 'Bot' } }) }), 'GitHub Copilot', 'pr-author', 'PR author'],
  ['Copilot commit author login', c('Initial plan', { author: { name: 'copilot-swe-agent[bot]', email: '198982749+Copilot@users.noreply.github.com', login: 'Copilot' } }), 'GitHub Copilot', 'commit-author', 'commit abcdef0 author'],
  ['Copilot coding agent tips footer', body('Fixes #12.\n\n<!-- START COPILOT CODING AGENT TIPS -->\n---\n\n💡 You can make Copilot smarter by setting up custom instructions, customizing its development environment and configuring Model Context Protocol (MCP) servers.'), 'GitHub Copilot', 'pr-body', 'PR body line 6'],
  ['Copilot Autofix co-author', c('Fix\n\nCo-authored-by: Copilot Autofix powered by AI <62310815+github-advanced-security[bot]@users.noreply.github.com>'), 'GitHub Copilot', 'co-authored-by', 'commit abcdef0 line 3'],
  ['copilot/ branch', change({ pr: pr({ headRef: 'copilot/fix-1234' }) }), 'GitHub Copilot', 'branch', 'branch'],
  ['Codex task link', body('## Summary\n- clarify the purpose of the `Wire` interface\n\n------\nhttps://chatgpt.com/codex/tasks/task_e_6840e1f0c2a48323a8e0f8f0d3c5e3b5'), 'OpenAI Codex', 'pr-body', 'PR body line 5'],
  ['codex/ branch', change({ pr: pr({ headRef: 'codex/add-agentic-label' }) }), 'OpenAI Codex', 'branch', 'branch'],
  // The task link Codex cloud appends today, under /codex/cloud/ (search ids 61074520104, 61218434112).
  ['Codex cloud task link', body('## Summary\n- pin Node to 20\n\n## Testing\n- ✅ `npm test`\n\n------\n[Codex Task](https://chatgpt.com/codex/cloud/tasks/task_e_69fcc34d3f008325855f041fad43634a)'), 'OpenAI Codex', 'pr-body', 'PR body line 8'],
  ['Codex connector renamed, matched by id', c('Fix\n\nCo-authored-by: renamed-connector[bot] <199175422+renamed-connector[bot]@users.noreply.github.com>'), 'OpenAI Codex', 'co-authored-by', 'commit abcdef0 line 3'],
  ['codex/ branch in a merge subject', c("Merge branch 'main' into codex/add--agentic--label-to-strategyless-plugins"), 'OpenAI Codex', 'branch', 'commit abcdef0 line 1'],
  ['codex/ branch in a merged PR subject', c('Merge pull request #8 from pmatheus/codex/fix-navbar\n\nFix navbar'), 'OpenAI Codex', 'branch', 'commit abcdef0 line 1'],
  ['AI-Agent: Codex trailer', c('Refactor\n\nAI-Agent: Codex 2025-06'), 'OpenAI Codex', 'session-trailer', 'commit abcdef0 line 3'],
  ['Devin bot as PR author', change({ pr: pr({ author: { login: 'devin-ai-integration[bot]', type: 'Bot' } }) }), 'Devin', 'pr-author', 'PR author'],
  ['Devin session link', body('## Changes\n- fix\n\nLink to Devin run: https://app.devin.ai/sessions/5b8f0c6e7d9a4c1b8e2f3a4b5c6d7e8f\nRequested by: Joe'), 'Devin', 'pr-body', 'PR body line 4'],
  ['Devin co-author by id', c('Fix\n\nCo-authored-by: Devin AI <158243242+devin-ai-integration[bot]@users.noreply.github.com>'), 'Devin', 'co-authored-by', 'commit abcdef0 line 3'],
  ['Cursor agent as commit author', c('Add flag', { author: { name: 'Cursor Agent', email: 'cursoragent@cursor.com' } }), 'Cursor', 'commit-author', 'commit abcdef0 author'],
  ['Cursor agent committer login', c('Add flag', { committer: { name: '', email: '', login: 'cursoragent' } }), 'Cursor', 'commit-committer', 'commit abcdef0 committer'],
  ['Cursor background agent footer', body('Adds `--bail`.\n\n---\n<a href="https://cursor.com/background-agent?bcId=bc-33616c17-2ec5-4de3-ac54-85b9e0e037ca"><picture>Open in Cursor</picture></a>'), 'Cursor', 'pr-body', 'PR body line 4'],
  ['cursor/ branch', change({ pr: pr({ headRef: 'cursor/enhance-bun-build-for-full-stack-support-e69d' }) }), 'Cursor', 'branch', 'branch'],
  // The cloud agent's footer today: an "Open in Web" badge linking cursor.com/agents/bc-… (search ids 60091583726, 55011276459).
  ['Cursor cloud agent footer', body('<!-- CURSOR_AGENT_PR_BODY_BEGIN -->\n## Summary\n- add `--bail`\n<!-- CURSOR_AGENT_PR_BODY_END -->\n\n<div><a href="https://cursor.com/agents/bc-cb00ef15-0416-4c9f-97b0-88119cb0f457?cursor_ref=pr_footer&cursor_cta=open_in_web"><picture><img alt="Open in Web" width="114" height="28"></picture></a></div>'), 'Cursor', 'pr-body', 'PR body line 6'],
  ['Cursor cloud agent body markers, badge removed', body('<!-- CURSOR_AGENT_PR_BODY_BEGIN -->\n## Summary\n- add `--bail`\n<!-- CURSOR_AGENT_PR_BODY_END -->'), 'Cursor', 'pr-body', 'PR body line 1'],
  ['Copilot app co-author renamed, matched by id', c('Fix\n\nCo-authored-by: Copilot App <223556219+renamed@users.noreply.github.com>'), 'GitHub Copilot', 'co-authored-by', 'commit abcdef0 line 3'],
  ['Aider author name', c('Add parser test', { author: { name: 'Paul Gauthier (aider)', email: 'paul@example.com' } }), 'Aider', 'commit-author', 'commit abcdef0 author'],
  ['Aider co-author with a model', c('Fix\n\nCo-authored-by: aider (gpt-4o) <aider@aider.chat>'), 'Aider', 'co-authored-by', 'commit abcdef0 line 3'],
  ['aider: commit prefix', c('aider: Added a test for the parser'), 'Aider', 'commit-message', 'commit abcdef0 line 1'],
  ['Jules task footer', body('Fixes #134\n\n---\n*PR created automatically by Jules for task [16898833701483276387](https://jules.google.com/task/16898833701483276387) started by @arii*'), 'Google Jules', 'pr-body', 'PR body line 4'],
  ['Jules bot by id', c('Fix', { author: { name: 'google-labs-jules[bot]', email: '161369871+google-labs-jules[bot]@users.noreply.github.com' } }), 'Google Jules', 'commit-author', 'commit abcdef0 author'],
  ['Gemini Code Assist co-author', c('Apply suggestion\n\nCo-authored-by: gemini-code-assist[bot] <176961590+gemini-code-assist[bot]@users.noreply.github.com>'), 'Gemini Code Assist', 'review-suggestion', 'commit abcdef0 line 3'],
  ['Amazon Q co-author', c('Fix\n\nCo-authored-by: Amazon Q Developer <208079219+amazon-q-developer[bot]@users.noreply.github.com>'), 'Amazon Q', 'co-authored-by', 'commit abcdef0 line 3'],
  ['OpenHands co-author', c('Fix\n\nCo-authored-by: openhands <openhands@all-hands.dev>'), 'OpenHands', 'co-authored-by', 'commit abcdef0 line 3'],
  ['Windsurf co-author', c('Fix\n\nCo-authored-by: Windsurf <windsurf@codeium.com>'), 'Windsurf', 'co-authored-by', 'commit abcdef0 line 3'],
  ['Amp co-author', c('Fix\n\nAmp-Thread: https://ampcode.com/threads/T-0123abcd-4567-89ef-0123-456789abcdef\nCo-authored-by: Amp <amp@ampcode.com>'), 'Amp', 'co-authored-by', 'commit abcdef0 line 4'],
  ['Amp-Thread trailer', c('Fix\n\nAmp-Thread: https://ampcode.com/threads/T-0123abcd-4567-89ef-0123-456789abcdef'), 'Amp', 'session-trailer', 'commit abcdef0 line 3'],
  ['OpenCode co-author', c('Fix\n\nCo-Authored-By: opencode <noreply@opencode.ai>'), 'OpenCode', 'co-authored-by', 'commit abcdef0 line 3'],
  ['Junie co-author', c('Fix\n\nCo-authored-by: Junie <junie@jetbrains.com>'), 'JetBrains Junie', 'co-authored-by', 'commit abcdef0 line 3'],
  ['Replit Agent trailers', c('Clean up .replit configuration\n\nReplit-Commit-Author: Agent\nReplit-Commit-Session-Id: 8530e9e7-2b1f-4c39-9d7a-5f1e2d3c4b5a'), 'Replit Agent', 'session-trailer', 'commit abcdef0 line 3'],
  ['Sweep bot as PR author', change({ pr: pr({ author: { login: 'sweep-ai[bot]', type: 'Bot' } }) }), 'Sweep', 'pr-author', 'PR author'],
  ['Cursor agent signs off', c('Fix\n\nSigned-off-by: Cursor Agent <cursoragent@cursor.com>'), 'Cursor', 'signed-off-by', 'commit abcdef0 line 3'],
];

const negatives: [string, ChangeSet][] = [
  ['human co-author', c('Fix\n\nCo-authored-by: Eduardo San Martin Morote <posva13@gmail.com>')],
  ['human named Claude', c('Fix\n\nCo-authored-by: Claude Dupont <claude.dupont@example.org>')],
  ['human at Anthropic', c('Fix\n\nCo-authored-by: ashwin@anthropic.com <ashwin@anthropic.com>')],
  ['human named Devin', c('Fix', { author: { name: 'Devin Smith', email: 'devin@example.com' } })],
  ['human named Jules', c('Fix\n\nCo-authored-by: Jules Verne <jules@example.fr>')],
  ['dependabot co-author', c('Bump\n\nCo-authored-by: dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>')],
  ['"Copilot" and "Cursor" in prose', body('I tried Copilot and Cursor for this, but wrote it by hand. The cursor position bug in codex/ was Devin\'s report.')],
  ['"Copilot" in a commit message', c('Thanks Copilot for nothing: fix cursor drift by hand')],
  ['Assisted-by a linter', c('Tidy\n\nAssisted-by: clang-tidy\nSigned-off-by: Ada Lovelace <ada@example.com>')],
  ['Assisted-by a human', c('Fix\n\nAssisted-by: Grace Hopper <grace@example.com>')],
  ['PR-Codex summary bot is not OpenAI Codex', body('## PR-Codex overview\n> ✨ Ask PR-Codex anything about this PR by commenting with `/codex {your question}`')],
  ['Cursor docs link', body('Add a cursor rules file as per https://docs.cursor.com/context/rules-for-ai')],
  ['Codex product and settings links', body('Drafted with [OpenAI Codex](https://chatgpt.com/codex); set the environment up at https://chatgpt.com/codex/cloud/settings/environments first.')],
  ['Cursor product, docs and badge image links', body('Try https://cursor.com/agents or see https://cursor.com/docs/cloud-agent; the badge is https://cursor.com/assets/images/open-in-web-dark.png')],
  // Cursor Bugbot summarises a person's PR in its body: a review of the change, not its author.
  ['Cursor Bugbot summary of a human PR', body('Fixes the retry loop.\n\n<!-- CURSOR_SUMMARY -->\n---\n\n> [!NOTE]\n> **Low Risk**\n> Small change to retries.\n\n<!-- /CURSOR_SUMMARY -->')],
  ['a branch about cursors', change({ pr: pr({ headRef: 'feature/cursor-pagination' }) })],
  ['quoted in a fenced block of a PR body', body('Docs for the footer:\n\n```text\n🤖 Generated with [Claude Code](https://claude.ai/code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n```\n')],
  ['trailer-looking line mid-message', c('Fix\n\nCo-authored-by: Claude <noreply@anthropic.com> was discussed\nbut not added.\n\nSigned-off-by: Ada Lovelace <ada@example.com>')],
];

describe('detectAgents', () => {
  it.each(positives)('%s', (_name, ch, agent, signal, where) => {
    const found = detectAgents(ch);
    expect(found.agents).toContain(agent);
    expect(found.evidence).toContainEqual(expect.objectContaining({ agent, signal, where }));
  });

  it.each(negatives)('not AI: %s', (_name, ch) => {
    expect(detectAgents(ch)).toEqual({ agents: [], evidence: [] });
  });

  it('reports one piece of evidence per agent, signal and text across many commits', () => {
    const author = { name: 'devin-ai-integration[bot]', email: '158243242+devin-ai-integration[bot]@users.noreply.github.com' };
    const ch = change({ commits: [commit('a', { author }), commit('b', { author }), commit('c', { author })] });
    const authors = detectAgents(ch).evidence.filter((e) => e.signal === 'commit-author');
    expect(authors).toHaveLength(1);
  });

  it('clips long evidence text', () => {
    const long = `Link to Devin run: https://app.devin.ai/sessions/5b8f0c6e7d9a4c1b ${'x'.repeat(400)}`;
    const [e] = detectAgents(body(long)).evidence;
    expect(e!.text.length).toBeLessThanOrEqual(160);
  });

  it('covers every agent the issue names', () => {
    const agents = SIGNATURES.map((s) => s.agent);
    for (const name of ['Claude Code', 'GitHub Copilot', 'OpenAI Codex', 'Devin', 'Cursor', 'Aider', 'Google Jules', 'Gemini CLI', 'Gemini Code Assist', 'Amazon Q', 'OpenHands', 'Windsurf', 'Amp', 'OpenCode', 'JetBrains Junie', 'Replit Agent', 'Sweep']) {
      expect(agents).toContain(name);
    }
  });

  it('reads a custom registry', () => {
    const registry = [{ agent: 'Acme Bot', emails: ['bot@acme.dev'] }];
    expect(detectAgents(c('Fix\n\nCo-authored-by: Acme <bot@acme.dev>'), registry).agents).toEqual(['Acme Bot']);
    expect(detectAgents(c(claudeCommit), registry).agents).toEqual([]);
  });
});
