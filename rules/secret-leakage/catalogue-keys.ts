// Provider patterns, part 3: private keys and credentials inside URLs. Order matters: on the
// same span the earlier pattern wins (a service-account key before a plain PKCS#8 key).
import type { ProviderPattern } from './catalogue-types.ts';

const pem = (id: string, name: string, label: string, doc: string): ProviderPattern => ({
  id,
  name,
  doc: `${doc} Found across several added lines, or on one line with \`\\n\` escapes (JSON, .env).`,
  keywords: ['PRIVATE KEY'],
  regex: `-----BEGIN ${label}-----`,
  group: 0,
  block: true,
});

/**
 * Not a host reserved for documentation and tests (RFC 2606, RFC 6761): `example.com/.org/.net`
 * and anything under `.example`, `.test` or `.invalid`. A password for such a host opens nothing.
 */
const NOT_RESERVED = String.raw`(?!(?:[A-Za-z0-9-]{1,63}\.){0,8}(?:example\.(?:com|org|net)|[A-Za-z0-9-]{1,63}\.(?:example|test|invalid))(?![A-Za-z0-9.-]))`;

export const keyPatterns: ProviderPattern[] = [
  pem('private-key-rsa', 'RSA private key', 'RSA PRIVATE KEY', 'PKCS#1 PEM block (RFC 8017).'),
  pem('private-key-ec', 'EC private key', 'EC PRIVATE KEY', 'SEC 1 PEM block (RFC 5915).'),
  pem('private-key-dsa', 'DSA private key', 'DSA PRIVATE KEY', 'OpenSSL DSA PEM block.'),
  pem('private-key-openssh', 'OpenSSH private key', 'OPENSSH PRIVATE KEY', 'OpenSSH key format (PROTOCOL.key).'),
  pem('private-key-pgp', 'PGP private key block', 'PGP PRIVATE KEY BLOCK', 'OpenPGP ASCII armor (RFC 4880).'),
  {
    ...pem(
      'gcp-service-account',
      'Google Cloud service account key',
      'PRIVATE KEY',
      'The `private_key` of a service-account JSON key file (one whose added lines mention `gserviceaccount.com`).',
    ),
    requiresInFile: 'gserviceaccount.com',
  },
  pem(
    'private-key-pkcs8',
    'PKCS#8 private key',
    '(?:ENCRYPTED )?PRIVATE KEY',
    'PKCS#8 PEM block, plain or encrypted (RFC 5208, RFC 7468).',
  ),
  {
    id: 'private-key-putty',
    name: 'PuTTY private key',
    doc: 'A PuTTY `.ppk` file (`PuTTY-User-Key-File-2`/`-3`): the base64 `Private-Lines` (PuTTY manual, appendix C). Also on one line with `\\n` escapes.',
    keywords: ['PuTTY-User-Key-File-'],
    regex: 'PuTTY-User-Key-File-[1-9]: [a-z0-9@.-]{3,64}',
    group: 0,
    block: 'putty',
  },
  {
    id: 'private-key-base64',
    name: 'Private key (base64-encoded PEM, e.g. Kubernetes Secret data)',
    doc: 'Base64 of a PEM private key block (`LS0tLS1CRUdJTi` = base64 of `-----BEGIN`), as in a Kubernetes Secret `data:` field or a CI variable; it must decode to a `PRIVATE KEY` block.',
    keywords: ['LS0tLS1CRUdJTi'],
    regex: '(?<![A-Za-z0-9+/])(LS0tLS1CRUdJTi[A-Za-z0-9+/]{80,}={0,2})(?![A-Za-z0-9+/=])',
    check: 'base64-private-key',
  },
  {
    id: 'database-url-password',
    name: 'Database URL with a password',
    doc: '`postgres://`, `mysql://`, `mongodb(+srv)://`, `redis://`, `amqp://`, `mssql://`… with `user:password@`; placeholders, well-known local defaults and hosts reserved for documentation (RFC 2606) are not findings.',
    keywords: [
      'postgres://', 'postgresql://', 'mysql://', 'mariadb://', 'mongodb://', 'mongodb+srv://', 'redis://',
      'rediss://', 'amqp://', 'amqps://', 'mssql://', 'sqlserver://', 'cockroachdb://', 'clickhouse://',
    ],
    requires: ['@'],
    confidence: 'generic',
    regex: String.raw`(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|cockroachdb|clickhouse)://[^:@/\s'"]{0,64}:([^@\s'"/]{3,128})@${NOT_RESERVED}[^\s'"/]{1,255}`,
    minEntropy: 2.5,
  },
  {
    id: 'url-credentials',
    name: 'Password in an http(s), ftp, ldap or mail URL',
    doc: '`https://user:password@host`, `ftp(s)://`, `ldap(s)://cn=admin,dc=corp:password@host`, `smtp(s)://`, `imap(s)://`, `pop3(s)://` (RFC 3986 userinfo); placeholders and hosts reserved for documentation (`example.com`, `*.test`, RFC 2606) are not findings.',
    keywords: ['http://', 'https://', 'ftp://', 'ftps://', 'ldap://', 'ldaps://', 'smtp://', 'smtps://', 'imap://', 'imaps://', 'pop3://', 'pop3s://'],
    // The regex needs `@` after the password: most URLs have none, so skip them cheaply.
    requires: ['@'],
    confidence: 'generic',
    regex: String.raw`(?:https?|ftps?|ldaps?|smtps?|imaps?|pop3s?)://[A-Za-z0-9._~%!$&*+,;=-]{1,64}:([^@\s'"/]{6,128})@${NOT_RESERVED}[A-Za-z0-9.-]{1,255}`,
    minEntropy: 3,
  },
];
