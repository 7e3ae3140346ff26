// The built CLI on real git commits shaped like each agent's (and like the humans who must not be
// flagged). One repository, one branch per case; `prguard check --head BRANCH` reads the branch too.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GIT_ENV, Repo, runCli } from '../helpers/repo.ts';

interface Case {
  name: string;
  /** `Name <email>` of the author (and committer), default a human. */
  author?: string;
  message: string;
  /** The head branch, default `feature/<n>`. */
  branch?: string;
  body?: string;
  /** The agent expected, or null for a human change. */
  agent: string | null;
  signal?: string;
}

const HUMAN = 'Ada Lovelace <ada@example.com>';
const FOOTER = '🤖 Generated with [Claude Code](https://claude.ai/code)';

export const AGENT_CASES: Case[] = [
  { name: 'Claude Code co-author and footer', message: `Add export\n\n${FOOTER}\n\nCo-Authored-By: Claude <noreply@anthropic.com>`, agent: 'Claude Code', signal: 'co-authored-by' },
  { name: 'Claude Code message pasted from git log (indented as a whole)', message: `Support single hash bundles\n\n    - Modified the CLI to accept a hash\n\n    ${FOOTER}\n\n    Co-Authored-By: Claude <noreply@anthropic.com>`, body: `    - Modified the CLI to accept a hash\n\n    ${FOOTER}\n\n    Co-Authored-By: Claude <noreply@anthropic.com>`, agent: 'Claude Code', signal: 'co-authored-by' },
  { name: 'Claude GitHub app author', author: 'claude[bot] <209825114+claude[bot]@users.noreply.github.com>', message: 'Fix typo', agent: 'Claude Code', signal: 'commit-author' },
  { name: 'Copilot coding agent author', author: 'copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>', message: 'Initial plan', agent: 'GitHub Copilot', signal: 'commit-author' },
  { name: 'Copilot Agent-Logs-Url alone (rebased)', message: 'Fix flaky test\n\nAgent-Logs-Url: https://github.com/acme/api/sessions/31474705-fbd9-4eed-bbb9-f011558ccd5e\n\nCo-authored-by: ada <1234+ada@users.noreply.github.com>', agent: 'GitHub Copilot', signal: 'session-trailer' },
  { name: 'Copilot CLI co-author', message: 'Fix\n\nCo-authored-by: Copilot <223556219+Copilot@users.noreply.github.com>', agent: 'GitHub Copilot', signal: 'co-authored-by' },
  { name: 'Copilot branch', branch: 'copilot/fix-123', message: 'Fix parsing', agent: 'GitHub Copilot', signal: 'branch' },
  { name: 'Codex branch', branch: 'codex/add-csv-export', message: 'Add CSV export', agent: 'OpenAI Codex', signal: 'branch' },
  { name: 'Codex prefixed branch', branch: 'p1njaq-codex/create-agents-md', message: 'Create AGENTS.md', agent: 'OpenAI Codex', signal: 'branch' },
  { name: 'Codex connector co-author', message: 'Fix\n\nCo-authored-by: chatgpt-codex-connector[bot] <199175422+chatgpt-codex-connector[bot]@users.noreply.github.com>', agent: 'OpenAI Codex', signal: 'co-authored-by' },
  { name: 'Devin author', author: 'devin-ai-integration[bot] <158243242+devin-ai-integration[bot]@users.noreply.github.com>', message: 'Add tests', agent: 'Devin', signal: 'commit-author' },
  { name: 'Cursor agent author', author: 'Cursor Agent <cursoragent@cursor.com>', message: 'Fix build', agent: 'Cursor', signal: 'commit-author' },
  { name: 'Cursor Made-with trailer', message: 'Fix build\n\nMade-with: Cursor', agent: 'Cursor', signal: 'session-trailer' },
  { name: 'Cursor branch', branch: 'cursor/fix-build-e69d', message: 'Fix build', agent: 'Cursor', signal: 'branch' },
  { name: 'Factory Droid co-author', message: 'Add flags\n\nCo-authored-by: factory-droid[bot] <138933559+factory-droid[bot]@users.noreply.github.com>', agent: 'Factory Droid', signal: 'co-authored-by' },
  { name: 'Cline footer and co-author', message: 'Fix\n\n🤖 Generated with [Cline](https://docs.cline.bot)\n\nCo-Authored-By: Cline <noreply@cline.bot>', agent: 'Cline', signal: 'co-authored-by' },
  { name: 'Cline footer alone', message: 'Fix\n\n🤖 Generated with [Cline](https://docs.cline.bot)', agent: 'Cline', signal: 'commit-message' },
  { name: 'Cline Agent author', author: 'Cline Agent <ada@example.com>', message: 'Fix', agent: 'Cline', signal: 'commit-author' },
  { name: 'Cline cloud bot author', author: 'cline-cloud[bot] <cline-cloud[bot]@users.noreply.github.com>', message: 'Fix', agent: 'Cline', signal: 'commit-author' },
  { name: 'Roo Code co-author', message: 'Fix\n\nCo-authored-by: Roo Code <roomote@roocode.com>', agent: 'Roo Code', signal: 'co-authored-by' },
  { name: 'Roo Code roomote bot author', author: 'roomote[bot] <263205322+roomote[bot]@users.noreply.github.com>', message: 'Fix', agent: 'Roo Code', signal: 'commit-author' },
  { name: 'Kiro branch', branch: 'kiro/spec-auth', message: 'Implement auth spec', agent: 'Kiro', signal: 'branch' },
  { name: 'Kiro agent author', author: 'kiro-agent <kiro-agent@users.noreply.github.com>', message: 'Implement', agent: 'Kiro', signal: 'commit-author' },
  { name: 'Warp co-author', message: 'Fix\n\nCo-Authored-By: Warp <agent@warp.dev>', agent: 'Warp', signal: 'co-authored-by' },
  { name: 'Warp Oz co-author', message: 'Update labels\n\nCo-Authored-By: Oz <oz-agent@warp.dev>', agent: 'Warp', signal: 'co-authored-by' },
  { name: 'Augment Agent co-author', message: 'Fix\n\nCo-authored-by: Augment Agent <agent@augmentcode.com>', agent: 'Augment', signal: 'co-authored-by' },
  { name: 'Lovable author', author: 'gpt-engineer-app[bot] <159125892+gpt-engineer-app[bot]@users.noreply.github.com>', message: 'Changes', agent: 'Lovable', signal: 'commit-author' },
  { name: 'v0 co-author', message: 'feat: add form\n\nCo-authored-by: v0[bot] <v0[bot]@users.noreply.github.com>', agent: 'v0', signal: 'co-authored-by' },
  { name: 'Qwen Code co-author', message: 'Fix\n\nCo-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>', agent: 'Qwen Code', signal: 'co-authored-by' },
  { name: 'Crush footer and co-author', message: 'Load tables\n\n💘 Generated with Crush\n\nCo-Authored-By: Crush <crush@charm.land>', agent: 'Crush', signal: 'co-authored-by' },
  { name: 'Crush footer alone', message: 'Load tables\n\n💘 Generated with Crush', agent: 'Crush', signal: 'commit-message' },
  { name: 'Jules author', author: 'google-labs-jules[bot] <161369871+google-labs-jules[bot]@users.noreply.github.com>', message: 'Fix', agent: 'Google Jules', signal: 'commit-author' },
  { name: 'Jules co-author', message: 'Fix\n\nCo-authored-by: google-labs-jules[bot] <161369871+google-labs-jules[bot]@users.noreply.github.com>', agent: 'Google Jules', signal: 'co-authored-by' },
  { name: 'Jules noreply author', author: 'Jules <noreply@jules.google>', message: 'Fix', agent: 'Google Jules', signal: 'commit-author' },
  { name: 'Codex bot author', author: 'openai-codex[bot] <215057067+openai-codex[bot]@users.noreply.github.com>', message: 'Fix', agent: 'OpenAI Codex', signal: 'commit-author' },
  { name: 'Copilot bot author', author: 'copilot[bot] <copilot[bot]@users.noreply.github.com>', message: 'Fix', agent: 'GitHub Copilot', signal: 'commit-author' },
  { name: 'Claude Code action author', author: 'claude-code-action[bot] <claude-code-action[bot]@users.noreply.github.com>', message: 'Fix', agent: 'Claude Code', signal: 'commit-author' },
  { name: 'Vercel openharness author', author: 'openharness[bot] <openharness[bot]@users.noreply.github.com>', message: 'Fix', agent: 'Vercel Open Agents', signal: 'commit-author' },
  { name: 'Vercel open-agents co-author', message: 'Fix\n\nCo-authored-by: open-agents-bot[bot] <open-agents-bot[bot]@users.noreply.github.com>', agent: 'Vercel Open Agents', signal: 'co-authored-by' },
  { name: 'Fedora generic LLM chatbot', message: 'Fix\n\nAssisted-by: generic LLM chatbot', agent: 'Unnamed AI tool', signal: 'assisted-by' },
  { name: 'Assisted-by: AI', message: 'Fix\n\nAssisted-by: AI', agent: 'Unnamed AI tool', signal: 'assisted-by' },
  { name: 'ASF Generated-by', message: 'Fix\n\nGenerated-by: ChatGPT 4o', agent: 'Unnamed tool (model named)', signal: 'generated-by' },
  { name: 'CodeRabbit suggestion committed', message: 'Apply suggestions from code review\n\nCo-authored-by: coderabbitai[bot] <136622811+coderabbitai[bot]@users.noreply.github.com>', agent: 'CodeRabbit', signal: 'review-suggestion' },
  { name: 'Greptile suggestion committed', message: 'Update docs\n\nCo-authored-by: greptile-apps[bot] <165735046+greptile-apps[bot]@users.noreply.github.com>', agent: 'Greptile', signal: 'review-suggestion' },
  { name: 'Gemini Code Assist suggestion committed', message: 'Apply suggestion\n\nCo-authored-by: gemini-code-assist[bot] <176961590+gemini-code-assist[bot]@users.noreply.github.com>', agent: 'Gemini Code Assist', signal: 'review-suggestion' },
  { name: 'Qodo suggestion committed', message: 'Apply suggestion\n\nCo-authored-by: qodo-merge-pro[bot] <151058649+qodo-merge-pro[bot]@users.noreply.github.com>', agent: 'Qodo', signal: 'review-suggestion' },
  { name: 'Copilot coding agent footer, an HTML comment it writes', message: 'Fix parsing', body: 'Fixes #12.\n\n<!-- START COPILOT CODING AGENT SUFFIX -->', agent: 'GitHub Copilot', signal: 'pr-body' },
  { name: 'Codex cloud task link', message: 'Pin Node', body: '## Summary\n- pin Node to 20\n\n## Testing\n- ✅ `npm test`\n\n------\n[Codex Task](https://chatgpt.com/codex/cloud/tasks/task_e_69fcc34d3f008325855f041fad43634a)', agent: 'OpenAI Codex', signal: 'pr-body' },
  { name: 'Codex CLI default co-author', message: 'Fix\n\nCo-authored-by: Codex <noreply@openai.com>', agent: 'OpenAI Codex', signal: 'co-authored-by' },
  { name: 'Cursor cloud agent Open in Web footer', message: 'Add bail', body: '<!-- CURSOR_AGENT_PR_BODY_BEGIN -->\n## Summary\n- add `--bail`\n<!-- CURSOR_AGENT_PR_BODY_END -->\n\n<div><a href="https://cursor.com/agents/bc-cb00ef15-0416-4c9f-97b0-88119cb0f457?cursor_ref=pr_footer&cursor_cta=open_in_web"><picture><img alt="Open in Web" width="114" height="28"></picture></a></div>', agent: 'Cursor', signal: 'pr-body' },
  { name: 'Codex offline-environment notice in the Testing section', message: 'Add retries', body: "## Summary\n- retry failed uploads\n\n## Testing\n- `npm test` *(fails: This environment doesn't have network access after setup, so Codex couldn't run certain commands. Consider configuring a setup script in your Codex environment to install dependencies.)*", agent: 'OpenAI Codex', signal: 'pr-body' },
  // Squashed locally: each commit's footer and co-author end up mid-message (`git rebase -i` squash), or quoted as `git log` prints them (`git merge --squash`).
  { name: 'a rebase -i squash: the footer and co-author of the first commit mid-message', message: 'Add export\n\n🤖 Generated with [Claude Code](https://claude.ai/code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n\nfix lint', agent: 'Claude Code', signal: 'co-authored-by' },
  { name: 'a rebase -i squash: the footer reads as a footer there too', message: 'Add export\n\n🤖 Generated with [Claude Code](https://claude.ai/code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n\nfix lint', agent: 'Claude Code', signal: 'commit-message' },
  { name: 'a merge --squash message quoting the commits', message: 'Squashed commit of the following:\n\ncommit 5b3df40e0812272c50ef1d1ebd61f1d2dca4709d\nAuthor: Ada Lovelace <ada@example.com>\nDate:   Tue Dec 1 21:30:31 2026 +0000\n\n    fix lint\n\ncommit 555b8f3f9d416343b06681c6ab3116e475825292\nAuthor: Ada Lovelace <ada@example.com>\nDate:   Tue Dec 1 21:30:31 2026 +0000\n\n    Add export\n\n    🤖 Generated with [Claude Code](https://claude.ai/code)\n\n    Co-Authored-By: Claude <noreply@anthropic.com>\n', agent: 'Claude Code', signal: 'co-authored-by' },
  { name: 'a merge --squash message: a footer that ends a quoted commit', message: 'Squashed commit of the following:\n\ncommit 555b8f3f9d416343b06681c6ab3116e475825292\nAuthor: Ada Lovelace <ada@example.com>\nDate:   Tue Dec 1 21:30:31 2026 +0000\n\n    Add export\n\n    🤖 Generated with [Claude Code](https://claude.ai/code)\n\ncommit 5b3df40e0812272c50ef1d1ebd61f1d2dca4709d\nAuthor: Ada Lovelace <ada@example.com>\nDate:   Tue Dec 1 21:30:31 2026 +0000\n\n    fix lint\n', agent: 'Claude Code', signal: 'commit-message' },
];

