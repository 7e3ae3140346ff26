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

/** The markers to look for in a file: all of its language's in a test file, the `inSource` ones elsewhere. */
export function markersFor(path: string, isTest: boolean): readonly Marker[] {
  const language = languageOf(path);
  if (language === undefined) return [];
  return isTest ? language.markers : language.markers.filter((m) => m.inSource === true);
}

/** The first marker in the line, with the text to quote: a named group when the pattern has one, else the match. */
export function findMarker(line: string, markers: readonly Marker[]): { kind: MarkerKind; text: string } | null {
  for (const marker of markers) {
    const match = marker.pattern.exec(line);
    if (match === null) continue;
    const named = match.groups === undefined ? undefined : Object.values(match.groups).find((g) => g !== undefined);
    return { kind: marker.kind, text: (named ?? match[0]).trim() };
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
