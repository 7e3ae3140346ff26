// The signature registry: what each AI coding agent leaves behind in commits and pull requests.
// Pure data. To teach prguard a new agent, add an entry here (and a test case with a real string).
//
// Identities match exactly (logins, e-mail addresses, GitHub account ids) or by whole-name
// patterns that no human carries ("Claude" alone, "Claude Opus 4.5", "… (aider)"; never "Claude
// Dupont"). Markers match one line of a PR body or commit message; they are footers and links
// the tools write, never a bare product name, so "Copilot" in prose is not evidence.

export interface Marker {
  pattern: RegExp;
  /** What the marker is, for the evidence text and the README. */
  label: string;
}

export interface TrailerSignature {
  /** Trailer key, case-insensitive (e.g. `Claude-Session`). */
  key: string;
  /** When given, the value must match too (e.g. `Replit-Commit-Author: Agent`). */
  value?: RegExp;
}

export interface AgentSignature {
  /** Display name, used in findings and JSON output. */
  agent: string;
  /** GitHub logins (exact, case-insensitive): bot accounts and agent accounts. */
  logins?: string[];
  /** Numeric GitHub account ids: `ID+name@users.noreply.github.com` matches even after a rename. */
  githubIds?: number[];
  /** E-mail addresses (exact, case-insensitive). */
  emails?: string[];
  /** Whole display names (author, committer, co-author) that only this agent uses. */
  names?: RegExp[];
  /** The tool named at the start of `Assisted-by:` / `Generated-by:` (before `:MODEL`). */
  tools?: RegExp;
  /** Trailers whose presence marks the agent (session and checkpoint trailers). */
  trailers?: TrailerSignature[];
  /** Head-branch prefixes the agent creates. */
  branches?: string[];
  /** Lines the agent writes into PR bodies or commit messages. */
  markers?: Marker[];
}

export const SIGNATURES: readonly AgentSignature[] = [
  {
    agent: 'Claude Code',
    logins: ['claude[bot]'],
    githubIds: [209825114],
    emails: ['noreply@anthropic.com', 'no-reply@anthropic.com'],
    names: [/^claude$/i, /^claude[ -](opus|sonnet|haiku|code)\b/i, /^claude[ -]\d/i],
    tools: /^(claude|anthropic)\b/i,
    trailers: [{ key: 'Claude-Session' }],
    branches: ['claude/'],
    markers: [
      { pattern: /Generated with \[Claude Code\]/i, label: 'Claude Code footer' },
      { pattern: /\bclaude\.ai\/code\/session_\w+/i, label: 'Claude Code session link' },
    ],
  },
  {
    agent: 'GitHub Copilot',
    logins: ['Copilot', 'copilot-swe-agent[bot]'],
    githubIds: [175728472, 198982749],
    emails: ['copilot@github.com'],
    names: [/^(github )?copilot( ai| agent)?$/i, /^copilot autofix\b/i, /^copilot-swe-agent(\[bot\])?$/i],
    tools: /^(github[- ])?copilot\b/i,
    branches: ['copilot/'],
    markers: [
      { pattern: /<!-- START COPILOT CODING AGENT (TIPS|SUFFIX) -->/, label: 'Copilot coding agent footer' },
      { pattern: /You can make Copilot smarter by setting up custom instructions/, label: 'Copilot coding agent tip' },
      { pattern: /Share your feedback on Copilot coding agent/, label: 'Copilot coding agent survey' },
      { pattern: /gh\.io\/copilot\/(actions-setup-steps|firewall-config)/, label: 'Copilot coding agent firewall notice' },
    ],
  },
  {
    agent: 'OpenAI Codex',
    logins: ['chatgpt-codex-connector[bot]', 'codex[bot]'],
    emails: ['codex@openai.com'],
    names: [/^(openai )?codex( cli)?$/i],
    tools: /^(openai[- ])?codex\b/i,
    trailers: [{ key: 'AI-Agent', value: /^(openai[- ])?codex\b/i }],
    branches: ['codex/'],
    markers: [{ pattern: /\bchatgpt\.com\/codex\/tasks\/task_\w+/i, label: 'Codex task link' }],
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
    branches: ['cursor/'],
    markers: [
      { pattern: /\bcursor\.com\/background-agent\?bcId=bc-/i, label: 'Cursor background agent footer' },
      { pattern: /\bcursor\.com\/agents\?id=bc-/i, label: 'Cursor agent link' },
    ],
  },
  {
    agent: 'Aider',
    emails: ['aider@aider.chat', 'noreply@aider.chat'],
    names: [/^aider( \([^)]*\))?$/i, /\s\(aider\)$/i],
    tools: /^aider\b/i,
    markers: [{ pattern: /^aider: \S/, label: 'aider commit prefix' }],
  },
  {
    agent: 'Google Jules',
    logins: ['google-labs-jules[bot]'],
    githubIds: [161369871],
    tools: /^(google[- ])?jules\b/i,
    markers: [{ pattern: /\bjules\.google\.com\/task\/\d+/i, label: 'Jules task link' }],
  },
  {
    agent: 'Gemini',
    logins: ['gemini-code-assist[bot]', 'gemini-cli[bot]'],
    githubIds: [176961590],
    names: [/^gemini( code assist| cli)?$/i, /^gemini[ -]\d/i],
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
    names: [/^amp$/i],
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
    markers: [{ pattern: /Generated with \[opencode\]/i, label: 'OpenCode footer' }],
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
  {
    // A model named without its tool (`Assisted-by: GPT-4o`, `Generated-by: Llama 3`).
    agent: 'Unnamed tool (model named)',
    tools: /^(chatgpt|gpt-?\d|o[134](-mini)?\b|llama|mistral|codestral|deepseek|qwen|grok|kimi|glm-?\d)/i,
  },
];

/** Trailer keys that carry a person (matched against identities). */
export const PERSON_TRAILERS = ['co-authored-by', 'co-developed-by', 'signed-off-by'] as const;

/** Trailer keys that name a tool, `AGENT:MODEL [TOOL...]` (matched against `tools`). */
export const TOOL_TRAILERS = ['assisted-by', 'generated-by', 'co-developed-by', 'ai-assisted-by'] as const;
