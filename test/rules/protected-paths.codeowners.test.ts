import { describe, expect, it } from 'vitest';
import { compilePattern, lastMatch, patternGlobs, patternProblem } from '../../rules/protected-paths/codeowners.ts';

/** [pattern, path, matches?] */
const MATCHES: [string, string, boolean][] = [
  // No slash: any depth.
  ['*', 'README.md', true],
  ['*', 'a/b/c.js', true],
  ['*.js', 'index.js', true],
  ['*.js', 'src/deep/index.js', true],
  ['*.js', 'src/index.ts', false],
  ['*.js', 'src/index.js.map', false],
  ['Makefile', 'Makefile', true],
  ['Makefile', 'sub/Makefile', true],
  ['Makefile', 'Makefile.am', false],
  // Trailing slash: a directory, recursively, at any depth unless anchored.
  ['apps/', 'apps/a.rb', true],
  ['apps/', 'apps/x/y/z.rb', true],
  ['apps/', 'src/apps/a.rb', true],
  ['apps/', 'apps', false],
  ['apps/', 'myapps/a.rb', false],
  ['/docs/', 'docs/a.md', true],
  ['/docs/', 'docs/build-app/troubleshooting.md', true],
  ['/docs/', 'src/docs/a.md', false],
  ['/build/logs/', 'build/logs/app.log', true],
  ['/build/logs/', 'build/logs/2024/app.log', true],
  ['/build/logs/', 'src/build/logs/app.log', false],
  // Leading or middle slash: anchored at the root.
  ['/README.md', 'README.md', true],
  ['/README.md', 'docs/README.md', false],
  ['docs/*', 'docs/getting-started.md', true],
  ['docs/*', 'docs/build-app/troubleshooting.md', false],
  ['docs/*', 'src/docs/getting-started.md', false],
  ['/docs/*', 'docs/a.md', true],
  ['/docs/*.md', 'docs/a.md', true],
  ['/docs/*.md', 'docs/a.txt', false],
  ['/docs/*.md', 'docs/x/a.md', false],
  ['src/feature-?', 'src/feature-a', true],
  ['src/feature-?', 'src/feature-ab', false],
  // Without a trailing slash a directory still matches recursively.
  ['/apps/github', 'apps/github', true],
  ['/apps/github', 'apps/github/a.rb', true],
  ['/apps/github', 'apps/github/deep/a.rb', true],
  ['/apps/github', 'apps/githubber/a.rb', false],
  ['/apps/github', 'x/apps/github/a.rb', false],
  // `**`
  ['**/logs', 'build/logs/a.log', true],
  ['**/logs', 'scripts/logs/a.log', true],
  ['**/logs', 'deeply/nested/logs/a.log', true],
  ['**/logs', 'logs/a.log', true],
  ['**/logs', 'logs', true],
  ['**/logs', 'catalogs/a.log', false],
  ['/docs/**', 'docs/a/b/c.md', true],
  ['/docs/**/*.md', 'docs/a/b/c.md', true],
  ['/docs/**/*.md', 'docs/c.md', true],
  ['/docs/**/*.md', 'docs/a/c.txt', false],
  ['/.github/workflows/', '.github/workflows/ci.yml', true],
  ['/', 'anything/at/all.txt', true],
  // Dots are ordinary characters; brackets and braces are literal (no ranges, no alternatives).
  ['*.yml', '.github/workflows/ci.yml', true],
  ['.env', 'config/.env', true],
  ['file[1].txt', 'file[1].txt', true],
  ['file[1].txt', 'file1.txt', false],
  ['{a,b}.txt', 'a.txt', false],
  ['{a,b}.txt', '{a,b}.txt', true],
  // Case-sensitive, like GitHub.
  ['/Docs/', 'docs/a.md', false],
  // Unicode and spaces in paths.
  ['/docs/', 'docs/ünï code/file name.md', true],
];

