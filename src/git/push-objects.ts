// What a push sends besides commits. A pushed ref may name an annotated tag (its message is text
// the remote receives, which no commit diff shows), a tag of a tag (each message), or a tag of a
// tree or of a blob, or be a tree or blob itself (its content reaches the remote outside any
// commit). The walk reads each pushed object's type and what it peels to (one `cat-file
// --batch-check` for all), then the tag objects, one level of nesting per `cat-file --batch`.
// Reading the blobs of a tree or blob is in push-blobs.ts.
import { CONTENT_SCAN_LIMIT, overContentLimit } from '../diff/strings.ts';
import type { PushedTag } from '../model.ts';
import { messageOf } from './message-text.ts';
import { type Git, gitWithInput } from './run.ts';

/** A chain deeper than this is not read to its end: the rest is unread (fail closed). */
export const MAX_TAG_DEPTH = 16;

export interface ObjectWalk {
  /** The pushed object's own type (`commit`, `tag`, `tree`, `blob`), or undefined when git has no such object. */
  type?: string;
  /** What it peels to (`<sha>^{}`): the commit, tree or blob at the end of its tag chain. */
  target?: { sha: string; type: string };
  /** The tag objects of the chain, outermost first. */
  tags: PushedTag[];
  /** What of the chain could not be read, and why. */
  unread: string[];
}

const CHECK = /^([0-9a-f]{40,64}) (\S+) (\d+)$/;

/** A tag object's headers and message (git's format: headers, a blank line, the message). */
function parseTag(sha: string, ref: string, body: Buffer): { tag: PushedTag; object?: string } {
  const text = body.toString('utf8');
  const end = text.indexOf('\n\n');
  const headers = (end < 0 ? text : text.slice(0, end)).split('\n');
  const header = (key: string): string | undefined => headers.find((h) => h.startsWith(`${key} `))?.slice(key.length + 1);
  const tagger = header('tagger')?.replace(/\s+\d+\s+[+-]\d{4}$/, '') ?? '';
  // Decoded from the bytes: a UTF-16 message is text with its NUL bytes dropped (message-text.ts).
  const message = messageOf(body).replace(/\s+$/, '');
  return { tag: { ref, sha, name: header('tag') ?? '', tagger, message }, object: header('object') };
}

/**
 * Walks each pushed object (`sha` -> the ref it is pushed to) through its tag chain. Costs one
 * git process for the types, plus one per level of tags found.
 */
export async function walkPushed(git: Git, pushed: ReadonlyMap<string, string>): Promise<Map<string, ObjectWalk>> {
  const shas = [...pushed.keys()];
  const walks = new Map<string, ObjectWalk>(shas.map((sha) => [sha, { tags: [], unread: [] }]));
  if (shas.length === 0) return walks;
  const out = (await gitWithInput(git.cwd, ['cat-file', '--batch-check'], shas.map((s) => `${s}\n${s}^{}\n`).join(''))).toString('utf8').split('\n');
  // The tag objects to read at the current level: their sha, size, and the walk they belong to.
  let level: { sha: string; size: number; walk: ObjectWalk; ref: string }[] = [];
  shas.forEach((sha, i) => {
    const walk = walks.get(sha)!;
    const own = CHECK.exec(out[2 * i] ?? '');
    const peeled = CHECK.exec(out[2 * i + 1] ?? '');
    if (!own) return;
    walk.type = own[2];
    if (peeled) walk.target = { sha: peeled[1]!, type: peeled[2]! };
    else walk.unread.push(`git could not peel ${sha} to the object its tags point at`);
    if (own[2] === 'tag') level.push({ sha, size: Number(own[3]), walk, ref: pushed.get(sha)! });
  });
  for (let depth = 0; level.length > 0; depth++) {
    if (depth >= MAX_TAG_DEPTH) {
      for (const t of level) t.walk.unread.push(`tag ${t.sha} is nested more than ${MAX_TAG_DEPTH} tags deep: the rest of the chain was not read`);
      break;
    }
    for (const t of level.filter((t) => t.size > CONTENT_SCAN_LIMIT)) t.walk.unread.push(`tag ${t.sha}: ${overContentLimit(t.size)}`);
    level = level.filter((t) => t.size <= CONTENT_SCAN_LIMIT);
    const read = level.length > 0 ? await gitWithInput(git.cwd, ['cat-file', '--batch'], level.map((t) => `${t.sha}\n`).join('')) : Buffer.alloc(0);
    const next: typeof level = [];
    let pos = 0;
    for (const [i, t] of level.entries()) {
      const nl = read.indexOf(10, pos);
      const head = CHECK.exec(read.toString('latin1', pos, nl < 0 ? read.length : nl));
      if (nl < 0 || !head) {
        for (const rest of level.slice(i)) rest.walk.unread.push(`git could not read tag ${rest.sha}`);
        break;
      }
      const size = Number(head[3]);
      pos = nl + 1 + size + 1;
      // What the object is, by git's own answer (not what the tag that names it says it is).
      if (head[2] !== 'tag') continue;
      const { tag, object } = parseTag(t.sha, t.ref, read.subarray(nl + 1, nl + 1 + size));
      t.walk.tags.push(tag);
      // The chain ends at what git peels it to; before that, each object is the next tag.
      if (!object) t.walk.unread.push(`tag ${t.sha} names no object`);
      else if (object !== t.walk.target?.sha) next.push({ sha: object, size: 0, walk: t.walk, ref: t.ref });
    }
    if (next.length === 0) break;
    // The next level's sizes: the tags that name them say nothing reliable of them.
    const sizes = (await gitWithInput(git.cwd, ['cat-file', '--batch-check'], next.map((t) => `${t.sha}\n`).join(''))).toString('utf8').split('\n');
    level = [];
    next.forEach((t, i) => {
      const m = CHECK.exec(sizes[i] ?? '');
      if (!m) t.walk.unread.push(`git could not read ${t.sha}, which a pushed tag points at`);
      else if (m[2] === 'tag') level.push({ ...t, size: Number(m[3]) });
    });
  }
  return walks;
}
