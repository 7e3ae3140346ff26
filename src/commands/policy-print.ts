// `prguard policy print`: the resolved policy as text (or JSON), with where each value came from.
import type { DescribedPolicy, DescribedValue } from '../policy/describe.ts';

function show(value: unknown): string {
  return typeof value === 'string' && value !== '' ? value : JSON.stringify(value);
}

function valueLines(values: readonly DescribedValue[], indent: string): string[] {
  if (values.length === 0) return [];
  const width = Math.max(...values.map((v) => v.key.length)) + 2;
  const shown = values.map((v) => show(v.value));
  const valueWidth = Math.min(48, Math.max(...shown.map((s) => s.length))) + 2;
  return values.map((v, i) => {
    const text = shown[i]!;
    const pad = text.length < valueWidth ? ' '.repeat(valueWidth - text.length) : '  ';
    return `${indent}${v.key.padEnd(width)}${text}${pad}${v.from}`;
  });
}

export function formatDescribedText(d: DescribedPolicy): string {
  const lines: string[] = [];
  const what = d.file === null ? 'embedded default (extends: recommended)' : `${d.file}${d.extends ? ' (extends: recommended)' : ' (no extends: only the rules it lists run)'}`;
  lines.push(`policy: ${what}`);
  for (const note of d.notes) lines.push(`note: ${note}`);
  lines.push('');
  if (d.core.length > 0) {
    lines.push('core:');
    lines.push(...valueLines(d.core, '  '));
    const named = new Set(d.owners.map((o) => o.key));
    const fromCodeowners = d.core.filter((c) => !named.has(c.key)).map((c) => c.key);
    if (d.owners.length > 0) lines.push('  owners:', ...valueLines(d.owners, '    '));
    if (fromCodeowners.length > 0) lines.push(`  owners of ${fromCodeowners.join(', ')}: from CODEOWNERS at the base`);
    lines.push('');
  } else {
    lines.push('core: none (every file is a leaf)', '');
  }
  lines.push(
    d.waivers.by.length === 0
      ? 'waivers: nobody may waive a finding (no waivers.by)'
      : `waivers: ${d.waivers.by.join(', ')} may waive ${d.waivers.rules.length > 0 ? d.waivers.rules.join(', ') : 'no rule'}  ${d.waivers.from}`,
    '',
    `provenance: committed suggestions of AI review bots ${d.provenance.reviewSuggestions ? 'make' : 'do not make'} a change AI-assisted  ${d.provenance.from}`,
    `policy tests: ${d.tests.dir}  ${d.tests.from}`,
    '',
  );
  const idWidth = Math.max(...d.rules.map((r) => r.id.length)) + 2;
  const ran = d.rules.filter((r) => r.runs).length;
  lines.push(`rules: ${ran} of ${d.rules.length} run`);
  for (const rule of d.rules) {
    const state = rule.runs ? rule.severity : 'off';
    lines.push(`  ${rule.id.padEnd(idWidth)}${state.padEnd(9)}${rule.severityFrom}`);
    if (!rule.runs) continue;
    lines.push(...valueLines(rule.options, '      '));
    if (rule.ai.length > 0) {
      lines.push('      ai: (when the change is AI-assisted)');
      lines.push(...valueLines(rule.ai, '        '));
    }
  }
  if (d.overrides.length > 0) {
    lines.push('', `overrides: ${d.overrides.length}, applied in order over the rules above`);
    d.overrides.forEach((o, i) => {
      lines.push(`  [${i}] files: ${o.files.join(', ')}  ${o.from}`);
      for (const r of o.rules) {
        lines.push(`      ${r.id.padEnd(idWidth)}${(r.severity ?? '(severity as above)').padEnd(9)}`.trimEnd());
        lines.push(...valueLines(r.options, '          '));
        if (r.ai.length > 0) {
          lines.push('          ai: (when the change is AI-assisted)');
          lines.push(...valueLines(r.ai, '            '));
        }
      }
    });
  }
  return `${lines.join('\n')}\n`;
}

export function formatDescribedJson(d: DescribedPolicy): string {
  const { resolved: _resolved, ...rest } = d;
  return `${JSON.stringify(rest, null, 2)}\n`;
}
