// A repository reader that starts reading before anyone asks. A git source knows the base commit
// (the merge-base git answers) before the change is loaded, so the policy files at the base are
// read while `git diff` runs instead of after it. Entries are kept only for full commit ids, whose content cannot
// change; anything else goes straight to the reader underneath. A failed read is kept too, so
// whoever asks later gets the same error (the policy decision fails closed on it as before).
import { isObjectId } from '../git/object-id.ts';
import type { RepoEntry, RepoReader } from '../repo/reader.ts';

export class PrefetchingReader implements RepoReader {
  readonly label: string;
  readonly #inner: RepoReader;
  readonly #entries = new Map<string, Promise<RepoEntry>>();

  constructor(inner: RepoReader) {
    this.#inner = inner;
    this.label = inner.label;
  }

  entryAt(ref: string, path: string): Promise<RepoEntry> {
    if (!isObjectId(ref)) return this.#inner.entryAt(ref, path);
    const key = `${ref}\0${path}`;
    let entry = this.#entries.get(key);
    if (!entry) {
      entry = this.#inner.entryAt(ref, path);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  /** Starts reading `paths` at commit `ref`; the answers wait for whoever asks. */
  prefetch(ref: string, paths: readonly string[]): void {
    if (!isObjectId(ref)) return;
    for (const path of paths) this.entryAt(ref, path).catch(() => undefined);
  }
}
