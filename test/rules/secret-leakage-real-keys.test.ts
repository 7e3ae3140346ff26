// Recall on credentials made by the real tools (ssh-keygen, openssl, gpg, PuTTY's file format),
// in the file shapes people commit them: every one must be found at error severity.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Violation } from '../../src/rule.ts';
import { secretLeakage, type SecretLeakageOptions } from '../../rules/secret-leakage/index.ts';
import { change, context, file } from '../helpers/change.ts';
import { tempDir } from '../helpers/repo.ts';

const dir = tempDir('prguard-real-keys-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OPTIONS: SecretLeakageOptions = { allow: [], exclude: [], patterns: [], generic: true };
const run = (path: string, text: string): Violation[] =>
  secretLeakage.check(change({ files: [file(path, { status: 'added', added: text.split('\n') })] }), OPTIONS, context());
const errors = (vs: Violation[]) => vs.filter((v) => v.severity === undefined || v.severity === 'error');

/** Is the tool installed? (Any exit status counts: only a missing binary skips its cases.) */
const has = (tool: string): boolean => spawnSync(tool, ['-h'], { stdio: 'ignore' }).error === undefined;

const tool = (cmd: string, args: string[], input?: string) =>
  execFileSync(cmd, args, { cwd: dir, encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] });

let n = 0;
function sshKey(type: string, passphrase: string, bits?: string): { priv: string; pub: string } {
  const path = join(dir, `ssh${n++}`);
  tool('ssh-keygen', ['-q', '-t', type, ...(bits ? ['-b', bits] : []), '-N', passphrase, '-C', 'dev@laptop', '-f', path]);
  return { priv: readFileSync(path, 'utf8'), pub: readFileSync(`${path}.pub`, 'utf8') };
}

