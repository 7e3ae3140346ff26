// The text of a commit or tag message read from its object, for what git log cannot show: git
// stops at a message's first NUL byte, and reencodes (`encoding` header) only what comes before
// it. A message written in UTF-16 or UTF-32 (a NUL beside every ASCII character) would then be its
// first letter, and a token in it pushed unread. Here the message is decoded by the encoding its
// object declares when the platform knows it (else as UTF-8), and its NUL characters are dropped:
// what is left of an ASCII text in a wide encoding, declared or not, is that text.

/** The value of the `encoding` header among an object's header lines, if any. */
function declaredEncoding(headers: string): string | undefined {
  return /(?:^|\n)encoding ([^\n]+)/.exec(headers)?.[1]?.trim();
}

function decoderFor(label: string | undefined): TextDecoder {
  if (label !== undefined) {
    try {
      return new TextDecoder(label);
    } catch {
      // not an encoding the platform knows: read as UTF-8, as git log shows it
    }
  }
  return new TextDecoder('utf-8');
}

/** The message of a commit or tag `object` (headers, an empty line, the message), as text. */
export function messageOf(object: Buffer): string {
  const start = object.indexOf('\n\n');
  if (start < 0) return '';
  const headers = object.toString('latin1', 0, start);
  return decoderFor(declaredEncoding(headers)).decode(object.subarray(start + 2)).replace(/\u0000/g, '');
}
