// Policy tests: a fixture is a small YAML file holding one change (a diff, inline or in a file
// beside it), the pull request's title, description and labels, optionally `ai: yes|no`, and what
// the policy must say about it. Parsed and checked here (pure; the command reads the files).
import { isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import { parseTrailers, parsePatch } from '../diff/index.ts';
import { describeFsError, PolicyError, type LocatedProblem } from '../errors.ts';
import type { ChangeSet, Commit, Severity } from '../model.ts';
import { aliasProblems, MAX_ALIASES } from './aliases.ts';
import { quoted } from './type-hint.ts';
import { closest } from './suggest.ts';
import { parseYaml, structureProblems } from './yaml.ts';

export { DEFAULT_TESTS_DIR } from './paths.ts';

export interface ExpectedFinding {
  rule: string;
  severity: Severity;
  path?: string;
  line?: number;
}

export interface Fixture {
  file: string;
  name: string;
  change: ChangeSet;
  ai?: boolean;
  /** `pass`: no error findings; `findings`: exactly these errors and warnings (notices are free). */
  expect: { pass: true } | { findings: ExpectedFinding[] };
}

const TOP = ['name', 'diff', 'diff-file', 'commits', 'pr', 'ai', 'expect'];
const PR = ['title', 'body', 'labels'];
const EXPECT = ['pass', 'findings'];
const FINDING = ['rule', 'severity', 'path', 'line'];
const SEVERITIES = ['error', 'warning', 'notice'];

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

type Path = (string | number)[];

/** Offset of the key (last segment) or value at `path`, else of the nearest parent. */
function offsetOf(doc: Document, path: Path): number {
  let node: unknown = doc.contents;
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      offset = (node as Node | null)?.range?.[0] ?? offset;
    } else break;
  }
  return offset;
}

function commitOf(message: string, i: number): Commit {
  const person = { name: 'Policy Test', email: 'policy-test@prguard.invalid' };
  return { sha: (i + 1).toString(16).padStart(40, '0'), author: person, committer: person, message, trailers: parseTrailers(message) };
}

/**
 * Parse one fixture. `readSibling` reads a `diff-file` relative to the fixture. Every problem is
 * reported at once, as `file:line:col: message`.
 */
export function parseFixture(text: string, file: string, readSibling: (name: string) => string, rules: readonly string[]): Fixture {
  const yaml = parseYaml(text);
  const { doc, lineCounter } = yaml;
  const problems: LocatedProblem[] = [];
  const fail = (message: string, at: number | Path = 0) => {
    const { line, col } = lineCounter.linePos(typeof at === 'number' ? at : offsetOf(doc, at));
    problems.push({ file, line, col, message });
  };
  const at = (offset: number, message: string): LocatedProblem => ({ file, ...lineCounter.linePos(offset), message });
  const unreadable = structureProblems(yaml, at);
  if (unreadable.length > 0) throw new PolicyError(unreadable);
  const aliasTrouble = aliasProblems(doc, at);
  if (aliasTrouble.length > 0) throw new PolicyError(aliasTrouble);
  const value: unknown = doc.toJS({ maxAliasCount: MAX_ALIASES });
  if (!isObj(value)) throw new PolicyError([{ file, line: 1, col: 1, message: 'a policy test must be a mapping with `diff` (or `diff-file`) and `expect`' }]);
  const keysOk = (obj: Obj, allowed: string[], where: string, path: Path = []) => {
    for (const key of Object.keys(obj)) {
      if (allowed.includes(key)) continue;
      const near = closest(key, allowed);
      fail(`unknown key "${key}"${where}${near ? ` — did you mean "${near}"?` : ''} (allowed: ${allowed.join(', ')})`, [...path, key]);
    }
  };
  keysOk(value, TOP, '');
  let diff = '';
  if (typeof value.diff === 'string' && value['diff-file'] === undefined) diff = value.diff;
  else if (typeof value['diff-file'] === 'string' && value.diff === undefined) {
    try {
      diff = readSibling(value['diff-file']);
    } catch (err) {
      fail(`cannot read diff-file ${value['diff-file']}: ${describeFsError(err)}`, ['diff-file']);
    }
  } else fail('give the change as `diff` (inline) or `diff-file` (a file beside this one), exactly one of them');
  const parsed = parsePatch(diff);
  if (diff.trim() !== '' && parsed.files.length === 0) fail('the diff has no files: write it as `git diff` prints it', [value.diff !== undefined ? 'diff' : 'diff-file']);
  const messages = value.commits ?? [];
  if (!Array.isArray(messages) || messages.some((m) => typeof m !== 'string')) fail('`commits` must be a list of commit messages', ['commits']);
  const pr = value.pr ?? {};
  if (!isObj(pr)) fail('`pr` must be a mapping with title, body, labels', ['pr']);
  else keysOk(pr, PR, ' under pr', ['pr']);
  const prObj = isObj(pr) ? pr : {};
  const labels = prObj.labels ?? [];
  if (!Array.isArray(labels) || labels.some((l) => typeof l !== 'string')) fail('`pr.labels` must be a list of label names', ['pr', 'labels']);
  // Not text, a title or description would be read as none: a fixture written wrong passes.
  for (const key of ['title', 'body'] as const) {
    if (prObj[key] !== undefined && typeof prObj[key] !== 'string') fail(`\`pr.${key}\` must be text (quote it, or use a block: ${key}: |)`, ['pr', key]);
  }
  if (value.name !== undefined && typeof value.name !== 'string') fail('`name` must be text', ['name']);
  let ai: boolean | undefined;
  if (value.ai !== undefined) {
    if (value.ai === true || value.ai === 'yes') ai = true;
    else if (value.ai === false || value.ai === 'no') ai = false;
    else fail('`ai` must be yes or no', ['ai']);
  }
  const expect = parseExpect(value.expect, rules, fail, keysOk);
  if (problems.length > 0 || expect === undefined) throw new PolicyError(problems);
  const commits = (Array.isArray(messages) ? (messages as string[]) : []).map(commitOf);
  const change: ChangeSet = {
    base: '',
    head: '',
    files: parsed.files,
    commits: [...parsed.commits, ...commits],
    pr: {
      title: typeof prObj.title === 'string' ? prObj.title : '',
      body: typeof prObj.body === 'string' ? prObj.body : null,
      labels: Array.isArray(labels) ? (labels as string[]) : [],
      author: { login: '', type: '' },
      baseRef: '',
      headRef: '',
      draft: false,
    },
  };
  const name = typeof value.name === 'string' && value.name.trim() !== '' ? value.name : file;
  return { file, name, change, ...(ai !== undefined ? { ai } : {}), expect };
}

