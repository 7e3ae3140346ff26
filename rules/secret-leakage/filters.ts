// What is not a leak: placeholders, documented example keys, digests, data URIs, low entropy.

/** Shannon entropy in bits per character. */
export function entropy(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * Keys published in vendor documentation as examples. They are not secrets, and flagging them
 * teaches people to ignore the rule.
 */
export const EXAMPLE_SECRETS: ReadonlySet<string> = new Set([
  'AKIAIOSFODNN7EXAMPLE', // AWS docs access key id
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', // AWS docs secret access key
  'AKIAI44QH8DHBEXAMPLE', // AWS docs, second example id
  'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY', // AWS docs, second example secret
  // jwt.io's default HS256 example token
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
  'gho_16C7e42F292c6912E7710c838347Ae178B4a', // GitHub docs token example
  'sk_test_4eC39HqLyjWDarjtT1zdp7dc', // Stripe API reference test key
  'sk_test_BQokikJOvBiI2HlWgH4olfQ2', // Stripe's earlier docs test key
  // X (Twitter) developer docs' example bearer token ("would look something like this"), as
  // issued (percent-encoded) and decoded
  'AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid%2BULvsea4JtiGRiSDSJSI%3DEUifiRBkKG5E2XzMDjRfl76ZC9Ub0wnz4XsNiRVBChTYbJcE3F',
  'AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0+uSeid+ULvsea4JtiGRiSDSJSI=EUifiRBkKG5E2XzMDjRfl76ZC9Ub0wnz4XsNiRVBChTYbJcE3F',
  // The OAuth 2.0 RFCs' example tokens: RFC 6749 (access and refresh token of 4.1.4) and RFC
  // 6750 (the bearer token of its `Authorization: Bearer` examples)
  '2YotnFZFEjr1zCsicMWpAA',
  'tGzv3JOkF0XG5Qx2TlKWIA',
  'mF_9.B5f-4.1JqM',
]);

/** Marks of an example or placeholder inside a token (case-insensitive). */
const PLACEHOLDER_MARK =
  /x{5,}|\*{3,}|\.{3}|\u2026|0{8,}|1234567890|abcdefgh|example|placeholder|(?:^|[^a-z])your[_-]|changeme|change[_-]me|redacted|dummy|insert[_-]?(?:your|key|token)|replace[_-]?me|<[^>]*>|\$\{|\{\{|%[A-Z_]+%/i;

/**
 * Template and interpolation placeholders: `{name}` (f-strings, str.format; also a call,
 * `{uuid.uuid4()}`, `{secrets.token_hex(16)}`), `${x}`, `{{x}}`,
 * `#{x}` (Ruby), `%s` / `%(name)s` (printf), `$ENV_NAME` / `$(cmd)` / a value that is just `$name`
 * (shell). A value holding one is filled in at run time: the secret, if any, is elsewhere. (A `$`
 * followed by letters inside a value is not enough: generated passwords contain `$`.)
 */
const INTERPOLATION = /\{[A-Za-z_][\w.\-[\]'"]*(?:\([\w.,'" -]*\))?\}|%\(\w+\)[sdr]|%[sd](?![A-Za-z0-9])|\$[A-Z][A-Z0-9]*_[A-Z0-9_]+|\$\(|^\$[A-Za-z_]\w*$/;

/**
 * A run of 8 letters or digits that step by one, up or down (`klmnopqr`, `zyxwvuts`, `98765432`,
 * any case): typed along the keyboard's alphabet, not drawn at random (odds about 62^-7 per
 * position in a random base62 body).
 */
function hasAlphabetRun(secret: string): boolean {
  const s = secret.toLowerCase();
  let up = 1;
  let down = 1;
  const alnum = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  for (let i = 1; i < s.length; i++) {
    const [a, b] = [s.charCodeAt(i - 1), s.charCodeAt(i)];
    const both = alnum(a) && alnum(b);
    up = both && b - a === 1 ? up + 1 : 1;
    down = both && b - a === -1 ? down + 1 : 1;
    if (up >= 8 || down >= 8) return true;
  }
  return false;
}

/** Repeated runs like `aaaaaaaa`, an alphabet run or a tiny alphabet give away a made-up token. */
function looksFake(secret: string): boolean {
  if (/(.)\1{7,}/.test(secret) || hasAlphabetRun(secret)) return true;
  return new Set(secret).size < Math.min(8, Math.ceil(secret.length / 3));
}

export function isPlaceholder(secret: string): boolean {
  return PLACEHOLDER_MARK.test(secret) || INTERPOLATION.test(secret) || looksFake(secret);
}

/** Placeholders in a key body: only the marks, not the repetition test (keys are full of `AAAA`). */
export function isKeyPlaceholder(body: string): boolean {
  return PLACEHOLDER_MARK.test(body) || /(.)\1{40,}/.test(body);
}

/** Well-known local-development passwords, e.g. in docker-compose files and READMEs. */
export const DEFAULT_PASSWORDS: ReadonlySet<string> = new Set([
  'password', 'passwd', 'pass', 'secret', 'changeme', 'admin', 'root', 'postgres', 'mysql', 'guest',
  'test', 'testing', 'example', 'user', 'username', 'pwd', 'redis', 'mongo', 'default', 'letmein',
]);

/**
 * Is position `index` (of a match on `line`) inside something that only looks like a secret:
 * a `data:` URI (inline images, fonts), a subresource-integrity / lockfile hash (`sha512-…`),
 * or a source-map payload?
 */
export function inInertSpan(line: string, index: number): boolean {
  // Walk back to the start of the surrounding token (no whitespace, quotes or brackets).
  let start = index;
  while (start > 0) {
    const ch = line.charCodeAt(start - 1);
    // space, tab, " ' ` ( ) [ ] { } < > ,
    if (ch === 32 || ch === 9 || ch === 34 || ch === 39 || ch === 96 || ch === 40 || ch === 41 || ch === 91 || ch === 93 || ch === 123 || ch === 125 || ch === 60 || ch === 62 || ch === 44) break;
    start--;
  }
  const head = line.slice(start, Math.min(index, start + 80));
  return /^(?:data:[\w.+-]+\/[\w.+-]+(?:;[\w=.-]+)*;base64,|(?:sha1|sha256|sha384|sha512)-)/i.test(head) ||
    /^(?:\/\/|\/\*)# sourceMappingURL=data:/.test(line.slice(Math.max(0, line.lastIndexOf('//', index)), index)) ||
    inMappings(line, index);
}

/**
 * Inside the `"mappings"` string of a source map (recognised by content, whatever the file is
 * called): base64 VLQ, which looks random but is positions. Only that string is inert; the
 * `sourcesContent` next to it holds real source and is scanned like any other text.
 */
function inMappings(line: string, index: number): boolean {
  const key = line.lastIndexOf('"mappings"', index);
  if (key < 0) return false;
  const open = /^"mappings"\s*:\s*"/.exec(line.slice(key, key + 40));
  if (!open) return false;
  const from = key + open[0].length;
  const close = line.indexOf('"', from);
  return index >= from && (close < 0 || index < close);
}

/**
 * A candidate is a secret unless it is a documented example or a placeholder. `judgeFrom`: the
 * placeholder and entropy checks read the secret from there (a run the format fixes, see
 * ProviderPattern.judgeFrom); the documented examples are whole secrets.
 */
export function acceptable(secret: string, minEntropy: number, judgeFrom = 0): boolean {
  const judged = judgeFrom > 0 ? secret.slice(judgeFrom) : secret;
  if (EXAMPLE_SECRETS.has(secret) || isPlaceholder(judged)) return false;
  if (DEFAULT_PASSWORDS.has(secret.toLowerCase())) return false;
  return entropy(judged) >= minEntropy;
}
