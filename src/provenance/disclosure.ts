// The PR's own AI disclosure: the template's "AI Authorship Statement" section (two boxes and its
// fields) and `Assisted-by:` / `Generated-by:` trailers. Read from the PR body, or from the commit
// messages when there is no PR body. Pure; shared by resolveProvenance and the rules.
import type { Nodes } from 'mdast';
import type { ProvenanceInput } from '../model.ts';
import {
  type Field,
  findField,
  findTaskItem,
  labelMatches,
  labelWords,
  type MdDocument,
  negates,
  normaliseHeading,
  mayHoldHeading,
  parseMarkdown,
  sections,
  type Section,
  taskItems,
  type TaskItem,
  textOf,
} from '../rule-kit/markdown.ts';
import { matchIdentity, matchTool, parsePerson } from './identity.ts';
import { SIGNATURES } from './signatures.ts';

export interface DisclosureOptions {
  /** Heading of the template section (matched by normalised text). */
  heading: string;
  /** Text of the "no AI" box (matched by meaning: its words, in order). */
  noAiMarker: string;
  /** Text of the "AI used" box. */
  aiMarker: string;
  /** Field labels that must be filled when AI is disclosed. */
  fields: string[];
  /** Trailer keys that disclose AI assistance (`AGENT:MODEL [TOOL...]`). */
  trailers: string[];
  /** The field that names the tool and model; its value is the agent when the disclosure is the only evidence. */
  toolingField: string;
}

/** The field the core-changes rule reads. */
export const REVIEWED_FIELD = 'Files reviewed line by line by a human';
/** The default tooling field. */
export const TOOLING_FIELD = 'AI tooling and model version';

export const DEFAULT_DISCLOSURE: DisclosureOptions = {
  heading: 'AI Authorship Statement',
  noAiMarker: 'does not use AI output',
  aiMarker: 'uses AI output',
  fields: ['AI-produced files', REVIEWED_FIELD, TOOLING_FIELD],
  trailers: ['Assisted-by', 'Generated-by'],
  toolingField: TOOLING_FIELD,
};

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

export type Box = TaskItem & { where: string };
export type DisclosedField = Field & { where: string; /** The value was a placeholder (N/A, TBD, a hint), read as empty. */ placeholder?: string };

/**
 * ai: AI use declared (box or AI trailer); no-ai: only the "no AI" box; both: both boxes;
 * conflict: the "no AI" box and an AI trailer; neither: the section is there, no box ticked;
 * none: nothing to read.
 */
export type Verdict = 'ai' | 'no-ai' | 'both' | 'conflict' | 'neither' | 'none';

export interface Disclosure {
  /** What was read: the PR body, or the commit messages. */
  source: 'pr-body' | 'commits';
  /** Where the section heading is, when there is one ("PR body line 5"). */
  section?: string;
  noAi?: Box;
  ai?: Box;
  /** Every configured field found in the section, by label (placeholders read as empty values). */
  fields: Record<string, DisclosedField>;
  trailers: DisclosedTrailer[];
  verdict: Verdict;
}

const ASSISTED_FORM = /^[^\s:<>@][^:<>@]*:[^\s:<>@]+(\s+\[?[^\s<>@\]]+\]?)*\s*$/;
/** Values that fill a field without saying anything. */
const PLACEHOLDERS = new Set(['n a', 'na', 'tbd', 'tbc', 'todo', 'none', 'nothing', 'null', 'nil', 'unknown', 'xxx', 'fill in', 'fill me in', 'placeholder']);
const HINT = /^(?:<[^>]*>|\[[^\]]*\]|\([^)]*\)|\{[^}]*\}|(?:e\.?\s?g\.?|for example|for instance)\b.*)$/i;

/** A value that says nothing: empty, `N/A`, `TBD`, `-`, `none`, `...`, or a hint such as `<list files>`. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v === '' || /^[\p{P}\p{S}\s]+$/u.test(v)) return true;
  if (HINT.test(v)) return true;
  return PLACEHOLDERS.has(v.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim());
}

/** Words that make a box label about AI when it matches neither marker ("uses AI-generated code"). */
const AI_WORDS = new Set(['ai', 'llm', 'llms', 'genai', 'copilot', 'chatgpt', 'gpt', 'agent', 'agentic']);

function boxesOf(items: readonly TaskItem[], options: DisclosureOptions): { noAi?: TaskItem; ai?: TaskItem } {
  let noAi = findTaskItem(items, options.noAiMarker);
  // Every copy of the "no AI" box is that box (a template pasted twice), never the AI box.
  let ai = findTaskItem(items.filter((b) => !labelMatches(b.label, options.noAiMarker)), options.aiMarker);
  // By meaning, when the label is reworded: a box about AI that negates is the "no AI" box.
  const aboutAi = items.filter((b) => b !== noAi && b !== ai && labelWords(b.label).some((w) => AI_WORDS.has(w)));
  noAi ??= aboutAi.find((b) => negates(b.label) && b.checked) ?? aboutAi.find((b) => negates(b.label));
  ai ??= aboutAi.find((b) => !negates(b.label) && b.checked) ?? aboutAi.find((b) => !negates(b.label));
  return { ...(noAi ? { noAi } : {}), ...(ai ? { ai } : {}) };
}

