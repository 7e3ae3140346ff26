// The message part of one `git format-patch` mail: headers, then the body up to the `---`
// divider or the start of the diff (where `git mailinfo` stops, see mailinfo.c:patchbreak).
import type { Commit } from '../model.ts';
import { mailToCommit, type MailDraft } from './mail.ts';
import { isHeaderLine, mailStart } from './mbox.ts';

export class MailReader {
  private draft: MailDraft | undefined;
  private part: 'header' | 'body' = 'header';
  private prevBlank = true;
  /** The next line is one cut at the line-length limit. */
  private cut = false;

  constructor(private readonly onCommit: (commit: Commit) => void) {}

  get active(): boolean {
    return this.draft !== undefined;
  }

  start(sha: string): void {
    this.finish();
    this.draft = { sha, headers: [], body: [] };
    this.part = 'header';
    this.prevBlank = true;
  }

  /** Says that the next line is one cut at the line-length limit: if the message takes it, the commit says so. */
  cutNext(): void {
    this.cut = true;
  }

  /**
   * Reads one line of the message. Returns undefined when the message took it, or the line when
   * the message ended before it (the caller reads it as diff text).
   */
  line(text: string): string | undefined {
    const draft = this.draft!;
    const rest = this.take(draft, text);
    if (rest === undefined && this.cut) draft.cut = true;
    this.cut = false;
    return rest;
  }

  private take(draft: MailDraft, text: string): string | undefined {
    if (this.part === 'header') {
      if (text === '') {
        this.part = 'body';
        return undefined;
      }
      const last = draft.headers.length - 1;
      if ((text.startsWith(' ') || text.startsWith('\t')) && last >= 0) {
        draft.headers[last] += text;
        return undefined;
      }
      if (isHeaderLine(text)) {
        draft.headers.push(text);
        return undefined;
      }
      // Not a header: the body starts here (as mailinfo reads it); nothing is dropped.
      this.part = 'body';
    }
    if (/^---\s*$/.test(text)) {
      this.finish();
      return undefined;
    }
    const startsDiff = text.startsWith('diff -') || text.startsWith('Index: ') || /^--- \S/.test(text);
    // A `From <sha> <date>` line inside a message is text, unless an empty line precedes it
    // (mbox separators follow an empty line): a message line cannot hide the rest of its message.
    if (startsDiff || (this.prevBlank && mailStart(text) !== undefined)) {
      this.finish();
      return text;
    }
    draft.body.push(text);
    this.prevBlank = text.trim() === '';
    return undefined;
  }

  finish(): void {
    if (!this.draft) return;
    this.onCommit(mailToCommit(this.draft));
    this.draft = undefined;
  }
}
