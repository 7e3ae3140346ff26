// core-changes: AI writes leaf code; core modules stay human-led, reviewed line by line.
import type { ChangeSet } from '../../src/model.ts';
import { DEFAULT_DISCLOSURE, readDisclosure, REVIEWED_FIELD } from '../../src/rule-kit/pr-body.ts';
import { listFirst, pathsInGlobs, touchedPaths, defineRule, globListProblems, type TypedViolation } from '../../src/rule-kit/index.ts';
import { declaredChangeType, insideRepo, listed, mustNotModifyFromPlan, planLinks, tokens } from './plan.ts';

export interface CoreChangesOptions {
  'max-core-modules': number;
  'must-not-modify': string[];
  'plan-file': string;
  'plan-section': string;
  'plan-heading': string;
  'change-type-heading': string;
  'leaf-marker': string;
  'core-marker': string;
  'disclosure-heading': string;
  'reviewed-field': string;
  'require-change-type': boolean;
}

/** How many file names a message lists. */
const LISTED = 8;

function names(paths: readonly string[]): string {
  return listFirst(paths, LISTED);
}

/** Core module -> touched files in it. */
function coreTouched(change: ChangeSet, paths: readonly string[], core: Record<string, string[]>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [module, globs] of Object.entries(core)) {
    const hits = pathsInGlobs(change, paths, globs);
    if (hits.length > 0) out.set(module, hits);
  }
  return out;
}

function planDocuments(change: ChangeSet, o: CoreChangesOptions): string[] {
  const paths = new Set(planLinks(change, o['plan-heading']));
  if (o['plan-file'] !== '') paths.add(o['plan-file']);
  return [...paths];
}

type MessageId = 'leafTouchesCore' | 'coreUndeclared' | 'unreviewedCore' | 'megaPr' | 'mustNotModify' | 'planMissing';

