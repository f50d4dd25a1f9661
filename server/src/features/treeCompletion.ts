/**
 * Completion on the DM tree, for what an author sends (Add, Replace, Get, Delete, Exec, Copy):
 * in a Target LocURI the children of the node typed so far (a dynamic node as its `{Title}`
 * placeholder) or the trees to start from; in an item's Data the node's values with their labels,
 * true/false, or the ADMX payload; in Meta/Format the node's DFFormat first. Local work only: the
 * element at the cursor, the node of the URI before it, binary searches over the tree items.
 */
import type { CompletionItem, CompletionList, MarkupContent, Range } from 'vscode-languageserver-types';
import type { CompletionOptions } from '../api';
import type { DmTree, TreeNode } from '../catalog/ddf/dmTree';
import { N } from '../model/names';
import { ElementFlag, isSpace } from '../model/xmlDocument';
import type { DocumentAnalysis } from './analysis';
import { item, KIND_ENUM_MEMBER, KIND_FOLDER, KIND_PROPERTY, KIND_VALUE, list } from './completionShape';
import { dynamicNameMeaning } from './nodeFacts';
import { nodeMarkdown } from './treeHover';
import { addressesProperty, treeItemOf, treeItemsOfCommand } from './treePlaces';
import { listDelimiter } from './valueLabels';

/** What completionItem/resolve needs for a node's documentation: its path in the tree. */
export interface TreeItemData {
  treeNode: string;
}

/** The commands whose Target an author writes. */
const AUTHORED = new Set<number>([N.Add, N.Replace, N.Get, N.Delete, N.Exec, N.Copy]);

/** Where an author starts a Windows URI: the device tree, the user tree, the device tree's short form. */
const STARTS: readonly { uri: string; detail: string }[] = [
  { uri: './Device/Vendor/MSFT/', detail: 'the device tree' },
  { uri: './User/Vendor/MSFT/', detail: 'the user tree' },
  { uri: './Vendor/MSFT/', detail: 'the device tree' },
];

function nodeDetail(n: TreeNode): string {
  if (n.implied) return 'path step';
  const f = n.facts;
  return [f.format, f.access.join(', ')].filter((s) => s).join(' · ');
}

function documentation(n: TreeNode): MarkupContent {
  return { kind: 'markdown', value: nodeMarkdown(n) };
}

/** The node at a tree path as TreeNode.path spells it (`{Title}` for a dynamic segment). */
function nodeAtPath(tree: DmTree, path: string): TreeNode | undefined {
  let n: TreeNode | undefined = tree.root;
  for (const seg of path.split('/')) {
    if (seg === '.' || seg === '') continue;
    n = seg.startsWith('{') && seg.endsWith('}') ? n.dynamic : n.children.get(seg);
    if (!n) return undefined;
  }
  return n;
}

/** The documentation of a tree item a lazy list left out. */
export function resolveTreeItem(tree: DmTree, it: CompletionItem, data: TreeItemData): CompletionItem {
  const n = nodeAtPath(tree, data.treeNode);
  if (n) {
    it.documentation ??= documentation(n);
    it.detail ??= nodeDetail(n);
  }
  return it;
}

function nodeItem(n: TreeNode, label: string, insert: string, sortText: string, range: Range, opts: CompletionOptions): CompletionItem {
  const interior = n.facts.format === 'node' || n.implied || n.children.size > 0 || n.dynamic !== undefined;
  const it = item(label, interior ? KIND_FOLDER : KIND_PROPERTY, nodeDetail(n), sortText, range, opts);
  if (insert !== label) {
    if (it.textEdit) it.textEdit.newText = insert;
    else it.textEditText = insert;
    it.filterText = insert;
  }
  if (opts.lazy) it.data = { treeNode: n.path } satisfies TreeItemData;
  else it.documentation = documentation(n);
  return it;
}

function isSegmentEnd(c: number): boolean {
  return c === 0x2f /* / */ || c === 0x3f /* ? */;
}

