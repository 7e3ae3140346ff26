// One message of a `git format-patch` mailbox -> Commit (what `git am`/mailinfo would record).
import type { Commit, Person } from '../model.ts';
import { parseTrailers } from './trailers.ts';

export interface MailDraft {
  /** From the `From <sha> <date>` separator line. */
  sha: string;
  /** Header lines, already unfolded. */
  headers: string[];
  /** Body lines up to the `---` divider. */
  body: string[];
  /** A header or body line was cut at the line-length limit. */
  cut?: boolean;
}

const ENCODED_WORD = /=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g;

/** Decodes RFC 2047 encoded words (`=?UTF-8?q?J=C3=B6rg?=`), as format-patch writes non-ASCII. */
export function decodeHeader(value: string): string {
  // Whitespace between two adjacent encoded words is not part of the text.
  const joined = value.replace(/(\?=)\s+(=\?)/g, '$1$2');
  return joined.replace(ENCODED_WORD, (whole, charset: string, enc: string, text: string) => {
    let bytes: Buffer;
    if (enc.toLowerCase() === 'b') bytes = Buffer.from(text, 'base64');
    else {
      const q = text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
      bytes = Buffer.from(q, 'latin1');
    }
    try {
      return new TextDecoder(charset.toLowerCase()).decode(bytes);
    } catch {
      return whole; // unknown charset: keep the text as written
    }
  });
}

/** `Name <email>`, `"Last, First" <email>` or a bare address. */
export function parsePerson(value: string): Person {
  const m = /^(.*?)\s*<([^>]*)>\s*$/.exec(value.trim());
  if (!m) return { name: value.trim(), email: value.trim() };
  let name = m[1]!.trim();
  if (name.startsWith('"') && name.endsWith('"') && name.length >= 2) {
    name = name.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return { name, email: m[2]!.trim() };
}

/** Drops `[PATCH n/m]`-style prefixes (and any other leading bracketed tags), like `git am`. */
export function cleanSubject(subject: string): string {
  return subject.replace(/^\s*(\[[^\]]*\]\s*)+/, '').trim();
}

function headerValue(lines: string[], name: string): string | undefined {
  const prefix = `${name.toLowerCase()}:`;
  const line = lines.find((l) => l.toLowerCase().startsWith(prefix));
  return line === undefined ? undefined : decodeHeader(line.slice(prefix.length).trim());
}

export function mailToCommit(draft: MailDraft): Commit {
  let body = draft.body;
  let from = headerValue(draft.headers, 'From');
  let subject = headerValue(draft.headers, 'Subject') ?? '';
  // In-body headers (format-patch writes `From:` there when the author is not the sender).
  let i = 0;
  while (i < body.length && /^(From|Subject|Date): /.test(body[i]!)) i++;
  if (i > 0 && (i === body.length || body[i] === '')) {
    const inBody = body.slice(0, i);
    from = headerValue(inBody, 'From') ?? from;
    subject = headerValue(inBody, 'Subject') ?? subject;
    body = body.slice(i);
  }
  let start = 0;
  let end = body.length;
  while (start < end && body[start]!.trim() === '') start++;
  while (end > start && body[end - 1]!.trim() === '') end--;
  const text = body.slice(start, end).join('\n');
  const title = cleanSubject(subject);
  const message = text ? `${title}\n\n${text}` : title;
  const author = parsePerson(from ?? '');
  const commit: Commit = { sha: draft.sha, author, committer: { ...author }, message, trailers: parseTrailers(message) };
  if (draft.cut) commit.messageCut = true;
  return commit;
}
