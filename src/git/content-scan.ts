// Content, not labels: a file git calls binary (a NUL byte in `.env.production` is enough) still
// has its new content read, and its printable runs become `FileChange.contentScan` for the
// scanners. Up to CONTENT_SCAN_LIMIT per file and CONTENT_SCAN_BUDGET per change; beyond, or when
// git cannot give the blob, `contentScan` says why it was skipped, never nothing.
// Files are looked up while the diff runs: one `cat-file --batch-check` gives each blob's size,
// one `cat-file --batch` streams the contents of those within the limits. A name holding a
// newline cannot travel on cat-file's line protocol: such a file is read on its own.
import type { FileChange } from '../model.ts';
import { type Git, type RunningGit, startGit } from './run.ts';
import type { Sandbox } from './sandbox.ts';
import { CONTENT_SCAN_BUDGET, CONTENT_SCAN_LIMIT, mib, OVER_CONTENT_BUDGET, overContentLimit, PrintableRuns } from '../diff/strings.ts';

export { CONTENT_SCAN_BUDGET, CONTENT_SCAN_LIMIT } from '../diff/strings.ts';

const CHECK_LINE = /^([0-9a-f]{40,64}) (\S+) (\d+)$/;

/** Whether the source should read this file's content for the scanners. */
export const wantsContentScan = (f: FileChange): boolean => f.binary && !f.submodule && f.status !== 'deleted';

export class ContentScanner {
  private check: RunningGit | undefined;
  private contents: RunningGit | undefined;
  private readonly waiting: FileChange[] = [];
  /** Files sent to batch-check, in order, and those whose content is on its way. */
  private readonly sized: FileChange[] = [];
  private readonly reading: { file: FileChange }[] = [];
  private readonly oddNames: FileChange[] = [];
  private budget = CONTENT_SCAN_BUDGET;
  private head: string | undefined;
  private checkRest = '';
  private body: { file: FileChange; left: number; runs: PrintableRuns } | undefined;
  private header = '';
  private skipNewline = false;

  constructor(private readonly sandbox: Sandbox, private readonly git: Git, head: Promise<string>) {
    head.then((sha) => {
      this.head = sha;
      for (const f of this.waiting.splice(0)) this.add(f);
    }, () => undefined);
  }

  /**
   * Reads the object `blob` names (a blob id: the history's files), else the file's own blob id
   * (the net diff's), else `file` at the head commit by its name. By id, a name whose bytes are
   * not UTF-8 (decoded with U+FFFD, so git knows no such path) is read all the same.
   */
  add(file: FileChange, blob = file.blob): void {
    if (blob === undefined && !this.head) return void this.waiting.push(file);
    if (blob === undefined && file.path.includes('\n')) return void this.oddNames.push(file);
    this.check ??= startGit(this.sandbox.dir, ['cat-file', '--batch-check'], {
      env: this.sandbox.env,
      onChunk: (c) => this.sizes(c.toString('utf8')),
    });
    this.sized.push(file);
    this.check.stdin.write(`${blob ?? `${this.head}:${file.path}`}\n`);
  }

  /** batch-check answers, in the order asked: `<sha> <type> <size>` or `<name> missing`. */
  private sizes(text: string): void {
    const lines = (this.checkRest + text).split('\n');
    this.checkRest = lines.pop()!;
    for (const line of lines) {
      const file = this.sized.shift();
      if (!file) continue;
      const m = CHECK_LINE.exec(line);
      if (!m || m[2] !== 'blob') {
        file.contentScan = { skipped: `git could not read it at the head commit (${line.slice(-40)})` };
        continue;
      }
      const size = Number(m[3]);
      if (size > CONTENT_SCAN_LIMIT) {
        file.contentScan = { skipped: overContentLimit(size) };
      } else if (size > this.budget) {
        file.contentScan = { skipped: OVER_CONTENT_BUDGET };
      } else {
        this.budget -= size;
        this.contents ??= startGit(this.sandbox.dir, ['cat-file', '--batch'], {
          env: this.sandbox.env,
          onChunk: (c) => this.content(c),
        });
        this.reading.push({ file });
        this.contents.stdin.write(`${m[1]}\n`);
      }
    }
  }

  /** `cat-file --batch` output: a header line, `size` bytes, a newline; repeated. */
  private content(chunk: Buffer): void {
    let pos = 0;
    while (pos < chunk.length) {
      if (this.skipNewline) {
        this.skipNewline = false;
        pos++;
        continue;
      }
      if (this.body) {
        const take = Math.min(this.body.left, chunk.length - pos);
        this.body.runs.push(chunk.subarray(pos, pos + take));
        this.body.left -= take;
        pos += take;
        if (this.body.left === 0) {
          this.body.file.contentScan = { lines: this.body.runs.end() };
          this.body = undefined;
          this.skipNewline = true;
        }
        continue;
      }
      const nl = chunk.indexOf(10, pos);
      this.header += chunk.toString('latin1', pos, nl < 0 ? chunk.length : nl);
      if (nl < 0) break;
      pos = nl + 1;
      const next = this.reading.shift();
      const m = CHECK_LINE.exec(this.header);
      this.header = '';
      if (!next) continue;
      if (!m) {
        next.file.contentScan = { skipped: 'git could not read it at the head commit' };
        continue;
      }
      const size = Number(m[3]);
      if (size === 0) {
        next.file.contentScan = { lines: [] };
        this.skipNewline = true;
      } else this.body = { file: next.file, left: size, runs: new PrintableRuns() };
    }
  }

  /** Waits for every answer; a file git did not answer for says so in `contentScan`. */
  async finish(): Promise<void> {
    const failures: string[] = [];
    const settle = async (git: RunningGit | undefined): Promise<void> => {
      if (!git) return;
      git.stdin.end();
      await git.done.catch((err: Error) => void failures.push(err.message.split('\n')[0]!));
    };
    await settle(this.check);
    await settle(this.contents);
    for (const file of this.oddNames) await this.readOne(file);
    const why = failures[0] ?? 'git gave no answer';
    for (const f of [...this.waiting, ...this.sized, ...this.reading.map((r) => r.file)]) {
      f.contentScan ??= { skipped: `could not read it: ${why}` };
    }
    if (this.body) this.body.file.contentScan = { skipped: `could not read all of it: ${why}` };
  }

  /** A file whose name cannot go on a line: its size, then its content, by argument. */
  private async readOne(file: FileChange): Promise<void> {
    const spec = `${this.head}:${file.path}`;
    const size = Number(await this.git.tryRaw(['cat-file', '-s', spec]));
    if (!Number.isFinite(size) || size <= 0) {
      file.contentScan = size === 0 ? { lines: [] } : { skipped: 'git could not read it at the head commit' };
      return;
    }
    if (size > CONTENT_SCAN_LIMIT || size > this.budget) {
      file.contentScan = { skipped: `larger (${mib(size)}) than the content-scan limit or budget left` };
      return;
    }
    this.budget -= size;
    const runs = new PrintableRuns();
    const read = startGit(this.sandbox.dir, ['cat-file', 'blob', spec], { env: this.sandbox.env, onChunk: (c) => runs.push(c) });
    read.stdin.end();
    file.contentScan = await read.done.then(
      () => ({ lines: runs.end() }),
      (err: Error) => ({ skipped: `could not read it: ${err.message.split('\n')[0]}` }),
    );
  }
}
