/**
 * Hover on the DM tree: on a segment of an item's URI, the node the URI names up to that segment
 * (its facts, allowed values, docs link and where they come from), or the closest names when the
 * segment names no node of a known tree; on an item's Data, the label of its value, as a code's
 * name is shown. Silent for a tree nobody describes.
 */
import type { Hover } from 'vscode-languageserver-types';
import { learnUrl, type TreeNode, type TreeScope } from '../catalog/ddf/dmTree';
import type { AllowedValues } from '../catalog/ddf/types';
import type { TreeItem } from '../context/treeItems';
import { N } from '../model/names';
import type { DocumentAnalysis } from './analysis';
import { FLAGS_NOTE, nodeFactRows, otherScopePath, rangeText, type FactKey } from './nodeFacts';
import { addressesProperty, treeItemAtUri, treeItemOf, uriSegments } from './treePlaces';
import { cut, hasLabelledValues, partLabel, readValues, type ValuePart } from './valueLabels';

/** A value's label in the hover's first line is cut here; the whole label follows. */
const MAX_HEAD = 80;

/** Inline code that survives backticks inside. */
export function code(s: string): string {
  const fence = s.includes('`') ? '``' : '`';
  return `${fence}${fence.length > 1 ? ' ' : ''}${s}${fence.length > 1 ? ' ' : ''}${fence}`;
}

