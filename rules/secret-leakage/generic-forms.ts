// Generic secrets whose value is not written right after its name: an `Authorization` header's
// scheme and credentials, a name and a value in separate attributes or keys
// (`<add key="DbPassword" value="…"/>`, `{"key": "token", "value": "…"}`, a Kubernetes
// `- name: DB_PASSWORD` with `value: …` on the next line), an XML element
// (`<password>…</password>`), a command's user option (`curl -u user:password`), and an
// upper-case `<VENDOR>_KEY` name. Parsing only: generic.ts judges the values like any other.

/**
 * An assignment's value (after the operator): quoted (groups 1-4: `"…"`, `'…'`, a template
 * without `${`, `\"…\"`) or bare (group 5), which may end where the string holding it ends.
 */
export const VALUE = String.raw`(?:"([^"\\\n]{8,200})"|'([^'\\\n]{8,200})'|` + '`([^`\\\\\\n$]{8,200})`' +
  String.raw`|\\"([^"\\\n]{8,200})\\"|([A-Za-z0-9+/=_.~!@#%^&*?|-]{8,200})(?=$|[\s;,)}\]#]|["'` + '`' + String.raw`](?:$|[\s;,)}\]+.])))`;

/** A value read by one of the forms: `quoted` false for a bare one (which must hold a digit). */
export interface FormValue {
  value: string;
  /** Column of the value in its line. */
  index: number;
  quoted: boolean;
  /** The finding's name when not "Secret assigned to `name`". */
  what?: string;
  /** The value is on the next line (a key/value pair written over two lines). */
  next?: true;
  /** The value is base64 of `user:password` (HTTP Basic): the password is what is judged. */
  basic?: true;
  /** Only a value random enough for an error is a finding (the form is no sure sign of a secret). */
  strict?: true;
}

/** The value of a match of VALUE (its groups start at `first`). */
export function valueOf(m: RegExpExecArray, first: number): { value: string; quoted: boolean } | undefined {
  for (let g = first; g < first + 5; g++) {
    const v = m[g];
    if (v !== undefined) return { value: v, quoted: g < first + 4 };
  }
  return undefined;
}

/** Where the value ends in the match: the last occurrence (only closing quotes follow it). */
const columnOf = (m: RegExpExecArray, value: string) => m.index + m[0].lastIndexOf(value);

// ---- Authorization headers ----------------------------------------------------------------

/** `Authorization`, `Proxy-Authorization`, `headers.Authorization` (names in snake case). */
export const AUTH_NAME = /(?:^|[_.-])(?:proxy[_-])?authorization$/;

const SCHEME = String.raw`(Bearer|Basic|Token|Bot)\s+([A-Za-z0-9+/_.~-]{8,500}={0,2})(?![\w+/=.~$@{%-])`;
/**
 * Or a key with no scheme (`Authorization: <key>`, as some APIs take theirs): one token68 that is
 * the whole value (a quote, the line's end or a separator follows), so a scheme with parameters
 * (`AWS4-HMAC-SHA256 Credential=…`, `Digest username="…", response="…"`) is none.
 */
const RAW = String.raw`([A-Za-z0-9+/_.~-]{20,500}={0,2})(?=\\?["'` + '`' + String.raw`]|[ \t]*(?:$|[,;)}\]]))`;
/**
 * After the header's name: `: Bearer …` (curl `-H`, an `.http` file), `: 'Bearer …'` (a headers
 * object), `'] = "token …"`, `", "Bearer …"` (Go's `Header.Set`), `": f"Bearer …"`. The token68
 * of RFC 7235; `Bearer ${token}` and `Bearer {{token}}` do not match.
 */
const AUTH_AFTER = new RegExp(String.raw`\\?["']?\]?\s*(?:=>|:=|[:=,](?!=)|\s(?=\\?["']))\s*(?:[fFrRbB]?\\?["'` + '`' + String.raw`])?(?:${SCHEME}|${RAW})`, 'iy');
const AUTH_VALUE = new RegExp(`^(?:${SCHEME}|${RAW})$`, 'i');