/** An OpenSSH ed25519 key (unencrypted) as a PuTTY `.ppk` version 3 file, MAC included. */
function toPpk(openssh: string, pub: string): string {
  const blob = Buffer.from(openssh.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
  let at = 'openssh-key-v1\0'.length;
  const str = () => {
    const len = blob.readUInt32BE(at);
    const v = blob.subarray(at + 4, at + 4 + len);
    at += 4 + len;
    return v;
  };
  str(); str(); str(); // cipher, kdf, kdf options
  at += 4; // number of keys
  const publicBlob = str();
  const priv = str();
  let p = 8; // two check ints
  const read = () => {
    const len = priv.readUInt32BE(p);
    const v = priv.subarray(p + 4, p + 4 + len);
    p += 4 + len;
    return v;
  };
  read(); read(); // key type, public key
  const secret = read().subarray(0, 32);
  const u32 = (x: number) => { const b = Buffer.alloc(4); b.writeUInt32BE(x); return b; };
  const privateBlob = Buffer.concat([u32(secret.length), secret]);
  const comment = pub.trim().split(' ')[2] ?? '';
  const s = (b: Buffer) => Buffer.concat([u32(b.length), b]);
  const mac = createHmac('sha256', Buffer.alloc(0))
    .update(Buffer.concat([s(Buffer.from('ssh-ed25519')), s(Buffer.from('none')), s(Buffer.from(comment)), s(publicBlob), s(privateBlob)]))
    .digest('hex');
  const lines = (b: Buffer) => b.toString('base64').match(/.{1,64}/g) as string[];
  const pubLines = lines(publicBlob);
  const privLines = lines(privateBlob);
  return [
    'PuTTY-User-Key-File-3: ssh-ed25519', 'Encryption: none', `Comment: ${comment}`, `Public-Lines: ${pubLines.length}`, ...pubLines,
    `Private-Lines: ${privLines.length}`, ...privLines, `Private-MAC: ${mac}`, '',
  ].join('\n');
}

/** The shapes a key is committed in: its own file, `.env`, JSON, a Kubernetes Secret. */
function shapes(name: string, pem: string): [string, string][] {
  const escaped = JSON.stringify(pem);
  const b64 = Buffer.from(pem).toString('base64');
  return [
    [name, pem],
    ['deploy/.env', `APP_NAME=demo\nDEPLOY_KEY=${escaped}\nPORT=8080`],
    ['deploy/.env.production', `DEPLOY_KEY="${pem.trimEnd()}"\nPORT=8080`],
    ['config/credentials.json', `{\n  "type": "deploy",\n  "private_key": ${escaped},\n  "user": "ci"\n}`],
    ['k8s/secret.yaml', `apiVersion: v1\nkind: Secret\nmetadata:\n  name: deploy-key\ntype: Opaque\ndata:\n  key: ${b64}\n`],
    ['k8s/secret-string.yaml', `apiVersion: v1\nkind: Secret\nmetadata:\n  name: deploy-key\nstringData:\n  key: |\n${pem.trimEnd().split('\n').map((l) => `    ${l}`).join('\n')}\n`],
  ];
}

function expectFound(label: string, name: string, pem: string): void {
  for (const [path, text] of shapes(name, pem)) {
    const found = errors(run(path, text));
    expect(found.length, `${label} in ${path}`).toBeGreaterThan(0);
    expect(found[0]?.confidence, `${label} in ${path}`).toBe('verified-format');
  }
}

const sshOk = has('ssh-keygen');
const opensslOk = has('openssl');
const gpgOk = has('gpg');

describe.skipIf(!sshOk)('secret-leakage: keys made by ssh-keygen (OpenSSH format)', () => {
  for (const [type, bits] of [['ed25519'], ['ecdsa', '256'], ['rsa', '3072']] as [string, string?][]) {
    for (const passphrase of ['', 'correct horse battery']) {
      it(`${type}${passphrase ? ' with a passphrase' : ''}`, () => {
        const { priv } = sshKey(type, passphrase, bits);
        expect(priv).toContain('BEGIN OPENSSH PRIVATE KEY');
        expectFound(type, `id_${type}`, priv);
      });
    }
  }

  it('a PuTTY .ppk file (version 3) of an ed25519 key', () => {
    const { priv, pub } = sshKey('ed25519', '');
    const ppk = toPpk(priv, pub);
    for (const [path, text] of [['keys/deploy.ppk', ppk], ['deploy/.env', `PPK=${JSON.stringify(ppk)}`]]) {
      const found = errors(run(path as string, text as string));
      expect(found.map((v) => v.data?.pattern), path).toContain('private-key-putty');
    }
  });

  it('the public key next to it is not a finding', () => {
    const { pub } = sshKey('ed25519', '');
    expect(run('id_ed25519.pub', pub)).toEqual([]);
  });
});

describe.skipIf(!opensslOk)('secret-leakage: keys made by openssl', () => {
  const cases: [string, string, string[][]][] = [
    ['PKCS#1 RSA (genrsa -traditional)', 'server.key', [['genrsa', '-traditional', '2048']]],
    ['PKCS#8 RSA (genpkey)', 'server.pem', [['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']]],
    ['encrypted PKCS#8', 'tls/server.key', [['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-aes256', '-pass', 'pass:hunter22']]],
    ['EC (ecparam -genkey)', 'ec.pem', [['ecparam', '-name', 'prime256v1', '-genkey']]],
    ['ed25519 PKCS#8', 'signing.key', [['genpkey', '-algorithm', 'ed25519']]],
  ];
  for (const [label, name, [args]] of cases) {
    it(label, () => {
      const pem = tool('openssl', args as string[]);
      expect(pem).toMatch(/PRIVATE KEY-----/);
      expectFound(label, name, pem);
    });
  }
});

describe('secret-leakage: gpg --export-secret-keys --armor', () => {
  it.skipIf(!gpgOk)('an ed25519 OpenPGP secret key', () => {
    const home = join(dir, 'gnupg');
    tool('mkdir', ['-m', '700', '-p', home]);
    const gpg = (args: string[]) => tool('gpg', ['--homedir', home, '--batch', '--pinentry-mode', 'loopback', '--passphrase', '', ...args]);
    gpg(['--quick-gen-key', 'Dev <dev@example.org>', 'ed25519', 'sign', 'never']);
    const armored = gpg(['--export-secret-keys', '--armor']);
    expect(armored).toContain('BEGIN PGP PRIVATE KEY BLOCK');
    expectFound('gpg', 'keys/private.asc', armored);
  });
});
