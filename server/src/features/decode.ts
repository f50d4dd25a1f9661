/**
 * Decoding a whole document: every code site with what it means there, where it stands and what is
 * wrong with it, as data. The CLI's `decode` formats it; a session view can build on it.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { DecodedSite, ServiceSettings } from '../api';
import { assessSite, decodeSite } from './assess';
import type { DocumentAnalysis } from './analysis';
import { doValidation } from './diagnostics';
import { describePlace, enclosingCommand, localName } from './place';

export function decode(a: DocumentAnalysis, settings: ServiceSettings): DecodedSite[] {
  const { catalog, text, xml } = a;
  // The service's own diagnostics, so that a finding has the severity (or absence) the settings give it.
  const shown = new Map<string, Diagnostic>();
  for (const d of doValidation(a, settings)) shown.set(`${a.offsetAt(d.range.start)}:${String(d.code)}`, d);

  return a.contexts.sites.map((site) => {
    const { n, entry, hresult, windowsError } = decodeSite(site, text, catalog);
    const found = assessSite(site, text, catalog);
    const finding = found && shown.get(`${found.start}:${found.code}`);
    const cmd = enclosingCommand(xml, site);
    const decoded: DecodedSite = {
      range: { start: a.positionAt(site.start), end: a.positionAt(site.end) },
      text: text.slice(site.start, site.end),
      number: n,
      kind: site.kind,
      family: site.family,
      familyTitle: catalog.family(site.family).title,
      place: describePlace(xml, site),
      reason: site.reason,
    };
    if (entry) decoded.entry = entry;
    if (hresult) decoded.hresult = hresult;
    if (windowsError) decoded.windowsError = windowsError;
    if (cmd >= 0) decoded.command = { name: localName(xml, cmd), range: { start: a.positionAt(xml.start[cmd]), end: a.positionAt(xml.end[cmd]) } };
    if (finding) decoded.finding = finding;
    return decoded;
  });
}