function parseExpect(
  raw: unknown,
  rules: readonly string[],
  fail: (message: string, at?: Path) => void,
  keysOk: (obj: Obj, allowed: string[], where: string, path?: Path) => void,
): Fixture['expect'] | undefined {
  if (!isObj(raw)) {
    fail('`expect` is required: `pass: true`, or `findings:` listing the errors and warnings the policy must report');
    return undefined;
  }
  keysOk(raw, EXPECT, ' under expect', ['expect']);
  if (raw.pass !== undefined && raw.findings !== undefined) fail('`expect` takes `pass: true` or `findings`, not both', ['expect']);
  if (raw.pass === true) return { pass: true };
  if (!Array.isArray(raw.findings)) {
    fail('`expect` needs `pass: true` or a `findings` list ([] for none)', ['expect']);
    return undefined;
  }
  const findings: ExpectedFinding[] = [];
  raw.findings.forEach((f, i) => {
    const where = ` in expect.findings[${i}]`;
    const at = (key?: string): Path => ['expect', 'findings', i, ...(key === undefined ? [] : [key])];
    if (!isObj(f)) return fail(`expect.findings[${i}] must be a mapping with rule and severity`, at());
    keysOk(f, FINDING, where, at());
    const rule = f.rule;
    if (typeof rule !== 'string' || !rules.includes(rule)) {
      const near = typeof rule === 'string' ? closest(rule, rules) : undefined;
      return fail(`unknown rule ${quoted(rule)}${where}${near ? ` — did you mean "${near}"?` : ''}`, at('rule'));
    }
    if (typeof f.severity !== 'string' || !SEVERITIES.includes(f.severity)) {
      const near = typeof f.severity === 'string' ? closest(f.severity, SEVERITIES) : undefined;
      return fail(`severity must be error, warning or notice${where}${near ? ` — did you mean "${near}"?` : ''}`, at('severity'));
    }
    if (f.path !== undefined && typeof f.path !== 'string') return fail(`path must be a string${where}`, at('path'));
    if (f.line !== undefined && !(Number.isInteger(f.line) && (f.line as number) >= 1)) return fail(`line must be a line number, 1 or more${where}`, at('line'));
    findings.push({ rule, severity: f.severity as Severity, ...(f.path !== undefined ? { path: f.path as string } : {}), ...(f.line !== undefined ? { line: f.line as number } : {}) });
  });
  return { findings };
}