/** The example CODEOWNERS file from GitHub's "About code owners" documentation. */
const GITHUB_EXAMPLE = `
# These owners will be the default owners for everything in the repo.
*       @global-owner1 @global-owner2
*.js    @js-owner #This is an inline comment.
*.go docs@example.com
*.txt @octo-org/octocats
/build/logs/ @doctocat
docs/* docs@example.com
apps/ @octocat
/docs/ @doctocat
/scripts/ @doctocat @octocat
**/logs @octocat
/apps/ @octocat
/apps/github @doctocat
/apps/ @octocat
/apps/github
`;

function parseCodeowners(text: string): { pattern: string; owners: string[] }[] {
  return text
    .split('\n')
    .map((line) => line.replace(/\s#.*$/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [pattern, ...owners] = line.split(/\s+/);
      return { pattern: pattern!, owners };
    });
}

/** [path, owners by GitHub's documented semantics] */
const OWNERS: [string, string[]][] = [
  ['README.md', ['@global-owner1', '@global-owner2']],
  ['src/index.js', ['@js-owner']],
  ['cmd/main.go', ['docs@example.com']],
  ['notes/todo.txt', ['@octo-org/octocats']],
  ['build/logs/app.log', ['@octocat']], // `**/logs` comes later and wins
  ['docs/getting-started.md', ['@doctocat']], // `/docs/` comes after `docs/*`
  ['docs/build-app/troubleshooting.md', ['@doctocat']],
  ['src/apps/a.rb', ['@octocat']],
  ['apps/a.rb', ['@octocat']],
  ['apps/github/a.rb', []], // the last entry has no owners
  ['scripts/deploy.sh', ['@doctocat', '@octocat']],
  ['deeply/nested/logs/x.log', ['@octocat']],
];

describe('CODEOWNERS patterns', () => {
  it.each(MATCHES)('%s against %s -> %s', (pattern, path, expected) => {
    expect(compilePattern(pattern).matches(path)).toBe(expected);
  });

  it('docs/* alone matches only direct children, as GitHub documents', () => {
    const docs = compilePattern('docs/*');
    expect(docs.matches('docs/getting-started.md')).toBe(true);
    expect(docs.matches('docs/build-app/troubleshooting.md')).toBe(false);
  });

  describe("GitHub's example CODEOWNERS file, last match wins", () => {
    const entries = parseCodeowners(GITHUB_EXAMPLE);
    const compiled = entries.map((e) => compilePattern(e.pattern));
    it.each(OWNERS)('%s is owned by %j', (path, owners) => {
      const index = lastMatch(path, compiled);
      expect(index).toBeGreaterThanOrEqual(0);
      expect(entries[index]!.owners).toEqual(owners);
    });
  });

  it('lastMatch returns -1 when nothing matches', () => {
    expect(lastMatch('src/a.ts', [compilePattern('/docs/'), compilePattern('*.md')])).toBe(-1);
  });

  it('compiles to the expected globs', () => {
    expect(patternGlobs('*.js')).toEqual(['**/*.js']);
    expect(patternGlobs('/docs/')).toEqual(['docs/**']);
    expect(patternGlobs('apps/')).toEqual(['**/apps/**']);
    expect(patternGlobs('/apps/github')).toEqual(['apps/github', 'apps/github/**']);
    expect(patternGlobs('docs/*')).toEqual(['docs/*']);
  });

  it.each([
    ['!docs/', '`!` negation does not work'],
    ['#secret', 'is a comment'],
    [' docs/', 'leading or trailing spaces'],
    ['   ', 'empty'],
    ['src/[ab]uth/', '`[ ]` character ranges do not work'],
    ['file[1].txt', '`[ ]` character ranges do not work'],
    ['\\#secret', 'escaping a leading `#`'],
    ['/', 'matches nothing in CODEOWNERS; write `*`'],
  ])('rejects %j', (pattern, message) => {
    expect(patternProblem(pattern)).toContain(message);
  });

  it.each(['docs/', '/a/b/**', '*.js', '*', 'a\\#b', '{a,b}.txt'])('accepts %j', (pattern) => {
    expect(patternProblem(pattern)).toBeNull();
  });
});
