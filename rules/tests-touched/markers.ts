// Which language a file is in, and the focus and skip markers recognised in its added lines.
import type { Language, Marker, MarkerKind } from './language.ts';
import { javascript } from './lang-js.ts';
import { python } from './lang-python.ts';
import { go, rust } from './lang-go-rust.ts';
import { csharp, jvm } from './lang-jvm-dotnet.ts';
import { ruby } from './lang-ruby.ts';

export type { Language, Marker, MarkerKind } from './language.ts';

export const LANGUAGES: readonly Language[] = [javascript, python, go, jvm, rust, ruby, csharp];

const BY_EXTENSION = new Map<string, Language>();
for (const language of LANGUAGES) for (const ext of language.extensions) if (!BY_EXTENSION.has(ext)) BY_EXTENSION.set(ext, language);

/** The lower-case extension of the file name, or '' when it has none. */
export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The language of a file by its extension, or undefined for one the rule does not know. */
export function languageOf(path: string): Language | undefined {
  return BY_EXTENSION.get(extensionOf(path));
}

/** Per language, its four sets: [test file][with conditional ones], made on first use. */
const MARKER_SETS = new Map<Language, (readonly Marker[] | undefined)[]>();

/**
 * The markers to look for in a file: all of its language's in a test file, the `inSource` ones
 * elsewhere; without the `conditional` ones when `conditional` is false. The same array each time
 * for the same set, so that what is built from it (anyMarker) is built once.
 */
export function markersFor(path: string, isTest: boolean, conditional = true): readonly Marker[] {
  const language = languageOf(path);
  if (language === undefined) return [];
  let sets = MARKER_SETS.get(language);
  if (sets === undefined) MARKER_SETS.set(language, (sets = []));
  const at = (isTest ? 2 : 0) + (conditional ? 1 : 0);
  return (sets[at] ??= language.markers.filter((m) => (isTest || m.inSource === true) && (conditional || m.kind !== 'conditional')));
}

/** `source` with its named groups made plain ones: names may not repeat across alternatives. */
export function unnamedGroups(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      out += source.slice(i, i + 2);
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else if (source.startsWith('(?<', i) && source[i + 3] !== '=' && source[i + 3] !== '!') {
      const end = source.indexOf('>', i);
      if (end < 0) return source; // not a group name after all: left as it was
      out += '(?:';
      i = end;
    } else {
      out += c;
    }
  }
  return out;
}

const ANY_MARKER = new WeakMap<readonly Marker[], { any: RegExp; apart: readonly RegExp[] }>();

/**
 * One regular expression that matches a line wherever any of `markers` does (their alternation),
 * and the patterns it cannot stand for (flags, back-references), tried on their own. A line neither
 * matches holds no marker: most lines are then looked at once instead of once per marker.
 */
export function anyMarker(markers: readonly Marker[]): { any: RegExp; apart: readonly RegExp[] } {
  let found = ANY_MARKER.get(markers);
  if (found === undefined) {
    const joinable = (p: RegExp) => p.flags === '' && !/\\(?:k<|[1-9])/.test(p.source);
    const patterns = markers.map((m) => m.pattern);
    const sources = patterns.filter(joinable).map((p) => `(?:${unnamedGroups(p.source)})`);
    found = { any: sources.length > 0 ? new RegExp(sources.join('|')) : /(?!)/, apart: patterns.filter((p) => !joinable(p)) };
    ANY_MARKER.set(markers, found);
  }
  return found;
}

/** The first marker in the line, with the text to quote: a named group when the pattern has one, else the match. */
export function findMarker(line: string, markers: readonly Marker[]): { kind: MarkerKind; text: string; onExisting?: true } | null {
  const { any, apart } = anyMarker(markers);
  if (!any.test(line) && !apart.some((p) => p.test(line))) return null;
  for (const marker of markers) {
    const match = marker.pattern.exec(line);
    if (match === null) continue;
    const named = match.groups === undefined ? undefined : Object.values(match.groups).find((g) => g !== undefined);
    const text = (named ?? match[0]).trim();
    return marker.onExisting === true ? { kind: marker.kind, text, onExisting: true } : { kind: marker.kind, text };
  }
  return null;
}

// #[test], #[cfg(test)], #[tokio::test], #[rstest]-style paths up to four segments deep
const INLINE_TEST_ATTRIBUTE = /#\[\s*(?:cfg\s*\(\s*test\s*\)|(?:\w+::)?(?:\w+::)?test\b)/;
const TESTS_MODULE = /^\s*(?:pub\s+)?mod\s+tests?\b/;

/** Does this added Rust line, or the hunk's enclosing item, show an inline test? */
export function isInlineRustTest(path: string, line: string, section: string): boolean {
  if (extensionOf(path) !== 'rs') return false;
  return INLINE_TEST_ATTRIBUTE.test(line) || TESTS_MODULE.test(section);
}
