// `prguard init`: write a starter policy and the guideline's pull request template.
import { existsSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { POLICY_LABEL } from '../../rules/protected-paths/index.ts';
import { policyLabelEntries, starterPolicy } from '../init/policy-template.ts';
import { examplePolicyTest } from '../init/policy-test-template.ts';
import { DEFAULT_TESTS_DIR } from '../policy/fixtures.ts';
import { PR_TEMPLATE } from '../init/pr-template.ts';
import { occupied, writeInRepo } from '../repo/write.ts';
import { policyFromText, POLICY_PATHS } from '../policy/index.ts';
import { SCHEMA_ID } from '../policy/schema.ts';
import { gitDirOnly, repoRoot, whyNoWorkTree } from '../git/index.ts';
import { UsageError } from '../errors.ts';
import type { Command } from './types.ts';

const options = {
  force: { type: 'boolean' },
} as const;

const POLICY_FILE = POLICY_PATHS[0];
const TEMPLATE_FILE = '.github/pull_request_template.md';
const TEST_FILE = `${DEFAULT_TESTS_DIR}/policy-edit-needs-label.yml`;
/** The schema shipped in the npm package, matching the installed version. */
const LOCAL_SCHEMA = 'node_modules/prguard/policy.schema.json';

/** The installed package's schema when there is one (offline, same version), else the published one; relative to the policy file. */
function schemaRef(root: string, policyFile: string): string {
  if (!existsSync(join(root, LOCAL_SCHEMA))) return SCHEMA_ID;
  return posix.relative(posix.dirname(policyFile), LOCAL_SCHEMA).replace(/^(?!\.\.?\/)/, './');
}

const help = `Usage: prguard init [options]

Set up prguard in this repository (at the top of the git work tree; outside any repository,
here; a bare repository or a .git directory, which have no work tree, is exit 2):
  ${POLICY_FILE}                 starter policy: every rule at its default severity
                                      (the opt-in review-quorum too) with its options
                                      commented out, the guideline's "core" modules as
                                      commented-out examples, and the label
                                      ${POLICY_LABEL} unlocking policy and workflow edits
  ${TEMPLATE_FILE}   the guideline's PR template (AI Authorship Statement,
                                      Change Type, Verification, checklists, ...)
  ${TEST_FILE}
                                      an example policy test (prguard policy test runs them)
Existing files (a symlink too) are never overwritten without --force, and nothing is
written through a symlink or outside the repository. A policy already at ${POLICY_PATHS[1]}
is that policy: it is kept (--force replaces it there), never shadowed by a new ${POLICY_FILE}.

Options:
  --force       overwrite existing files
  -h, --help    show this help
`;

/** A PR template GitHub would already use: .github/, docs/ or the root, any case. */
function existingTemplate(root: string): string | null {
  for (const dir of ['.github', 'docs', '.']) {
    let names: string[];
    try {
      names = readdirSync(join(root, dir));
    } catch {
      continue;
    }
    const hit = names.find((n) => /^pull_request_template(\.md)?$/i.test(n));
    if (hit) return dir === '.' ? hit : `${dir}/${hit}`;
  }
  return null;
}

export const init: Command = {
  name: 'init',
  summary: 'write a starter .github/prguard.yml and PR template',
  options,
  help,
  async run({ values }, io, appOf) {
    const app = await appOf();
    const allRules = app.rules;
    const top = await repoRoot(io.cwd);
    // A bare repository or a .git directory: what is written there is never committed.
    if (top === null && (await gitDirOnly(io.cwd)) !== null) {
      throw new UsageError(`${await whyNoWorkTree(io.cwd, 'to write the policy into')}. Run prguard init in a clone's work tree, where the files are committed.`);
    }
    const root = top ?? io.cwd;
    const force = values.force === true;
    // The policy prguard would read (a `.prguard.yml` too): a starter beside it would shadow it.
    const existingPolicy = POLICY_PATHS.find((rel) => occupied(join(root, rel))) ?? null;
    const policyFile = existingPolicy ?? POLICY_FILE;
    const policy = starterPolicy(
      allRules.map((r) => r.meta),
      schemaRef(root, policyFile),
      policyLabelEntries(POLICY_LABEL, policyFile),
    );
    // The starter must load like any user's policy; a failure here is a bug, reported as such.
    policyFromText(policy, policyFile, allRules);
    const files: { path: string; text: string; existing: string | null }[] = [
      { path: policyFile, text: policy, existing: existingPolicy },
      { path: TEMPLATE_FILE, text: PR_TEMPLATE, existing: existingTemplate(root) },
      { path: TEST_FILE, text: examplePolicyTest(policyFile, POLICY_LABEL), existing: occupied(join(root, TEST_FILE)) ? TEST_FILE : null },
    ];
    for (const file of files) {
      if (file.existing && !force) {
        io.stdout(`kept     ${file.existing} (exists; prguard init --force overwrites ${file.path})\n`);
        continue;
      }
      writeInRepo(root, file.path, file.text);
      io.stdout(`${file.existing === file.path ? 'replaced' : 'created '} ${file.path}\n`);
    }
    io.stdout(
      `\nNext: uncomment and fill in the core: globs in ${policyFile}, create the label ${POLICY_LABEL} on GitHub\n` +
        '(it unlocks later edits of the policy and workflows), run prguard check, and install the pre-push hook\n' +
        'with prguard install-hook. prguard policy test runs the policy tests; prguard rules lists the rules;\n' +
        'prguard explain <rule> documents one.\n',
    );
    return 0;
  },
};
