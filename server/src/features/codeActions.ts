import type { CodeAction, CodeActionContext, Diagnostic } from 'vscode-languageserver-types';
import { assessSite, type Finding } from './assess';
import { siteAt, type DocumentAnalysis } from './analysis';
import { hygieneFindings } from './diagnostics';
import { diagnosticCodeInfo } from '../diagnosticCodes';

type Fix = { title: string; newText: string };

/**
 * A quick fix travels in diagnostic.data: `fix`, the preferred one, and for a code with more than
 * one repair (markup-in-data: escape, or CDATA) the others in `alternatives`.
 */
export interface FixData {
  fix: Fix;
  alternatives?: Fix[];
}

const isFix = (f: unknown): f is Fix =>
  typeof f === 'object' && f !== null && typeof (f as Fix).newText === 'string' && typeof (f as Fix).title === 'string';

/** The codes with fixes that hygieneFindings recomputes: the URI, Data and tree findings. */
const HYGIENE_FIXES = new Set(['malformed-uri', 'markup-in-data', 'unknown-node', 'format-mismatch']);

/** `hygiene` gives the URI and Data findings, computed at most once per request. */
function fixesFor(a: DocumentAnalysis, d: Diagnostic, hygiene: () => Finding[]): Fix[] {
  const data = d.data as Partial<FixData> | undefined;
  if (data && isFix(data.fix)) return [data.fix, ...(Array.isArray(data.alternatives) ? data.alternatives.filter(isFix) : [])];
  // A client that drops `data`: recompute from the site, or the URI, Data or tree finding, under the diagnostic.
  const offset = a.offsetAt(d.range.start);
  let finding: Finding | undefined;
  const site = siteAt(a.contexts.sites, offset);
  if (site) finding = assessSite(site, a.text, a.catalog);
  if ((!finding || finding.code !== d.code) && HYGIENE_FIXES.has(String(d.code))) {
    const end = a.offsetAt(d.range.end);
    finding = hygiene().find((f) => f.code === d.code && f.start === offset && f.end === end);
  }
  if (!finding || finding.code !== d.code || !finding.fix) return [];
  return [finding.fix, ...(finding.alternatives ?? [])];
}

/** Quick fixes for the diagnostics in the context; the range adds nothing, as each fix is for its diagnostic's range. */
export function getCodeActions(a: DocumentAnalysis, context: CodeActionContext): CodeAction[] {
  if (context.only && !context.only.some((k) => k === 'quickfix' || 'quickfix'.startsWith(`${k}.`) || k === '')) return [];
  const actions: CodeAction[] = [];
  let hygiene: Finding[] | undefined;
  const hygieneOnce = () => (hygiene ??= hygieneFindings(a));
  for (const d of context.diagnostics) {
    if (d.source !== 'syncml' || !diagnosticCodeInfo(d.code)?.quickFix) continue;
    fixesFor(a, d, hygieneOnce).forEach((fix, k) => {
      actions.push({
        title: fix.title,
        kind: 'quickfix',
        diagnostics: [d],
        isPreferred: k === 0,
        edit: { changes: { [a.document.uri]: [{ range: d.range, newText: fix.newText }] } },
      });
    });
  }
  return actions;
}
