// Machine-readable output: the report as stable JSON.
import type { Report } from '../model.ts';

export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
