import type { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { DiagnosticCode, ServiceSettings, SeveritySetting } from '../api';
import { assessSite, type Finding } from './assess';
import type { DocumentAnalysis } from './analysis';

export const DEFAULT_SEVERITY: Record<DiagnosticCode, SeveritySetting> = {
  'undefined-code': 'warning',
  'wrong-code-family': 'warning',
  'unexpected-status-for-command': 'information',
  'not-a-code': 'warning',
  'vendor-code': 'hint',
  'unknown-alert-type': 'information',
  'xml-syntax': 'error',
};

const LSP_SEVERITY: Record<Exclude<SeveritySetting, 'off'>, DiagnosticSeverity> = {
  error: 1,
  warning: 2,
  information: 3,
  hint: 4,
};

function findings(a: DocumentAnalysis): Finding[] {
  const text = a.text;
  const out: Finding[] = [];
  for (const e of a.xml.errors) out.push({ code: 'xml-syntax', start: e.start, end: e.end, message: e.message });
  for (const site of a.contexts.sites) {
    const f = assessSite(site, text, a.catalog);
    if (f) out.push(f);
  }
  for (const t of a.contexts.typeSites) {
    if (t.alert !== 1226 || t.info || t.family || t.end === t.start) continue;
    out.push({
      code: 'unknown-alert-type',
      start: t.start,
      end: t.end,
      message: `Generic Alert type '${t.type}' names no known management object, so its Data cannot be checked`,
    });
  }
  return out;
}

export function doValidation(a: DocumentAnalysis, settings: ServiceSettings): Diagnostic[] {
  if (!settings.diagnostics.enable || a.kind === 'other') return [];
  const list = findings(a).sort((x, y) => x.start - y.start || x.end - y.end);
  const shown: Finding[] = [];
  const severities: SeveritySetting[] = [];
  const offsets: number[] = [];
  for (const f of list) {
    const sev = settings.diagnostics.severity[f.code] ?? DEFAULT_SEVERITY[f.code];
    if (sev === 'off' || !(sev in LSP_SEVERITY)) continue;
    shown.push(f);
    severities.push(sev);
    offsets.push(f.start, f.end);
  }
  const positions = a.positionsAt(offsets);
  const diagnostics: Diagnostic[] = [];
  for (let k = 0; k < shown.length; k++) {
    const f = shown[k];
    const sev = severities[k];
    const d: Diagnostic = {
      range: { start: positions[2 * k], end: positions[2 * k + 1] },
      severity: LSP_SEVERITY[sev as keyof typeof LSP_SEVERITY],
      code: f.code,
      source: 'syncml',
      message: f.message,
    };
    if (f.fix) d.data = { fix: f.fix };
    diagnostics.push(d);
  }
  return diagnostics;
}

