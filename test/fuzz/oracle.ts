// What the fuzzers assert about one input: the diff parser and the policy loader either return
// a well-formed result or throw one of their documented input errors, and streaming the input
// in chunks gives the same answer as reading it whole.
import { DiffFormatError, DiffStream, parsePatch, type ParsedPatch } from '../../src/diff/index.ts';
import { PolicyError, UsageError } from '../../src/errors.ts';
import { matchesAny } from '../../src/glob.ts';
import { UnsupportedGlobError } from '../../src/glob.ts';
import { policyFromText } from '../../src/policy/index.ts';
import { allRules } from '../../rules/index.ts';
import type { Rng } from './mutate.ts';

export type Outcome = { kind: 'parsed'; files: number } | { kind: 'refused'; message: string };

function fail(what: string, input: string): never {
  throw new Error(`${what}\n--- input (${input.length} chars) ---\n${input.slice(0, 2000)}`);
}

function outcomeOf(run: () => ParsedPatch, input: string): { outcome: Outcome; result?: ParsedPatch } {
  try {
    const result = run();
    return { outcome: { kind: 'parsed', files: result.files.length }, result };
  } catch (err) {
    if (err instanceof DiffFormatError) {
      if (!(err.line >= 1)) fail(`DiffFormatError without a line: ${err.message}`, input);
      return { outcome: { kind: 'refused', message: err.message } };
    }
    return fail(`the diff parser threw ${(err as Error)?.stack ?? String(err)}`, input);
  }
}

function checkFiles(result: ParsedPatch, input: string): void {
  for (const f of result.files) {
    const segs = f.path.split('/');
    if (f.path === '' || f.path.startsWith('/') || segs.some((s) => s === '' || s === '.' || s === '..')) {
      fail(`a path is not normalised: ${JSON.stringify(f.path)}`, input);
    }
    const added = f.hunks.reduce((n, h) => n + h.added.length, 0);
    const deleted = f.hunks.reduce((n, h) => n + h.deleted.length, 0);
    if (added !== f.additions || deleted !== f.deletions) {
      fail(`${f.path}: counts ${f.additions}/${f.deletions} but hunks hold ${added}/${deleted}`, input);
    }
  }
}

/** Parses `input` whole and in random chunks; throws on any broken invariant. */
export function checkDiff(input: string, r: Rng): Outcome {
  const whole = outcomeOf(() => parsePatch(input), input);
  if (whole.result) checkFiles(whole.result, input);
  const bytes = Buffer.from(input, 'utf8');
  const chunked = outcomeOf(() => {
    const s = new DiffStream();
    for (let i = 0; i < bytes.length; ) {
      const n = 1 + Math.floor(r() * 97);
      s.write(bytes.subarray(i, i + n));
      i += n;
    }
    return s.end();
  }, input);
  const a = JSON.stringify(whole.result ?? whole.outcome);
  const b = JSON.stringify(chunked.result ?? chunked.outcome);
  if (a !== b) fail(`whole and chunked parses differ:\n${a.slice(0, 500)}\n${b.slice(0, 500)}`, input);
  return whole.outcome;
}

const PATHS = ['src/a.ts', 'src/auth/login.ts', '.github/workflows/ci.yml', 'a/b/c/d.test.ts', `x/${'a'.repeat(300)}`];

/** Loads `text` as a policy, then matches every string in it as a glob; throws on a broken invariant. */
export function checkPolicy(text: string): Outcome {
  let resolved;
  try {
    resolved = policyFromText(text, 'policy.yml', allRules);
  } catch (err) {
    if (err instanceof PolicyError) {
      for (const p of err.problems) {
        if (!(p.line >= 1 && p.col >= 1) || p.file !== 'policy.yml') fail(`a policy problem without a position: ${JSON.stringify(p)}`, text);
      }
      return { kind: 'refused', message: err.message };
    }
    if (err instanceof UsageError) return { kind: 'refused', message: err.message };
    return fail(`the policy loader threw ${(err as Error)?.stack ?? String(err)}`, text);
  }
  const strings: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') strings.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(resolved);
  for (const s of strings.slice(0, 200)) {
    try {
      for (const p of PATHS) matchesAny(p, [s]);
    } catch (err) {
      if (!(err instanceof UnsupportedGlobError)) fail(`matching the glob ${JSON.stringify(s)} threw ${(err as Error)?.stack}`, text);
    }
  }
  return { kind: 'parsed', files: strings.length };
}
