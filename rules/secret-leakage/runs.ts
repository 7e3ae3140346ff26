// The keyword index's built-time tables as runs of bytes (keywords.ts), small without a compressor.

/**
 * The tables as runs (a byte, then how often it repeats as a little-endian base-128 number): they
 * are mostly one value, so this is small without a compressor (zlib's module alone took longer to
 * load than decoding the runs does).
 */
export function runLengthEncode(bytes: Uint8Array): Buffer {
  const out: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    const value = bytes[i] as number;
    let n = 1;
    while (i + n < bytes.length && bytes[i + n] === value) n++;
    out.push(value);
    for (let x = n; ; x >>>= 7) {
      if (x < 0x80) {
        out.push(x);
        break;
      }
      out.push((x & 0x7f) | 0x80);
    }
    i += n;
  }
  return Buffer.from(out);
}

/** The `size` bytes that runLengthEncode encoded, or undefined when `data` is not exactly that. */
export function runLengthDecode(data: Uint8Array, size: number): Uint8Array | undefined {
  const out = new Uint8Array(size);
  let at = 0;
  for (let i = 0; i < data.length; ) {
    const value = data[i++] as number;
    let n = 0;
    for (let shift = 0; ; shift += 7) {
      if (i >= data.length || shift > 21) return undefined;
      const b = data[i++] as number;
      n |= (b & 0x7f) << shift;
      if (b < 0x80) break;
    }
    if (n === 0 || at + n > size) return undefined;
    out.fill(value, at, at + n);
    at += n;
  }
  return at === size ? out : undefined;
}
