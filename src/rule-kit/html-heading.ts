// A heading written in HTML. GitHub renders `<h2>AI Authorship Statement</h2>` as a heading and a
// `<details><summary>AI Authorship Statement</summary>` block as a titled section, so a PR body's
// statement under either is read as the template's section, not as "no section".

const HEADING = /^\s*<h([1-6])(?:\s[^>]*)?>([\s\S]*?)<\/h\1\s*>\s*$/i;
const SUMMARY = /^\s*(?:<details(?:\s[^>]*)?>\s*)?<summary(?:\s[^>]*)?>([\s\S]*?)<\/summary\s*>\s*$/i;
const TAG = /<[^>]*>/g;

/** The level and text of an HTML block that is only a heading (`<hN>`) or a details summary (level 7, as a pseudo-heading). */
export function htmlHeading(html: string): { level: number; text: string } | undefined {
  const text = (inner: string) => inner.replace(TAG, ' ').replace(/\s+/g, ' ').trim();
  const h = HEADING.exec(html);
  if (h) return { level: Number(h[1]), text: text(h[2]!) };
  const s = SUMMARY.exec(html);
  if (s) return { level: 7, text: text(s[1]!) };
  return undefined;
}
