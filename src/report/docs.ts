// Where each rule's documentation lives (linked from markdown and SARIF output).
export const RULE_DOCS_BASE = 'https://github.com/prguard/prguard/blob/main/rules';

export function defaultRuleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE}/${encodeURIComponent(ruleId)}/README.md`;
}
