// action.yml is the Action's contract: it runs the committed bundle on node24, and the README's
// workflows and tables name exactly its inputs and outputs.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { ROOT } from './scenario.ts';

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string };
};
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## GitHub Action'), readme.indexOf('\n## ', readme.indexOf('## GitHub Action') + 1));

/** The first-column names of the markdown table that starts with `| <header> |`. */
function tableNames(header: string): string[] {
  const start = section.indexOf(`| ${header} |`);
  const rows = section.slice(start).split('\n').slice(2);
  const names: string[] = [];
  for (const row of rows) {
    if (!row.startsWith('|')) break;
    names.push(...[...row.split('|')[1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
  }
  return names;
}

describe('action.yml', () => {
  test('runs the committed bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/action.js' });
    expect(existsSync(join(ROOT, action.runs.main))).toBe(true);
  });

  test('the README tables list exactly its inputs and outputs', () => {
    expect(tableNames('input').sort()).toEqual(Object.keys(action.inputs).sort());
    expect(tableNames('output').sort()).toEqual(Object.keys(action.outputs).sort());
  });

  test("the README's workflows are valid YAML, use only known inputs, and never check out a PR with a write token", () => {
    const blocks = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const block of blocks) {
      const docs = parseAllDocuments(block);
      expect(docs.flatMap((d) => d.errors)).toEqual([]);
      type Job = { permissions?: Record<string, string>; steps: { uses?: string; with?: Record<string, unknown> }[] };
      const workflow = docs[0]!.toJS() as { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, Job> };
      const jobs = Object.values(workflow.jobs);
      const steps = jobs.flatMap((j) => j.steps);
      const ours = steps.filter((s) => s.uses?.startsWith('prguard/prguard@'));
      // A relay recorder runs no prguard and may write nothing.
      if (ours.length === 0) {
        for (const job of jobs) expect(Object.values({ ...workflow.permissions, ...job.permissions })).not.toContain('write');
        continue;
      }
      expect(ours).toHaveLength(1);
      // Least permissions: the job running prguard has what it needs (at the top or per job).
      const job = jobs.find((j) => j.steps.some((s) => s.uses?.startsWith('prguard/prguard@')))!;
      expect({ ...workflow.permissions, ...job.permissions }).toMatchObject({ contents: 'read', checks: 'write' });
      for (const key of Object.keys(ours[0]!.with ?? {})) expect(Object.keys(action.inputs)).toContain(key);
      // With a write token, the PR's code is never checked out.
      if ('pull_request_target' in workflow.on || 'workflow_run' in workflow.on) {
        expect(steps.filter((s) => s.uses?.startsWith('actions/checkout'))).toEqual([]);
      }
    }
  });
});
