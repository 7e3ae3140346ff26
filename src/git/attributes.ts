// .gitattributes at the head of the change: linguist-generated, linguist-vendored and diff.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileAttributes, FileChange } from '../model.ts';
import { gitWithInput } from './run.ts';

const ATTRS = ['linguist-generated', 'linguist-vendored', 'diff'];

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
    if (attr === 'linguist-generated') {
      const v = flag(value);
      if (v !== undefined) attrs.generated = v;
    } else if (attr === 'linguist-vendored') {
      const v = flag(value);
      if (v !== undefined) attrs.vendored = v;
    } else if (attr === 'diff' && flag(value) === false) attrs.noDiff = true;
    if (Object.keys(attrs).length > 0) result.set(path, attrs);
  }
  return result;
}

/**
 * Sets `attributes` on each file from the .gitattributes of `head` (git >= 2.40 reads them with
 * `--source`; older git reads them from a temporary index loaded with `head`'s tree).
 */
export async function attachAttributes(root: string, head: string, files: FileChange[]): Promise<void> {
  if (files.length === 0) return;
  const input = files.map((f) => `${f.path}\0`).join('');
  let out: Buffer;
  try {
    out = await gitWithInput(root, ['check-attr', '-z', '--stdin', `--source=${head}`, ...ATTRS], input);
  } catch {
    out = await withTemporaryIndex(root, head, (env) =>
      gitWithInput(root, ['check-attr', '-z', '--stdin', '--cached', ...ATTRS], input, env));
  }
  const attrs = parseCheckAttr(out.toString('utf8'));
  for (const f of files) {
    const a = attrs.get(f.path);
    if (a) f.attributes = a;
  }
}

async function withTemporaryIndex<T>(root: string, head: string, run: (env: NodeJS.ProcessEnv) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'prguard-index-'));
  const env = { GIT_INDEX_FILE: join(dir, 'index') };
  try {
    await gitWithInput(root, ['read-tree', head], '', env);
    return await run(env);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
