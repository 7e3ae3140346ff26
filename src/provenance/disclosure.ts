// The PR's own AI disclosure: the template's "AI Authorship Statement" section (two checkboxes and
// three fields) and `Assisted-by:` / `Generated-by:` trailers. Read from the PR body, or from the
// commit messages when there is no PR body. Pure; shared by resolveProvenance and the rules.
import type { ChangeSet } from '../model.ts';
import { type Checkbox, checkboxes, contentLines, type Field, findCheckbox, findField, findSection } from './markdown.ts';
import { matchIdentity, parsePerson } from './identity.ts';
import { SIGNATURES } from './signatures.ts';

export interface DisclosureOptions {
  /** Heading of the template section. */
  heading: string;
  /** Text of the "no AI" checkbox. */
  noAiMarker: string;
  /** Text of the "AI used" checkbox. */
  aiMarker: string;
  /** Field labels that must be filled when AI is disclosed. */
  fields: string[];
  /** Trailer keys that disclose AI assistance (`AGENT:MODEL [TOOL...]`). */
  trailers: string[];
}

export const DEFAULT_DISCLOSURE: DisclosureOptions = {
  heading: 'AI Authorship Statement',
  noAiMarker: 'does not use AI output',
  aiMarker: 'uses AI output',
  fields: ['AI-produced files', 'Files reviewed line by line by a human', 'AI tooling and model version'],
  trailers: ['Assisted-by', 'Generated-by'],
};

/** The field the core-changes rule reads. */
export const REVIEWED_FIELD = 'Files reviewed line by line by a human';
/** The field that names the agent, used as the agent when the disclosure is the only evidence. */
export const TOOLING_FIELD = 'AI tooling and model version';

export interface DisclosedTrailer {
  key: string;
  value: string;
  /** "PR body line 12" or "commit 1a2b3c4 line 9". */
  where: string;
  /** `AGENT:MODEL [TOOL...]`. */
  wellFormed: boolean;
  /** The agent the value names, when the registry knows it. */
  agent?: string;
  /** A person (`Name <email>`), i.e. human help, not an AI disclosure. */
  person: boolean;
}

export type Verdict = 'ai' | 'no-ai' | 'both' | 'neither' | 'none';

export interface Disclosure {
  /** What was read: the PR body, or the commit messages. */
  source: 'pr-body' | 'commits';
  /** Where the section heading is, when there is one ("PR body line 5"). */
  section?: string;
  noAi?: Checkbox & { where: string };
  ai?: Checkbox & { where: string };
  /** Every configured field found in the section, by label. */
  fields: Record<string, Field & { where: string }>;
  trailers: DisclosedTrailer[];
  /**
   * ai: AI use declared (box or AI trailer); no-ai: only the "no AI" box; both / neither: the
   * boxes contradict or are unticked; none: nothing to read.
   */
  verdict: Verdict;
}

const ASSISTED_FORM = /^[^\s:<>@][^:<>@]*:[^\s:<>@]+(\s+\[?[^\s<>@\]]+\]?)*\s*$/;

/** Map the kebab-case rule options of `ai-disclosure` onto disclosure options. */
export function disclosureOptionsFrom(options: object | undefined): DisclosureOptions {
  const o = (options ?? {}) as Record<string, unknown>;
  const str = (k: string, d: string) => (typeof o[k] === 'string' ? (o[k] as string) : d);
  const list = (k: string, d: string[]) => (Array.isArray(o[k]) ? (o[k] as string[]) : d);
  return {
    heading: str('heading', DEFAULT_DISCLOSURE.heading),
    noAiMarker: str('no-ai-marker', DEFAULT_DISCLOSURE.noAiMarker),
    aiMarker: str('ai-marker', DEFAULT_DISCLOSURE.aiMarker),
    fields: list('required-fields', DEFAULT_DISCLOSURE.fields),
    trailers: list('trailers', DEFAULT_DISCLOSURE.trailers),
  };
}

/**
 * Read the change's disclosure. The template section comes from the PR body when it has one,
 * else from the commit messages; `Assisted-by:`-style trailers count from both (any line of the
 * body, the trailer block of each commit).
 */
export function readDisclosure(change: ChangeSet, options: DisclosureOptions = DEFAULT_DISCLOSURE): Disclosure {
  const body = change.pr?.body;
  const hasBody = body !== undefined && body !== null && body.trim() !== '';
  const texts = [
    ...(hasBody ? [{ text: body, where: (n: number) => `PR body line ${n}`, trailerLines: undefined, section: true }] : []),
    ...change.commits.map((c) => ({
      text: c.message,
      where: (n: number) => `commit ${c.sha.slice(0, 7)} line ${n}`,
      trailerLines: new Set(c.trailers.map((t) => t.line)),
      section: !hasBody,
    })),
  ];
  const out: Disclosure = { source: hasBody ? 'pr-body' : 'commits', fields: {}, trailers: [], verdict: 'none' };
  const keys = options.trailers.map((k) => k.toLowerCase());
  for (const { text, where, trailerLines, section: readSection } of texts) {
    const lines = contentLines(text);
    const section = readSection && out.section === undefined ? findSection(lines, options.heading) : undefined;
    if (section) {
      out.section = where(section.heading.line);
      const boxes = checkboxes(section.lines);
      const noAi = findCheckbox(boxes, options.noAiMarker);
      const ai = findCheckbox(boxes, options.aiMarker, options.noAiMarker);
      if (noAi) out.noAi = { ...noAi, where: where(noAi.line) };
      if (ai) out.ai = { ...ai, where: where(ai.line) };
      for (const label of new Set([...options.fields, REVIEWED_FIELD, TOOLING_FIELD])) {
        const field = findField(section.lines, label);
        if (field) out.fields[label] = { ...field, where: where(field.line) };
      }
    }
    for (const l of lines) {
      // In a commit message only the trailer block counts; in a PR body any line does.
      if (trailerLines && !trailerLines.has(l.line)) continue;
      const m = /^\s*([A-Za-z][A-Za-z0-9-]*)\s*:\s*(.+?)\s*$/.exec(l.text);
      if (!m || !keys.includes(m[1]!.toLowerCase())) continue;
      out.trailers.push(describeTrailer(m[1]!, m[2]!, where(l.line)));
    }
  }
  out.verdict = verdictOf(out);
  return out;
}

function describeTrailer(key: string, value: string, where: string): DisclosedTrailer {
  const who = parsePerson(value);
  const person = who.email !== undefined;
  const named = SIGNATURES.find((sig) => (sig.tools?.test(value) ?? false) || matchIdentity(who, sig) !== null);
  return {
    key,
    value,
    where,
    wellFormed: !person && ASSISTED_FORM.test(value),
    ...(named ? { agent: named.agent } : {}),
    person: person && !named,
  };
}

/** Does this trailer disclose AI use? A named agent or model, or the `AGENT:MODEL` form. */
export function disclosesAi(t: DisclosedTrailer): boolean {
  return !t.person && (t.agent !== undefined || t.wellFormed);
}

function verdictOf(d: Disclosure): Verdict {
  const aiTrailer = d.trailers.some(disclosesAi);
  const noAi = d.noAi?.checked ?? false;
  const ai = d.ai?.checked ?? false;
  if (noAi && ai) return 'both';
  if (ai || aiTrailer) return 'ai';
  if (noAi) return 'no-ai';
  if (d.section !== undefined) return 'neither';
  return 'none';
}
