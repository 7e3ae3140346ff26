// The signature registry: what each AI coding agent leaves behind in commits and pull requests.
// Pure data. To teach prguard a new agent, add an entry here (and a test case with a real string).
//
// Identities match exactly (logins, e-mail addresses, GitHub account ids) or by whole-name
// patterns that no human carries ("Claude" alone, "Claude Opus 4.5", "… (aider)"; never "Claude
// Dupont", nor a human whose name is just "Claude"). Markers match one line of a PR body or commit
// message; they are footers and links the tools write, never a bare product name, so "Copilot" in
// prose is not evidence. Each entry added for issue 12 cites where its strings were seen in real
// public commits and tool sources (search-index ids of the files, `find_string` results).
import type { AgentSignature } from './signature-types.ts';
import { MORE_AGENTS } from './signatures-agents.ts';
import { REVIEW_BOTS } from './signatures-review.ts';

export type { AgentSignature, Marker, TrailerSignature } from './signature-types.ts';


export const SIGNATURES: readonly AgentSignature[] = [
  {
    agent: 'Claude Code',
    // The Claude GitHub app and its action; a person named just "Claude" is not Anthropic's identity.
    logins: ['claude[bot]', 'claude-code-action[bot]'],
    githubIds: [209825114],
    emails: ['noreply@anthropic.com', 'no-reply@anthropic.com'],
    names: [/^claude[ -](opus|sonnet|haiku)[ -:.]?\d/i, /^claude[ -]\d/i, /^claude code$/i],
    // `Co-authored-by: Claude` with no address, in a real PR body (AIDev-pop, firezone/firezone#9019).
    bareNames: [/^claude$/i],
    tools: /^(claude|anthropic)\b/i,
    trailers: [{ key: 'Claude-Session' }],
    branches: ['claude/'],
    markers: [
      { pattern: /^\W*Generated with \[?Claude Code\b/i, label: 'Claude Code footer', footer: true },
      { pattern: /\bclaude\.ai\/code\/session_\w+/i, label: 'Claude Code session link' },
    ],
  },
  {
    agent: 'GitHub Copilot',
    logins: ['Copilot', 'copilot-swe-agent[bot]', 'copilot[bot]'],
    // 223556219: `Co-authored-by: Copilot <223556219+Copilot@users.noreply.github.com>`, the Copilot
    // CLI and app's co-author (search ids 62287883782, 54064846447; "Copilot App": 71531018512).
    githubIds: [175728472, 198982749, 223556219],
    emails: ['copilot@github.com'],
    names: [/^(github )?copilot( ai| agent)?$/i, /^copilot autofix\b/i, /^copilot-swe-agent(\[bot\])?$/i],
    tools: /^(github[- ])?copilot\b/i,
    // The coding agent's session link, kept after a rebase drops the bot identity (search ids
    // 55298054846 bytedance/deer-flow, 71147349824 xhluca/bm25s: `Agent-Logs-Url: https://github.com/OWNER/REPO/sessions/UUID`).
    trailers: [{ key: 'Agent-Logs-Url', value: /^https:\/\/github\.com\/[^/\s]+\/[^/\s]+\/sessions\/\S+/i }],
    branches: ['copilot/'],
    markers: [
      { pattern: /<!-- START COPILOT CODING AGENT (TIPS|SUFFIX) -->/, label: 'Copilot coding agent footer', comment: true },
      { pattern: /You can make Copilot smarter by setting up custom instructions/, label: 'Copilot coding agent tip' },
      { pattern: /Share your feedback on Copilot coding agent/, label: 'Copilot coding agent survey' },
      // Not its firewall notice's `gh.io/copilot/actions-setup-steps` and `…/firewall-config` links:
      // the agent writes them only in a `> [!WARNING]` block quote, never read, and they are GitHub's
      // documentation links that people cite (docs, and GitHub's own setup-steps error message).
    ],
  },
  {
    agent: 'OpenAI Codex',
    // openai-codex[bot]: search ids 57582665448, 52124514423; `Codex <noreply@openai.com>`, the Codex
    // CLI's default co-author (its source, 603572762), and 54504099870; chatgpt-codex-connector[bot]
    // is account 199175422 (`Co-authored-by: Codex <199175422+chatgpt-codex-connector[bot]@…>`, 60806627507, 68469083777).
    logins: ['chatgpt-codex-connector[bot]', 'codex[bot]', 'openai-codex[bot]'],
    githubIds: [215057067, 199175422],
    emails: ['codex@openai.com', 'noreply@openai.com'],
    names: [/^(openai )?codex( cli)?$/i],
    tools: /^(openai[- ])?codex\b/i,
    trailers: [{ key: 'AI-Agent', value: /^(openai[- ])?codex\b/i }],
    branches: ['codex/'],
    // Codex also names branches `<6 characters>-codex/<slug>` (search ids 54402540718, 71163817799, 44374692434).
    branchPatterns: [/^[a-z0-9]{6}-codex\//],
    markers: [
      // `chatgpt.com/codex/tasks/task_e_…`, and since 2026 under `/codex/cloud/tasks/` (search ids 61074520104, 61218434112).
      { pattern: /\bchatgpt\.com\/codex\/(?:cloud\/)?tasks\/task_\w+/i, label: 'Codex task link' },
      // The disclaimer Codex's cloud prompt makes it write in the Testing section when a command
      // fails offline (its system prompt as published, search ids 54868497680, 56385137011).
      { pattern: /\bnetwork access after setup, so Codex couldn['\u2019]t run certain commands\b/i, label: 'Codex environment notice' },
    ],
  },
  {
    agent: 'Devin',
    logins: ['devin-ai-integration[bot]'],
    githubIds: [158243242],
    names: [/^devin ai$/i],
    tools: /^devin\b/i,
    branches: ['devin/'],
    markers: [
      { pattern: /\bapp\.devin\.ai\/sessions\/[0-9a-f]{8,}/i, label: 'Devin session link' },
      { pattern: /Link to Devin run/i, label: 'Devin run heading' },
    ],
  },
  {
    agent: 'Cursor',
    logins: ['cursoragent', 'cursor[bot]'],
    emails: ['cursoragent@cursor.com'],
    names: [/^cursor agent$/i],
    tools: /^cursor\b/i,
    // The trailer Cursor appends to the commits it makes, `Made-with: Cursor`: teams strip it in
    // commit-msg hooks and forbid it in agent rules (search ids 60434548987, 57936314047, 52850046037).
    trailers: [{ key: 'Made-with', value: /^cursor\b/i }],
    branches: ['cursor/'],
    markers: [
      { pattern: /\bcursor\.com\/background-agent\?bcId=bc-/i, label: 'Cursor background agent footer' },
      { pattern: /\bcursor\.com\/agents\?id=bc-/i, label: 'Cursor agent link' },
      // The cloud agent's "Open in Web" footer badge, `cursor.com/agents/bc-UUID?cursor_ref=pr_footer…`,
      // and the comments it wraps its PR body in (search ids 60091583726, 55011276459, 54558961350).
      // Not `<!-- CURSOR_SUMMARY -->`: Bugbot's summary of a PR anyone wrote.
      { pattern: /\bcursor\.com\/agents\/bc-[0-9a-f]{8}/i, label: 'Cursor agent link' },
      { pattern: /<!-- CURSOR_AGENT_PR_BODY_(?:BEGIN|END) -->/, label: 'Cursor agent PR body', comment: true },
    ],
  },
  {
    agent: 'Aider',
    emails: ['aider@aider.chat', 'noreply@aider.chat'],
    names: [/^aider( \([^)]*\))?$/i, /\s\(aider\)$/i],
    tools: /^aider\b/i,
    markers: [{ pattern: /^aider: \S/, label: 'aider commit prefix', subject: true }],
  },
  {
    agent: 'Google Jules',
    logins: ['google-labs-jules[bot]'],
    githubIds: [161369871],
    // `Jules <noreply@jules.google>` as author or co-author (search ids 56548628487, 59184174088).
    emails: ['noreply@jules.google'],
    tools: /^(google[- ])?jules\b/i,
    markers: [{ pattern: /\bjules\.google\.com\/task\/\d+/i, label: 'Jules task link' }],
  },
  {
    agent: 'Gemini CLI',
    logins: ['gemini-cli[bot]'],
    // `Gemini CLI Agent <gemini-cli-agent@google.com>` (search id 53761952177).
    emails: ['gemini-cli-agent@google.com'],
    names: [/^gemini cli( agent)?$/i, /^gemini[ -]\d/i],
    bareNames: [/^gemini$/i],
    tools: /^(google[- ])?gemini\b/i,
  },
  {
    agent: 'Amazon Q',
    logins: ['amazon-q-developer[bot]'],
    githubIds: [208079219],
    names: [/^amazon q( developer)?$/i],
    tools: /^(amazon[- ]q|q[- ]developer)\b/i,
  },
  {
    agent: 'OpenHands',
    logins: ['openhands-agent', 'openhands-ai[bot]'],
    emails: ['openhands@all-hands.dev'],
    names: [/^openhands( agent)?$/i],
    tools: /^openhands\b/i,
    branches: ['openhands/', 'openhands-fix-issue-'],
    markers: [{ pattern: /\bapp\.all-hands\.dev\/conversations\/[0-9a-f]{8,}/i, label: 'OpenHands conversation link' }],
  },
  {
    agent: 'Windsurf',
    logins: ['windsurf-bot[bot]'],
    emails: ['windsurf@codeium.com', 'noreply@codeium.com', 'noreply@windsurf.ai', 'cascade@windsurf.ai', 'noreply@windsurf.com'],
    names: [/^windsurf( cascade| agent| ai)?$/i],
    tools: /^(windsurf|cascade|codeium)\b/i,
  },
  {
    agent: 'Amp',
    emails: ['amp@ampcode.com'],
    bareNames: [/^amp$/i],
    tools: /^amp\b/i,
    trailers: [{ key: 'Amp-Thread' }, { key: 'Amp-Thread-ID' }],
    markers: [{ pattern: /\bampcode\.com\/threads\/T-[0-9a-f-]{8,}/i, label: 'Amp thread link' }],
  },
  {
    agent: 'OpenCode',
    logins: ['opencode-agent[bot]'],
    emails: ['noreply@opencode.ai'],
    names: [/^opencode( \([^)]*\))?$/i],
    tools: /^opencode\b/i,
    markers: [{ pattern: /^\W*Generated with \[opencode\]/i, label: 'OpenCode footer', footer: true }],
  },
  {
    agent: 'JetBrains Junie',
    emails: ['junie@jetbrains.com'],
    tools: /^(jetbrains[- ])?junie\b/i,
  },
  {
    agent: 'Replit Agent',
    tools: /^replit\b/i,
    trailers: [{ key: 'Replit-Commit-Author', value: /^(agent|assistant)$/i }],
  },
  {
    agent: 'Sweep',
    logins: ['sweep-ai[bot]'],
    tools: /^sweep\b/i,
    branches: ['sweep/'],
  },
  ...MORE_AGENTS,
  ...REVIEW_BOTS,
  {
    // A model named without its tool (`Assisted-by: GPT-4o`, `Generated-by: Llama 3`).
    agent: 'Unnamed tool (model named)',
    tools: /^(chatgpt|gpt-?\d|o[134](-mini)?\b|llama|mistral|codestral|deepseek|qwen|grok|kimi|glm-?\d)/i,
  },
  {
    // No tool named at all: Fedora's `Assisted-by: generic LLM chatbot` (its policy's own example,
    // search ids 10141110623, 51908446552), `Assisted-by: AI`, `Generated-by: an LLM`.
    agent: 'Unnamed AI tool',
    tools: /^(?:generic (?:llm|ai)\b|(?:an? )?(?:ai|llm|genai|gen ai)(?:\s|:|$)|(?:an? )?(?:ai|llm)[- ](?:assistant|chatbot|tool|model)s?\b|chatbot\b|large language model)/i,
  },
];

/** Trailer keys that carry a person (matched against identities). */
export const PERSON_TRAILERS = ['co-authored-by', 'co-developed-by', 'signed-off-by'] as const;

/**
 * Trailer keys that name a tool, `AGENT:MODEL [TOOL...]` (matched against `tools`). Not
 * `Co-developed-by`: the kernel uses it for human co-developers (`Co-developed-by: Devin Smith <…>`).
 * A value with an e-mail address is a person and is matched as one, never as a tool.
 */
export const TOOL_TRAILERS = ['assisted-by', 'generated-by', 'ai-assisted-by'] as const;
