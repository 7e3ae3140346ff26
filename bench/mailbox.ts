// The benchmark's inputs as the CLI reads them: each dataset PR or commit becomes a
// `git format-patch --stdout` mailbox (one message per commit, no file changes) and the PR's
// title and body become what `--pr-title` and `--pr-body FILE` carry. Then the steps of
// `prguard check --diff FILE --pr-title T --pr-body FILE` run in-process, each the command's own
// function: the --diff source (diffSource), prFromFlags, and app.runCheck with the policy the CLI
// would choose (none in the directory: the embedded default). Only the command's `git rev-parse`
// for the work tree's top is skipped (no repository).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../src/app.ts';
import { prFromFlags } from '../src/commands/check.ts';
import { diffSource } from '../src/commands/source.ts';
import type { IO } from '../src/commands/types.ts';
import type { Report } from '../src/model.ts';
import { allRules } from '../rules/index.ts';

export interface MailCommit {
  sha: string;
  /** `Name <email>`. */
  from: string;
  date?: string;
  message: string;
}

/** A person the dataset knows only by GitHub login, as GitHub writes it: `login <login@users.noreply.github.com>`. */
export function loginPerson(login: string): string {
  return login ? `${quoteName(login)} <${login}@users.noreply.github.com>` : 'unknown <unknown@invalid>';
}

export function person(name: string, email: string): string {
  return `${quoteName(name)} <${email}>`;
}

/** RFC 5322 quoting of a display name with specials (`[bot]`), as git format-patch writes it. */
function quoteName(name: string): string {
  return /[()<>[\]:;@\\,."]/.test(name) ? `"${name.replace(/(["\\])/g, '\\$1')}"` : name;
}

function encodeHeader(text: string): string {
  // format-patch writes non-ASCII headers as RFC 2047 encoded words.
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?b?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

/** The mailbox `git format-patch --stdout` writes for these commits (without file changes). */
export function mailbox(commits: readonly MailCommit[]): string {
  return commits
    .map((c, i) => {
      const lines = c.message.replace(/\r\n?/g, '\n').split('\n');
      // The subject is the message's first paragraph, folded onto one line.
      const blank = lines.findIndex((l) => l.trim() === '');
      const subjectLines = blank < 0 ? lines : lines.slice(0, blank);
      const body = blank < 0 ? [] : lines.slice(blank + 1);
      const subject = subjectLines.join(' ').trim();
      const n = commits.length > 1 ? `[PATCH ${i + 1}/${commits.length}]` : '[PATCH]';
      return [
        `From ${/^[0-9a-f]{40}$/.test(c.sha) ? c.sha : '0'.repeat(40)} Mon Sep 17 00:00:00 2001`,
        `From: ${encodeHeader(c.from)}`,
        `Date: ${c.date ?? 'Mon, 1 Jan 2024 00:00:00 +0000'}`,
        `Subject: ${n} ${encodeHeader(subject)}`,
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=UTF-8',
        'Content-Transfer-Encoding: 8bit',
        '',
        ...body,
        '---',
        ' 0 files changed',
        '',
        '-- ',
        '2.43.0',
        '',
      ].join('\n');
    })
    .join('\n');
}

/** `prguard check --diff MAILBOX [--pr-title T --pr-body FILE]`, in-process: the report it would print. */
export class CliRunner {
  private readonly dir = mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'prguard-bench-'));
  private readonly app = createApp({ rules: allRules });
  private next = 0;

  async check(commits: readonly MailCommit[], pr?: { title: string; body: string | null }): Promise<Report> {
    const n = this.next++;
    const diff = path.join(this.dir, `${n}.patch`);
    writeFileSync(diff, mailbox(commits));
    const values: Record<string, string> = { diff, format: 'json' };
    if (pr) {
      const body = path.join(this.dir, `${n}.md`);
      writeFileSync(body, pr.body ?? '');
      values['pr-title'] = pr.title;
      values['pr-body'] = body;
    }
    const root = this.dir;
    const io: IO = { cwd: root, env: {}, stdout: () => {}, stderr: () => {}, isTTY: false, stdin: process.stdin };
    try {
      const { report } = await this.app.runCheck({
        source: diffSource({ file: diff, cwd: root, root, io }),
        policy: { kind: 'discover' },
        pr: prFromFlags(values, io),
      });
      return report;
    } finally {
      rmSync(diff, { force: true });
      if (values['pr-body']) rmSync(values['pr-body'], { force: true });
    }
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Map `items` through `fn` with at most `limit` in flight (file reads overlap), keeping order. */
export async function* pooled<T, R>(items: AsyncIterable<T>, limit: number, fn: (item: T) => Promise<R>): AsyncGenerator<[T, R]> {
  const queue: Promise<[T, R]>[] = [];
  for await (const item of items) {
    queue.push(fn(item).then((r) => [item, r] as [T, R]));
    if (queue.length >= limit) yield await queue.shift()!;
  }
  while (queue.length > 0) yield await queue.shift()!;
}
