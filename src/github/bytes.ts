// GitHub measures check-run text in UTF-8 bytes: cut on a character boundary, and say so.

/** `text` within `maxBytes` UTF-8 bytes; when cut, it ends with `note` (also counted). */
export function clipBytes(text: string, maxBytes: number, note = ' … (cut to fit GitHub\'s limit)'): string {
  const buf = Buffer.from(text, 'utf8');
  if (buf.length <= maxBytes) return text;
  const noteBytes = Buffer.byteLength(note, 'utf8');
  if (noteBytes >= maxBytes) return clipBytes(note, maxBytes, '');
  let end = maxBytes - noteBytes;
  // Back up to the first byte of a character (continuation bytes are 10xxxxxx)…
  while (end > 0 && (buf[end]! & 0xc0) === 0x80) end--;
  let cut = buf.subarray(0, end).toString('utf8');
  // …and never leave half of a surrogate pair's character behind.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut + note;
}
