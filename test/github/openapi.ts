// GitHub's official REST description (@octokit/openapi, OpenAPI 3.0) as a request and response
// validator for the fake GitHub server. Every request is matched to an operation; its path and
// query parameters and JSON body, and the server's own responses, are checked with ajv.
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Operation {
  method: string;
  template: string;
  regex: RegExp;
  names: string[];
  op: Json;
}

export interface MatchedRequest {
  operationId: string;
  template: string;
  pathParams: Record<string, string>;
}

/** OpenAPI 3.0 `nullable: true` -> JSON Schema (type arrays / anyOf with null). */
function normalize(node: Json): Json {
  if (Array.isArray(node)) return node.map(normalize);
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'example' || k === 'examples' || k === 'nullable') continue;
    out[k] = normalize(v);
  }
  if (node.nullable === true) {
    if (typeof out.type === 'string' && !out.enum) {
      return { ...out, type: [out.type, 'null'] };
    }
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

/** A path or query parameter as the type its schema declares (a bad number stays NaN -> invalid). */
function fromString(raw: string, type: unknown): unknown {
  if (type === 'integer' || type === 'number') return raw.trim() === '' ? raw : Number(raw);
  if (type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
  return raw;
}

export class OpenApiContract {
  readonly spec: Json;
  private readonly ajv: Ajv;
  private readonly operations: Operation[] = [];
  private readonly cache = new Map<string, ValidateFunction>();

  constructor() {
    const require = createRequire(import.meta.url);
    const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
    this.spec = JSON.parse(readFileSync(file, 'utf8'));
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    (addFormats as unknown as (a: Ajv) => void)(this.ajv);
    this.ajv.addSchema({ $id: 'gh', components: { schemas: normalize(this.spec.components.schemas) } });
    for (const [template, item] of Object.entries<Json>(this.spec.paths)) {
      const names: string[] = [];
      const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_m, name: string) => {
        names.push(name);
        // `path` of the contents API may contain slashes.
        return name === 'path' ? '(.+)' : '([^/]+)';
      });
      for (const method of ['get', 'post', 'patch', 'put', 'delete']) {
        if (item[method]) {
          this.operations.push({ method: method.toUpperCase(), template, regex: new RegExp(`^${pattern}$`), names, op: item[method] });
        }
      }
    }
  }

  /** Resolve a local `$ref` (`#/components/...`). */
  deref(node: Json): Json {
    let n = node;
    while (n && typeof n.$ref === 'string') {
      n = n.$ref
        .slice(2)
        .split('/')
        .reduce((acc: Json, key: string) => acc?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], this.spec);
    }
    return n;
  }

  private validator(key: string, schema: Json): ValidateFunction {
    let v = this.cache.get(key);
    if (!v) {
      // Refs inside point at #/components/schemas/...; rewrite them to the registered 'gh' doc.
      const text = JSON.stringify(normalize(schema)).replace(/"#\/components\/schemas\//g, '"gh#/components/schemas/');
      v = this.ajv.compile(JSON.parse(text));
      this.cache.set(key, v);
    }
    return v;
  }

  private check(key: string, schema: Json, value: unknown, what: string): string[] {
    const v = this.validator(key, schema);
    if (v(value)) return [];
    return (v.errors ?? []).slice(0, 5).map((e) => `${what}${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
  }

  /** Find the operation for a request; the most specific template (fewest parameters) wins. */
  match(method: string, path: string): { operation: Operation; request: MatchedRequest } | undefined {
    const candidates = this.operations
      .filter((o) => o.method === method && o.regex.test(path))
      .sort((a, b) => a.names.length - b.names.length);
    const operation = candidates[0];
    if (!operation) return undefined;
    const m = operation.regex.exec(path)!;
    const pathParams: Record<string, string> = {};
    operation.names.forEach((n, i) => (pathParams[n] = decodeURIComponent(m[i + 1]!)));
    return { operation, request: { operationId: operation.op.operationId, template: operation.template, pathParams } };
  }

  /** Violations of the contract by a request (empty when it conforms). */
  validateRequest(
    method: string,
    path: string,
    query: URLSearchParams,
    body: unknown,
  ): { request?: MatchedRequest; violations: string[] } {
    const found = this.match(method, path);
    if (!found) return { violations: [`${method} ${path}: no such operation in GitHub's REST description`] };
    const { operation, request } = found;
    const id = request.operationId;
    const violations: string[] = [];
    const params: Json[] = (operation.op.parameters ?? []).map((p: Json) => this.deref(p));
    const known = new Set<string>();
    for (const p of params) {
      const raw = p.in === 'path' ? request.pathParams[p.name] : p.in === 'query' ? query.get(p.name) ?? undefined : undefined;
      if (p.in === 'query') known.add(p.name);
      if (p.in !== 'path' && p.in !== 'query') continue;
      if (raw === undefined) {
        if (p.required) violations.push(`${id}: missing required ${p.in} parameter ${p.name}`);
        continue;
      }
      const schema = p.schema ?? {};
      const value = fromString(raw, schema.type);
      violations.push(...this.check(`${id}:${p.in}:${p.name}`, schema, value, `${id}: ${p.in} parameter ${p.name}`));
    }
    for (const name of query.keys()) {
      if (!known.has(name)) violations.push(`${id}: unknown query parameter ${name}`);
    }
    const rb = this.deref(operation.op.requestBody);
    if (rb) {
      const schema = rb.content?.['application/json']?.schema;
      if (body === undefined) {
        if (rb.required) violations.push(`${id}: missing request body`);
      } else if (schema) {
        violations.push(...this.check(`${id}:body`, schema, body, `${id}: body`));
      }
    } else if (body !== undefined && method !== 'GET') {
      violations.push(`${id}: takes no request body`);
    }
    return { request, violations };
  }

  /** Violations of the contract by a response of ours (empty when it conforms). */
  validateResponse(request: MatchedRequest, status: number, body: unknown): string[] {
    const operation = this.operations.find((o) => o.op.operationId === request.operationId)!;
    const documented = this.deref(operation.op.responses?.[String(status)]);
    let schema: Json;
    let key = `${request.operationId}:${status}`;
    if (documented) {
      schema = documented.content?.['application/json']?.schema;
      if (!schema) return body === undefined || body === '' ? [] : [`${request.operationId} ${status}: documented without a body`];
    } else if (status >= 400) {
      // Undocumented error statuses (403 on a read-only token, 502 from a proxy): GitHub's error shape.
      schema = { $ref: '#/components/schemas/basic-error' };
      key = 'basic-error';
    } else {
      return [`${request.operationId}: status ${status} is not documented`];
    }
    return this.check(key, schema, body, `${request.operationId} response ${status}`);
  }

  /** An example value from the description (`#/components/examples/<name>`), deep-copied. */
  example(name: string): Json {
    return structuredClone(this.spec.components.examples[name].value);
  }
}
