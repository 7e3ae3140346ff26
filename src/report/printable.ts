// Text for a terminal: what a change brings (file names, commit messages, trailers) may hold
// control characters. Printed raw, an escape sequence moves the cursor, erases a line, sets the
// window title or writes the clipboard (OSC 52), and a newline or carriage return starts a line
// of its own: a file named `x\r✔ No findings: passing` would paint over its own finding. Every
// string the text report and the CLI's messages take from the change is shown with such
// characters escaped, as a C string would write them; bidirectional overrides (U+202A-U+202E,
// U+2066-U+2069), which reorder what a reader sees ("Trojan Source"), are escaped too.

/** C0 controls, DEL, C1 controls and the bidirectional embedding, override and isolate marks. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** The same, less the newline: for a message that is several lines on purpose. */
const UNPRINTABLE_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

function escape(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `s` with every control character (newlines included) and bidirectional override escaped. */
export function printable(s: string): string {
  return s.replace(UNPRINTABLE, escape);
}

/** As printable, but newlines are kept: for a message written as several lines. */
export function printableLines(s: string): string {
  return s.replace(UNPRINTABLE_BUT_NEWLINE, escape);
}
