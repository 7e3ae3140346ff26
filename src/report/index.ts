// The formatter registry: every output format, by the name `--format` takes.
import type { Report } from '../model.ts';
import { formatJson } from './json.ts';
import { formatMarkdown } from './markdown.ts';
import { formatText } from './text.ts';

export interface FormatOptions {
  /** ANSI colour (text only; the CLI decides from the TTY and NO_COLOR). */
  color?: boolean;
}

export type Formatter = (report: Report, options: FormatOptions) => string;

export const formatters: Record<string, Formatter> = {
  text: (report, options) => formatText(report, options),
  json: (report) => formatJson(report),
  markdown: (report) => formatMarkdown(report),
};
