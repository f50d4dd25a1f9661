import type { InlayHint, Range } from 'vscode-languageserver-types';
import type { ServiceSettings } from '../api';
import { decodeSite } from './assess';
import { firstSiteFrom, type DocumentAnalysis } from './analysis';
import { work } from '../workCounter';
import { treeInlayHints } from './treeInlayHints';

/** The decoded name after each code in the range, and the label after each tree value, as a reader of a captured session wants them. */
export function getInlayHints(a: DocumentAnalysis, range: Range, settings: ServiceSettings): InlayHint[] {
  // Above the large-file threshold a client asking for the whole document would get one hint per code.
  if (!settings.inlayHints.enable || a.text.length > settings.largeFileThreshold) return [];
  const { catalog } = a;
  const text = a.text;
  const from = a.offsetAt(range.start);
  const to = a.offsetAt(range.end);
  const sites = a.contexts.sites;
  const hints: InlayHint[] = [];
  for (let k = firstSiteFrom(sites, from); k < sites.length && sites[k].start <= to; k++, work.steps++) {
    const site = sites[k];
    if (site.end === site.start) continue;
    const { entry, hresult, windowsError } = decodeSite(site, text, catalog);
    if (entry) {
      const carried = hresult?.status ?? windowsError?.carries?.code;
      hints.push({
        position: a.positionAt(site.end),
        label: carried !== undefined ? `${carried} ${entry.name}` : entry.name,
        paddingLeft: true,
        tooltip: `${catalog.family(entry.family).title}${entry.kind === 'defined' ? '' : ` (${entry.kind})`} — ${site.reason}`,
      });
    } else if (windowsError) {
      hints.push({ position: a.positionAt(site.end), label: windowsError.name, paddingLeft: true, tooltip: `${windowsError.table} — ${site.reason}` });
    }
  }
  const tree = treeInlayHints(a, from, to);
  if (tree.length === 0) return hints;
  // One list in document order: the codes' hints and the values' hints interleave.
  return [...hints, ...tree].sort((x, y) => x.position.line - y.position.line || x.position.character - y.position.character);
}