export const coreChanges = defineRule<CoreChangesOptions, MessageId>({
  meta: {
    id: 'core-changes',
    description: 'Core modules stay human-led: declared, reviewed line by line, never in a mega AI PR',
    defaultSeverity: 'error',
    reads: ['files'],
    schema: {
      type: 'object',
      properties: {
        'max-core-modules': {
          type: 'integer',
          minimum: 0,
          default: 1,
          description: 'Most core modules (from the policy `core:` map) one AI-assisted change may touch.',
        },
        'must-not-modify': {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          default: [],
          description: 'Globs no change may touch, on top of the plan document\'s "Must not modify" list.',
        },
        'plan-file': {
          type: 'string',
          default: '',
          description: 'Repository path of the plan document (e.g. `plan.md`); empty for none.',
        },
        'plan-section': {
          type: 'string',
          minLength: 1,
          default: 'Must not modify',
          description: 'Heading (or `Label:`) of the plan\'s list of paths that must not change.',
        },
        'plan-heading': {
          type: 'string',
          minLength: 1,
          default: 'Plan Document',
          description: 'PR body section whose repository `.md` links are read as plan documents too.',
        },
        'change-type-heading': { type: 'string', minLength: 1, default: 'Change Type', description: 'PR body section with the leaf/core checkboxes.' },
        'leaf-marker': { type: 'string', minLength: 1, default: 'Leaf node', description: 'Text of the leaf checkbox.' },
        'core-marker': { type: 'string', minLength: 1, default: 'Core code', description: 'Text of the core checkbox.' },
        'disclosure-heading': {
          type: 'string',
          minLength: 1,
          default: DEFAULT_DISCLOSURE.heading,
          description: 'PR body section that holds the reviewed-files field.',
        },
        'reviewed-field': {
          type: 'string',
          minLength: 1,
          default: REVIEWED_FIELD,
          description: 'Field listing the files a human reviewed line by line.',
        },
        'require-change-type': {
          type: 'boolean',
          default: true,
          description: 'A PR that changes core must tick the core box; false reports only a PR that ticks the leaf box.',
        },
      },
    },
    // The PR description declares the change type, the reviewed files and the plan.
    // Which way each option is stricter, for an ai: block that loosens the rule (src/policy/stricter.ts):
    // the headings and markers name the PR template; a plan document adds paths that must not change.
    stricter: {
      'max-core-modules': 'lower',
      'must-not-modify': 'superset',
      'plan-file': 'nonempty',
      'plan-section': 'none',
      'plan-heading': 'none',
      'change-type-heading': 'none',
      'leaf-marker': 'none',
      'core-marker': 'none',
      'disclosure-heading': 'none',
      'reviewed-field': 'none',
      'require-change-type': 'true',
    },
    pullRequest: { needs: ['body'] },
    messages: {
      leafTouchesCore:
        'The PR is declared a leaf node, but it changes core code: {{files}} (module {{modules}}). A change that ' +
        'touches core is core, and core needs line-by-line review by the module owner. Tick "Core code" instead, ' +
        'or move the core changes to their own PR.',
      coreUndeclared:
        'This PR changes core code: {{files}} (module {{modules}}), but its "{{heading}}" section does not tick ' +
        '"{{core}}". A PR that touches core must say so, so that the module owner reviews it line by line before it ' +
        'merges. Tick "{{core}}" in the PR description (the template\'s "{{heading}}" section), or move the core ' +
        'changes to their own PR.',
      unreviewedCore:
        'This AI-assisted change touches core ({{modules}}), but "{{field}}" does not list {{files}}. The guideline ' +
        'lets AI change core only when a human reads it line by line. Review those files and list them there.',
      megaPr:
        'This AI-assisted change spans {{count}} core modules ({{modules}}), more than {{max}}. A "mega AI PR" across ' +
        'core modules cannot be reviewed line by line by each owner. Split it into leaf PRs, one core module at a time.',
      mustNotModify:
        '{{path}} must not be modified ({{source}} lists `{{pattern}}`). Touching it is a standard reason to send a PR ' +
        'back. Revert the change, or get the plan amended and approved first.',
      planMissing:
        'The plan document {{path}} (option plan-file) was not found at the head of the change, so its "{{section}}" ' +
        'list was not checked. Commit the plan, or fix the plan-file option.',
    },
  },
  validate(options) {
    const problems = globListProblems(options, ['must-not-modify'], { rooted: true });
    const plan = options['plan-file'];
    if (plan === undefined || plan === '' || insideRepo(plan)) return problems;
    return [...problems, { path: ['plan-file'], message: `plan-file "${plan}" must be a path inside the repository, relative to its root (e.g. "docs/plan.md")` }];
  },
  documents(change, options) {
    return planDocuments(change, options);
  },
  // The plans at the base too: a change cannot take a path off a plan's list to modify it.
  baseDocuments(change, options) {
    return planDocuments(change, options);
  },
  check(change, options, context) {
    const out: TypedViolation<MessageId>[] = [];
    const paths = touchedPaths(change);
    const core = coreTouched(change, paths, context.core);
    const coreFiles = [...new Set([...core.values()].flat())];
    const modules = [...core.keys()];

    const declared = declaredChangeType(change, options['change-type-heading'], options['leaf-marker'], options['core-marker']);
    if (declared === 'leaf' && coreFiles.length > 0) {
      out.push({ messageId: 'leafTouchesCore', data: { files: names(coreFiles), modules: modules.join(', ') } });
    } else if (declared === 'none' && coreFiles.length > 0 && options['require-change-type']) {
      // Neither box ticked (or no section at all): a core change that does not say so.
      out.push({
        messageId: 'coreUndeclared',
        data: { files: names(coreFiles), modules: modules.join(', '), heading: options['change-type-heading'], core: options['core-marker'] },
      });
    }

    // Whether the change is AI-assisted is read only when it can matter (the engine reruns a rule
    // that read it under AI when a local check cannot tell: src/ai-pending.ts).
    if (coreFiles.length > 0 && context.ai.assisted) {
      const disclosure = readDisclosure(change, {
        ...DEFAULT_DISCLOSURE,
        heading: options['disclosure-heading'],
        fields: [options['reviewed-field']],
      });
      // A glob of nothing but wildcards (`**`, `**/*`, `./`) names no file: it is "all", not a list.
      const reviewed = tokens(disclosure.fields[options['reviewed-field']]?.value ?? '').filter((t) => !/^[*./]+$/.test(t));
      const unreviewed = coreFiles.filter((p) => !listed(p, reviewed));
      if (unreviewed.length > 0) {
        out.push({
          messageId: 'unreviewedCore',
          data: { modules: modules.join(', '), field: options['reviewed-field'], files: names(unreviewed) },
        });
      }
      if (modules.length > options['max-core-modules']) {
        out.push({ messageId: 'megaPr', needs: [], data: { count: modules.length, modules: modules.join(', '), max: options['max-core-modules'] } });
      }
    }

    const lists: { source: string; patterns: string[] }[] = [{ source: 'the policy', patterns: options['must-not-modify'] }];
    for (const doc of planDocuments(change, options)) {
      const text = context.documents[doc];
      const atBase = context.baseDocuments?.[doc];
      if (text === undefined && doc === options['plan-file']) {
        out.push({ messageId: 'planMissing', severity: 'warning', data: { path: doc, section: options['plan-section'] } });
      }
      if (text !== undefined) lists.push({ source: `the plan ${doc}`, patterns: mustNotModifyFromPlan(text, options['plan-section']) });
      if (atBase !== undefined && atBase !== text) {
        lists.push({ source: `the plan ${doc} at the base`, patterns: mustNotModifyFromPlan(atBase, options['plan-section']) });
      }
    }
    for (const path of paths) {
      for (const { source, patterns } of lists) {
        const pattern = patterns.find((p) => listed(path, [p]));
        if (pattern === undefined) continue;
        // The policy's own list stands without the PR; a plan may come from the PR description.
        out.push({ messageId: 'mustNotModify', path, data: { path, source, pattern }, ...(source === 'the policy' ? { needs: [] } : {}) });
        break;
      }
    }
    return out;
  },
});