export const HUMAN_CASES: Case[] = [
  { name: 'a human named Claude (author)', author: 'Claude Dupont <claude@example.fr>', message: 'Fix', agent: null },
  { name: 'a human whose git name is just Claude', author: 'Claude <claude.martin@example.org>', message: 'Fix', agent: null },
  { name: 'a human co-author named just Claude', message: 'Fix\n\nCo-authored-by: Claude <claude@example.fr>', agent: null },
  { name: 'Co-developed-by a human Claude', message: 'mm: fix\n\nCo-developed-by: Claude Dupont <claude@example.fr>\nSigned-off-by: Claude Dupont <claude@example.fr>\nSigned-off-by: Ada Lovelace <ada@example.com>', agent: null },
  { name: 'Co-developed-by a human Devin', message: 'net: fix\n\nCo-developed-by: Devin Smith <devin@example.com>\nSigned-off-by: Devin Smith <devin@example.com>', agent: null },
  { name: 'the Claude footer quoted in prose', message: 'Strip agent footers\n\nLines like "🤖 Generated with [Claude Code](https://claude.ai/code)" are\nnow removed from release notes.\n\nSigned-off-by: Ada Lovelace <ada@example.com>', agent: null },
  { name: 'the Claude footer in a fenced example', message: 'Document the footer\n\n```\n🤖 Generated with [Claude Code](https://claude.ai/code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n```\n\nThat is what we strip.', agent: null },
  { name: 'the footer and trailer indented as code at the end', message: 'Document the trailers\n\nAdd to your commit:\n\n    🤖 Generated with [Claude Code](https://claude.ai/code)\n\n    Co-Authored-By: Claude <noreply@anthropic.com>', agent: null },
  { name: 'a footer in a block quote of the PR body', message: 'Fix', body: '> 🤖 Generated with [Claude Code](https://claude.ai/code)\n>\n> Co-Authored-By: Claude <noreply@anthropic.com>\n\nWe strip lines like these.', agent: null },
  { name: 'the Claude footer mid-message, prose after it', message: 'Drop footers\n\n🤖 Generated with [Claude Code](https://claude.ai/code)\n\nis the line this removes from changelogs.', agent: null },
  { name: 'a footer quoted in the PR body prose', message: 'Fix', body: 'We now strip `🤖 Generated with [Claude Code]` and\n🤖 Generated with [Claude Code](https://claude.ai/code) from notes.', agent: null },
  { name: 'a fenced template example in the PR body', message: 'Fix', body: '```markdown\nCo-Authored-By: Claude <noreply@anthropic.com>\n🤖 Generated with [Claude Code](https://claude.ai/code)\n```', agent: null },
  { name: 'Copilot named in prose', message: 'Fix the Copilot integration docs\n\nI tried GitHub Copilot for this and it did not help.', agent: null },
  { name: 'a branch named after a product', branch: 'feature/codex-support', message: 'Support codex files', agent: null },
  { name: 'an Anthropic employee', author: 'Ada Lovelace <ada@anthropic.com>', message: 'Fix', agent: null },
  { name: 'Assisted-by a linter', message: 'Fix\n\nAssisted-by: clang-tidy', agent: null },
  { name: 'humans named like tools (Amp, Gemini, Crush)', message: 'Fix\n\nCo-authored-by: Amp <amp.jones@example.com>\nCo-authored-by: Gemini <gemini@example.org>\nCo-authored-by: Crush <crush@example.net>', agent: null },
  { name: 'a merge --squash message whose quoted commit documents the footer in code', message: 'Squashed commit of the following:\n\ncommit 555b8f3f9d416343b06681c6ab3116e475825292\nAuthor: Ada Lovelace <ada@example.com>\nDate:   Tue Dec 1 21:30:31 2026 +0000\n\n    Strip footers\n\n    We drop lines like:\n\n        Co-Authored-By: Claude <noreply@anthropic.com>\n', agent: null },
  { name: 'the Codex notice quoted as code in the PR body', message: 'Docs', body: "Our setup script fixes `This environment doesn't have network access after setup, so Codex couldn't run certain commands.`", agent: null },
  { name: 'Made-with naming another tool, or Cursor in prose', message: 'Move the cursor on undo\n\nThe cursor made with the new renderer now blinks.\n\nMade-with: Vim', agent: null },
  { name: 'a person citing the Copilot setup-steps and firewall docs links', message: 'Add copilot-setup-steps.yml', body: 'Installs our toolchain before the coding agent starts, as described in https://gh.io/copilot/actions-setup-steps; the hosts it needs are in the [firewall allow list](https://gh.io/copilot/firewall-config).', agent: null },
  { name: 'a PR template\'s hidden hints naming agent links', message: 'Add export', body: '## Summary\nAdds the CSV export.\n\n<!-- Link to Devin run (if any): -->\n\n<!--\nOpened by an agent? Keep its task link, e.g.\nhttps://chatgpt.com/codex/tasks/task_e_0123456789abcdef0123456789abcdef\n-->\n\nTested by hand. <!-- or paste https://app.devin.ai/sessions/0123456789abcdef -->', agent: null },
  { name: 'Codex and Cursor product, settings and docs links', message: 'Docs', body: 'Drafted with [OpenAI Codex](https://chatgpt.com/codex); configure https://chatgpt.com/codex/cloud/settings/environments. Or https://cursor.com/agents, see https://cursor.com/docs/cloud-agent.', agent: null },
  { name: 'Cursor Bugbot\'s summary of a person\'s PR', message: 'Fix retries', body: 'Fixes the retry loop.\n\n<!-- CURSOR_SUMMARY -->\n---\n\n> [!NOTE]\n> **Low Risk**\n> Small change to retries.\n\n<!-- /CURSOR_SUMMARY -->', agent: null },
  { name: 'a human co-author named Jules', message: 'Fix\n\nCo-authored-by: Jules Verne <jules@example.fr>', agent: null },
];

