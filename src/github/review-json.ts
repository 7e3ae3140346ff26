// The JSON `gh api repos/O/R/pulls/N/reviews` prints (also with --paginate, which prints one array
// per page back to back, or --slurp, an array of pages), as Review data for `prguard check --reviews`.
import { UsageError } from '../errors.ts';
import type { Review } from '../model.ts';

interface ApiReview {
  user?: { login?: unknown; type?: unknown } | null;
  state?: unknown;
  commit_id?: unknown;
  submitted_at?: unknown;
  author_association?: unknown;
}

function pages(text: string, file: string): unknown[] {
  const trimmed = text.trim();
  // `gh api` prints `[]` for a pull request without reviews: an empty file is a failed download.
  if (trimmed === '') throw new UsageError(`--reviews ${file} is empty (\`gh api repos/O/R/pulls/N/reviews\` prints [] for a pull request without reviews)`);
  try {
    return [JSON.parse(trimmed)];
  } catch {
    // `gh api --paginate` without --slurp: `[...][...]`.
    try {
      return JSON.parse(`[${trimmed.replace(/\]\s*\[/g, '],[')}]`) as unknown[];
    } catch (err) {
      throw new UsageError(`--reviews ${file} is not the JSON that \`gh api repos/O/R/pulls/N/reviews\` prints: ${(err as Error).message}`);
    }
  }
}

export function parseReviewsJson(text: string, file: string): Review[] {
  const items: unknown[] = [];
  for (const page of pages(text, file)) {
    if (!Array.isArray(page)) throw new UsageError(`--reviews ${file}: expected a JSON array of reviews`);
    for (const item of page) {
      if (Array.isArray(item)) items.push(...item);
      else items.push(item);
    }
  }
  return items.map((raw, i) => {
    const r = raw as ApiReview;
    if (r === null || typeof r !== 'object' || Array.isArray(r)) throw new UsageError(`--reviews ${file}: review ${i + 1} is not an object`);
    if (typeof r.state !== 'string' || r.state === '') throw new UsageError(`--reviews ${file}: review ${i + 1} has no state`);
    // GitHub gives `"user": null` for a review whose account was deleted: as in the Action, a
    // review by nobody, which the rule does not count (never a reason to refuse the whole file).
    const login = r.user === null ? '' : r.user?.login;
    if (typeof login !== 'string') throw new UsageError(`--reviews ${file}: review ${i + 1} has no user.login (nor "user": null)`);
    const review: Review = { login, type: typeof r.user?.type === 'string' ? r.user.type : '', state: r.state };
    if (typeof r.commit_id === 'string') review.commitId = r.commit_id;
    if (typeof r.submitted_at === 'string') review.submittedAt = r.submitted_at;
    if (typeof r.author_association === 'string' && r.author_association !== '') review.association = r.author_association;
    return review;
  });
}
