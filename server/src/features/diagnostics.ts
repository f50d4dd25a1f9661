import type { Diagnostic } from 'vscode-languageserver-types';
import type { ServiceSettings } from '../api';
import { DIAGNOSTIC_CODES, lspSeverity, type DiagnosticCode, type LspSeverity, type SeverityName } from '../diagnosticCodes';
import { assessSite, type Finding } from './assess';
import type { DocumentAnalysis } from './analysis';
import { checkDataMarkup } from './dataMarkup';
import { checkTree } from './treeChecks';
import { checkLocUris } from './uriChecks';

const DEFAULT_SEVERITY = Object.fromEntries(DIAGNOSTIC_CODES.map((c) => [c.id, c.defaultSeverity])) as Record<DiagnosticCode, SeverityName>;

function findings(a: DocumentAnalysis): Finding[] {
  const text = a.text;
  const out: Finding[] = [];
  for (const e of a.xml.errors) out.push({ code: 'xml-syntax', start: e.start, end: e.end, message: e.message });
  // An index loop: in a document's first analysis, before this is optimised, for-of allocates per site.
  const sites = a.contexts.sites;
  for (let k = 0; k < sites.length; k++) {
    const f = assessSite(sites[k], text, a.catalog);
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
  for (const f of hygieneFindings(a)) out.push(f);
  return out;
}

/**
 * The findings on how the message is written rather than on its codes: URIs and Data payloads, and
 * what they address in the DM tree.
 */
export function hygieneFindings(a: DocumentAnalysis): Finding[] {
  const out = checkLocUris(a);
  for (const f of checkDataMarkup(a)) out.push(f);
  for (const f of checkTree(a)) out.push(f);
  return out;
}

export function doValidation(a: DocumentAnalysis, settings: ServiceSettings): Diagnostic[] {
  if (!settings.diagnostics.enable || a.kind === 'other') return [];
  const list = findings(a).sort((x, y) => x.start - y.start || x.end - y.end);
  const shown: Finding[] = [];
  const severities: LspSeverity[] = [];
  const offsets: number[] = [];
  for (const f of list) {
    // 'off', or a value that is no severity (settings not read through parseSettings), drops it.
    const sev = lspSeverity(settings.diagnostics.severity[f.code] ?? DEFAULT_SEVERITY[f.code]);
    if (sev === undefined) continue;
    shown.push(f);
    severities.push(sev);
    offsets.push(f.start, f.end);
  }
  const positions = a.positionsAt(offsets);
  const diagnostics: Diagnostic[] = [];
  for (let k = 0; k < shown.length; k++) {
    const f = shown[k];
    const range = { start: positions[2 * k], end: positions[2 * k + 1] };
    // Each shape written whole (model/shapes.ts): a field added later makes a shape a full GC can drop.
    diagnostics.push(
      f.fix
        ? {
            range,
            severity: severities[k],
            code: f.code,
            source: 'syncml',
            message: f.message,
            data: f.alternatives ? { fix: f.fix, alternatives: f.alternatives } : { fix: f.fix },
          }
        : { range, severity: severities[k], code: f.code, source: 'syncml', message: f.message },
    );
  }
  return diagnostics;
}

