// .gitattributes at the BASE of the change: linguist-generated, linguist-vendored and diff.
// The base decides: a change that adds `src/** linguist-generated` or `* -diff` is classified by
// the attributes it started from, never by its own. git reads them for paths streamed on stdin
// while the diff is still being read, from the base commit and nothing else (no work tree, no
// index, no per-user file: see sandbox.ts and run.ts):
//   - git >= 2.40: `git check-attr --source=<base>`;
//   - older git: only the .gitattributes files that can apply to the changed paths (one per
//     directory on their way from the root) are looked up at the base, and a temporary index
//     holding just those is what check-attr reads. The cost follows the change, not the repository.
// Attributes only ever exempt files from checks, so what cannot be read costs no exemption: the
// files are checked in full, with a note.
import type { FileAttributes, FileChange } from '../model.ts';
import { IndexedAttributes } from './attributes-index.ts';
import { CheckAttr } from './check-attr.ts';
import type { Sandbox } from './sandbox.ts';

/** Collects paths as the diff yields them; `finish` attaches the base's attributes to the files. */
export class BaseAttributes {
  private readonly pending: string[] = [];
  private reader: CheckAttr | IndexedAttributes | undefined;
  private readonly ready: Promise<void>;

  constructor(sandbox: Sandbox, base: Promise<string>, useSource: Promise<boolean>) {
    this.ready = Promise.all([base, useSource]).then(([sha, source]) => {
      this.reader = source ? new CheckAttr(sandbox, [`--source=${sha}`]) : new IndexedAttributes(sandbox, sha);
      for (const p of this.pending) this.reader.add(p);
      this.pending.length = 0;
    });
    this.ready.catch(() => undefined); // reported by finish()
  }

  add(path: string): void {
    if (this.reader) this.reader.add(path);
    else this.pending.push(path);
  }

  /** Sets `attributes` on the files; returns a note when the attributes could not be read. */
  async finish(files: FileChange[]): Promise<string | undefined> {
    let attrs: Map<string, FileAttributes>;
    try {
      await this.ready;
      attrs = await this.reader!.close();
    } catch (err) {
      return (
        `could not read .gitattributes at the base (${(err as Error).message.split('\n')[0]}): ` +
        'no file is treated as generated, vendored or -diff'
      );
    }
    for (const f of files) {
      const a = attrs.get(f.path);
      if (a) f.attributes = a;
    }
    return undefined;
  }
}

/** A note for each .gitattributes the change touches: it takes effect only once merged. */
export function attributesChangeNotes(files: readonly FileChange[], base: string): string[] {
  const isAttrs = (p: string | undefined): boolean => p !== undefined && /(^|\/)\.gitattributes$/.test(p);
  return files
    .filter((f) => isAttrs(f.path) || isAttrs(f.oldPath))
    .map(
      (f) =>
        `this change ${f.status === 'added' ? 'adds' : f.status === 'deleted' ? 'deletes' : 'edits'} ${f.path}: ` +
        `files are classified (generated, vendored, -diff) by the .gitattributes of the base (${base.slice(0, 12)}), ` +
        'and every file is scanned as text whatever the attributes say',
    );
}