describe('prguard check on agents\' real-shaped commits (built CLI, real git)', () => {
  let repo: Repo;
  const heads = new Map<string, string>();
  beforeAll(() => {
    repo = Repo.init('main');
    repo.commit('initial', { 'README.md': 'hello\n', '.prguard.yml': 'version: 1\nrules:\n  pr-size: warning\n' });
    [...AGENT_CASES, ...HUMAN_CASES].forEach((c, i) => {
      const branch = c.branch ?? `feature/case-${i}`;
      repo.git('checkout', '-q', '-b', branch, 'main');
      writeFileSync(join(repo.dir, `file-${i}.txt`), `${c.name}\n`);
      repo.git('add', '-A');
      const [, name, email] = /^(.*) <(.*)>$/.exec(c.author ?? HUMAN)!;
      execFileSync('git', ['commit', '-q', '-F', '-'], {
        cwd: repo.dir,
        input: c.message,
        env: { ...process.env, ...GIT_ENV, GIT_AUTHOR_NAME: name!, GIT_AUTHOR_EMAIL: email!, GIT_COMMITTER_NAME: name!, GIT_COMMITTER_EMAIL: email! },
      });
      if (c.body !== undefined) writeFileSync(join(repo.dir, `../${repo.dir.split('/').pop()}-body-${i}.md`), c.body);
      heads.set(c.name, branch);
    });
    repo.git('checkout', '-q', 'main');
  });
  afterAll(() => repo.remove());

  const check = (c: Case) => {
    const i = [...AGENT_CASES, ...HUMAN_CASES].indexOf(c);
    const args = ['check', '--base', 'main', '--head', heads.get(c.name)!, '--format', 'json'];
    if (c.body !== undefined) args.push('--pr-body', join(repo.dir, `../${repo.dir.split('/').pop()}-body-${i}.md`));
    const r = runCli(args, { cwd: repo.dir });
    expect(r.stderr).toBe('');
    return JSON.parse(r.stdout).ai as { assisted: boolean; agents: string[]; evidence: { signal: string; agent: string }[] };
  };

  it.each(AGENT_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const ai = check(c);
    expect(ai.assisted).toBe(true);
    expect(ai.agents).toContain(c.agent);
    expect(ai.evidence).toContainEqual(expect.objectContaining({ agent: c.agent, signal: c.signal }));
  });

  it.each(HUMAN_CASES.map((c) => [c.name, c] as const))('not AI: %s', (_name, c) => {
    expect(check(c)).toEqual({ assisted: false, agents: [], evidence: [], source: 'none' });
  });
});