/** In a command Target's LocURI: the children of the node before the segment being typed. */
function uriCompletion(a: DocumentAnalysis, el: number, offset: number, opts: CompletionOptions): CompletionList | undefined {
  const { xml, text } = a;
  const target = xml.parent[el];
  const itemEl = target >= 0 ? xml.parent[target] : -1;
  const command = itemEl >= 0 ? xml.parent[itemEl] : -1;
  if (xml.name[target] !== N.Target || xml.name[itemEl] !== N.Item || command < 0 || !AUTHORED.has(xml.name[command])) return undefined;
  // Markup inside a closed LocURI (a <ProviderID/>) is no URI to complete; one being typed, not yet
  // closed, holds what follows it, and its URI is the text before that.
  if (el + 1 < xml.subtreeEnd[el] && !(xml.flags[el] & ElementFlag.Unclosed)) return undefined;
  const [vs, ve] = xml.valueRange(el);
  const from = offset >= vs && offset <= ve ? vs : offset;
  const to = offset >= vs && offset <= ve ? ve : offset;
  const typed = text.slice(from, offset);
  if (typed.includes('?')) return undefined;
  let segEnd = offset;
  while (segEnd < to && !isSegmentEnd(text.charCodeAt(segEnd))) segEnd++;
  const lead = typed.startsWith('./') ? 2 : typed.startsWith('/') ? 1 : 0;
  const slash = typed.lastIndexOf('/');
  if (slash < lead) {
    // The first segment: where to start, whole.
    const range = { start: a.positionAt(from), end: a.positionAt(segEnd) };
    const followed = text.charCodeAt(segEnd) === 0x2f;
    // The tree's root is the parent of its device tree, which the bundled index always has.
    const device = a.resolveUri('./Device');
    const starts = device.kind === 'node' ? STARTS : [];
    const others: { uri: string; detail: string }[] = [];
    const tree = device.kind === 'node' ? device.node.parent : undefined;
    if (tree) {
      for (const name of tree.children.keys()) {
        if (name === 'Device' || name === 'User') continue;
        // A root object the document's tree may be judged by (not Windows' DevDetail in an Android session).
        const r = a.resolveUri(`./${name}`);
        if (r.kind === 'node' && !r.node.implied) others.push({ uri: `./${name}/`, detail: 'root object' });
      }
    }
    const items = [...starts, ...others].map((s, k) => {
      const uri = followed ? s.uri.slice(0, -1) : s.uri;
      const it = item(uri, KIND_FOLDER, s.detail, String(k).padStart(3, '0'), range, opts);
      it.detail = s.detail;
      return it;
    });
    return list(items, range, undefined, opts);
  }
  const r = a.resolveUri(text.slice(from, from + slash));
  if (r.kind !== 'node') return { isIncomplete: false, items: [] };
  const parent = r.node;
  const range = { start: a.positionAt(from + slash + 1), end: a.positionAt(segEnd) };
  const names = [...parent.children.keys()].sort((x, y) => x.toLowerCase().localeCompare(y.toLowerCase()) || (x < y ? -1 : 1));
  const width = String(names.length).length;
  const items = names.map((name, k) => nodeItem(parent.children.get(name)!, name, name, '0' + String(k).padStart(width, '0'), range, opts));
  const dyn = parent.dynamic;
  if (dyn) {
    const placeholder = dyn.path.slice(dyn.path.lastIndexOf('/') + 1);
    const it = nodeItem(dyn, placeholder, placeholder.slice(1, -1) || 'name', '1', range, opts);
    const detail = `dynamic node: ${dynamicNameMeaning(dyn.path, dyn.facts)}`;
    if (it.labelDetails) it.labelDetails.description = detail;
    else it.detail = detail;
    items.push(it);
  }
  return list(items, range, undefined, opts);
}

/** The list item of a Data value around offset, trimmed: [start, end); undefined when no list. */
function listPartAt(a: DocumentAnalysis, el: number, offset: number, delimiter: string | undefined): [number, number] | undefined {
  if (!delimiter) return undefined;
  const [vs, ve] = a.xml.valueRange(el);
  if (offset < vs || offset > ve) return undefined;
  const own = a.text.slice(vs, ve);
  const rel = offset - vs;
  const before = own.lastIndexOf(delimiter, rel - delimiter.length);
  let s = before === -1 || rel < delimiter.length ? 0 : before + delimiter.length;
  let e = own.indexOf(delimiter, rel);
  if (e === -1) e = own.length;
  while (s < rel && isSpace(own.charCodeAt(s))) s++;
  while (e > rel && isSpace(own.charCodeAt(e - 1))) e--;
  return [vs + s, vs + e];
}

