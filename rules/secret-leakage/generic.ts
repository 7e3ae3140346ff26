// Generic secrets: a high-entropy literal assigned to a name like `password`, `api_key`, `token`.
import { decodedValue } from './decode.ts';
import { isUnsecuredJwt } from './checksums.ts';
import { acceptable, entropy, isPlaceholder } from './filters.ts';
import { AUTH_NAME, CASED_KEYWORDS, OPTION_KEYWORDS, VALUE, authAfter, curlUser, elementValue, keyNamed, keyValue, notVendorValue, userOption, valueOf, vendorKey, type FormValue } from './generic-forms.ts';
import { COMMAND_KEYWORDS, commandAt, commandPassword, spacedOption } from './command-forms.ts';

/** The scanner runs the generic check only on lines containing one of these (any case). */
export const GENERIC_KEYWORDS = [
  'pass', 'pwd', 'secret', 'token', 'apikey', 'api_key', 'api-key', 'accesskey', 'access_key', 'access-key',
  'privatekey', 'private_key', 'private-key', 'signing_key', 'signingkey', 'encryption_key', 'encryptionkey',
  'master_key', 'masterkey', 'credential', 'auth', ...OPTION_KEYWORDS, ...COMMAND_KEYWORDS,
];
/** Case-sensitive keywords of the generic check (`COHERE_KEY`). */
export const GENERIC_CASED_KEYWORDS = CASED_KEYWORDS;

/** A character of a name around the word: `[\w$.@-]`, as char codes (a regex test per character
 * measured as a third of the generic check's time). */
function nameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c === 46 || c === 64 || c === 45;
}
/**
 * After the name: operator, then a quoted value or a bare one (sticky, at the end of the name).
 * Quotes may be escaped (`\"`): code inside a JSON string (a notebook's `"source"`, a config
 * holding a script) or a C string (`"password=\"…\""`).
 * A bare value may end where the string holding it ends: `"jdbc:mysql://db/app?user=app&password=…"`,
 * `'--password=…'`. A subscript may close the name: `config['api_key'] = "…"`.
 */
const ASSIGNMENT = new RegExp(String.raw`\\?["']?\]?\s*(?:=>|:=|[:=](?!=)|\s(?=\\?["']))\s*` + VALUE, 'y');

/** Names are compared in snake case: `apiKey` -> `api_key`, `DB-Password` -> `db-password`. */
function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/**
 * A secret word as a part of a name (`db_password`, `api-key`), or `password` glued to the
 * word before it (`PGPASSWORD`, `dbpassword`; `SSHPASS`, the variable `sshpass -e` reads).
 */
const SECRET_WORD = String.raw`(?:(?:^|[_.\-@$])(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|signing[_-]?key|encryption[_-]?key|master[_-]?key|credentials?|auth|sshpass)|[a-z0-9](?:password|passphrase))`;
const SECRET_NAME = new RegExp(`${SECRET_WORD}(?:$|[_.-])`);
/** The name ends with the secret word (an option's: `--password`, not `--password-stdin`). */
const SECRET_LAST = new RegExp(`${SECRET_WORD}$`);

/**
 * Names that mention a secret but hold something else: an id, a path, a hash (`password_hash`,
 * `hashed_secret`), a public key, a key's spec (`key_spec: RSA_2048`), a pagination cursor
 * (`next_token`, `NextContinuationToken`, `nextPageToken`, `output_token`: opaque page markers
 * APIs return, AWS, Google and Azure alike).
 */
const NOT_A_SECRET_NAME =
  /[_.-](?:url|uri|endpoint|path|file|dir|name|id|type|kind|length|len|size|count|max|min|ttl|expiry|expires|at|header|field|label|hash|hashed|digest|sha\d*|md5|checksum|fingerprint|integrity|env|var|ref|prefix|suffix|format|regex|pattern|placeholder|example|hint|mode|policy|version|provider|method|mechanism|scheme|spec)$|(?:^|[_.-])(?:public|pub|cert|certificate|csrf|xsrf|hashed)(?:$|[_.-])|(?:^|[_.-])(?:next|page|continuation|pagination|sync|input|output)_token$/;

