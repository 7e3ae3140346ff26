// The example policy test `prguard init` writes to .github/prguard-tests/: a change to the policy
// without the label that unlocks it is blocked, with the label it passes the protected-paths check.
export function examplePolicyTest(policyFile: string, label: string): string {
  return `# A prguard policy test: one change, and what the policy must say about it.
# Run them all with: prguard policy test   (exit 1 on any mismatch; put it in the policy's CI)
name: editing the policy without the ${label} label is blocked
# The change as \`git diff\` prints it (or \`diff-file: change.diff\`, a file beside this one).
diff: |
  diff --git a/${policyFile} b/${policyFile}
  --- a/${policyFile}
  +++ b/${policyFile}
  @@ -5,0 +6 @@
  +# a tuned limit
# The pull request: title, description and labels (the Action reads them from GitHub).
pr:
  title: Tune the policy
  body: |
    ## AI Authorship Statement
    - [x] This PR does **not** use AI output
    - [ ] This PR uses AI output
  labels: []
ai: no
# Every error and warning the policy must report (notices are free), or \`pass: true\` for none
# at error severity. Add \`line:\` to pin a finding to a line.
expect:
  findings:
    - rule: protected-paths
      severity: error
      path: ${policyFile}
`;
}
