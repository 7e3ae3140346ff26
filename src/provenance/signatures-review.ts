// AI review bots. Their co-author trailer on a commit means a human clicked "Commit suggestion":
// the code is AI-produced, as evidence kind "review-suggestion", which the policy counts or not
// (`provenance: review-suggestions`). A commit they author themselves counts as the bot's work.
import type { AgentSignature } from './signature-types.ts';

export const REVIEW_BOTS: readonly AgentSignature[] = [
  {
    // `Co-authored-by: coderabbitai[bot] <136622811+coderabbitai[bot]@users.noreply.github.com>` (ids 31341770491, 12645711707).
    agent: 'CodeRabbit',
    logins: ['coderabbitai[bot]'],
    githubIds: [136622811],
    review: true,
  },
  {
    // `Co-authored-by: greptile-apps[bot] <165735046+greptile-apps[bot]@users.noreply.github.com>` (ids 53501719383, 24266670009).
    agent: 'Greptile',
    logins: ['greptile-apps[bot]'],
    githubIds: [165735046],
    review: true,
  },
  {
    // gemini-code-assist[bot], GitHub id 176961590 (its suggestions are committed the same way).
    agent: 'Gemini Code Assist',
    logins: ['gemini-code-assist[bot]'],
    githubIds: [176961590],
    names: [/^gemini code assist$/i],
    review: true,
  },
  {
    // Qodo Merge: qodo-merge-pro[bot], GitHub id 151058649 ("Apply suggestion from @qodo-merge-pro[bot]", ids 53242474760, 32605338818).
    agent: 'Qodo',
    logins: ['qodo-merge-pro[bot]', 'qodo-merge-pro-for-open-source[bot]', 'qodo-code-review[bot]'],
    githubIds: [151058649],
    review: true,
  },
];
