// esbuild plugin: replaces src/docs/rule-docs.ts with a module that carries every
// rules/<id>/README.md inline, so `prguard explain` works from dist/cli.js alone.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function embedRuleDocs(root) {
  return {
    name: 'embed-rule-docs',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]docs[\\/]rule-docs\.ts$/ }, () => {
        const rulesDir = join(root, 'rules');
        const docs = {};
        const watchFiles = [];
        for (const entry of readdirSync(rulesDir, { withFileTypes: true })) {
          const file = join(rulesDir, entry.name, 'README.md');
          if (!entry.isDirectory()) continue;
          try {
            docs[entry.name] = readFileSync(file, 'utf8');
            watchFiles.push(file);
          } catch {
            // no README: nothing to embed (a test requires one for every rule)
          }
        }
        const contents = `const DOCS = ${JSON.stringify(docs)};\nexport function ruleDocs() { return DOCS; }\n`;
        return { contents, loader: 'js', watchFiles, watchDirs: [rulesDir] };
      });
    },
  };
}
