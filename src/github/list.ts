// A list the Action must read in full (a PR's reviews, its comments for waivers), whose length no
// earlier answer tells: page after page while GitHub says there is a next one, each page checked,
// at most MAX_LIST_PAGES pages. A list that goes on past them (a `Link` that never ends) is an
// error naming the call, never a list cut short without a word: a review on a later page can
// cancel an approval on an earlier one.
import { call, GitHubCallError } from './client.ts';
import { Shape } from './shape.ts';

/** Pages of 100 read at most (3,000 items). */
export const MAX_LIST_PAGES = 30;
export const LIST_PER_PAGE = 100;

/** Does a `Link` header name a next page? */
function hasNext(headers: Record<string, unknown>): boolean {
  const link = headers.link;
  return typeof link === 'string' && /rel="next"/.test(link);
}

/**
 * Every item of a paginated list: `fetchPage(n)` requests page n (per_page LIST_PER_PAGE). Pages
 * are numbered, not followed by the URL in `Link`, so an answer cannot send prguard elsewhere.
 */
export async function listInFull(
  name: string,
  permission: string,
  fetchPage: (page: number) => Promise<{ data: unknown; headers: Record<string, unknown> }>,
): Promise<unknown[]> {
  const items: unknown[] = [];
  for (let page = 1; page <= MAX_LIST_PAGES; page++) {
    const { data, headers } = await call(name, permission, () => fetchPage(page));
    const rows = new Shape(`${name} (page ${page})`).array(data);
    items.push(...rows);
    if (!hasNext(headers)) return items;
  }
  throw new GitHubCallError(
    `${name} lists more than ${MAX_LIST_PAGES} pages of ${LIST_PER_PAGE} (GitHub, or a proxy in between, kept ` +
      'naming a next page), so the list could not be read in full and nothing was decided from it; re-run the job.',
    name,
    undefined,
  );
}
