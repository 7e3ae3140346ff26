import { describe, expect, test } from 'vitest';
import type { Finding } from '../../src/model.ts';
import { failsUnder } from '../../src/report/findings.ts';
import { makeReport } from '../helpers/report.ts';
import {
  checkConclusion,
  commentBody,
  commentMarker,
  jobSummary,
  LIMITS,
  planCheckRun,
  planFallbackAnnotations,
} from '../../src/github/payloads.ts';

const report = makeReport;

const located = (n: number, severity: Finding['severity'], message = 'm'): Finding[] =>
  Array.from({ length: n }, (_, i) => ({ ruleId: 'r', severity, message, path: `f${i}.ts`, line: i + 1 }));

describe('step result and check conclusion per fail-on', () => {
  const cases: [Finding['severity'][], 'error' | 'warning' | 'never', boolean, string][] = [
    [[], 'error', false, 'success'],
    [['warning'], 'error', false, 'success'],
    [['warning'], 'warning', true, 'failure'],
    [['error'], 'error', true, 'failure'],
    [['error'], 'never', false, 'neutral'],
    [['notice'], 'warning', false, 'success'],
  ];
  test.each(cases)('%j with fail-on %s', (sevs, failOn, fails, conclusion) => {
    const r = report(sevs.map((severity) => ({ ruleId: 'r', severity, message: 'm' })));
    expect(failsUnder(r, failOn)).toBe(fails);
    expect(checkConclusion(r, failOn)).toBe(conclusion);
  });
});

describe('planCheckRun', () => {
  test('120 annotations go out as 50 + 50 + 20, worst first, with mapped levels', () => {
    const r = report([...located(100, 'warning'), ...located(10, 'error'), ...located(10, 'notice')]);
    const plan = planCheckRun(r, { failOn: 'error' });
    expect([plan.first, ...plan.updates].map((o) => o.annotations.length)).toEqual([50, 50, 20]);
    expect(plan.first.annotations[0]!.annotation_level).toBe('failure');
    expect(plan.updates[1]!.annotations.at(-1)!.annotation_level).toBe('notice');
    expect(plan.conclusion).toBe('failure');
    expect(plan.first.title).toBe('Failed: 10 errors, 100 warnings, 10 notices');
  });

  test('a finding without a line annotates line 1 of its file; one without a path is not annotated', () => {
    const plan = planCheckRun(report([{ ruleId: 'p', severity: 'error', message: 'x', path: 'a.yml' }, { ruleId: 's', severity: 'error', message: 'y' }]), { failOn: 'error' });
    expect(plan.first.annotations).toEqual([
      { path: 'a.yml', start_line: 1, end_line: 1, annotation_level: 'failure', message: 'x', title: 'prguard p (whole file)' },
    ]);
  });

  test('non-ASCII findings: summary, titles and messages fit GitHub\'s limits in BYTES, cut on a character boundary', () => {
    // 3-byte and 4-byte characters: 300 findings of ~600 characters are far over 65,535 bytes.
    const r = report(located(300, 'error', 'ключ 🔑 секрет '.repeat(40)));
    r.findings.push({ ruleId: 'big', severity: 'error', message: '🔑'.repeat(20_000), path: 'x.ts', line: 1 });
    const plan = planCheckRun(r, { failOn: 'error' });
    expect(Buffer.byteLength(plan.first.summary)).toBeLessThanOrEqual(LIMITS.checkSummaryBytes);
    expect(Buffer.byteLength(plan.first.title)).toBeLessThanOrEqual(LIMITS.checkTitleBytes);
    const big = [plan.first, ...plan.updates].flatMap((o) => o.annotations).find((a) => a.title === 'prguard big')!;
    expect(Buffer.byteLength(big.message)).toBeLessThanOrEqual(LIMITS.annotationMessageBytes);
    expect(big.message).toMatch(/🔑 … \(cut: GitHub allows 65,535 bytes per annotation\)$/);
    expect(big.message).not.toContain('\uFFFD');
    expect(plan.first.summary).not.toContain('\uFFFD');
  });

  test('the summary fits 65,535 bytes and the annotation cap is stated', () => {
    const r = report(located(3000, 'warning', 'w'.repeat(200)));
    const plan = planCheckRun(r, { failOn: 'error', maxAnnotations: 500 });
    expect(Buffer.byteLength(plan.first.summary)).toBeLessThanOrEqual(LIMITS.checkSummaryBytes);
    expect(plan.first.summary).toMatch(/\d+ more findings not shown here/);
    expect(plan.first.summary).toContain('2500 findings are not shown as line annotations (limit 500)');
    expect(plan.updates).toHaveLength(9);
    expect(plan.annotationsLeftOut).toBe(2500);
  });
});

describe('planFallbackAnnotations', () => {
  test('at most 10 per kind, worst first', () => {
    const plan = planFallbackAnnotations(report([...located(3, 'notice'), ...located(12, 'warning'), ...located(15, 'error')]));
    const levels = plan.annotations.map((a) => a.level);
    expect(levels.filter((l) => l === 'error')).toHaveLength(10);
    expect(levels.filter((l) => l === 'warning')).toHaveLength(10);
    expect(levels.filter((l) => l === 'notice')).toHaveLength(3);
    expect(levels.indexOf('warning')).toBeGreaterThan(levels.lastIndexOf('error'));
    expect(plan.notShown).toBe(7);
  });

  test("notice slots are kept for prguard's own notices", () => {
    const one = planFallbackAnnotations(report([...located(11, 'error'), ...located(10, 'notice')]));
    expect(one.annotations.filter((a) => a.level === 'notice')).toHaveLength(9);
    expect(one.notShown).toBe(2);
    const two = planFallbackAnnotations(report(located(10, 'notice')), { own: { notices: 2 } });
    expect(two.annotations).toHaveLength(8);
    expect(two.notShown).toBe(2);
  });

  test("error and warning slots are kept for the step's own: the failed verdict, why there is no check run", () => {
    const plan = planFallbackAnnotations(report([...located(12, 'error'), ...located(12, 'warning')]), { own: { errors: 1, warnings: 2 } });
    expect(plan.annotations.filter((a) => a.level === 'error')).toHaveLength(9);
    expect(plan.annotations.filter((a) => a.level === 'warning')).toHaveLength(8);
    expect(plan.notShown).toBe(7);
  });

  test('nothing left out, no count', () => {
    expect(planFallbackAnnotations(report(located(2, 'error'))).notShown).toBe(0);
  });
});

describe('comment and job summary', () => {
  test('the comment starts with the hidden marker and fits GitHub\'s limit', () => {
    const body = commentBody(report(located(2000, 'error', 'e'.repeat(100))), 'prguard');
    expect(body.startsWith(`${commentMarker('prguard')}\n## prguard`)).toBe(true);
    expect(body.length).toBeLessThanOrEqual(LIMITS.commentChars);
  });

  test('a check name cannot close the marker early', () => {
    expect(commentMarker('x --> y')).toBe('<!-- prguard:sticky x - y -->');
  });

  test('the job summary stays under 1 MiB', () => {
    const md = jobSummary(report(located(20000, 'warning', 'ß'.repeat(80))), 'prguard');
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(LIMITS.jobSummaryBytes);
    expect(md).toContain('more findings not shown here');
  });
});
