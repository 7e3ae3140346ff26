// Assertions loosened in place: a deleted assertion and an added one of the same hunk (a modified
// line) on the same subject, the new one checking less (`toBe(3)` → `toBeDefined()`,
// `assertEquals(3, total)` → `assertNotNull(total)`, `toThrow('empty')` → `toThrow()`). Paired
// only within one change block of the hunk (a run of deleted lines and the added lines that take
// their place) and at about the same place in it, so a new test far from a deleted one is no
// replacement. Linear: the deleted assertions of a block are indexed by subject, each added one
// looks its subjects up.
import type { DiffLine, FileChange, Hunk } from '../../src/model.ts';
import { deletedLinesOf } from './assertions.ts';
import { enclosedLines } from './comments.ts';
import type { Language } from './language.ts';
import type { Claim } from './claim.ts';
import { CLAIMED_BESIDES, claimOf } from './loosened-forms.ts';
import { compact, type Unit, unitsOf } from './statements.ts';

/** Most deleted assertions of one hunk that are paired (a bigger hunk's rest is not). */
const MOST_PER_HUNK = 2000;
/** How far apart, in lines from the start or from the end of their block, a pair may be. */
const NEAR = 4;

interface Placed {
  /** Which change block of the hunk: the context lines before it (the same on both sides). */
  block: number;
  /** Lines before it and after it in its block, on its side. */
  fromStart: number;
  fromEnd: number;
}

/** Where each line of one side of a hunk is (`start`: that side's first line number). */
function places(lines: readonly DiffLine[], start: number): Placed[] {
  const out: Placed[] = lines.map((l, i) => ({ block: l.line - start - i, fromStart: 0, fromEnd: 0 }));
  for (let i = 0, first = 0; i < out.length; i++) {
    if (i > 0 && out[i]!.block !== out[i - 1]!.block) first = i;
    out[i]!.fromStart = i - first;
  }
  for (let i = out.length - 1, last = i; i >= 0; i--) {
    if (i < out.length - 1 && out[i]!.block !== out[i + 1]!.block) last = i;
    out[i]!.fromEnd = last - i;
  }
  return out;
}

interface Deleted {
  claim: Claim;
  text: string;
  place: Placed;
  used: boolean;
}

export interface Loosening {
  /** The added line's new-side number. */
  line: number;
  /** The added assertion, trimmed. */
  marker: string;
  /** The deleted one it replaces, trimmed. */
  was: string;
}

/** Added assertions of a test file that replace a deleted one of their hunk on the same subject with a weaker one. */
export function loosenedAssertions(file: FileChange, language: Language): Loosening[] {
  const out: Loosening[] = [];
  if (!file.hunks.some((h) => h.deleted.length > 0)) return out;
  // Each side read as statements, so that an assertion over lines (`expect(` / `  x,` /
  // `).toBe(3);`) is compared whole; a statement is placed at its first changed line. The added
  // side of a hunk is read only when its deleted side holds an assertion to pair.
  const deletedExcluded = enclosedLines(deletedLinesOf(file), language);
  const also = CLAIMED_BESIDES[language.name];
  let addedExcluded: Set<number> | undefined;
  const addedUnits = new Map<Hunk, Unit[]>();
  const addedOf = (hunk: Hunk) => {
    let units = addedUnits.get(hunk);
    if (units === undefined) addedUnits.set(hunk, (units = unitsOf(hunk, 'added', language, (addedExcluded ??= enclosedLines(file.hunks.flatMap((h) => h.added), language)), also)));
    return units;
  };
  let deletedTexts: Set<string> | undefined;
  let addedTexts: Set<string> | undefined;
  const deletedUnits = new Map<Hunk, Unit[]>();
  const deletedOf = (hunk: Hunk) => {
    let units = deletedUnits.get(hunk);
    if (units === undefined) deletedUnits.set(hunk, (units = hunk.deleted.length === 0 ? [] : unitsOf(hunk, 'deleted', language, deletedExcluded, also)));
    return units;
  };
  for (const hunk of file.hunks) {
    if (hunk.deleted.length === 0) continue;
    // By block, subject and place (from the start of the block, and from its end), so that each
    // added line looks up the few deleted ones near it.
    const bySubject = new Map<string, Deleted[]>();
    const deletedPlaces = placesByLine(hunk.deleted, hunk.oldStart);
    let indexed = 0;
    for (const unit of deletedOf(hunk)) {
      if (indexed >= MOST_PER_HUNK) break;
      const place = unit.line === undefined ? undefined : deletedPlaces.get(unit.line);
      if (place === undefined || language.comment.test(unit.text)) continue;
      const claim = claimOf(language.name, unit.text);
      if (claim === undefined || claim.level < 2) continue;
      indexed++;
      const entry: Deleted = { claim, text: unit.text.trim(), place, used: false };
      for (const subject of claim.subjects) {
        for (const key of [`${place.block}\0s${place.fromStart}\0${subject}`, `${place.block}\0e${place.fromEnd}\0${subject}`]) {
          const list = bySubject.get(key);
          if (list === undefined) bySubject.set(key, [entry]);
          else list.push(entry);
        }
      }
    }
    if (bySubject.size === 0) continue;
    const addedPlaces = placesByLine(hunk.added, hunk.newStart);
    for (const unit of addedOf(hunk)) {
      const place = unit.line === undefined ? undefined : addedPlaces.get(unit.line);
      if (place === undefined || language.comment.test(unit.text)) continue;
      const claim = claimOf(language.name, unit.text);
      if (claim === undefined) continue;
      // What the file had before (a line moved) is no new assertion, and a strong one the change
      // adds again elsewhere in the file is not gone.
      deletedTexts ??= new Set(file.hunks.flatMap((h) => deletedOf(h).map((u) => compact(u.text))));
      if (deletedTexts.has(compact(unit.text))) continue;
      addedTexts ??= new Set(file.hunks.flatMap((h) => addedOf(h).map((u) => compact(u.text))));
      const replaced = strongerOn(claim, place, bySubject, addedTexts);
      if (replaced !== undefined) out.push({ line: unit.line!, marker: unit.text.trim(), was: replaced });
    }
  }
  return out;
}

/** The place of each changed line of one side of a hunk, by its line number. */
function placesByLine(lines: readonly DiffLine[], start: number): Map<number, Placed> {
  const found = places(lines, start);
  return new Map(lines.map((l, i) => [l.line, found[i]!] as const));
}

/** The first unpaired deleted assertion of a subject of `claim` in its family at a higher level, paired now. */
function strongerOn(claim: Claim, place: Placed, bySubject: ReadonlyMap<string, Deleted[]>, added: ReadonlySet<string>): string | undefined {
  for (const subject of claim.subjects) {
    for (let d = -NEAR; d <= NEAR; d++) {
      for (const key of [`${place.block}\0s${place.fromStart + d}\0${subject}`, `${place.block}\0e${place.fromEnd + d}\0${subject}`]) {
        for (const entry of bySubject.get(key) ?? []) {
          if (entry.used || entry.claim.family !== claim.family || entry.claim.level <= claim.level || added.has(compact(entry.text))) continue;
          entry.used = true;
          return entry.text;
        }
      }
    }
  }
  return undefined;
}