/** In a command item's Data: the node's listed values, true/false for a bool, the ADMX payload. */
function dataCompletion(a: DocumentAnalysis, el: number, offset: number, range: Range, opts: CompletionOptions): CompletionList | undefined {
  const { xml } = a;
  const t = treeItemOf(a, xml.parent[el]);
  if (!t || t.data !== el || t.commandName === 'Results' || addressesProperty(t.uri)) return undefined;
  const r = a.resolveUri(t.uri);
  if (r.kind !== 'node') return undefined;
  const f = r.node.facts;
  const allowed = f.allowed;
  const words: { value: string; detail: string }[] = [];
  if ((allowed?.kind === 'ENUM' || allowed?.kind === 'Flag') && allowed.values?.length) {
    for (const v of allowed.values) words.push({ value: v.value, detail: (v.label || v.value) + (v.value === f.defaultValue ? ' (default)' : '') });
    // In a list, a value replaces the item at the cursor, not the items before and after it.
    const part = listPartAt(a, el, offset, listDelimiter(allowed));
    if (part) range = { start: a.positionAt(part[0]), end: a.positionAt(part[1]) };
  } else if (f.format === 'bool') {
    for (const v of ['true', 'false']) words.push({ value: v, detail: `bool${v === f.defaultValue ? ' (default)' : ''}` });
  } else if (allowed?.kind === 'ADMX') {
    // Inside a CDATA section already: the payload alone.
    const [vs, ve] = xml.valueRange(el);
    const inCData = (xml.flags[el] & ElementFlag.HasCData) !== 0 && offset >= vs && offset <= ve && a.text.lastIndexOf('<![CDATA[', offset) >= xml.openEnd[el];
    const policy = allowed.admx ? `ADMX policy ${allowed.admx.name} (${allowed.admx.file})` : 'ADMX-backed policy';
    for (const p of ['<enabled/>', '<disabled/>']) words.push({ value: inCData ? p : `<![CDATA[${p}]]>`, detail: policy });
  } else if (f.defaultValue !== undefined && f.defaultValue !== '') {
    words.push({ value: f.defaultValue, detail: 'default' });
  }
  if (words.length === 0) return undefined;
  const kind = allowed?.kind === 'ADMX' ? KIND_VALUE : KIND_ENUM_MEMBER;
  const items = words.map((w, k) => {
    const it = item(w.value, kind, w.detail, String(k).padStart(3, '0'), range, opts);
    it.detail = w.detail;
    return it;
  });
  return list(items, range, undefined, opts);
}

/**
 * In a Meta/Format of a command item (the item's, or the command's for all its items): the formats
 * its nodes take, first, then the others.
 */
function formatCompletion(a: DocumentAnalysis, el: number, range: Range, opts: CompletionOptions, formats: readonly string[]): CompletionList | undefined {
  const { xml } = a;
  const meta = xml.parent[el];
  const owner = meta >= 0 ? xml.parent[meta] : -1;
  if (owner < 0) return undefined;
  const items = xml.name[owner] === N.Item ? [treeItemOf(a, owner)] : AUTHORED.has(xml.name[owner]) ? treeItemsOfCommand(a, owner) : [];
  const preferred = new Map<string, string>();
  for (const t of items) {
    // An item with its own Meta/Format does not take the command's.
    if (!t || t.commandName === 'Results' || t.format !== el) continue;
    const r = a.resolveUri(t.uri);
    if (r.kind !== 'node' || r.node.implied) continue;
    const format = r.node.facts.format;
    if (format && !preferred.has(format)) preferred.set(format, r.node.path);
  }
  if (preferred.size === 0) return undefined;
  const ordered = [...preferred.keys(), ...formats.filter((w) => !preferred.has(w))];
  const out = ordered.map((w, k) => {
    const path = preferred.get(w);
    const detail = path ? `DFFormat of ${path}` : 'Meta/Format';
    const it = item(w, KIND_VALUE, detail, String(k).padStart(3, '0'), range, opts);
    it.detail = detail;
    return it;
  });
  return list(out, range, undefined, opts);
}

/**
 * Tree completion at an element, or undefined when the tree has nothing to say there (the caller
 * then offers what it offers anywhere else).
 */
export function treeCompletion(a: DocumentAnalysis, el: number, offset: number, range: Range, opts: CompletionOptions, formats: readonly string[]): CompletionList | undefined {
  switch (a.xml.name[el]) {
    case N.LocURI:
      return uriCompletion(a, el, offset, opts);
    case N.Data:
      return dataCompletion(a, el, offset, range, opts);
    case N.Format:
      return a.xml.name[a.xml.parent[el]] === N.Meta ? formatCompletion(a, el, range, opts, formats) : undefined;
  }
  return undefined;
}
