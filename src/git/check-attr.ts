// `git check-attr` for the three attributes prguard reads, fed paths on stdin while it runs.
import type { FileAttributes } from '../model.ts';
import { type RunningGit, startGit } from './run.ts';
import type { Sandbox } from './sandbox.ts';

export const ATTRS = ['linguist-generated', 'linguist-vendored', 'diff'];
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

/** `git check-attr -z --stdin`, fed in batches; its answers collected until `close`. */
export class CheckAttr {
  private readonly git: RunningGit;
  private readonly output: Buffer[] = [];
  private readonly queued: string[] = [];

  constructor(sandbox: Sandbox, options: string[], env: Record<string, string> = {}) {
    this.git = startGit(sandbox.dir, ['check-attr', '-z', '--stdin', ...options, ...ATTRS], {
      env: { ...sandbox.env, ...env },
      onChunk: (c) => this.output.push(c),
    });
  }

  add(path: string): void {
    this.queued.push(path);
    if (this.queued.length >= BATCH) this.flush();
  }

  /** Writes queued paths in one go (a write per path costs more than the lookups). */
  private flush(): void {
    if (this.queued.length === 0) return;
    this.git.stdin.write(`${this.queued.join('\0')}\0`);
    this.queued.length = 0;
  }

  async close(): Promise<Map<string, FileAttributes>> {
    this.flush();
    this.git.stdin.end();
    await this.git.done;
    return parseCheckAttr(Buffer.concat(this.output).toString('utf8'));
  }
}
