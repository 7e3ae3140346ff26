// The layers hold (see README "Architecture"): read every import of src/ and rules/ and check who
// may import whom, and that there is no import cycle, type-only imports included.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const IMPORT = /^\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
/** `import('…')`: a module loaded on demand is imported all the same, and the layers hold for it. */
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...sources(path));
    else if (path.endsWith('.ts')) out.push(path);
  }
  return out;
}

/** Each file's imports: repository-relative paths for relative imports, the bare name otherwise. */
const graph = new Map<string, string[]>();
for (const file of [...sources('src'), ...sources('rules')]) {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const deps = [...text.matchAll(IMPORT), ...text.matchAll(DYNAMIC_IMPORT)].map((m) => {
    const spec = m[1]!;
    return spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), spec)) : spec;
  });
  graph.set(file, deps);
}

const inLayer = (file: string, layers: string[]) => layers.some((l) => file === l || file.startsWith(`${l}/`));

describe('the layers', () => {
  test('the engine, policy, provenance, report and rules import no registry, no @actions, octokit or simple-git', () => {
    const pure = ['src/engine.ts', 'src/evaluate.ts', 'src/policy', 'src/provenance', 'src/report', 'src/rule-kit', 'rules'];
    const banned = (dep: string) =>
      dep === 'rules/index.ts' || dep.startsWith('@actions/') || dep.startsWith('@octokit/') || dep === 'simple-git';
    const offences = [...graph].flatMap(([file, deps]) =>
      inLayer(file, pure) && file !== 'rules/index.ts' ? deps.filter(banned).map((d) => `${file} -> ${d}`) : [],
    );
    expect(offences).toEqual([]);
  });

  test('rules import only the model, the rule contract, the rule kit, the glob helper and their own folder', () => {
    const offences: string[] = [];
    for (const [file, deps] of graph) {
      if (!file.startsWith('rules/') || file === 'rules/index.ts') continue;
      const own = file.split('/').slice(0, 2).join('/');
      for (const dep of deps) {
        const ok =
          dep.startsWith(`${own}/`) ||
          ['src/model.ts', 'src/rule.ts', 'src/glob.ts'].includes(dep) ||
          dep.startsWith('src/rule-kit/') ||
          dep === 'node:crypto' || // hashing for fingerprints: pure
          dep === 'node:zlib'; // the prebuilt keyword tables are stored compressed: pure
        if (!ok) offences.push(`${file} -> ${dep}`);
      }
    }
    expect(offences).toEqual([]);
  });

  test('nothing below the entries reads the rule registry: only src/cli.ts and src/action.ts do', () => {
    const readers = [...graph].filter(([, deps]) => deps.includes('rules/index.ts')).map(([file]) => file);
    expect(readers.sort()).toEqual(['src/action.ts', 'src/cli.ts']);
  });

  test('there is no import cycle, type-only imports included', () => {
    // Tarjan's strongly connected components over the relative imports.
    let next = 0;
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    const visit = (v: string): void => {
      index.set(v, next);
      low.set(v, next++);
      stack.push(v);
      onStack.add(v);
      for (const w of graph.get(v) ?? []) {
        if (!graph.has(w)) continue;
        if (!index.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
      if (low.get(v) === index.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== v);
        if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
      }
    };
    for (const v of graph.keys()) if (!index.has(v)) visit(v);
    expect(cycles).toEqual([]);
  });

  test('no source file is much over 300 lines', () => {
    const long = [...graph.keys()]
      .map((file) => [file, readFileSync(join(ROOT, file), 'utf8').split('\n').length] as const)
      .filter(([, n]) => n > 330)
      .map(([file, n]) => `${file}: ${n}`);
    expect(long).toEqual([]);
  });
});
