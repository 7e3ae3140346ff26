// One order for text in every output: by Unicode code point, which is the byte order of UTF-8 and
// so git's own order of paths. It does not depend on the machine: a locale-aware comparison
// (String#localeCompare) follows the process's locale (under a Danish one `aa` sorts after `z`),
// so the same change would list its findings, files and baseline entries in another order on
// another machine, and a baseline file written there would differ. It also needs no collator: setting up ICU's costs several milliseconds,
// which a pre-push hook pays on every push.

/** Code units from U+E000 on sort after the surrogates that encode code points above U+FFFF. */
function rank(unit: number): number {
  return unit >= 0xe000 ? unit - 0x800 : unit >= 0xd800 ? unit + 0x2000 : unit;
}

/** Negative when `a` comes first, positive when `b` does, 0 when they are the same text. */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return x < 0xd800 && y < 0xd800 ? x - y : rank(x) - rank(y);
  }
  return a.length - b.length;
}
