// .gitattributes at the head of the change: linguist-generated, linguist-vendored and diff.
// check-attr reads the attributes of a temporary index loaded with head's tree (so neither the
// work tree nor the real index matter, on any git version), and takes paths on stdin while the
// diff is still being read.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileAttributes, FileChange } from '../model.ts';
import { type RunningGit, startGit } from './run.ts';

const ATTRS = ['linguist-generated', 'linguist-vendored', 'diff'];
const BATCH = 512;

/** Maps check-attr's answer to a boolean: set/true -> true, unset/false -> false. */
function flag(value: string): boolean | undefined {
  if (value === 'set' || value === 'true') return true;
  if (value === 'unset' || value === 'false') return false;
  return undefined;
}

/** Parses `git check-attr -z` output: path NUL attribute NUL value NUL, repeated. */
export function parseCheckAttr(out: string): Map<string, FileAttributes> {
  const fields = out.split('\0');
  const result = new Map<string, FileAttributes>();
  for (let i = 0; i + 2 < fields.length; i += 3) {
    const [path, attr, value] = [fields[i]!, fields[i + 1]!, fields[i + 2]!];
    const attrs = result.get(path) ?? {};
    const v = flag(value);
    if (attr === 'linguist-generated' && v !== undefined) attrs.generated = v;
    else if (attr === 'linguist-vendored' && v !== undefined) attrs.vendored = v;
    else if (attr === 'diff' && v === false) attrs.noDiff = true;
    if (Object.keys(attrs).length > 0) result.set(path, attrs);
  }
  return result;
}

/** Streams paths to `git check-attr` as they become known; `finish` attaches the answers. */
export class AttributeReader {
  private readonly queued: string[] = [];
  private git: RunningGit | undefined;
  private readonly output: Buffer[] = [];
  private readonly ready: Promise<void>;
  private dir: string | undefined;

  constructor(private readonly root: string, head: string) {
    this.ready = this.start(head);
    this.ready.catch(() => undefined); // reported by finish()
  }

  add(path: string): void {
    this.queued.push(path);
    if (this.git && this.queued.length >= BATCH) this.flush();
  }

  /** Writes queued paths in one go (a write per path costs more than the lookups). */
  private flush(): void {
    if (this.queued.length === 0) return;
    this.git!.stdin.write(`${this.queued.join('\0')}\0`);
    this.queued.length = 0;
  }

  async finish(files: FileChange[]): Promise<void> {
    try {
      await this.ready;
      const git = this.git!;
      this.flush();
      git.stdin.end();
      await git.done;
    } finally {
      if (this.dir) await rm(this.dir, { recursive: true, force: true });
    }
    const attrs = parseCheckAttr(Buffer.concat(this.output).toString('utf8'));
    for (const f of files) {
      const a = attrs.get(f.path);
      if (a) f.attributes = a;
    }
  }

  private async start(head: string): Promise<void> {
    this.dir = await mkdtemp(join(tmpdir(), 'prguard-index-'));
    const env = { GIT_INDEX_FILE: join(this.dir, 'index') };
    const readTree = startGit(this.root, ['read-tree', head], { env });
    readTree.stdin.end();
    await readTree.done;
    this.git = startGit(this.root, ['check-attr', '-z', '--stdin', '--cached', ...ATTRS], {
      env,
      onChunk: (c) => this.output.push(c),
    });
    this.flush();
  }
}
