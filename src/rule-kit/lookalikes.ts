// Text that reads the same to a reviewer reads the same to prguard. A PR template's heading, a
// box's label or its tick written with a Cyrillic "А", a Greek "ο", a fullwidth letter or a
// zero-width space looks, on GitHub, exactly like the template's; matched as written, it would
// hide a "no AI" statement from the disclosure check (a contradiction read as "no section").
// Folded: compatibility forms (NFKC: fullwidth letters, ligatures), invisible format characters
// (zero-width spaces and joiners, soft hyphens, bidi controls) dropped, and the Cyrillic and
// Greek letters that look like Latin ones read as those. Both sides of a comparison are folded, so
// a template written in Russian or Greek still matches its own configured heading.

const PAIRS =
  // Cyrillic lower, upper
  'аa еe оo рp сc уy хx іi јj ѕs ԁd ԛq ԝw һh ӏl ' +
  'АA ВB ЕE КK МM НH ОO РP СC ТT УY ХX ІI ЈJ ЅS ԚQ ԜW ' +
  // Greek lower, upper
  'οo νv ρp ιi κk υu ' +
  'ΑA ΒB ΕE ΖZ ΗH ΙI ΚK ΜM ΝN ΟO ΡP ΤT ΥY ΧX';

const LOOKALIKE = new Map<string, string>();
for (const pair of PAIRS.split(' ')) {
  const [from, to] = [...pair];
  if (from && to && pair.length === 2 && !LOOKALIKE.has(from)) LOOKALIKE.set(from, to);
}
const LOOKALIKE_CHARS = new RegExp(`[${[...LOOKALIKE.keys()].join('')}]`, 'gu');
const INVISIBLE = /\p{Cf}/gu;

/** `text` as it reads: NFKC, invisible format characters dropped, Latin lookalikes read as Latin. */
export function foldLookalikes(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(LOOKALIKE_CHARS, (c) => LOOKALIKE.get(c) ?? c);
}
