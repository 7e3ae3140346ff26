// The attributes of the base for git before 2.40 (no `check-attr --source`), without copying the
// base's whole tree into an index: while the diff runs, each directory on the way to a changed
// path is looked up once (`<base>:<dir>/.gitattributes`, through one `cat-file --batch-check`);
// at the end, a temporary index holding only the .gitattributes files found is what
// `check-attr --cached` reads. A directory whose name holds a newline cannot be sent to
// cat-file's line protocol: its .gitattributes is not read, which only costs an exemption.
import { stat } from 'node:fs';
import { join } from 'node:path';
import type { FileAttributes } from '../model.ts';
import { CheckAttr } from './check-attr.ts';
import { NO_HOOKS, type RunningGit, startGit } from './run.ts';
import type { Sandbox } from './sandbox.ts';

const BLOB = /^([0-9a-f]{40,64}) blob \d+$/;

export class IndexedAttributes {
  private readonly paths: string[] = [];
  private readonly dirs = new Set<string>();
  /** Directories sent to cat-file, in order: its answers come back in the same order. */
  private readonly asked: string[] = [];
  private readonly found: { dir: string; sha: string }[] = [];
  private readonly lookup: RunningGit;
  private answered = 0;
  private rest = '';
  /**
   * Lookups not written yet. They go out once per turn of the event loop (about once per chunk of
   * the diff): each write can wake cat-file and take the CPU from the diff, so a write per
   * directory cost more than the lookups, and the answers are in by the time the diff ends.
   */
  private pending = '';
  private flushing = false;
  /** Called once every lookup asked has its answer (see close). */
  private whenAnswered: (() => void) | undefined;

  constructor(private readonly sandbox: Sandbox, private readonly base: string) {
    this.lookup = startGit(sandbox.dir, ['cat-file', '--batch-check'], {
      env: sandbox.env,
      onChunk: (c) => this.answers(c.toString('utf8')),
    });
  }

  add(path: string): void {
    this.paths.push(path);
    for (let i = path.indexOf('/'), dir = ''; ; i = path.indexOf('/', i + 1)) {
      if (!this.dirs.has(dir)) {
        this.dirs.add(dir);
        if (!dir.includes('\n')) {
          this.asked.push(dir);
          this.pending += `${this.base}:${dir}.gitattributes\n`;
        }
      }
      if (i < 0) break;
      dir = path.slice(0, i + 1);
    }
    if (this.pending && !this.flushing) {
      this.flushing = true;
      setImmediate(() => this.flush());
    }
  }

  /** Sends the lookups gathered so far: one write for many. */
  private flush(): void {
    this.flushing = false;
    if (this.pending) this.lookup.stdin.write(this.pending);
    this.pending = '';
  }

  private answers(text: string): void {
    const lines = (this.rest + text).split('\n');
    this.rest = lines.pop()!;
    for (const line of lines) {
      const dir = this.asked[this.answered++];
      const m = BLOB.exec(line);
      if (m && dir !== undefined) this.found.push({ dir, sha: m[1]! });
    }
    if (this.answered >= this.asked.length) this.whenAnswered?.();
  }

  async close(): Promise<Map<string, FileAttributes>> {
    this.flush();
    this.lookup.stdin.end();
    // Every answer is what counts, not cat-file's exit, which comes a little later. Without every
    // answer, its exit decides: a failure is thrown.
    if (this.answered < this.asked.length) {
      await Promise.race([this.lookup.done, new Promise<void>((resolve) => (this.whenAnswered = resolve))]);
    }
    if (this.answered < this.asked.length) await this.lookup.done;
    else this.lookup.done.catch(() => undefined); // with every answer in, how it exits no longer matters
    if (this.found.length === 0 && !(await hasInfoAttributes(this.sandbox.repo.commonDir))) return new Map();
    const index = this.sandbox.file('attributes-index');
    const env = { GIT_INDEX_FILE: index };
    const load = startGit(this.sandbox.dir, [...NO_HOOKS, 'update-index', '-z', '--index-info'], { env: { ...this.sandbox.env, ...env } });
    load.stdin.end(this.found.map((f) => `100644 ${f.sha}\t${f.dir}.gitattributes\0`).join(''));
    await load.done;
    const check = new CheckAttr(this.sandbox, ['--cached'], env);
    for (const p of this.paths) check.add(p);
    return check.close();
  }
}

/** Whether the repository has local attributes of its own (they apply on top of the tree's). */
async function hasInfoAttributes(commonDir: string): Promise<boolean> {
  // fs's callback form: node:fs/promises (and the readline it loads) would cost every run its start-up.
  return new Promise((resolve) => stat(join(commonDir, 'info', 'attributes'), (err, s) => resolve(!err && s.size > 0)));
}
