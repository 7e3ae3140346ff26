// The hostile modes of the fake GitHub: what a broken GitHub, or a proxy in between, does to an
// answer (see FakeState.hostile).

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** How a hostile GitHub (or proxy) misbehaves, by operation id (e.g. 'pulls/get'). */
export interface Hostile {
  /** Never answer these (the connection stays open). */
  hang?: string[];
  /** Send only the first half of the JSON body. */
  truncate?: string[];
  /** Always add a `Link: rel="next"` to these list answers, whatever the page. */
  endlessLink?: string[];
  /** Remove these fields from the answer, e.g. { 'pulls/get': ['head'] }. */
  omit?: Record<string, string[]>;
  /** pulls.list-files lists only this many files (changed_files still counts all). */
  listedFiles?: number;
  /** pulls.get answers with this head sha (the head moved after the event). */
  headSha?: string;
}

/** The body text and headers of an answer, as the hostile modes for `operationId` make them. */
export function hostileBody(
  h: Hostile | undefined,
  operationId: string,
  payload: Json,
  headers: Record<string, string>,
  url: URL,
): { text: string; headers: Record<string, string> } {
  if (h?.omit?.[operationId] && payload && typeof payload === 'object') for (const f of h.omit[operationId]!) delete payload[f];
  let out = headers;
  if (h?.endlessLink?.includes(operationId)) {
    const page = Number(url.searchParams.get('page') ?? 1);
    out = { ...headers, link: `<${url.origin}${url.pathname}?per_page=100&page=${page + 1}>; rel="next"` };
  }
  let text = payload === undefined ? '' : JSON.stringify(payload);
  if (h?.truncate?.includes(operationId)) text = text.slice(0, Math.floor(text.length / 2));
  return { text, headers: out };
}
