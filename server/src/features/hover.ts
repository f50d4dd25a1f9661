import type { Hover, Position } from 'vscode-languageserver-types';
import type { Catalog } from '../catalog/api';
import { codeText } from '../catalog/codeText';
import { hresultValue } from '../catalog/hresult';
import type { CodeEntry, WindowsError } from '../catalog/types';
import type { CodeSite, TypeSite } from '../context/sites';
import { decodeSite, meaningsElsewhere, removedNote } from './assess';
import { siteAt, typeSiteAt, type DocumentAnalysis } from './analysis';
import { treeHover } from './treeHover';

const CLASS_LABEL: Record<string, string> = {
  informational: 'informational',
  success: 'success',
  redirection: 'redirection',
  'originator-error': 'originator (sender) error',
  'recipient-error': 'recipient error',
  alert: 'alert',
  state: 'state value',
};

function entryMarkdown(catalog: Catalog, e: CodeEntry): string[] {
  const kind = e.kind === 'defined' ? '' : ` · ${e.kind}`;
  const profile = e.profile ? ` · ${e.profile}` : '';
  return [
    `**${codeText(e)} — ${e.name}**`,
    '',
    `${catalog.family(e.family).title} · ${CLASS_LABEL[e.cls] ?? e.cls}${profile}${kind}`,
    '',
    e.description,
  ];
}

/** What a Windows error value is: its spellings, its name and message (or the code it carries), whose table lists it. */
function windowsErrorMarkdown(catalog: Catalog, raw: string, e: WindowsError): string[] {
  const head = e.carries
    ? `Windows HRESULT ${e.hex} (${e.signed}) carrying ${catalog.family(e.carries.family).title} **${e.carries.code}**`
    : `Windows error ${e.hex} (${e.signed}): ${e.summary}`;
  const lines = [`**${raw}** — ${head}`, '', e.table];
  if (e.erratum) lines.push('', `*Erratum:* ${e.erratum}`);
  return lines;
}

function siteHover(a: DocumentAnalysis, site: CodeSite): string | undefined {
  const { catalog } = a;
  const text = a.text;
  const raw = text.slice(site.start, site.end);
  const { n, entry, hresult, windowsError } = decodeSite(site, text, catalog);
  const lines: string[] = [];
  if (hresult) {
    lines.push(`**${raw}** — Windows HRESULT ${hresult.hex} (${hresult.signed}) carrying SyncML status **${hresult.status}**`, '');
  } else if (windowsError) {
    lines.push(...windowsErrorMarkdown(catalog, raw, windowsError));
    if (entry) lines.push('');
  }
  if (entry) lines.push(...entryMarkdown(catalog, entry));
  else if (n !== undefined && !hresult && !windowsError) {
    const removed = removedNote(catalog, site.family, n);
    lines.push(`**${n}** — not defined as a ${catalog.family(site.family).title}` + (removed ? `: ${removed}` : ''));
  }
  else if (!hresult && !windowsError) {
    // An HRESULT spelling that no table lists: say so rather than guess at what is inside.
    if (hresultValue(raw) === undefined) return undefined;
    lines.push(`**${raw}** — not a known Windows MDM value: no table of the catalog lists it`);
  }
  lines.push('', `*Here:* ${site.reason}`);
  if (n !== undefined) {
    const elsewhere = meaningsElsewhere(catalog, hresult ? hresult.status : n, site, entry ? [entry.family] : []);
    if (elsewhere.length) {
      lines.push(
        '',
        `*Elsewhere:* ` + elsewhere.map((e) => `${catalog.family(e.family).title} ${e.code} “${e.name}”`).join('; '),
      );
    }
  }
  const source = windowsError?.source ?? entry?.source;
  if (source) lines.push('', `*Source:* ${source}`);
  return lines.join('\n');
}

function typeHover(a: DocumentAnalysis, site: TypeSite): string {
  const { catalog } = a;
  if (!site.info) {
    return [
      `**${site.type}**`,
      '',
      site.family
        ? `Not a registered alert type; the item's data is decoded from its Source URI as ${catalog.family(site.family).title}s.`
        : 'Not a known alert type: the management object it reports on is unknown, so its Data cannot be checked.',
    ].join('\n');
  }
  const info = site.info;
  return [
    `**${info.type}**${info.legacy ? ' (legacy spelling)' : ''}`,
    '',
    `${info.alert === 1226 ? 'Generic Alert' : 'Client Event'} type · ${info.mo}`,
    '',
    info.description,
    '',
    info.family ? `Item/Data carries ${catalog.family(info.family).title}s.` : 'Item/Data is not a result code.',
    '',
    `*Source:* ${info.source}`,
  ].join('\n');
}

export function doHover(a: DocumentAnalysis, position: Position): Hover | null {
  const offset = a.offsetAt(position);
  const site = siteAt(a.contexts.sites, offset);
  if (site && site.end > site.start) {
    const value = siteHover(a, site);
    if (value) {
      return {
        contents: { kind: 'markdown', value },
        range: { start: a.positionAt(site.start), end: a.positionAt(site.end) },
      };
    }
  }
  const type = typeSiteAt(a.contexts.typeSites, offset);
  if (type) {
    return {
      contents: { kind: 'markdown', value: typeHover(a, type) },
      range: { start: a.positionAt(type.start), end: a.positionAt(type.end) },
    };
  }
  return treeHover(a, offset);
}