function authValue(m: RegExpExecArray, index: (credential: string) => number): FormValue {
  if (m[3] !== undefined) {
    return { value: m[3], index: index(m[3]), quoted: true, what: 'Key in an `Authorization` header (no scheme)', strict: true };
  }
  const [scheme, credential] = [m[1] as string, m[2] as string];
  const kind = scheme.toLowerCase();
  const basic = kind === 'basic';
  const what = `${basic ? 'Basic credentials' : kind === 'token' ? 'Token' : kind === 'bot' ? 'Bot token' : 'Bearer token'} in an \`Authorization\` header`;
  return { value: credential, index: index(credential), quoted: true, what, ...(basic ? { basic: true as const } : {}) };
}

/** An `Authorization` header's credentials right after its name. */
export function authAfter(line: string, end: number): FormValue | undefined {
  AUTH_AFTER.lastIndex = end;
  const m = AUTH_AFTER.exec(line);
  return m ? authValue(m, (credential) => columnOf(m, credential)) : undefined;
}

/** The credentials of a header value given apart from its name (a key/value pair). */
function authOf(v: FormValue): FormValue | undefined {
  const m = AUTH_VALUE.exec(v.value);
  if (!m) return undefined;
  return { ...authValue(m, (credential) => v.index + v.value.length - credential.length), ...(v.next ? { next: true as const } : {}) };
}

// ---- A name and a value in separate attributes or keys --------------------------------------

