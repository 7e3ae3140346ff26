// Focus and skip markers that weaken a test suite, by language, recognised in added lines.

export type MarkerKind = 'focus' | 'skip';

export interface Marker {
  kind: MarkerKind;
  /** Matches the marker in one line; the match is quoted in the message. */
  pattern: RegExp;
}

interface LanguageMarkers {
  extensions: readonly string[];
  markers: readonly Marker[];
  /** Also look in non-test files of this language (for inline tests, e.g. Rust's #[cfg(test)]). */
  inSource?: boolean;
}

// `(?<![\w.$])` keeps `model.fit(`, `submit(` and `obj.xit(` from matching.
const JS_BLOCKS = '(?:it|test|describe|context|suite|specify|bench)';

const LANGUAGES: readonly LanguageMarkers[] = [
  {
    extensions: ['js', 'jsx', 'ts', 'tsx', 'mjs', 'cjs', 'mts', 'cts', 'vue', 'svelte'],
    markers: [
      { kind: 'focus', pattern: new RegExp(`\\b${JS_BLOCKS}(?:\\.\\w+)*\\.only\\s*\\(`) },
      { kind: 'focus', pattern: /(?<![\w.$])f(?:it|describe)\s*\(/ },
      { kind: 'skip', pattern: new RegExp(`\\b${JS_BLOCKS}(?:\\.\\w+)*\\.skip\\s*\\(`) },
      { kind: 'skip', pattern: /(?<![\w.$])x(?:it|describe|test|context|specify)\s*\(/ },
      { kind: 'skip', pattern: /\bthis\.skip\s*\(/ },
    ],
  },
  {
    extensions: ['py'],
    markers: [
      { kind: 'skip', pattern: /\bpytest\.mark\.(?:skip|skipif|xfail)\b/ },
      { kind: 'skip', pattern: /\bpytest\.skip\s*\(/ },
      { kind: 'skip', pattern: /\bunittest\.(?:skip|skipIf|skipUnless|expectedFailure)\b/ },
      { kind: 'skip', pattern: /\bself\.skipTest\s*\(/ },
    ],
  },
  {
    extensions: ['go'],
    markers: [{ kind: 'skip', pattern: /\b[tb]\.Skip(?:f|Now)?\s*\(/ }],
  },
  {
    extensions: ['java', 'kt'],
    markers: [{ kind: 'skip', pattern: /@(?:[\w.]+\.)?(?:Disabled|Ignore)\b/ }],
  },
  {
    extensions: ['rs'],
    markers: [{ kind: 'skip', pattern: /#\[\s*ignore\b/ }],
    inSource: true,
  },
  {
    extensions: ['rb'],
    markers: [
      { kind: 'focus', pattern: /(?<![\w.$:])f(?:it|describe|context|specify)\b(?=\s*[("'])/ },
      { kind: 'focus', pattern: /(?:\bfocus:\s*true|,\s*:focus\b)/ },
      { kind: 'skip', pattern: /(?<![\w.$:])x(?:it|describe|context|specify)\b(?=\s*[("'])/ },
    ],
  },
  {
    extensions: ['cs'],
    markers: [
      { kind: 'skip', pattern: /\[\s*(?:Fact|Theory)\s*\(\s*Skip\b/ },
      { kind: 'skip', pattern: /\[\s*Ignore\b/ },
    ],
  },
];

/** The first language listing each extension. */
const BY_EXTENSION = new Map<string, LanguageMarkers>();
for (const language of LANGUAGES) for (const ext of language.extensions) if (!BY_EXTENSION.has(ext)) BY_EXTENSION.set(ext, language);

/** The lower-case extension of the file name, or '' when it has none. */
export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The markers to look for in a file, or none for a language without any. */
export function markersFor(path: string, isTest: boolean): readonly Marker[] {
  const language = BY_EXTENSION.get(extensionOf(path));
  if (language === undefined || (!isTest && !language.inSource)) return [];
  return language.markers;
}

/** The first marker in the line, with the text that matched. */
export function findMarker(
  line: string,
  markers: readonly Marker[],
): { kind: MarkerKind; text: string } | null {
  for (const marker of markers) {
    const match = marker.pattern.exec(line);
    if (match !== null) return { kind: marker.kind, text: match[0].trim() };
  }
  return null;
}

/** Does this added Rust line, or the hunk's enclosing item, show an inline test? */
export function isInlineRustTest(path: string, line: string, section: string): boolean {
  if (extensionOf(path) !== 'rs') return false;
  return /#\[\s*(?:cfg\s*\(\s*test\s*\)|(?:\w+::)*test\b)/.test(line) || /^\s*(?:pub\s+)?mod\s+tests?\b/.test(section);
}
