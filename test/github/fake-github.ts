// A fake GitHub REST API on 127.0.0.1 (random port) for one repository and one pull request.
// Every request and every response is checked against GitHub's OpenAPI description; a request
// that breaks the contract is answered 422 and recorded in `violations` (tests assert none).
// It paginates with Link headers, refuses more than 50 annotations per request (the description's
// maxItems), and fails on demand (403, 5xx, secondary rate limits).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostileBody } from './hostile.ts';
import { OpenApiContract, type MatchedRequest } from './openapi.ts';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

let shared: OpenApiContract | undefined;
/** The contract is loaded once per test file (it is a 13 MB description). */
export function contract(): OpenApiContract {
  shared ??= new OpenApiContract();
  return shared;
}

export type { Failure, FakeCommit, FakeFile, FakeHumans, FakeIssueComment, FakeReview, FakeState, RecordedRequest } from './fake-types.ts';
import type { FakeCommit, FakeFile, FakeIssueComment, FakeReview, FakeState, RecordedRequest } from './fake-types.ts';

const GITHUB_FILE_CAP = 3000;
const GITHUB_COMMIT_CAP = 250;

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly violations: string[] = [];
  readonly checkRuns: Json[] = [];
  readonly comments: Json[] = [];
  /** Who edited each seeded comment, by node id (served by graphql()). */
  private readonly edits = new Map<string, string[]>();
  private server: Server | undefined;
  private nextId = 1000;
  url = '';

  constructor(readonly state: FakeState) {
    for (const c of state.humans?.comments ?? []) this.comments.push(this.seededComment(c));
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        this.violations.push(`server error: ${String(err)}`);
        res.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Requests for one operation, in order. */
  calls(operationId: string): RecordedRequest[] {
    return this.requests.filter((r) => r.operationId === operationId);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const start = performance.now();
    // A little network latency makes requests sent together overlap, as they do on GitHub.
    if (this.state.latencyMs) await new Promise((r) => setTimeout(r, this.state.latencyMs));
    const url = new URL(req.url ?? '/', this.url);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: Json;
    try {
      body = raw === '' ? undefined : JSON.parse(raw);
    } catch {
      this.violations.push(`${req.method} ${url.pathname}: body is not JSON`);
      return this.send(res, undefined, 400, { message: 'Problems parsing JSON' });
    }
    const method = req.method ?? 'GET';
    if (method === 'POST' && url.pathname === '/graphql') return this.graphql(req, res, body, start);
    const { request, violations } = contract().validateRequest(method, url.pathname, url.searchParams, body);
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      operationId: request?.operationId,
      start,
      token: req.headers.authorization?.replace(/^token /, ''),
    };
    this.requests.push(record);
    res.on('finish', () => (record.end = performance.now()));
    if (request && this.state.hostile?.hang?.includes(request.operationId)) return; // never answers
    if (!req.headers.authorization?.startsWith('token ')) violations.push(`${method} ${url.pathname}: no token`);
    if (violations.length > 0 || !request) {
      // GitHub answers an invalid request with 422 Validation Failed (this includes more than 50
      // annotations in one request: the description says `maxItems: 50`).
      this.violations.push(...violations);
      return this.send(res, undefined, request ? 422 : 404, { message: `Validation Failed: ${violations.join('; ')}` });
    }
    const failure = this.state.failures.find((f) => f.operationId === request.operationId && (f.times ?? 1) > 0 && (f.when?.(body) ?? true));
    if (failure) {
      failure.times = (failure.times ?? 1) - 1;
      return this.send(res, request, failure.status, { message: failure.message ?? 'Injected failure' }, failure.headers);
    }
    if (request.operationId === 'repos/get-content' && /raw/.test(String(req.headers.accept))) {
      const text = this.state.contents[url.searchParams.get('ref') ?? '']?.[request.pathParams.path!];
      if (text === undefined) return this.send(res, request, 404, { message: 'Not Found' });
      res.writeHead(200, { 'content-type': 'application/vnd.github.raw; charset=utf-8' });
      return void res.end(text);
    }
    const [status, payload, headers] = this.route(request, url.searchParams, body);
    return this.send(res, request, status, payload, headers);
  }

  private send(res: ServerResponse, request: MatchedRequest | undefined, status: number, payload: Json, headers: Record<string, string> = {}): void {
    if (request) {
      const problems = contract().validateResponse(request, status, payload);
      this.violations.push(...problems.map((p) => `fake server response broke the contract: ${p}`));
    }
    if (status >= 400 && payload && typeof payload === 'object') payload.documentation_url ??= 'https://docs.github.com/rest';
    const hostile = hostileBody(this.state.hostile, request?.operationId ?? '', payload, headers, new URL(res.req.url ?? '/', this.url));
    const text = hostile.text;
    headers = hostile.headers;
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(text);
  }

  private page<T>(items: T[], query: URLSearchParams, path: string): [number, T[], Record<string, string>] {
    const perPage = Number(query.get('per_page') ?? 30);
    const page = Number(query.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const links: string[] = [];
    const link = (p: number, rel: string) => `<${this.url}${path}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
    const slice = items.slice((page - 1) * perPage, page * perPage);
    return [200, slice, links.length ? { link: links.join(', ') } : {}];
  }

  private forbidden(): [number, Json] {
    return [403, { message: 'Resource not accessible by integration' }];
  }

  private route(request: MatchedRequest, query: URLSearchParams, body: Json): [number, Json, Record<string, string>?] {
    const s = this.state;
    const p = request.pathParams;
    const human = this.routeHumans(request, query);
    if (human) return human;
    if (p.owner !== s.owner || p.repo !== s.repo) return [404, { message: 'Not Found' }];
    const path = request.template.replace(/\{(\w+)\}/g, (_m, n: string) => p[n]!);
    switch (request.operationId) {
      case 'pulls/get':
        if (Number(p.pull_number) !== s.pull.number) return [404, { message: 'Not Found' }];
        return [200, s.hostile?.headSha ? { ...s.pull, head: { ...s.pull.head, sha: s.hostile.headSha } } : structuredClone(s.pull)];
      case 'pulls/list-files':
        return this.page(s.files.slice(0, Math.min(GITHUB_FILE_CAP, s.hostile?.listedFiles ?? Infinity)).map((f) => this.diffEntry(f)), query, path);
      case 'repos/compare-commits-with-basehead': {
        const comparison = contract().example('commit-comparison');
        comparison.merge_base_commit.sha = s.mergeBase ?? s.pull.base.sha;
        return [200, comparison];
      }
      case 'pulls/list-commits':
        return this.page(s.commits.slice(0, GITHUB_COMMIT_CAP).map((c) => this.commit(c)), query, path);
      case 'repos/get-content':
        return this.content(query.get('ref') ?? s.pull.base.sha, p.path!);
      case 'checks/create':
      case 'checks/update': {
        if (s.readOnly) return this.forbidden();
        return this.checkRun(request.operationId, Number(p.check_run_id), body);
      }
      case 'issues/list-comments':
        return this.page(this.comments, query, path);
      case 'issues/create-comment':
      case 'issues/update-comment':
        if (s.readOnly) return this.forbidden();
        return this.comment(request.operationId, Number(p.comment_id), body);
      default:
        this.violations.push(`the fake server does not implement ${request.operationId}`);
        return [404, { message: 'Not Found' }];
    }
  }

  private diffEntry(f: FakeFile): Json {
    const entry: Json = {
      sha: 'bbcd538c8e72b8c175046e27cc8f907076331401',
      filename: f.filename,
      status: f.status,
      additions: f.additions,
      deletions: f.deletions,
      changes: f.additions + f.deletions,
      blob_url: `https://github.com/${this.state.owner}/${this.state.repo}/blob/x/${encodeURI(f.filename)}`,
      raw_url: `https://github.com/${this.state.owner}/${this.state.repo}/raw/x/${encodeURI(f.filename)}`,
      contents_url: `https://api.github.com/repos/${this.state.owner}/${this.state.repo}/contents/${encodeURI(f.filename)}`,
    };
    if (f.patch !== undefined) entry.patch = f.patch;
    if (f.previous_filename !== undefined) entry.previous_filename = f.previous_filename;
    return entry;
  }

  private commit(c: FakeCommit): Json {
    const item = contract().example('commit-items')[0];
    item.sha = c.sha;
    const a = c.author ?? { name: 'Monalisa Octocat', email: 'octocat@github.com', login: 'octocat', type: 'User' };
    item.commit.message = c.message;
    item.commit.author = { ...item.commit.author, name: a.name, email: a.email };
    item.commit.committer = { ...item.commit.committer, name: a.name, email: a.email };
    item.author = a.login ? { ...item.author, login: a.login, type: a.type ?? 'User' } : null;
    item.committer = item.author;
    return item;
  }

  /**
   * As GitHub answers: a file; for a symlink whose target is a file in the repository, that file
   * (with the target's `path`); for any other symlink, the symlink object.
   */
  private content(ref: string, path: string): [number, Json] {
    const text = this.state.contents[ref]?.[path];
    if (text !== undefined) return [200, this.contentFile(path, text)];
    const target = this.state.links?.[ref]?.[path];
    // As GitHub answers for a ref it does not have.
    if (!this.state.contents[ref] && !this.state.links?.[ref]) return [404, { message: `No commit found for the ref ${ref}` }];
    if (target === undefined) return this.directory(ref, path) ?? [404, { message: 'Not Found' }];
    const parts = path.split('/').slice(0, -1);
    for (const part of target.split('/')) {
      if (part === '..') parts.pop();
      else if (part !== '.' && part !== '') parts.push(part);
    }
    const resolved = target.startsWith('/') ? undefined : parts.join('/');
    const targetText = resolved === undefined ? undefined : this.state.contents[ref]?.[resolved];
    if (resolved !== undefined && targetText !== undefined) return [200, this.contentFile(resolved, targetText)];
    const link = contract().example('content-file-response-if-content-is-a-symlink');
    return [200, { ...link, type: 'symlink', target, name: path.split('/').pop(), path, size: target.length }];
  }

  /** A directory holding files (or links) at `ref`: its listing, one entry per name in it. */
  private directory(ref: string, path: string): [number, Json] | undefined {
    const names = new Set<string>();
    for (const p of [...Object.keys(this.state.contents[ref] ?? {}), ...Object.keys(this.state.links?.[ref] ?? {})]) {
      if (p.startsWith(`${path}/`)) names.add(p.slice(path.length + 1).split('/')[0]!);
    }
    if (names.size === 0) return undefined;
    const entry = contract().example('content-file-response-if-content-is-a-directory')[0];
    return [200, [...names].sort().map((name) => ({ ...entry, name, path: `${path}/${name}` }))];
  }

  private contentFile(path: string, text: string): Json {
    const file = contract().example('content-file-response-if-content-is-a-file');
    const content = Buffer.from(text, 'utf8').toString('base64');
    return { ...file, name: path.split('/').pop(), path, size: Buffer.byteLength(text), content: content.replace(/.{60}/g, '$&\n') };
  }

  private checkRun(operationId: string, id: number, body: Json): [number, Json] {
    let run = operationId === 'checks/update' ? this.checkRuns.find((r) => r.id === id) : undefined;
    if (operationId === 'checks/update' && !run) return [404, { message: 'Not Found' }];
    // GitHub measures these in bytes (the description says characters): over the limit is a 422.
    const o = body.output ?? {};
    const tooLong = [['summary', o.summary, 65535], ['title', o.title, 255], ...(o.annotations ?? []).map((a: Json) => ['annotation message', a.message, 65535])]
      .filter(([, text, max]) => typeof text === 'string' && Buffer.byteLength(text) > max);
    if (tooLong.length > 0) return [422, { message: `Invalid request.\n\nOnly ${tooLong[0][2]} bytes are allowed for ${tooLong[0][0]}.` }];
    if (!run) {
      run = { id: this.nextId++, request: body, annotations: [] as Json[], updates: 0 };
      this.checkRuns.push(run);
    } else run.updates++;
    run.annotations.push(...(body.output?.annotations ?? []));
    run.output = { ...run.output, ...body.output };
    const example = contract().example('check-run');
    const response = {
      ...example,
      id: run.id,
      name: run.request.name,
      head_sha: run.request.head_sha,
      external_id: run.request.external_id ?? null,
      status: run.request.status ?? 'queued',
      conclusion: run.request.conclusion ?? null,
      output: { ...example.output, title: run.output.title ?? null, summary: run.output.summary ?? null, annotations_count: run.annotations.length },
    };
    return [operationId === 'checks/create' ? 201 : 200, response];
  }

  private comment(operationId: string, id: number, body: Json): [number, Json] {
    let comment = operationId === 'issues/update-comment' ? this.comments.find((c) => c.id === id) : undefined;
    if (operationId === 'issues/update-comment' && !comment) return [404, { message: 'Not Found' }];
    if (!comment) {
      comment = { ...contract().example('issue-comment'), id: this.nextId++ };
      this.comments.push(comment);
    }
    comment.body = body.body;
    return [operationId === 'issues/create-comment' ? 201 : 200, comment];
  }

  // ---- Humans in the loop: reviews, seeded comments, compare, team membership ----

  private token(): string | undefined {
    return this.requests.at(-1)?.token;
  }

  /**
   * GitHub's GraphQL API, only for what prguard asks: the edits of comments (`nodes(ids:)` with
   * `userContentEdits`), from FakeIssueComment.editedBy, and commits' authors (commitAuthors). Not in the REST description, so checked here.
   */
  private graphql(req: IncomingMessage, res: ServerResponse, body: Json, start: number): void {
    this.requests.push({ method: 'POST', path: '/graphql', query: {}, body, operationId: 'graphql', start, token: req.headers.authorization?.replace(/^token /, '') });
    const ids: unknown = body?.variables?.ids;
    const authors = typeof body?.query === 'string' && /\bauthors\(first: \d+\)/.test(body.query);
    if (!authors && (typeof body?.query !== 'string' || !/userContentEdits/.test(body.query) || !Array.isArray(ids))) {
      this.violations.push(`graphql: the fake answers only the comment-edits and commit-authors queries, not ${JSON.stringify(body).slice(0, 200)}`);
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'unsupported' }] }));
    }
    const failure = this.state.failures.find((f) => f.operationId === 'graphql' && (f.times ?? 1) > 0);
    if (failure) {
      failure.times = (failure.times ?? 1) - 1;
      return void res.writeHead(failure.status, { 'content-type': 'application/json' }).end(JSON.stringify({ message: failure.message ?? 'Injected failure' }));
    }
    if (authors) return this.commitAuthors(res, body);
    const nodes = (ids as unknown[]).map((id) => {
      const c = this.comments.find((x) => x.node_id === id);
      if (!c) return null;
      const editors = this.edits.get(String(id)) ?? [];
      return {
        id,
        editor: editors.length > 0 ? { login: editors.at(-1) } : null,
        userContentEdits: { totalCount: editors.length, nodes: editors.map((login) => ({ editor: { login } })) },
      };
    });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { nodes } }));
  }

  /**
   * `repository(owner:, name:) { cN: object(oid: "...") { ... on Commit { authors { ... } } } }`: the
   * author then FakeCommit.coAuthors of each commit the scenario has, null for any other object.
   */
  private commitAuthors(res: ServerResponse, body: Json): void {
    const { owner, name } = body.variables ?? {};
    if (owner !== this.state.owner || name !== this.state.repo) this.violations.push(`graphql: Commit.authors for ${owner}/${name}`);
    const objects: Record<string, Json> = {};
    for (const [, alias, oid] of body.query.matchAll(/(\w+): object\(oid: "([0-9a-f]{40})"\)/g)) {
      const c = this.state.commits.find((x) => x.sha === oid);
      const logins = c ? [c.author?.login ?? null, ...(c.coAuthors ?? [])] : [];
      objects[alias] = c ? { authors: { totalCount: logins.length, nodes: logins.map((login) => ({ user: login === null ? null : { login } })) } } : null;
    }
    if (Object.keys(objects).length === 0) this.violations.push(`graphql: a Commit.authors query without objects: ${String(body.query).slice(0, 200)}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { repository: objects } }));
  }

  private seededComment(c: FakeIssueComment): Json {
    const id = this.nextId++;
    const example = contract().example('issue-comment');
    const created = c.created_at ?? '2024-05-01T12:00:00Z';
    const edited = c.editedBy !== undefined && c.editedBy.length > 0;
    if (c.editedBy) this.edits.set(`IC_fake${id}`, c.editedBy);
    return {
      ...example,
      id,
      node_id: `IC_fake${id}`,
      body: c.body,
      html_url: `https://github.com/${this.state.owner}/${this.state.repo}/pull/${this.state.pull.number}#issuecomment-${id}`,
      user: { ...example.user, login: c.login, type: c.type ?? 'User' },
      author_association: c.association ?? example.author_association,
      created_at: created,
      updated_at: edited ? new Date(Date.parse(created) + 3_600_000).toISOString().replace('.000', '') : created,
    };
  }

  private review(r: FakeReview, i: number): Json {
    const example = contract().example('pull-request-review');
    return {
      ...example,
      id: 80 + i,
      user: r.login === null ? null : { ...example.user, login: r.login, type: r.type ?? 'User' },
      state: r.state,
      author_association: r.association ?? example.author_association,
      commit_id: r.commit_id,
      submitted_at: r.submitted_at ?? `2024-05-01T1${i % 10}:00:00Z`,
    };
  }

  private comparison(basehead: string): [number, Json] {
    const found = this.state.humans?.compare?.[basehead];
    if (!found) return [404, { message: 'Not Found' }];
    const example = contract().example('commit-comparison');
    const commits = (found.commits ?? []).map((c) => this.commit(c));
    const behind = found.behindBy ?? 0;
    return [
      200,
      {
        ...example,
        status: behind === 0 ? (commits.length > 0 || found.files.length > 0 ? 'ahead' : 'identical') : commits.length > 0 ? 'diverged' : 'behind',
        ahead_by: commits.length,
        behind_by: behind,
        total_commits: commits.length,
        commits,
        files: found.files.map((f) => this.diffEntry(f)),
      },
    ];
  }

  /**
   * A comparison as GitHub pages it when asked with per_page/page: `per_page` commits of page
   * `page`, the file list on the first page only; `total_commits` counts them all.
   */
  private comparisonPage([status, body]: [number, Json], query: URLSearchParams): [number, Json] {
    if (status !== 200 || !query.has('per_page')) return [status, body];
    const perPage = Number(query.get('per_page'));
    const page = Number(query.get('page') ?? 1);
    return [status, { ...body, commits: body.commits.slice((page - 1) * perPage, page * perPage), files: page === 1 ? body.files : [] }];
  }

  private membership(team: string, user: string): [number, Json] {
    const h = this.state.humans;
    if (!h?.membersToken || this.token() !== h.membersToken) return [403, { message: 'Resource not accessible by integration' }];
    const members = h.teams?.[team.toLowerCase()];
    // Not a member: GitHub documents this 404 without a body.
    if (!members?.some((m) => m.toLowerCase() === user.toLowerCase())) return [404, undefined];
    return [200, { ...contract().example('team-membership-response-if-user-is-a-team-maintainer'), role: 'member', state: 'active' }];
  }

  /** An account's permission on the repository: FakeHumans.permissions, else write. */
  private permission(user: string): [number, Json] {
    const level = this.state.humans?.permissions?.[user.toLowerCase()] ?? 'write';
    if (level === 'missing') return [404, { message: 'Not Found' }];
    const example = contract().example('repository-collaborator-permission-response-if-user-has-admin-permissions');
    return [200, { ...example, permission: level, role_name: level, user: { ...example.user, login: user, role_name: level } }];
  }

  /** The PR's `labeled` events: FakeHumans.labelEvents, else each label added by @maintainer. */
  private labelEvents(): Json[] {
    const added = this.state.humans?.labelEvents ?? this.state.pull.labels.map((l: Json) => ({ label: l.name, actor: 'maintainer' }));
    const example = contract().example('issue-event-for-issue-items')[0];
    return added.map((e: { label: string; actor: string }, i: number) => ({
      ...example,
      id: 500 + i,
      event: 'labeled',
      actor: { ...example.actor, login: e.actor },
      label: { name: e.label, color: 'ededed' },
      created_at: `2024-05-02T1${i % 10}:00:00Z`,
    }));
  }

  /** Routes for the humans in the loop; undefined for every other operation. */
  private routeHumans(request: MatchedRequest, query: URLSearchParams): [number, Json, Record<string, string>?] | undefined {
    const s = this.state;
    const p = request.pathParams;
    switch (request.operationId) {
      case 'teams/get-membership-for-user-in-org':
        return this.membership(`${p.org}/${p.team_slug}`, p.username!);
      case 'repos/get-collaborator-permission-level':
        if (p.owner !== s.owner || p.repo !== s.repo) return [404, { message: 'Not Found' }];
        return this.permission(p.username!);
      case 'pulls/list-reviews': {
        if (p.owner !== s.owner || p.repo !== s.repo || Number(p.pull_number) !== s.pull.number) return [404, { message: 'Not Found' }];
        const path = request.template.replace(/\{(\w+)\}/g, (_m, n: string) => p[n]!);
        return this.page((s.humans?.reviews ?? []).map((r, i) => this.review(r, i)), query, path);
      }
      case 'issues/list-events':
        if (p.owner !== s.owner || p.repo !== s.repo || Number(p.issue_number) !== s.pull.number) return [404, { message: 'Not Found' }];
        return this.page(this.labelEvents(), query, request.template.replace(/\{(\w+)\}/g, (_m, n: string) => p[n]!));
      case 'repos/compare-commits-with-basehead':
        if (p.owner !== s.owner || p.repo !== s.repo) return [404, { message: 'Not Found' }];
        // A comparison the scenario does not describe is the merge-base lookup (see route()).
        return s.humans?.compare?.[p.basehead!] ? this.comparisonPage(this.comparison(p.basehead!), query) : undefined;
      default:
        return undefined;
    }
  }
}
