// Text for a terminal: what a change brings (file names, commit messages, trailers) may hold
// control characters. Printed raw, an escape sequence moves the cursor, erases a line, sets the
// window title or writes the clipboard (OSC 52), and a newline or carriage return starts a line
// of its own: a file named `x\r✔ No findings: passing` would paint over its own finding. Every
// string the text report and the CLI's messages take from the change is shown with such
// characters escaped, as a C string would write them. Characters that change what a reader sees
// without showing themselves are escaped too: bidirectional marks, embeddings, overrides and
// isolates, which reorder a line ("Trojan Source"), and the other invisible format characters
// (zero-width space and joiners, soft hyphen, word joiner, byte order mark, tag characters), with
// which `src/auth\u200b.ts` reads as `src/auth.ts`; the line and paragraph separators; and the
// half of a surrogate pair left alone, which no encoder can write (it becomes U+FFFD, or makes a
// JSON payload invalid).

/** Controls (C0, DEL, C1), format characters (Cf), line and paragraph separators, lone surrogates. */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;
/** The same, less the newline: for a message that is several lines on purpose. */
const UNPRINTABLE_BUT_NEWLINE = /(?!\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

function escape(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.codePointAt(0)!;
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  return code <= 0xffff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\u{${code.toString(16)}}`;
}

/** `s` with every control character (newlines included) and invisible format character escaped. */
export function printable(s: string): string {
  return s.replace(UNPRINTABLE, escape);
}

/** As printable, but newlines are kept: for a message written as several lines. */
export function printableLines(s: string): string {
  return s.replace(UNPRINTABLE_BUT_NEWLINE, escape);
}
