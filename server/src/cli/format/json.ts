/**
 * JSON output: an array with one object per checked file, `{ "path", "diagnostics" }`, each
 * diagnostic in the LSP Diagnostic shape (0-based range, numeric severity, code, source, message).
 * Pure. Inputs that could not be read are not in the array: they are reported on stderr (exit 2).
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { FileResult } from '../types';
import { compareDiagnostics } from './text';

interface JsonFileReport {
  path: string;
  diagnostics: Diagnostic[];
}

function toJsonReport(results: readonly FileResult[]): JsonFileReport[] {
  return results.map((r) => ({ path: r.path, diagnostics: [...r.diagnostics].sort(compareDiagnostics) }));
}

export function formatJson(results: readonly FileResult[]): string {
  return JSON.stringify(toJsonReport(results), null, 2) + '\n';
}
