/**
 * Text output: one line per diagnostic, `path:line:column: severity code message` (1-based line and
 * column; the column counts UTF-16 code units, as editors do), then a summary line. Pure.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { severityName, type SeverityName } from '../../diagnosticCodes';
import type { Counts, FileResult, InputProblem } from '../types';

export interface Style {
  severity(name: SeverityName, text: string): string;
  path(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

export const PLAIN: Style = {
  severity: (_n, t) => t,
  path: (t) => t,
  dim: (t) => t,
  bold: (t) => t,
};

const ESC = '\u001b[';
const SEVERITY_COLOR: Record<SeverityName, string> = { error: '31', warning: '33', information: '36', hint: '2' };

export const ANSI: Style = {
  severity: (n, t) => `${ESC}${SEVERITY_COLOR[n]}m${t}${ESC}0m`,
  path: (t) => `${ESC}4m${t}${ESC}24m`,
  dim: (t) => `${ESC}2m${t}${ESC}22m`,
  bold: (t) => `${ESC}1m${t}${ESC}22m`,
};

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.severity ?? 1) - (b.severity ?? 1)
  );
}

/** A diagnostic message as plain text (LSP 3.18 allows MarkupContent). */
export function messageText(message: Diagnostic['message']): string {
  return typeof message === 'string' ? message : message.value;
}

/** A message on one line: newlines and runs of whitespace become one space. */
export function oneLine(message: Diagnostic['message']): string {
  return messageText(message).replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function formatDiagnosticLine(path: string, d: Diagnostic, style: Style = PLAIN): string {
  const sev = severityName(d.severity);
  const code = d.code === undefined ? '' : ` ${d.code}`;
  const where = `${path}:${d.range.start.line + 1}:${d.range.start.character + 1}:`;
  return `${style.path(where)} ${style.severity(sev, sev)}${style.dim(code)} ${oneLine(d.message)}`;
}

export function countSeverities(results: readonly FileResult[]): Counts {
  const counts: Counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of results) for (const d of r.diagnostics) counts[severityName(d.severity)]++;
  return counts;
}

function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

export function formatSummary(results: readonly FileResult[], style: Style = PLAIN): string {
  const c = countSeverities(results);
  const total = c.error + c.warning + c.information + c.hint;
  const checked = results.length;
  if (total === 0) return `No problems in ${plural(checked, 'file')}.`;
  const parts = [plural(c.error, 'error'), plural(c.warning, 'warning')];
  if (c.information) parts.push(`${c.information} information`);
  if (c.hint) parts.push(plural(c.hint, 'hint'));
  const withProblems = results.filter((r) => r.diagnostics.length > 0).length;
  const files = withProblems === checked ? plural(checked, 'file') : `${withProblems} of ${plural(checked, 'file')}`;
  const line = `${plural(total, 'problem')} (${parts.join(', ')}) in ${files}`;
  return c.error ? style.severity('error', line) : c.warning ? style.severity('warning', line) : line;
}

/** The whole text report (stdout). Input problems go to stderr separately. */
export function formatText(results: readonly FileResult[], style: Style = PLAIN): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const d of [...r.diagnostics].sort(compareDiagnostics)) lines.push(formatDiagnosticLine(r.path, d, style));
  }
  if (lines.length) lines.push('');
  lines.push(formatSummary(results, style));
  return lines.join('\n') + '\n';
}

export function formatInputProblem(p: InputProblem): string {
  return `syncml-check: ${p.path}: ${p.message}`;
}
