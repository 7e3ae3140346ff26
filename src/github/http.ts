// The fetch under octokit: every attempt (the retry plugin makes up to four) has a time limit
// that covers the whole answer, headers and body, so a server that never answers, or answers
// slowly forever, ends as a clear error instead of a hung job.

/** A request that got no complete answer in time. */
export class RequestTimeout extends Error {
  override name = 'RequestTimeout';
  constructor(readonly seconds: number) {
    super(`no complete answer within ${seconds} s`);
  }
}

function anySignal(signals: (AbortSignal | null | undefined)[]): AbortSignal {
  const present = signals.filter((s): s is AbortSignal => !!s);
  if (present.length === 1) return present[0]!;
  const controller = new AbortController();
  for (const s of present) {
    if (s.aborted) controller.abort(s.reason);
    else s.addEventListener('abort', () => controller.abort(s.reason), { once: true });
  }
  return controller.signal;
}

const NO_BODY = new Set([101, 204, 205, 304]);

/** `fetch`, with the whole exchange (body included) bounded by `timeoutMs`. */
export function timedFetch(timeoutMs: number): typeof fetch {
  return async (input, init) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new RequestTimeout(timeoutMs / 1000)), timeoutMs);
    try {
      const res = await fetch(input, { ...init, signal: anySignal([init?.signal, controller.signal]) });
      const body = NO_BODY.has(res.status) ? null : await res.arrayBuffer();
      const copy = new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
      Object.defineProperty(copy, 'url', { value: res.url });
      return copy;
    } catch (err) {
      // The retry plugin retries what fails here (octokit wraps it as a request error).
      if (controller.signal.aborted) throw new RequestTimeout(timeoutMs / 1000);
      throw err;
    } finally {
      clearTimeout(timer);
    }
  };
}