const VALUE_NOT_SECRET = [
  /^(?:true|false|null|nil|none|undefined|yes|no|on|off)$/i,
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, // UUID
  /^(?:sha1|sha256|sha384|sha512|md5)[:-]/i, // digest with its algorithm
  /^\$(?:2[abxy]?|argon2(?:id|i|d)?|pbkdf2[\w-]*|scrypt|[156])\$/, // password hash (bcrypt, argon2, crypt)
  /^(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-|sk-ssh-ed25519)/, // SSH public key
  /^-----BEGIN (?:PUBLIC KEY|CERTIFICATE|RSA PUBLIC KEY|PGP PUBLIC KEY BLOCK)/,
  /^(?:https?|ftp|file|wss?):\/\//i, // a URL (credentials in URLs have their own pattern)
  /^(?:process\.env|os\.environ|os\.getenv|env\.|ENV\[|System\.getenv|secrets\.|vars\.|config\.|settings\.|import\.meta\.env|getenv|Deno\.env)/,
  /^[./~]?[\w-]+(?:\/[\w.-]+)+$/, // a file path
  /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/, // a dotted identifier (obj.prop.chain)
  /^[a-z]+(?:[_-][a-z]+)*$/, // words: snake/kebab case
  /^[A-Z]+(?:_[A-Z]+)*$/, // CONSTANT_NAME
  /^[a-z]+(?:[A-Z][a-z]+)+$/, // camelCase
  /^[A-Z][a-z]+(?:[A-Z][a-z]+)+$/, // PascalCase
  /^\d+(?:\.\d+)*$/, // numbers, versions
  /^[<>=~^!]=?\s*v?\d|^\d+(?:\.\d+)+[,;<>]|,\s*[<>]=?\s*\d/, // version constraints: `>=1.25.0,<3.0dev`, `^2.1`, `~=3.4`
  /:\/\//, // a URL anywhere in the value (credentials in URLs have their own pattern)
  /^\/\/[\w-]+(?:\.[\w-]+)+(?:[:/]|$)/, // a protocol-relative URL (`https://host/…` read as the name `…-https` and `//host/…`)
  /^_*[A-Za-z]+$/, // letters only: an identifier or a word (`__mcpAuth`, `Password`)
  /^[\w-]+\.(?:json|ya?ml|pem|key|crt|txt|env|ini|toml|js|ts|py|rb|go|sh)$/i, // a file name
];

export interface GenericHit {
  name: string;
  secret: string;
  /** Index of the value in the line. */
  index: number;
  /** The value reads as human-written (words, short numbers) or is only moderately random. */
  weak: boolean;
  /** What was found, when not "Secret assigned to `name`" (an `Authorization` header, `-u`). */
  what?: string;
  /** The value is on the next line (`"key": "token",` then `"value": "…"`). */
  next?: true;
}

/**
 * A comparison or an assertion, not an assignment: the value is what a test expects
 * (`assert x.api_key == '…'`, `expect(token).toBe('…')`, `assertEquals("…", secret)`).
 */
const ASSERTION =
  /^\s*(?:assert|self\.assert|require\.|assert_eq!|assert_ne!|Assert\.|XCTAssert|check\()|\bexpect\s*\(|\.(?:toBe|toEqual|toStrictEqual|toMatch|toContain|toHaveBeenCalledWith|equal|equals|eql|deepEqual|assertEqual|assertEquals|should)\s*\(|\bassert(?:Equals?|That|Same)?\s*\(|={2,3}|!==?/;

/** Words that mark a value as made up when the value is made of words. */
const FAKE_WORD = /^(?:test|tests|testing|fake|dummy|sample|mock|mocked|example|placeholder|changeme|demo|foo|bar|baz|qux|todo|fixme|your|my|some|secret|secrets|password|passwd|pass|token|key|keys|api|apikey|value|string|invalid|wrong|bad|none|null|default|local|dev|xxx|abc|hello|world)$/i;

/** The value cut into runs of one character class (`sk-ant-123` -> sk, ant, 123). */
function segments(value: string): string[] {
  return value.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+/g) ?? [];
}

/** A pronounceable run (has a vowel), a short all-caps word, or a number. */
function wordLike(seg: string): boolean {
  if (/^[0-9]+$/.test(seg)) return seg.length <= 8;
  if (seg.length === 1) return true;
  return /[aeiouyAEIOUY]/.test(seg) && !/[bcdfghjklmnpqrstvwxz]{4,}/i.test(seg);
}

/** Four or more consecutive ascending characters (`1234`, `abcd`): typed, not generated. */
function hasSequence(value: string): boolean {
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    run = value.charCodeAt(i) === value.charCodeAt(i - 1) + 1 && /[a-z0-9]/i.test(value[i] as string) ? run + 1 : 1;
    if (run >= 4) return true;
  }
  return false;
}

/**
 * Is the value written by a human (words and short numbers: `my-access-key-123`,
 * `inboxzero-vercel-2026`) rather than generated? Random tokens switch character class every
 * one or two characters and have runs without vowels.
 */
export function humanWritten(value: string): boolean {
  const segs = segments(value);
  if (segs.length === 0) return false;
  const covered = segs.reduce((n, s) => n + s.length, 0);
  return segs.length <= 6 && covered >= value.replace(/[^A-Za-z0-9]/g, '').length && segs.every(wordLike);
}

/** A value that is obviously made up: fake words, `…123`, sequences. */
export function madeUp(value: string): boolean {
  if (hasSequence(value) || /(?:^|[^0-9])123$|[_-][0-9]$/.test(value)) return true;
  return humanWritten(value) && segments(value).some((seg) => FAKE_WORD.test(seg));
}

/** Strong enough for error severity: long and close to the entropy of a random string. */
export function strong(value: string): boolean {
  if (value.length < 12 || humanWritten(value)) return false;
  const hex = /^[0-9a-f]+$/i.test(value);
  return entropy(value) >= Math.min(hex ? 3.3 : 4.0, Math.log2(value.length) * 0.85);
}

/** Does the value look like a random credential rather than a word, a reference or a hash? */
/** Share of the value made of letter runs of 4+ (words: `personal-access-token123`). */
function wordShare(value: string): number {
  let inWords = 0;
  for (const m of value.matchAll(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g)) if (m[0].length >= 4) inWords += m[0].length;
  return inWords / value.length;
}

export function isHighEntropyValue(value: string): boolean {
  if (value.length < 8 || isPlaceholder(value)) return false;
  // Credentials are ASCII; prose and identifiers made of words are not random.
  if (/[^\x21-\x7e]/.test(value) || wordShare(value) >= 0.6) return false;
  for (const re of VALUE_NOT_SECRET) if (re.test(value)) return false;
  if (/\s/.test(value)) return false;
  const hex = /^[0-9a-f]+$/i.test(value);
  let classes = 0;
  if (/[a-z]/.test(value)) classes++;
  if (/[A-Z]/.test(value)) classes++;
  if (/[0-9]/.test(value)) classes++;
  if (/[^A-Za-z0-9]/.test(value)) classes++;
  if (classes < 2) return false;
  const bits = entropy(value);
  if (value.length >= 20) return bits >= (hex ? 3.0 : 3.5);
  return classes >= 3 && bits >= 2.9;
}

/**
 * A value that is base64 of text (a Kubernetes Secret's `data:`, a Docker `auth`, an .npmrc
 * `_auth`) is judged by that text: base64 of `password`, `changeme` or `user:password` is a
 * placeholder however random it looks. `user:secret` is judged by the secret.
 */
function decodedSecret(value: string): boolean {
  const text = decodedValue(value);
  // Text with spaces or lines (a JSON key file, an .env file) is a document, not one value: the value stays.
  if (text === undefined || !/^\S{1,200}$/.test(text)) return true;
  const secret = /^[^\s:]{1,64}:(?=\S)/.exec(text) ? text.slice(text.indexOf(':') + 1) : text;
  return acceptable(secret, 0) && isHighEntropyValue(secret) && !madeUp(secret);
}

/** The password of HTTP Basic credentials (base64 of `user:password`), if it is one. */
function basicPassword(value: string): string | undefined {
  const m = /^[^\s:]{1,64}:(\S{1,200})$/.exec(decodedValue(value) ?? '');
  return m ? m[1] : undefined;
}

/** A random-looking value (after the name's own tests: a bare one must hold a digit). */
function judged(v: FormValue): boolean {
  const { value } = v;
  if (!v.quoted && !/[0-9]/.test(value)) return false;
  if (v.basic) {
    const password = basicPassword(value);
    return password !== undefined && acceptable(password, 0) && isHighEntropyValue(password) && !madeUp(password);
  }
  return isHighEntropyValue(value) && !madeUp(value) && decodedSecret(value) && !isUnsecuredJwt(value);
}

/** A value of name `start`..`end`, if it is a secret-like name that is given one. */
function valueOfName(line: string, start: number, end: number, nextLine: () => string | undefined): { name: string; vendor: 'upper' | 'lower' | false; v: FormValue } | undefined {
  // The assignment first: most names in code are not assigned a literal (`this.token)`), and
  // the other forms start only with these characters after the name (`:`, a quote, `>`, `]`,
  // `,`, a space, `\`, the line's end).
  ASSIGNMENT.lastIndex = end;
  const m = ASSIGNMENT.exec(line);
  const name = line.slice(start, end);
  // Without an assignment, only a header's name, an element's or a `key`/`name` attribute's
  // value, or an option's (`--password …`) can be given a value (cheap tests first: this is the
  // common case).
  const header = name.length >= 13 && /authorization$/i.test(name);
  const option = !m && line.charCodeAt(start) === 45 /* - */ && (line.charCodeAt(end) === 32 || line.charCodeAt(end) === 9);
  if (!m && !header && !option && line.charCodeAt(start - 1) !== 60 /* < */ && !keyNamed(line, start)) return undefined;
  const key = snake(name);
  const auth = header && AUTH_NAME.test(key);
  const vendor = !auth && !SECRET_NAME.test(key) && vendorKey(name);
  if ((!auth && !vendor && !SECRET_NAME.test(key)) || NOT_A_SECRET_NAME.test(key)) return undefined;
  // An `Authorization` value is read only as a scheme and credentials, or as one strong token: a
  // bare value after it is a scheme or a format (`AWS4-HMAC-SHA256 Credential=…`, `%.*s`).
  let v: FormValue | undefined = auth ? authAfter(line, end) : undefined;
  if (!auth && m) {
    const got = valueOf(m, 1) as { value: string; quoted: boolean };
    v = { ...got, index: end + m[0].length - got.value.length - (m[4] !== undefined ? 2 : got.quoted ? 1 : 0) };
  } else if (option && !auth && SECRET_LAST.test(key)) v = spacedOption(line, start, end);
  v ??= (auth ? undefined : elementValue(line, start, end)) ?? keyValue(line, start, end, auth, nextLine);
  return v && { name, vendor, v };
}

/**
 * Generic assignments on one line. `words` are where the keyword pass found GENERIC_KEYWORDS in
 * it (ascending): the names are read around those, with no second search of the line.
 * `nextLine` gives the next line when it is the next added line of the file (a key/value pair
 * may be written over two lines).
 */
export function findGeneric(line: string, words: readonly number[], nextLine: () => string | undefined = () => undefined): GenericHit[] {
  const hits: GenericHit[] = [];
  let done = -1;
  // Where the last command line read, and the last `curl` command, end: their other keywords need no second look.
  let [commands, curls] = [0, 0];
  for (const at of words) {
    if (at < done) continue;
    const c = line.charCodeAt(at);
    const read = at >= commands && commandAt(line, at, c) ? commandPassword(line, at, commands) : undefined;
    if (read) commands = read.end;
    const cmd = read?.found;
    if (cmd && judged(cmd)) {
      if (ASSERTION.test(line.slice(0, cmd.index) + line.slice(cmd.index + cmd.value.length))) return [];
      hits.push({ name: cmd.option, secret: cmd.value, index: cmd.index, weak: !strong(cmd.value), what: cmd.what as string });
      done = cmd.index + cmd.value.length;
      continue;
    }
    const curl = c === 99 /* c */ && at >= curls && line.startsWith('curl', at) ? curlUser(line, at) : undefined;
    if (curl) curls = curl.end;
    if (c === 32 || c === 45 || curl) {
      const o = curl ? curl.found : userOption(line, at);
      if (o && judged(o) && (!o.empty || strong(o.value))) {
        if (ASSERTION.test(line.slice(0, o.index) + line.slice(o.index + o.value.length))) return [];
        hits.push({ name: o.option, secret: o.value, index: o.index, weak: !strong(o.value), what: o.what as string });
        done = o.end;
        continue;
      }
      if (c === 32) continue;
    }
    let start = at;
    while (start > 0 && nameChar(line.charCodeAt(start - 1))) start--;
    // A keyword is made of name characters, so the walk from its start finds the name's end.
    let end = at;
    while (end < line.length && nameChar(line.charCodeAt(end))) end++;
    done = end;
    if (end - start > 64) continue; // a sentence-like key (e.g. a message id), not a variable
    const found = valueOfName(line, start, end, nextLine);
    if (!found) continue;
    const { name, vendor, v } = found;
    const value = v.value;
    if (!judged(v)) continue;
    // `<VENDOR>_KEY` is no secret-like name by itself, nor is a header's value without a scheme
    // a sure secret: only a value random enough for an error.
    if ((vendor || v.strict) && (value.length < 20 || !strong(value) || (vendor && notVendorValue(vendor, value)))) continue;
    // Asked only of a candidate that got this far (rarely), with the value left out: base64
    // padding (`…YeQ==`) or a `!=` inside a password is no comparison.
    if (ASSERTION.test(v.next ? line : line.slice(0, v.index) + line.slice(v.index + value.length))) return [];
    const weak = !strong(v.basic ? (basicPassword(value) as string) : value);
    hits.push({ name, secret: value, index: v.index, weak, ...(v.what ? { what: v.what } : {}), ...(v.next ? { next: true as const } : {}) });
  }
  return hits;
}
