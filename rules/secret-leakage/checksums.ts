// Public checksum and structure checks for token formats that have them. A token that fails its
// check is a typo, a truncated copy or a made-up example, never a usable credential.

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3, the zlib/Go `crc32.ChecksumIEEE` one) of an ASCII string. */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    crc = (CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] as number) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `value` in base 62 (digits, upper, lower), left-padded with `0` to `width` characters. */
export function base62(value: number, width: number): string {
  let out = '';
  let v = value;
  do {
    out = BASE62[v % 62] + out;
    v = Math.floor(v / 62);
  } while (v > 0);
  return out.padStart(width, '0');
}

/**
 * GitHub classic tokens (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`) and npm tokens (`npm_`): prefix,
 * 30 random base62 characters, then the CRC-32 of those 30 characters in base62, 6 characters.
 * (github.blog 2021-04-05 "Behind GitHub's new authentication token formats"; npm adopted the
 * same layout, github.blog 2021-09-23.)
 */
export function validBase62Crc(token: string): boolean {
  const underscore = token.indexOf('_');
  const body = token.slice(underscore + 1);
  if (body.length !== 36) return false;
  return base62(crc32(body.slice(0, 30)), 6) === body.slice(30);
}

/**
 * Atlassian API tokens (`ATATT3…=` + 8 hex): the last 8 characters are the CRC-32 of everything
 * before them, as upper-case hex.
 */
export function validAtlassian(token: string): boolean {
  const sum = token.slice(-8);
  return crc32(token.slice(0, -8)).toString(16).toUpperCase().padStart(8, '0') === sum.toUpperCase();
}

/** CRC-32 as the 8 hex digits of its little-endian bytes (Grafana's encoding). */
function crcLittleEndianHex(text: string): string {
  const c = crc32(text);
  let out = '';
  for (let i = 0; i < 4; i++) out += ((c >>> (8 * i)) & 0xff).toString(16).padStart(2, '0');
  return out;
}

/**
 * Grafana service-account tokens `glsa_<32 alphanumerics>_<8 hex>`: the hex is the CRC-32 of
 * `glsa_<32 alphanumerics>`, its bytes little-endian (grafana pkg/components/satokengen).
 */
export function validGrafanaServiceAccount(token: string): boolean {
  const cut = token.lastIndexOf('_');
  return crcLittleEndianHex(token.slice(0, cut)) === token.slice(cut + 1);
}

/** Helpers for generating checksum-valid tokens (tests and the benchmark corpus). */
export const checksumOf = {
  base62Crc: (random30: string): string => base62(crc32(random30), 6),
  atlassian: (head: string): string => crc32(head).toString(16).toUpperCase().padStart(8, '0'),
  grafana: (head: string): string => crcLittleEndianHex(head),
};

function decodeBase64Url(part: string): string | undefined {
  try {
    return Buffer.from(part.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  } catch {
    return undefined;
  }
}

export function decodeJsonObject(part: string): Record<string, unknown> | undefined {
  const text = decodeBase64Url(part);
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A JWT whose header says it is signed with a shared secret (HS256/384/512). */
export function isHmacJwt(token: string): boolean {
  const [header, payload] = token.split('.');
  if (header === undefined || payload === undefined) return false;
  const h = decodeJsonObject(header);
  if (!h || typeof h.alg !== 'string' || !/^HS(256|384|512)$/.test(h.alg)) return false;
  return decodeJsonObject(payload) !== undefined;
}

/**
 * An unsecured JWT (RFC 7519 section 6): header `alg` `none` and an empty signature. Anyone can
 * write one, so it grants nothing: not a credential.
 */
export function isUnsecuredJwt(token: string): boolean {
  const m = /^(eyJ[A-Za-z0-9_-]+)\.[A-Za-z0-9_-]*\.$/.exec(token);
  return !!m && decodeJsonObject(m[1] as string)?.alg === 'none';
}

/** A legacy Grafana API key: base64 of `{"k":"<key>","n":"<name>","id":<n>}`. */
export function isGrafanaLegacyKey(token: string): boolean {
  const obj = decodeJsonObject(token);
  return !!obj && typeof obj.k === 'string' && obj.k.length >= 16 && 'id' in obj;
}

/** Base64 that decodes to a PEM private key block (BEGIN line and at least 64 body characters). */
export function isBase64PrivateKey(token: string): boolean {
  const text = Buffer.from(token, 'base64').toString('latin1');
  const m = /-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?)-----([\s\S]*)/.exec(text);
  return !!m && (m[2] as string).replace(/-----END[\s\S]*$/, '').replace(/[^A-Za-z0-9+/=]/g, '').length >= 64;
}

/**
 * A Discord bot token `<id>.<timestamp>.<hmac>`: its first part is the bot's user id (a snowflake,
 * 17-20 decimal digits) in unpadded base64url, exactly as Discord writes it (a re-encoding gives
 * the same text), so three dotted random-looking parts that do not decode to an id are no token.
 */
export function isDiscordBotToken(token: string): boolean {
  const id = token.slice(0, token.indexOf('.'));
  const text = Buffer.from(id, 'base64url').toString('latin1');
  return /^[1-9][0-9]{16,19}$/.test(text) && Buffer.from(text, 'latin1').toString('base64url') === id;
}

export type StructureCheck = 'base62-crc32' | 'atlassian-crc32' | 'grafana-crc32' | 'jwt-hmac' | 'grafana-legacy' | 'base64-private-key' | 'discord-bot';

export const structureChecks: Record<StructureCheck, (token: string) => boolean> = {
  'base62-crc32': validBase62Crc,
  'atlassian-crc32': validAtlassian,
  'grafana-crc32': validGrafanaServiceAccount,
  'jwt-hmac': isHmacJwt,
  'grafana-legacy': isGrafanaLegacyKey,
  'base64-private-key': isBase64PrivateKey,
  'discord-bot': isDiscordBotToken,
};
