// ai-disclosure: the PR says honestly whether AI wrote it, and says it in a form reviewers can use.
import { defineRule, type TypedViolation } from '../../src/rule-kit/index.ts';
import type { ChangeSet, Evidence } from '../../src/model.ts';
import {
  DEFAULT_DISCLOSURE,
  type Disclosure,
  disclosesAi,
  clip,
  disclosureOptionsFrom,
  matchIdentity,
  parsePerson,
  readDisclosure,
  SIGNATURES,
} from '../../src/rule-kit/pr-body.ts';
import type { RuleContext } from '../../src/rule.ts';

export interface AiDisclosureOptions {
  heading: string;
  'no-ai-marker': string;
  'ai-marker': string;
  'required-fields': string[];
  trailers: string[];
  'tooling-field': string;
}

/** How many pieces of evidence a message quotes. */
const QUOTED = 3;

/** The longest quoted text (a trailer, a field's placeholder) and agent name in a message. */
const TEXT = 160;
const NAME = 80;

function quote(evidence: readonly Evidence[]): string {
  const shown = evidence.slice(0, QUOTED).map((e) => `${clip(e.agent, NAME)} (${e.signal} in ${e.where}: "${clip(e.text, TEXT)}")`);
  const more = evidence.length > QUOTED ? ` and ${evidence.length - QUOTED} more` : '';
  return `${shown.join('; ')}${more}`;
}

function placeOf(d: Disclosure): string {
  return d.source === 'pr-body' ? 'the PR description' : 'the commit messages';
}

function boxViolations(d: Disclosure, o: AiDisclosureOptions, context: RuleContext): TypedViolation<MessageId>[] {
  const heading = o.heading;
  const detected = context.ai.evidence.filter((e) => e.signal !== 'disclosure');
  if (d.verdict === 'none') {
    const found = detected.length > 0 ? ` prguard found AI traces: ${quote(detected)}.` : '';
    const place = placeOf(d);
    return [{ messageId: 'missing', data: { place, heading, found } }];
  }
  const aiTrailers = d.trailers.some(disclosesAi);
  // Both boxes ticked beside AI traces: the "no AI" one is the wrong one, and ticking both must not
  // turn the contradiction into a warning.
  if (d.verdict === 'both' && detected.length === 0 && !aiTrailers) {
    return [{ messageId: 'bothTicked', data: { where: d.section ?? placeOf(d), heading } }];
  }
  if (d.verdict === 'neither') {
    const found = detected.length > 0 ? ` prguard found AI traces: ${quote(detected)}.` : '';
    return [{ messageId: 'noneTicked', data: { where: d.section ?? placeOf(d), heading, found } }];
  }
  if (d.verdict === 'both' || d.verdict === 'conflict' || (d.verdict === 'no-ai' && detected.length > 0)) {
    // The box and every AI trailer and trace that contradict it, named together.
    const said = d.trailers.filter(disclosesAi).map((t) => ({ signal: 'disclosure', agent: t.agent ?? t.value, where: t.where, text: `${t.key}: ${t.value}` }));
    return [
      {
        messageId: 'contradiction',
        severity: 'error',
        data: {
          where: d.noAi?.where ?? placeOf(d),
          evidence: quote([...said, ...detected]),
          fix: d.verdict === 'both' ? 'Untick "does not use AI output" (both boxes are ticked)' : 'Tick "uses AI output"',
        },
      },
    ];
  }
  if (d.verdict === 'ai' && d.ai?.checked) {
    return disclosureOptionsFrom(o).fields.flatMap((label): TypedViolation<MessageId>[] => {
      const field = d.fields[label];
      if (field && field.value.trim() !== '') return [];
      const how = field?.placeholder !== undefined ? `holds only the placeholder "${clip(field.placeholder, TEXT)}"` : 'is empty';
      return [{ messageId: 'fieldEmpty', data: { field: label, how, where: field?.where ?? d.ai!.where } }];
    });
  }
  return [];
}

function trailerViolations(d: Disclosure): TypedViolation<MessageId>[] {
  // A value naming no known agent or model (a linter, a person) is not an AI disclosure.
  return d.trailers
    .filter((t) => !t.person && !t.wellFormed && t.agent !== undefined)
    .map((t) => ({ messageId: 'trailerForm', data: { trailer: clip(`${t.key}: ${t.value}`, TEXT), key: t.key, where: t.where } }));
}

function signedOffViolations(change: ChangeSet): TypedViolation<MessageId>[] {
  const out: TypedViolation<MessageId>[] = [];
  for (const commit of change.commits) {
    for (const t of commit.trailers) {
      if (t.key.toLowerCase() !== 'signed-off-by') continue;
      const who = parsePerson(t.value);
      const sig = SIGNATURES.find((s) => matchIdentity(who, s) !== null);
      if (!sig) continue;
      out.push({
        messageId: 'agentSignOff',
        needs: [],
        severity: 'error',
        data: { agent: sig.agent, where: `commit ${commit.sha.slice(0, 7)} line ${t.line}`, trailer: clip(`${t.key}: ${t.value}`, TEXT) },
      });
    }
  }
  return out;
}