/**
 * The disclosure: the boxes of every section with the heading (a template pasted twice, or edited
 * in a second copy, is read whole: a box ticked in either copy is ticked), and the section the
 * fields are read from: the one with the ticked AI box, else the ticked "no AI" box, else the
 * first with a box, else the first.
 */
function statementOf(doc: MdDocument, heading: string, options: DisclosureOptions): { section: Section; noAi?: TaskItem; ai?: TaskItem } | undefined {
  const want = normaliseHeading(heading);
  const all = sections(doc).filter((s) => s.key === want);
  if (all.length === 0) return undefined;
  const byLine = new Map<number, TaskItem>();
  const home = new Map<TaskItem, Section>();
  for (const s of all) {
    for (const b of taskItems(s)) {
      // A section nested in a section of the same name: its boxes are read once.
      if (byLine.has(b.line)) continue;
      byLine.set(b.line, b);
      home.set(b, s);
    }
  }
  const { noAi, ai } = boxesOf([...byLine.values()], options);
  const ticked = [ai, noAi].find((b) => b?.checked);
  const section = (ticked && home.get(ticked)) ?? all.find((s) => taskItems(s).length > 0) ?? all[0]!;
  return { section, ...(noAi ? { noAi } : {}), ...(ai ? { ai } : {}) };
}

/** Lines of paragraphs (not code, HTML or quotes): where a body's trailer-shaped lines are read. */
function bodyLines(doc: MdDocument): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  const visit = (nodes: readonly Nodes[]) => {
    for (const node of nodes) {
      if (node.type === 'paragraph') {
        const start = node.position?.start.line ?? 1;
        textOf(node)
          .split('\n')
          .forEach((text, i) => out.push({ line: start + i, text }));
      } else if (node.type !== 'blockquote' && 'children' in node) visit(node.children);
    }
  };
  visit(doc.nodes);
  return out;
}

/**
 * Read the change's disclosure. The template section comes from the PR body when it has one,
 * else from the commit messages; `Assisted-by:`-style trailers count from both (any paragraph line
 * of the body, the trailer block of each commit).
 */
export function readDisclosure(change: ProvenanceInput, options: DisclosureOptions = DEFAULT_DISCLOSURE): Disclosure {
  const body = change.pr?.body;
  const hasBody = typeof body === 'string' && body.trim() !== '';
  const out: Disclosure = { source: hasBody ? 'pr-body' : 'commits', fields: {}, trailers: [], verdict: 'none' };
  const keys = new Set(options.trailers.map((k) => k.toLowerCase()));
  if (hasBody) {
    const doc = parseMarkdown(body);
    readSection(doc, (n) => `PR body line ${n}`, options, out);
    for (const l of bodyLines(doc)) {
      const m = /^\s*([A-Za-z][A-Za-z0-9-]*)\s*:\s*(.+?)\s*$/.exec(l.text);
      if (m && keys.has(m[1]!.toLowerCase())) out.trailers.push(describeTrailer(m[1]!, m[2]!, `PR body line ${l.line}`));
    }
  }
  for (const c of change.commits) {
    const where = (n: number) => `commit ${c.sha.slice(0, 7)} line ${n}`;
    // Most commit messages hold no heading at all: then there is no section to read (and no parse).
    if (!hasBody && out.section === undefined && mayHoldHeading(c.message)) readSection(parseMarkdown(c.message), where, options, out);
    // In a commit message only the trailer block counts.
    for (const t of c.trailers) {
      if (keys.has(t.key.toLowerCase())) out.trailers.push(describeTrailer(t.key, t.value, where(t.line)));
    }
  }
  out.verdict = verdictOf(out);
  return out;
}

function readSection(doc: MdDocument, where: (n: number) => string, options: DisclosureOptions, out: Disclosure): void {
  const statement = statementOf(doc, options.heading, options);
  if (!statement) return;
  const { section, noAi, ai } = statement;
  out.section = where(section.heading.line);
  if (noAi) out.noAi = { ...noAi, where: where(noAi.line) };
  if (ai) out.ai = { ...ai, where: where(ai.line) };
  for (const label of new Set([...options.fields, REVIEWED_FIELD, options.toolingField])) {
    const field = findField(section, label);
    if (!field) continue;
    const placeholder = field.value.trim() !== '' && isPlaceholder(field.value) ? field.value : undefined;
    out.fields[label] = {
      ...field,
      value: placeholder !== undefined ? '' : field.value,
      where: where(field.line),
      ...(placeholder !== undefined ? { placeholder } : {}),
    };
  }
}

function describeTrailer(key: string, value: string, where: string): DisclosedTrailer {
  const who = parsePerson(value);
  const person = who.email !== undefined;
  const named = SIGNATURES.find((sig) => matchTool(value, sig) || matchIdentity(who, sig) !== null);
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
  if (noAi && aiTrailer) return 'conflict';
  if (ai || aiTrailer) return 'ai';
  if (noAi) return 'no-ai';
  if (d.section !== undefined) return 'neither';
  return 'none';
}
