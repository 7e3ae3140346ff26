// The pull request template `prguard init` writes: the guideline's sections, in its order.
// `ai-disclosure` and `core-changes` read these sections by name, so the headings are the contract.
export const PR_TEMPLATE = `## Summary
<!-- What changes and why, in two or three sentences. -->

## AI Authorship Statement
- [ ] This PR does **not** use AI output
- [ ] This PR uses AI output
  - AI-produced files:
  - Files reviewed line by line by a human:
  - AI tooling and model version:

## Change Type
- [ ] Leaf node (local impact)
- [ ] Core code (broad impact, requires line-by-line review)

## Plan Document
<!-- Link to the plan (plan.md) that was approved before implementation. -->

## Verification
- [ ] Unit tests
- [ ] Integration tests
- [ ] At least 3 e2e tests (happy path + 2 errors)
- [ ] Stress / soak test (if applicable)
- [ ] Manual verification steps:

## Verifiability Checklist
- [ ] Inputs, outputs and side effects are documented at the interface
- [ ] A reviewer can judge correctness without reading the whole implementation
- [ ] Failures show up in monitoring, not only in a stack trace

## Security Checklist (if external surfaces are touched)
- [ ] No secrets or API keys in source code or prompts
- [ ] All external input is validated
- [ ] Permission checks hold for both admin and regular users
- [ ] Rate limits / quotas apply
- [ ] Errors do not leak stack traces, SQL or file paths

## Risk and Rollback
<!-- What could break, and how to undo it. -->

## Reviewer Notes
- Please look closely at:
- Can be skimmed:
`;