/** Before the name: it is the value of a `key` or `name` attribute or key. */
const KEY_BEFORE = /(?:^|[\s{,<(["'])\\?["']?(?:key|name)\\?["']?\s*[:=]\s*\\?["']?$/i;
/** Is the name at `start` the value of a `key` or `name` attribute or key? */
export function keyNamed(line: string, start: number): boolean {
  return start > 0 && KEY_BEFORE.test(line.slice(Math.max(0, start - 16), start));
}

/** After the name, on its line: `" value="…"`, `", "value": "…"`. */
const KV_AFTER = new RegExp(String.raw`\\?["']?\s*,?\s*\\?["']?[Vv]alue\\?["']?\s*[:=]\s*` + VALUE, 'y');
/** After the name, the end of the line: the value may be on the next line. */
const KV_END = /\\?["']?\s*,?\s*$/y;
const KV_NEXT = new RegExp(String.raw`^\s*\\?["']?[Vv]alue\\?["']?\s*[:=]\s*` + VALUE);

/**
 * A value given apart from its name (`start`..`end` in the line): `<add key="DbPassword"
 * value="…"/>`, `<property name="password" value="…"/>`, `{"key": "token", "value": "…"}`, or a
 * `"key"`/`name:` line followed by a `"value"`/`value:` line (Postman exports, Kubernetes `env`).
 */
export function keyValue(line: string, start: number, end: number, auth: boolean, nextLine: () => string | undefined): FormValue | undefined {
  if (!keyNamed(line, start)) return undefined;
  let v: FormValue | undefined;
  KV_AFTER.lastIndex = end;
  const m = KV_AFTER.exec(line);
  if (m) {
    const got = valueOf(m, 1) as { value: string; quoted: boolean };
    v = { ...got, index: columnOf(m, got.value) };
  } else {
    KV_END.lastIndex = end;
    const next = KV_END.test(line) ? nextLine() : undefined;
    const n = next === undefined ? null : KV_NEXT.exec(next);
    if (!n) return undefined;
    const got = valueOf(n, 1) as { value: string; quoted: boolean };
    v = { ...got, index: columnOf(n, got.value), next: true };
  }
  return auth ? authOf(v) : v;
}

/** The line after `at` when it is the next line of the file and not waived (`waiver` on it). */
export function nextAdded(lines: readonly { line: number; content: string }[], at: number, waiver: string): string | undefined {
  const [here, next] = [lines[at], lines[at + 1]];
  return here !== undefined && next !== undefined && next.line === here.line + 1 && !next.content.includes(waiver) ? next.content : undefined;
}

// ---- XML elements -------------------------------------------------------------------------

const ELEMENT = /\s*>\s*([^<>\s]{8,200})\s*<\//y;

/** `<password>…</password>`, `<db.password>…</db.password>` (Maven, .NET, Spring XML). */
export function elementValue(line: string, start: number, end: number): FormValue | undefined {
  if (start === 0 || line.charCodeAt(start - 1) !== 60 /* < */) return undefined;
  ELEMENT.lastIndex = end;
  const m = ELEMENT.exec(line);
  return m ? { value: m[1] as string, index: columnOf(m, m[1] as string), quoted: true } : undefined;
}

// ---- A command's user option: `curl -u user:password` ---------------------------------------

/** The keywords that find the option (the generic check's; case-insensitive). */
export const OPTION_KEYWORDS = [' -u ', '-user', 'curl'];

/** `user:password`, quoted or bare; the password may be empty (a key as the user). */
const USER_PASSWORD_BODY = String.raw`(?:"([^"\s:]{1,64}):([^"\s]{0,200})"|'([^'\s:]{1,64}):([^'\s]{0,200})'|([^\s:'"]{1,64}):([^\s'"]{0,200}))(?=$|[\s;&|)\\])`;
/** After the option and a space or `=`; glued to a short option (`-uuser:password`). */
const USER_PASSWORD = new RegExp(String.raw`(?:\s*=\s*|\s+)` + USER_PASSWORD_BODY, 'dy');
const USER_GLUED = new RegExp(USER_PASSWORD_BODY, 'dy');

/**
 * `-u user:password`, `--user user:password`, `--user=…`, `--proxy-user …` (curl, and any tool
 * taking the same option) at keyword `at`, whatever else the line holds: a continuation line
 * of a `curl \` command has no `curl`. The password is the secret; with none (`-u KEY:`, an API
 * key as the user name, as Stripe and Mailgun document), the user is.
 */
export function userOption(line: string, at: number): (FormValue & { option: string; end: number; empty: boolean }) | undefined {
  let option: string;
  if (line.charCodeAt(at) === 32) {
    option = line.slice(at + 1, at + 3); // -u, or curl's -U (--proxy-user)
    if (option !== '-u' && option !== '-U') return undefined; // another option's keyword (` -p `)
  } else if (line.slice(at, at + 5) !== '-user') return undefined;
  else if (at > 0 && line.charCodeAt(at - 1) === 45 /* - */) option = '--user';
  else if (at >= 7 && line.slice(at - 7, at) === '--proxy') option = '--proxy-user';
  else return undefined;
  const from = option.length === 2 ? at + 3 : at + 5;
  const after = line.charCodeAt(from);
  const re = option.length === 2 && after !== 32 && after !== 9 && after !== 61 /* = */ ? USER_GLUED : USER_PASSWORD;
  re.lastIndex = from;
  const m = re.exec(line);
  if (!m) return undefined;
  const g = m[1] !== undefined ? 1 : m[3] !== undefined ? 3 : 5;
  const empty = (m[g + 1] as string).length === 0;
  const secret = empty ? g : g + 1;
  const [index] = (m.indices as RegExpIndicesArray)[secret] as [number, number];
  const what = empty ? `Key as the user name of a \`${option} key:\` option` : `Password in a \`${option} user:password\` option`;
  return { value: m[secret] as string, index, quoted: true, what, option, end: m.index + m[0].length, empty };
}

/** A short option glued to its value after `curl`: `-uuser:password`, `-Uuser:password`. */
const GLUED_OPTION = / -[uU](?![\s=])/g;
/**
 * Where a command ends: a control operator (`&&`, `||`, `|`, `;`) or a backtick (a `curl` command
 * here, any command of command-forms.ts). Global: each use sets `lastIndex` first.
 */
export const COMMAND_END = /&&|\|\||[|;`]/g;

/**
 * `curl -uuser:password` (at keyword `curl`, column `at`): the value glued to `-u`, which the
 * keyword ` -u ` does not find (a keyword ` -u` measured a fifth more stops of the keyword pass),
 * up to the end of that `curl` command (`end`: a later `curl` before it needs no second look).
 */
export function curlUser(line: string, at: number): { found?: ReturnType<typeof userOption>; end: number } {
  COMMAND_END.lastIndex = at;
  const end = COMMAND_END.exec(line)?.index ?? line.length;
  const part = line.slice(at + 4, end);
  GLUED_OPTION.lastIndex = 0;
  for (let m = GLUED_OPTION.exec(part); m !== null; m = GLUED_OPTION.exec(part)) {
    const found = userOption(line, at + 4 + m.index);
    if (found) return { found, end };
  }
  return { end };
}

// ---- `<VENDOR>_KEY`, `<vendor>_key` ------------------------------------------------------------

/** The case-sensitive keywords of the `<VENDOR>_KEY` and `<vendor>_key` names. */
export const CASED_KEYWORDS = ['_KEY', '_key'];

/**
 * An environment-style name ending in `_KEY` (`COHERE_KEY`, `ALGOLIA_ADMIN_KEY`), the last part
 * of a dotted name, or the same in lower case (`cohere_key`, `settings.openai_key`). A bare `key`
 * is no secret name, and neither are keys that name a public value, a fingerprint or a place in
 * a data structure (`SITE_KEY`, `GPG_KEY`, `CACHE_KEY`, `sort_key`). camelCase (`cacheKey`,
 * `queryKey`, `storageKey`) names keys of code far more often than a vendor's: not read.
 */
const VENDOR_KEY = /(?:^|[.$])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_KEY$/;
const VENDOR_KEY_LOWER = /(?:^|[.$])[a-z][a-z0-9]*(?:_[a-z0-9]+)*_key$/;
const NOT_VENDOR_KEY = /(?:^|[_.$])(?:SITE|PUBLISHABLE|SEARCH|BROWSER|ANON|GPG|PGP|CACHE|STORAGE|SORT|PARTITION|PRIMARY|FOREIGN|ROW|LOOKUP|QUERY|IDEMPOTENCY|I18N|TRANSLATION|MESSAGE|ROUTE|STATE|CONTEXT|EVENT|MAP)_KEY$/i;

/** `upper` for `<VENDOR>_KEY`, `lower` for `<vendor>_key`, or false for neither. */
export function vendorKey(name: string): 'upper' | 'lower' | false {
  if (NOT_VENDOR_KEY.test(name)) return false;
  return VENDOR_KEY.test(name) ? 'upper' : VENDOR_KEY_LOWER.test(name) ? 'lower' : false;
}

/**
 * Keys made to be public, by their prefix: Stripe publishable keys (`STRIPE_KEY=pk_test_…` is how
 * Laravel Cashier names the publishable one), PostHog project keys, Mapbox public tokens, New Relic
 * browser keys, Flutterwave public keys, Plaid public tokens.
 */
const PUBLIC_KEY = /^(?:pk_(?:live|test)_|phc_|pk\.|NRJS-|FLWPUBK(?:_TEST)?-|public-)/;

/**
 * Is the value no `<vendor>_key`'s secret? A public key (above); under a lower-case name, a hex
 * value, which reads as a digest (a cache or content key, `cached_creds_key = '048d…'` in
 * botocore's tests) as often as a key.
 */
export function notVendorValue(kind: 'upper' | 'lower', value: string): boolean {
  return PUBLIC_KEY.test(value) || (kind === 'lower' && /^[0-9a-f]+$/i.test(value));
}
