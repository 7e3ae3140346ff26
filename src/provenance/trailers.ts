// Commit-message trailers, read the way `git interpret-trailers --parse` reads them: the trailer
// block is the message's last paragraph (never the subject), and it counts when every line is a
// trailer or a continuation, or when at least a quarter are trailers and one of them is a
// git-generated `Signed-off-by:` / `(cherry picked from commit …)`.
import type { Trailer } from '../model.ts';

const TRAILER_LINE = /^([A-Za-z0-9][A-Za-z0-9-]*)[ \t]*:[ \t]*(.*)$/;
const GIT_GENERATED = /^(signed-off-by:|\(cherry picked from commit )/i;

/** The trailers of a commit message, with 1-based line numbers within the message. */
export function parseTrailers(message: string): Trailer[] {
  const lines = message.replace(/\r\n?/g, '\n').split('\n');
  let end = lines.length;
  while (end > 0 && isBlank(lines[end - 1]!)) end--;
  let start = end;
  while (start > 0 && !isBlank(lines[start - 1]!)) start--;
  // The first paragraph is the subject (and its wrapped lines): never a trailer block.
  let firstParagraphEnd = 0;
  while (firstParagraphEnd < lines.length && isBlank(lines[firstParagraphEnd]!)) firstParagraphEnd++;
  if (start <= firstParagraphEnd) return [];

  const trailers: Trailer[] = [];
  let trailerLines = 0;
  let otherLines = 0;
  let gitGenerated = false;
  for (let i = start; i < end; i++) {
    const line = lines[i]!;
    // git strips `#` comment lines from edited messages; they are neither trailers nor prose.
    if (line.startsWith('#')) continue;
    const last = trailers[trailers.length - 1];
    if (/^[ \t]/.test(line) && last && trailerLines > 0) {
      last.value = `${last.value} ${line.trim()}`.trim();
      continue;
    }
    const match = TRAILER_LINE.exec(line);
    if (match) {
      trailers.push({ key: match[1]!, value: match[2]!.trim(), line: i + 1 });
      trailerLines++;
      if (GIT_GENERATED.test(line)) gitGenerated = true;
    } else {
      if (GIT_GENERATED.test(line)) gitGenerated = true;
      otherLines++;
    }
  }
  if (trailerLines === 0) return [];
  if (otherLines === 0) return trailers;
  const total = trailerLines + otherLines;
  return gitGenerated && trailerLines * 4 >= total ? trailers : [];
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}
