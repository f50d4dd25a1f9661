import type { CodeAction, CodeActionContext, Diagnostic } from 'vscode-languageserver-types';
import { assessSite } from './assess';
import { siteAt, type DocumentAnalysis } from './analysis';
import { diagnosticCodeInfo } from '../diagnosticCodes';

/** A quick fix travels in diagnostic.data, for the codes the registry marks as having one. */
interface FixData {
  fix: { title: string; newText: string };
}

function fixFor(a: DocumentAnalysis, d: Diagnostic): FixData['fix'] | undefined {
  const data = d.data as Partial<FixData> | undefined;
  if (data?.fix && typeof data.fix.newText === 'string' && typeof data.fix.title === 'string') return data.fix;
  // A client that drops `data`: recompute from the site under the diagnostic.
  const offset = a.offsetAt(d.range.start);
  const site = siteAt(a.contexts.sites, offset);
  if (!site) return undefined;
  const finding = assessSite(site, a.text, a.catalog);
  return finding && finding.code === d.code ? finding.fix : undefined;
}

/** Quick fixes for the diagnostics in the context; the range adds nothing, as each fix is for its diagnostic's range. */
export function getCodeActions(a: DocumentAnalysis, context: CodeActionContext): CodeAction[] {
  if (context.only && !context.only.some((k) => k === 'quickfix' || 'quickfix'.startsWith(`${k}.`) || k === '')) return [];
  const actions: CodeAction[] = [];
  for (const d of context.diagnostics) {
    if (d.source !== 'syncml' || !diagnosticCodeInfo(d.code)?.quickFix) continue;
    const fix = fixFor(a, d);
    if (!fix) continue;
    actions.push({
      title: fix.title,
      kind: 'quickfix',
      diagnostics: [d],
      isPreferred: true,
      edit: { changes: { [a.document.uri]: [{ range: d.range, newText: fix.newText }] } },
    });
  }
  return actions;
}
