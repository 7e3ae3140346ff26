// Hostile git configuration in the repository: settings that would run a program, or change what
// git diff and git log print, neither run anything nor change what prguard reads. The report with
// the configuration is the report without it.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Repo, runCli, tempDir } from '../helpers/repo.ts';

describe('hostile repository configuration', () => {
  it('runs no program and reads the same change (core.bigFileThreshold, prefixes, drivers, pager, colour...)', () => {
    const repo = Repo.init('main');
    repo.commit('base', { 'src/app.ts': 'export const app = 1;\n', 'test/app.test.ts': "it('works', () => {});\n" });
    repo.git('checkout', '-q', '-b', 'pr');
    repo.commit('change', {
      '.gitattributes': '* diff=evil filter=evil\n',
      'src/app.ts': 'export const app = 2;\n\nexport const more = 3;\n',
      'test/app.test.ts': "it.only('works', () => {});\n",
    });
    const before = runCli(['check', '--base', 'main', '--format', 'json'], { cwd: repo.dir });
    expect(before.code).toBe(0);

    const marker = join(tempDir(), 'ran');
    const program = join(tempDir(), 'evil.sh');
    writeFileSync(program, `#!/bin/sh\necho "$0 $*" >> ${marker}\ncat\n`);
    chmodSync(program, 0o755);
    const config: [string, string][] = [
      ['core.bigFileThreshold', '1'],
      ['core.fsmonitor', program],
      ['core.pager', program],
      ['pager.diff', program],
      ['pager.log', program],
      ['diff.external', program],
      ['diff.evil.textconv', program],
      ['diff.evil.command', program],
      ['diff.evil.binary', 'true'],
      ['filter.evil.smudge', program],
      ['filter.evil.clean', program],
      ['gpg.program', program],
      ['log.showSignature', 'true'],
      ['alias.diff', `!${program}`],
      ['diff.noprefix', 'true'],
      ['diff.mnemonicPrefix', 'true'],
      ['diff.relative', 'true'],
      ['diff.renames', 'false'],
      ['diff.ignoreSubmodules', 'all'],
      ['diff.submodule', 'diff'],
      ['diff.suppressBlankEmpty', 'true'],
      ['color.ui', 'always'],
      ['color.diff', 'always'],
      ['core.quotePath', 'false'],
      ['i18n.logOutputEncoding', 'ISO-8859-1'],
      ['format.pretty', 'oneline'],
    ];
    for (const [key, value] of config) repo.git('config', key, value);
    const after = runCli(['check', '--base', 'main', '--format', 'json'], { cwd: repo.dir });
    expect(existsSync(marker)).toBe(false);
    expect(after.stderr).toBe('');
    expect(JSON.parse(after.stdout)).toEqual(JSON.parse(before.stdout));
    expect((JSON.parse(after.stdout) as { findings: { path?: string }[] }).findings.map((f) => f.path)).toContain('test/app.test.ts');
    repo.remove();
  });

  it('runs no fsmonitor and no hook when it reads the attributes at the base through an index (git before 2.40)', () => {
    // git before 2.40 has no check-attr --source: the base's .gitattributes go into an index of
    // prguard's own (update-index, then check-attr --cached), which reads core.fsmonitor and runs
    // the post-index-change hook from the repository's configuration. Git 2.40 and later take
    // the other way; the test holds there too.
    const repo = Repo.init('main');
    repo.commit('base', { '.gitattributes': '*.gen.ts linguist-generated\n', 'src/app.ts': 'export const app = 1;\n' });
    repo.git('checkout', '-q', '-b', 'pr');
    repo.commit('change', { 'src/app.ts': 'export const app = 2;\n', 'src/api.gen.ts': 'export const api = 1;\n' });
    const before = runCli(['check', '--base', 'main', '--format', 'json'], { cwd: repo.dir });
    expect(before.code).toBe(0);

    const marker = join(tempDir(), 'ran');
    const program = join(tempDir(), 'evil.sh');
    writeFileSync(program, `#!/bin/sh\necho "$0 $*" >> ${marker}\n`);
    chmodSync(program, 0o755);
    const hooks = tempDir();
    for (const hook of ['post-index-change', 'reference-transaction', 'post-checkout']) {
      writeFileSync(join(hooks, hook), `#!/bin/sh\necho "${hook}" >> ${marker}\n`);
      chmodSync(join(hooks, hook), 0o755);
    }
    repo.git('config', 'core.fsmonitor', program);
    repo.git('config', 'core.hooksPath', hooks);
    const after = runCli(['check', '--base', 'main', '--format', 'json'], { cwd: repo.dir });
    expect(existsSync(marker) ? readFileSync(marker, 'utf8') : '').toBe('');
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout)).toEqual(JSON.parse(before.stdout));
    repo.remove();
  });
});
