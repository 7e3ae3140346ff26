// Agents added in 2026 (issue 12). Each entry says where its strings were seen: search-index ids
// of real public files (commit messages, tool sources, agent instructions) found with `find_string`.
import type { AgentSignature } from './signature-types.ts';

export const MORE_AGENTS: readonly AgentSignature[] = [
  {
    // `Co-authored-by: factory-droid[bot] <138933559+factory-droid[bot]@users.noreply.github.com>`
    // (ids 40540820320, 41857181200, 8778588130).
    agent: 'Factory Droid',
    logins: ['factory-droid[bot]'],
    githubIds: [138933559],
    names: [/^factory[- ]droid(\[bot\])?$/i, /^droid \(factory\)$/i],
    tools: /^(factory[- ])?droid\b/i,
  },
  {
    // Cline's own source: "🤖 Generated with [Cline](https://docs.cline.bot)" and
    // `Co-Authored-By: Cline <noreply@cline.bot>` (ids 235178912, 318833625; PR footer 61179607722).
    agent: 'Cline',
    logins: ['cline[bot]', 'cline-cloud[bot]'],
    emails: ['noreply@cline.bot'],
    names: [/^cline agent$/i, /^cline(-cloud)?\[bot\]$/i],
    tools: /^cline\b/i,
    markers: [{ pattern: /^\W*Generated with \[Cline\]/i, label: 'Cline footer', footer: true }],
  },
  {
    // `Co-authored-by: Roomote <roomote@roocode.com>`, PRs by roomote[bot] (ids 55774177948, 55745190290).
    agent: 'Roo Code',
    logins: ['roomote[bot]'],
    emails: ['roomote@roocode.com'],
    names: [/^roo code$/i, /^roomote$/i],
    tools: /^roo[- ]?code\b/i,
  },
  {
    // The Kiro agent's account and its `kiro/` branches (issue 12).
    agent: 'Kiro',
    logins: ['kiro-agent', 'kiro-agent[bot]'],
    names: [/^kiro[- ]agent$/i],
    tools: /^kiro\b/i,
    branches: ['kiro/'],
  },
  {
    // `Co-Authored-By: Warp <agent@warp.dev>` (ids 4597618022, 32656456682) and its Oz agent,
    // `Co-Authored-By: Oz <oz-agent@warp.dev>` (ids 53205413057, 71613302462).
    agent: 'Warp',
    emails: ['agent@warp.dev', 'oz-agent@warp.dev'],
    names: [/^warp( agent)?$/i],
    tools: /^(warp|oz)\b/i,
  },
  {
    // `Co-authored-by: Augment Agent <agent@augmentcode.com>` (ids 6475815697, 8529196396).
    agent: 'Augment',
    emails: ['agent@augmentcode.com', 'augment@augmentcode.com'],
    names: [/^augment( code)? agent$/i],
    tools: /^augment\b/i,
  },
  {
    // Lovable commits as gpt-engineer-app[bot] (ids 41744314400, 54978843108, 66440677818).
    agent: 'Lovable',
    logins: ['gpt-engineer-app[bot]', 'lovable-dev[bot]'],
    githubIds: [159125892],
    names: [/^gpt-engineer-app(\[bot\])?$/i, /^lovable(-dev\[bot\])?$/i],
    tools: /^lovable\b/i,
  },
  {
    // `Co-authored-by: v0[bot] <v0[bot]@users.noreply.github.com>` (ids 54631381624, 56167877462).
    agent: 'v0',
    logins: ['v0[bot]'],
    githubIds: [196351893],
    names: [/^v0(\[bot\])?$/i],
    tools: /^v0\b/i,
  },
  {
    // Qwen Code's default co-author, `Qwen-Coder <qwen-coder@alibabacloud.com>` (ids 68501470197, 70237069799).
    agent: 'Qwen Code',
    emails: ['qwen-coder@alibabacloud.com'],
    names: [/^qwen[- ]coder$/i, /^qwen code$/i],
    tools: /^qwen[- ]?code\b/i,
  },
  {
    // "💘 Generated with Crush" and `Co-Authored-By: Crush <crush@charm.land>` (ids 67081205794, 60426347225).
    agent: 'Crush',
    emails: ['crush@charm.land'],
    bareNames: [/^crush$/i],
    tools: /^crush\b/i,
    markers: [{ pattern: /^\W*Generated with \[?Crush\b/i, label: 'Crush footer', footer: true }],
  },
  {
    // Vercel's agents committing in their own repositories: openharness[bot], open-agents-bot[bot] (ids 56232176314, 54539367892).
    agent: 'Vercel Open Agents',
    logins: ['openharness[bot]', 'open-agents-bot[bot]'],
    names: [/^openharness(\[bot\])?$/i, /^open-agents-bot(\[bot\])?$/i],
  },
];
