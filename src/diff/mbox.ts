// Where a message of a `git format-patch` mailbox starts, as `git mailsplit` decides
// (mailsplit.c:is_from_line): a line `From <anything> … HH:MM:SS YYYY`, that is, "From " then,
// before the last colon but one character, digits in the places of a time and a year after 1990.
// prguard also needs the commit id, so the word after `From ` must be a full hex object id.

const MAIL_START = /^From ([0-9a-f]{40}|[0-9a-f]{64}) /;

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** git's test: does this line (without its newline) look like an mbox `From ` separator? */
export function isFromLine(line: string): boolean {
  // git counts the newline in the length: 20 with it.
  if (line.length < 19 || !line.startsWith('From ')) return false;
  let colon = line.length - 1;
  for (;;) {
    if (colon <= 5) return false;
    if (line[--colon] === ':') break;
  }
  if (!isDigit(line[colon - 4]) || !isDigit(line[colon - 2]) || !isDigit(line[colon - 1])) return false;
  if (!isDigit(line[colon + 1]) || !isDigit(line[colon + 2])) return false;
  const year = /^\s*([+-]?\d+)/.exec(line.slice(colon + 3));
  return year !== null && Number(year[1]) > 90;
}

/** The commit id of a line that starts a format-patch message, or undefined. */
export function mailStart(line: string): string | undefined {
  if (!line.startsWith('From ')) return undefined;
  const m = MAIL_START.exec(line);
  return m && isFromLine(line) ? m[1] : undefined;
}

/** An RFC 5322 header line (`Name: value`); anything else ends the header block. */
export function isHeaderLine(line: string): boolean {
  return /^[!-9;-~]+:/.test(line);
}