/** Prose from a DDF, safe in markdown: no markup, no HTML, one line. */
export function mdText(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`);
}

function allowedMarkdown(a: AllowedValues): string[] {
  const list = a.listDelimiter !== undefined ? [`A list separated by ${code(a.listDelimiter)}.`] : [];
  switch (a.kind) {
    case 'ENUM':
    case 'Flag': {
      const table = ['| Value | Label |', '|---|---|', ...(a.values ?? []).map((v) => `| ${code(v.value)} | ${v.label ? mdText(v.label) : ''} |`)];
      return [`*Allowed:*${a.kind === 'Flag' ? ' ' + FLAGS_NOTE : ''}`, table.join('\n'), ...list];
    }
    case 'Range':
      return [`*Allowed:* ${a.range?.min !== undefined ? rangeText(a) : code(a.range?.text ?? '')}`, ...list];
    case 'RegEx':
      return [`*Allowed:* text matching ${code(a.pattern ?? '')}`, ...list];
    case 'ADMX':
      return [
        `*Allowed:* ADMX-backed: payload ${code('<enabled/>')} or ${code('<disabled/>')}, with ${code('<data id="…" value="…"/>')} elements, escaped or in CDATA`,
        ...(a.admx ? [`Policy ${code(a.admx.name)} of ${code(a.admx.file)} (category ${code(a.admx.area)})`] : []),
      ];
    case 'XSD':
      return ['*Allowed:* XML valid against the schema in the DDF', ...list];
    case 'JSON':
      return ['*Allowed:* JSON', ...list];
    case 'SDDL':
      return ['*Allowed:* an SDDL security descriptor', ...list];
    case 'None':
      return list;
  }
}

/** The facts said on one line each group, in this order; the rest get a paragraph each. */
const GROUPS: readonly (readonly FactKey[])[] = [
  ['format', 'access', 'occurrence', 'scope', 'caseSense'],
  ['default', 'osBuild'],
];
const AS_CODE = new Set<FactKey>(['format', 'default']);

/** A node's facts in markdown: the hover on a URI segment and the documentation of a completion item. */
export function nodeMarkdown(node: TreeNode): string {
  const out: string[] = [code(node.path)];
  if (node.implied) {
    const tree = node.path === './Device' ? 'The device tree.' : node.path === './User' ? 'The user tree.' : 'A step of the tree\'s path that no DDF describes.';
    const below = node.children.size + (node.dynamic ? 1 : 0);
    out.push(`${tree} ${below === 1 ? 'One node' : `${below} nodes`} below it.`);
    return out.join('\n\n');
  }
  const f = node.facts;
  const rows = nodeFactRows(node.path, f);
  const say = (key: FactKey) => {
    const r = rows.find((x) => x.key === key);
    return r ? `*${r.label}:* ${AS_CODE.has(key) ? code(r.lines[0]) : mdText(r.lines[0])}` : undefined;
  };
  const description = rows.find((r) => r.key === 'description');
  if (description) out.push(mdText(description.lines[0]));
  const grouped = (keys: readonly FactKey[]) => keys.map(say).filter((s) => s !== undefined).join(' · ');
  const first = grouped(GROUPS[0]);
  if (first) out.push(first);
  if (f.allowed) out.push(...allowedMarkdown(f.allowed));
  const second = grouped(GROUPS[1]);
  if (second) out.push(second);
  const deprecated = rows.find((r) => r.key === 'deprecated');
  if (deprecated) out.push(`**Deprecated** ${deprecated.lines[0] === 'yes' ? '' : mdText(deprecated.lines[0])}`.trimEnd());
  for (const key of ['naming', 'atomic'] as const) {
    const s = say(key);
    if (s) out.push(s);
  }
  const docs = learnUrl(node.path);
  if (docs) out.push(`*Docs:* [${docs.slice(docs.lastIndexOf('/') + 1)}](${docs})`);
  out.push(`*Source:* ${mdText(node.origin)}`);
  return out.join('\n\n');
}

function unknownMarkdown(segment: string, parent: TreeNode, suggestions: readonly string[], other: { scope: TreeScope; path: string } | undefined): string {
  const out = [`${code(segment)} names no node under ${code(parent.path)}.`];
  if (other) out.push(`It exists in the ${other.scope} tree: ${code(other.path)}`);
  if (suggestions.length) out.push(`Did you mean ${suggestions.map(code).join(', ')}?`);
  else if (!other) out.push('No child of it has a close name.');
  return out.join('\n\n');
}

function segmentHover(a: DocumentAnalysis, t: TreeItem, offset: number): Hover | null {
  const rel = offset - t.uriStart;
  const seg = uriSegments(t.uri).find((s) => s.start <= rel && rel <= s.end);
  if (!seg) return null;
  const prefix = t.uri.slice(0, seg.end);
  const r = a.resolveUri(prefix);
  let value: string;
  if (r.kind === 'node') value = nodeMarkdown(r.node);
  // A segment at or after the first that names no node: that one is the news.
  else if (r.kind === 'unknown-node') {
    const other = r.otherScope ? { scope: r.otherScope, path: otherScopePath(prefix, r.otherScope) } : undefined;
    value = unknownMarkdown(r.segment, r.parent, r.suggestions, other);
  } else return null;
  return { contents: { kind: 'markdown', value }, range: { start: a.positionAt(t.uriStart + seg.start), end: a.positionAt(t.uriStart + seg.end) } };
}

function others(node: TreeNode, shown: ValuePart): string | undefined {
  const values = node.facts.allowed?.values ?? [];
  const rest = values.filter((v) => !shown.matches?.includes(v));
  if (rest.length === 0) return undefined;
  const listed = rest.slice(0, 8).map((v) => `${code(v.value)} ${v.label ? mdText(v.label) : ''}`.trimEnd());
  return `*${shown.matches ? 'Other values' : 'Allowed'}:* ${listed.join(' · ')}${rest.length > 8 ? ` · and ${rest.length - 8} more` : ''}`;
}

function dataHover(a: DocumentAnalysis, t: TreeItem, offset: number): Hover | null {
  const r = a.resolveUri(t.uri);
  if (r.kind !== 'node') return null;
  const node = r.node;
  const f = node.facts;
  const [vs, ve] = a.xml.valueRange(t.data);
  if (vs === ve || offset < vs || offset > ve) return null;
  let part: ValuePart | undefined;
  let head: string;
  let rest: string | undefined;
  if (hasLabelledValues(f)) {
    const parts = readValues(f, a.text, vs, ve)!;
    part = parts.find((p) => p.start <= offset && offset <= p.end);
    if (!part) return null;
    const label = partLabel(part);
    const brief = partLabel(part, true);
    if (label === undefined) head = `**${mdText(part.value)}** — not a value listed for this node`;
    // A label that only repeats the value (`CdRomDevices`) is said once.
    else if (brief!.toLowerCase() === part.value.toLowerCase()) head = `**${mdText(part.value)}** — a value listed for this node`;
    else head = `**${mdText(part.value)} — ${mdText(cut(brief!, MAX_HEAD))}**`;
    // A label that goes on to explain the value: whole, below the head.
    if (label !== undefined && cut(brief!, MAX_HEAD) !== label.replace(/\.$/, '')) head += `\n\n${mdText(label)}`;
    rest = others(node, part);
  } else if (f.format === 'bool') {
    const value = a.text.slice(vs, ve);
    part = { value, start: vs, end: ve, matches: undefined };
    head = /^(?:true|false)$/i.test(value) ? `**${value}** — a bool` : `**${mdText(value)}** — not a bool: the node takes ${code('true')} or ${code('false')}`;
  } else return null;
  const lines = [head, '', `Value of ${code(node.path)}${f.format ? ` (${code(f.format)})` : ''}`];
  if (rest) lines.push('', rest);
  lines.push('', `*Source:* ${mdText(node.origin)}`);
  return { contents: { kind: 'markdown', value: lines.join('\n') }, range: { start: a.positionAt(part.start), end: a.positionAt(part.end) } };
}

/** The hover on a tree item's URI segment or Data at offset, if any. */
export function treeHover(a: DocumentAnalysis, offset: number): Hover | null {
  const onUri = treeItemAtUri(a, offset);
  if (onUri) return segmentHover(a, onUri, offset);
  const { xml } = a;
  const el = xml.elementAt(offset);
  if (el < 0 || xml.name[el] !== N.Data) return null;
  const t = treeItemOf(a, xml.parent[el]);
  return t && t.data === el && !addressesProperty(t.uri) ? dataHover(a, t, offset) : null;
}