type MessageId = 'missing' | 'bothTicked' | 'noneTicked' | 'contradiction' | 'fieldEmpty' | 'trailerForm' | 'agentSignOff';

export const aiDisclosure = defineRule<AiDisclosureOptions, MessageId>({
  meta: {
    id: 'ai-disclosure',
    description: 'The pull request discloses honestly whether and how AI was used',
    defaultSeverity: 'warning',
    reads: ['commits'],
    schema: {
      type: 'object',
      properties: {
        heading: {
          type: 'string',
          minLength: 1,
          default: DEFAULT_DISCLOSURE.heading,
          description: 'Heading of the disclosure section in the PR template.',
        },
        'no-ai-marker': {
          type: 'string',
          minLength: 1,
          default: DEFAULT_DISCLOSURE.noAiMarker,
          description: 'Text of the checkbox that says no AI output is used.',
        },
        'ai-marker': {
          type: 'string',
          minLength: 1,
          default: DEFAULT_DISCLOSURE.aiMarker,
          description: 'Text of the checkbox that says AI output is used.',
        },
        'required-fields': {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          default: DEFAULT_DISCLOSURE.fields,
          description: 'Field labels (`Label: value`) that must be filled when the AI box is ticked.',
        },
        trailers: {
          type: 'array',
          items: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9-]*$' },
          default: DEFAULT_DISCLOSURE.trailers,
          description: 'Trailer keys that disclose AI use in the form `AGENT:MODEL [TOOL...]`.',
        },
        'tooling-field': {
          type: 'string',
          minLength: 1,
          default: DEFAULT_DISCLOSURE.toolingField,
          description: 'Label of the field that names the AI tool and model (e.g. "Tools used"); its value names the agent when the disclosure is the only evidence.',
        },
      },
    },
    // The disclosure is the PR description's (commit messages only stand in for it).
    // Which way each option is stricter, for an ai: block that loosens the rule (src/policy/stricter.ts):
    // the texts name the template, and more trailer keys both disclose and detect more.
    stricter: {
      heading: 'none',
      'no-ai-marker': 'none',
      'ai-marker': 'none',
      'required-fields': 'superset',
      trailers: 'none',
      'tooling-field': 'none',
    },
    pullRequest: { needs: ['body'] },
    messages: {
      missing:
        'No AI disclosure in {{place}}: there is no "## {{heading}}" section and no `Assisted-by:` trailer, so it does not say whether AI was used.{{found}} ' +
        'Reviewers read AI-written code differently, so they need to know. Fill in the template section ' +
        '(tick one box) or add `Assisted-by: AGENT:MODEL` trailers.',
      bothTicked:
        'The "{{heading}}" section ({{where}}) ticks both "no AI" and "AI used". One of them is wrong, and reviewers ' +
        'cannot tell which. Untick the one that does not apply.',
      noneTicked:
        'The "{{heading}}" section ({{where}}) ticks neither box, so the PR does not say whether AI was used.{{found}} ' +
        'Tick the box that applies.',
      contradiction:
        'The PR says it does not use AI output ({{where}}), but prguard found AI traces: {{evidence}}. ' +
        'A wrong disclosure sends AI-written code through a lighter review. {{fix}} and fill in the fields of "uses AI output", ' +
        'or remove the AI-written parts.',
      fieldEmpty:
        'AI use is disclosed, but "{{field}}" {{how}} ({{where}}). The guideline needs it to know which parts were ' +
        'AI-produced and which a human read line by line. Fill it in.',
      trailerForm:
        '`{{trailer}}` ({{where}}) names an AI tool but not in the form `{{key}}: AGENT:MODEL [TOOL...]` ' +
        '(e.g. `{{key}}: Claude:claude-opus-4-5`). Without the model the disclosure cannot be audited later. Rewrite it in that form.',
      agentSignOff:
        '`{{trailer}}` ({{where}}) signs off as {{agent}}, an AI agent. A Signed-off-by certifies the origin of the ' +
        'code (the DCO), which only a human can do. Replace it with the human who reviewed the change, and credit the ' +
        'agent with `Assisted-by:` instead.',
    },
  },
  check(change, options, context) {
    const d = readDisclosure(change, disclosureOptionsFrom(options));
    // Nothing to read: a bare diff with neither a PR description nor commits.
    if (d.source === 'commits' && change.commits.length === 0) return signedOffViolations(change);
    return [...boxViolations(d, options, context), ...trailerViolations(d), ...signedOffViolations(change)];
  },
});
