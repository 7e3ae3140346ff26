// The third-party licence notices for dist/: one section per npm package whose code a bundle
// contains (from esbuild's metafile inputs), with the package's own LICENSE text. Sorted, so the
// file is as deterministic as the bundles.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The package directory (relative to root) of a bundled input under node_modules, or null. */
function packageDir(input) {
  const parts = input.split('/');
  let dir = null;
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] !== 'node_modules') continue;
    const scoped = parts[i + 1]?.startsWith('@');
    const end = i + (scoped ? 3 : 2);
    dir = parts.slice(0, end).join('/');
  }
  return dir;
}

function licenseText(dir) {
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
  return file ? readFileSync(join(dir, file), 'utf8').trim() : null;
}

export function thirdPartyLicenses(root, inputs) {
  const dirs = new Set();
  for (const input of inputs) {
    const dir = packageDir(input);
    if (dir && existsSync(join(root, dir, 'package.json'))) dirs.add(dir);
  }
  const sections = [];
  for (const dir of [...dirs].sort()) {
    const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    const text = licenseText(join(root, dir)) ?? `Licensed under ${pkg.license ?? 'an unstated licence'}; the package ships no licence file.`;
    sections.push(`${pkg.name}@${pkg.version} (${pkg.license ?? 'unknown'})\n\n${text}\n`);
  }
  return (
    'prguard bundles the following third-party packages into dist/. Their licence notices follow.\n\n' +
    sections.join('\n' + '-'.repeat(72) + '\n\n')
  );
}
