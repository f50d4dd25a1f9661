import type { CompletionItem, CompletionList, MarkupContent, Position, Range } from 'vscode-languageserver-types';
import type { CompletionOptions } from '../api';
import type { Catalog } from '../catalog/api';
import type { AlertTypeInfo, CodeEntry, FamilyId } from '../catalog/types';
import type { CodeSite } from '../context/sites';
import { N } from '../model/names';
import { isDefined } from './assess';
import { ANSWERED_COMMANDS } from './commands';
import { firstSiteFrom, type DocumentAnalysis } from './analysis';
import { item, KIND_ENUM_MEMBER, KIND_KEYWORD, KIND_VALUE, list } from './completionShape';
import { resolveTreeItem, treeCompletion } from './treeCompletion';
import type { DmTree } from '../catalog/ddf/dmTree';


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

/**
 * What completionItem/resolve needs to add the documentation later: the family, or that the item
 * is an alert type (a DM tree node says its path, see treeCompletion.ts). The code or type itself is
 * the item's label.
 */
type ItemData = { family: FamilyId } | { alertType: true };

function codeDocumentation(catalog: Catalog, e: CodeEntry, family: FamilyId): MarkupContent {
  return { kind: 'markdown', value: `${e.description}\n\n${catalog.family(family).title} · *${e.source}*` };
}

function typeDocumentation(t: AlertTypeInfo): MarkupContent {
  return { kind: 'markdown', value: `${t.description}\n\n*${t.source}*` };
}

function typeDetail(catalog: Catalog, t: AlertTypeInfo): string {
  return `${t.mo}${t.family ? ` · ${catalog.family(t.family).title}s` : ''}`;
}

/**
 * Fill in what a lazy list left out: a client asks for it only for the item it shows. The item's
 * data (from the item or, applied by the client, from the list's itemDefaults) says where to look.
 */
export function resolveCompletionItem(catalog: Catalog, item: CompletionItem, tree?: () => DmTree): CompletionItem {
  const data = item.data as Partial<{ family: unknown; alertType: unknown; treeNode: unknown }> | undefined;
  if (!data || typeof data !== 'object' || typeof item.label !== 'string') return item;
  if (typeof data.treeNode === 'string') {
    if (tree) resolveTreeItem(tree(), item, { treeNode: data.treeNode });
  } else if (typeof data.family === 'string' && /^\d{1,10}$/.test(item.label)) {
    const family = catalog.families().find((f) => f.id === data.family)?.id;
    const e = family ? catalog.lookup(family, Number(item.label)) : undefined;
    if (family && e) {
      item.documentation ??= codeDocumentation(catalog, e, family);
      item.detail ??= e.name;
    }
  } else if (data.alertType === true) {
    const t = catalog.alertType(item.label);
    if (t) {
      item.documentation ??= typeDocumentation(t);
      item.detail ??= typeDetail(catalog, t);
    }
  }
  return item;
}

function codeItems(a: DocumentAnalysis, site: CodeSite, range: Range, opts: CompletionOptions): CompletionList {
  const { catalog } = a;
  const items: CompletionItem[] = [];
  const preferred = site.dm && site.allowed ? new Set(site.allowed) : undefined;
  const add = (e: CodeEntry, family: FamilyId, rank: number) => {
    if (e.to !== undefined || !isDefined(e)) return;
    const code = String(e.code);
    const it = item(code, KIND_ENUM_MEMBER, e.name, `${rank}${code.padStart(6, '0')}`, range, opts);
    if (!opts.lazy) it.documentation = codeDocumentation(catalog, e, family);
    if (!opts.defaultData || family !== site.family) it.data = { family } satisfies ItemData;
    items.push(it);
  };
  for (const e of catalog.entries(site.family)) {
    add(e, site.family, preferred ? (preferred.has(e.code) ? 0 : 2) : 0);
  }
  if (site.alsoAccepts) for (const e of catalog.entries(site.alsoAccepts)) add(e, site.alsoAccepts, 1);
  return list(items, range, { family: site.family }, opts);
}

function words(values: readonly string[], range: Range, detail: string, opts: CompletionOptions, kind = KIND_VALUE): CompletionList {
  // A handful of items with nothing to resolve: the detail stays on each, beside the label details.
  const items = values.map((w, k) => {
    const it = item(w, kind, detail, String(k).padStart(3, '0'), range, opts);
    it.detail = detail;
    return it;
  });
  return list(items, range, undefined, opts);
}

function alertTypeItems(catalog: Catalog, range: Range, opts: CompletionOptions): CompletionList {
  const items = catalog.alertTypes().map((t, k): CompletionItem => {
    const it = item(t.type, KIND_VALUE, typeDetail(catalog, t), `${t.legacy ? 1 : 0}${String(k).padStart(3, '0')}`, range, opts);
    if (!opts.lazy) it.documentation = typeDocumentation(t);
    if (!opts.defaultData) it.data = { alertType: true } satisfies ItemData;
    return it;
  });
  return list(items, range, { alertType: true }, opts);
}

export function doComplete(a: DocumentAnalysis, position: Position, opts: CompletionOptions = {}): CompletionList {
  const empty: CompletionList = { isIncomplete: false, items: [] };
  const { xml, catalog } = a;
  const offset = a.offsetAt(position);
  const el = xml.elementAt(offset);
  if (el < 0 || offset < xml.openEnd[el] || offset > xml.contentEnd(el)) return empty;
  const range = valueRange(a, el, offset);
  const sites = a.contexts.sites;
  const k = firstSiteFrom(sites, xml.openEnd[el]);
  const site = k < sites.length && sites[k].element === el ? sites[k] : undefined;
  if (site) return codeItems(a, site, range, opts);

  const tree = treeCompletion(a, el, offset, range, opts, FORMATS);
  if (tree) return tree;

  const parent = xml.parent[el];
  const parentName = parent >= 0 ? xml.name[parent] : -1;
  switch (xml.name[el]) {
    case N.Cmd:
      if (parentName === N.Status) return words(ANSWERED_COMMANDS, range, 'command answered', opts, KIND_KEYWORD);
      break;
    case N.Format:
      if (parentName === N.Meta || parentName === N.RTProperties) return words(FORMATS, range, 'Meta/Format', opts);
      break;
    case N.Mark:
      if (parentName === N.Meta) return words(MARKS, range, 'Generic Alert importance', opts);
      break;
    case N.Type:
      if (parentName === N.Meta) return alertTypeItems(catalog, range, opts);
      break;
  }
  return empty;
}
