import type { CompletionItem, CompletionItemKind, CompletionList, MarkupContent, Position, Range } from 'vscode-languageserver-types';
import type { Catalog } from '../catalog/api';
import type { AlertTypeInfo, CodeEntry, FamilyId } from '../catalog/types';
import type { CodeSite } from '../context/sites';
import { N } from '../model/names';
import { familyTitle } from './assess';
import { firstSiteFrom, type DocumentAnalysis } from './analysis';

// LSP CompletionItemKind values (kept numeric so the service needs nothing at run time).
const KIND_VALUE: CompletionItemKind = 12;
const KIND_ENUM_MEMBER: CompletionItemKind = 20;
const KIND_KEYWORD: CompletionItemKind = 14;

const STATUS_COMMANDS = ['SyncHdr', 'Add', 'Alert', 'Atomic', 'Copy', 'Delete', 'Exec', 'Get', 'Replace', 'Sequence', 'Sync', 'Map', 'Put', 'Search', 'Move'];
/** DM 1.2 node formats (codes.md §4.5). */
const FORMATS = ['int', 'chr', 'bool', 'b64', 'bin', 'xml', 'node', 'null', 'date', 'time', 'float'];
/** Generic Alert Mark values, most important first (codes.md §5.4). */
const MARKS = ['fatal', 'critical', 'minor', 'warning', 'informational', 'harmless', 'indeterminate'];

function valueRange(a: DocumentAnalysis, el: number, offset: number): Range {
  const [s, e] = a.xml.valueRange(el);
  const start = offset >= s && offset <= e ? s : offset;
  const end = offset >= s && offset <= e ? e : offset;
  return { start: a.positionAt(start), end: a.positionAt(end) };
}

/** What completionItem/resolve needs to add the documentation later. */
type ItemData = { family: FamilyId; code: number } | { alertType: string };

function codeDocumentation(catalog: Catalog, e: CodeEntry, family: FamilyId): MarkupContent {
  return { kind: 'markdown', value: `${e.description}\n\n${familyTitle(catalog, family)} · *${e.source}*` };
}

function typeDocumentation(t: AlertTypeInfo): MarkupContent {
  return { kind: 'markdown', value: `${t.description}\n\n*${t.source}*` };
}

/**
 * Fill in the documentation that doComplete left out when asked to (`lazy`): a client asks for it
 * only for the item it shows, and a list without it is a fraction of the JSON to send.
 */
export function resolveCompletionItem(catalog: Catalog, item: CompletionItem): CompletionItem {
  const data = item.data as Partial<{ family: FamilyId; code: number; alertType: string }> | undefined;
  if (!data || item.documentation) return item;
  if (typeof data.family === 'string' && typeof data.code === 'number' && catalog.families().some((f) => f.id === data.family)) {
    const e = catalog.lookup(data.family, data.code);
    if (e) item.documentation = codeDocumentation(catalog, e, data.family);
  } else if (typeof data.alertType === 'string') {
    const t = catalog.alertType(data.alertType);
    if (t) item.documentation = typeDocumentation(t);
  }
  return item;
}

function codeItems(a: DocumentAnalysis, site: CodeSite, range: Range, lazy: boolean): CompletionItem[] {
  const { catalog } = a;
  const items: CompletionItem[] = [];
  const preferred = site.dm && site.allowed ? new Set(site.allowed) : undefined;
  const add = (e: CodeEntry, family: FamilyId, rank: number) => {
    if (e.to !== undefined || (e.kind !== 'defined' && !e.customFile)) return;
    const code = String(e.code);
    items.push({
      label: code,
      kind: KIND_ENUM_MEMBER,
      detail: e.name,
      labelDetails: { description: e.name },
      documentation: lazy ? undefined : codeDocumentation(catalog, e, family),
      data: { family, code: e.code } satisfies ItemData,
      sortText: `${rank}${code.padStart(6, '0')}`,
      filterText: code,
      textEdit: { range, newText: code },
    });
  };
  for (const e of catalog.entries(site.family)) {
    add(e, site.family, preferred ? (preferred.has(e.code) ? 0 : 2) : 0);
  }
  if (site.alsoAccepts) for (const e of catalog.entries(site.alsoAccepts)) add(e, site.alsoAccepts, 1);
  return items;
}

function words(list: readonly string[], range: Range, detail: string, kind = KIND_VALUE): CompletionItem[] {
  return list.map((w, k) => ({ label: w, kind, detail, sortText: String(k).padStart(3, '0'), textEdit: { range, newText: w } }));
}

export function doComplete(a: DocumentAnalysis, position: Position, lazy = false): CompletionList {
  const empty: CompletionList = { isIncomplete: false, items: [] };
  const { xml, catalog } = a;
  const offset = a.offsetAt(position);
  const el = xml.elementAt(offset);
  if (el < 0 || offset < xml.openEnd[el] || offset > xml.contentEnd(el)) return empty;
  const range = valueRange(a, el, offset);
  const sites = a.contexts.sites;
  const k = firstSiteFrom(sites, xml.openEnd[el]);
  const site = k < sites.length && sites[k].element === el ? sites[k] : undefined;
  if (site) return { isIncomplete: false, items: codeItems(a, site, range, lazy) };

  const parent = xml.parent[el];
  const parentName = parent >= 0 ? xml.name[parent] : -1;
  switch (xml.name[el]) {
    case N.Cmd:
      if (parentName === N.Status) return { isIncomplete: false, items: words(STATUS_COMMANDS, range, 'command answered', KIND_KEYWORD) };
      break;
    case N.Format:
      if (parentName === N.Meta || parentName === N.RTProperties) return { isIncomplete: false, items: words(FORMATS, range, 'Meta/Format') };
      break;
    case N.Mark:
      if (parentName === N.Meta) return { isIncomplete: false, items: words(MARKS, range, 'Generic Alert importance') };
      break;
    case N.Type:
      if (parentName === N.Meta) {
        const items = catalog.alertTypes().map((t, k): CompletionItem => ({
          label: t.type,
          kind: KIND_VALUE,
          detail: `${t.mo}${t.family ? ` · ${familyTitle(catalog, t.family)}s` : ''}`,
          documentation: lazy ? undefined : typeDocumentation(t),
          data: { alertType: t.type } satisfies ItemData,
          sortText: `${t.legacy ? 1 : 0}${String(k).padStart(3, '0')}`,
          textEdit: { range, newText: t.type },
        }));
        return { isIncomplete: false, items };
      }
      break;
  }
  return empty;
}
