/**
 * `syncml-check decode`: the editor's inlay hints for a terminal. For each code the language service
 * decodes (getInlayHints: label = the decoded name, tooltip = more), say where it stands in the
 * message (the command around it: "Status for Replace #6", "Generic Alert from ./FUMO/Pkg1/...")
 * so that a captured DM session can be read top to bottom. Pure: no I/O.
 */
import type { Diagnostic, InlayHint, MarkupContent } from 'vscode-languageserver-types';
import type { Analysis, LanguageService, ServiceSettings } from '../api';
import type { Catalog } from '../catalog/api';
import type { FamilyId } from '../catalog/types';
import { oneLine, PLAIN, type Style } from './format/text';
import { DIAGNOSTIC_CODES, severityName, type SeverityName } from '../diagnosticCodes';

export interface DecodedCode {
  /** 1-based line and column (UTF-16 code units) of the code's first character. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The code as written, e.g. "404". */
  code: string;
  /** The decoded name (the inlay hint's label). */
  name: string;
  /** The family whose entry has this name, when the catalog says so unambiguously. */
  family?: FamilyId;
  familyTitle?: string;
  /** 'vendor', 'reserved' or 'obsolete' when the code is not a plain defined one. */
  kind?: string;
  /** Where it stands: the command around it, in words. */
  where: string;
  /** Why the service decoded it so (the hint's tooltip as plain text), when there is one. */
  detail?: string;
  /** The diagnostic the checker reports on this code, if any. */
  problem?: { code: string; severity: SeverityName; message: string };
}

export interface DecodedFile {
  path: string;
  codes: DecodedCode[];
}

const TOKEN = /[0-9A-Za-z+\-]/;

/** The number next to an inlay hint's position: ending at it (hint after the code) or starting at it. */
function tokenAt(text: string, offset: number): { start: number; end: number } | undefined {
  let end = offset;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  let start = end;
  while (start > 0 && TOKEN.test(text[start - 1])) start--;
  if (start < end && /\d/.test(text.slice(start, end))) return { start, end };
  start = offset;
  while (start < text.length && (text[start] === ' ' || text[start] === '\t')) start++;
  end = start;
  while (end < text.length && TOKEN.test(text[end])) end++;
  if (start < end && /\d/.test(text.slice(start, end))) return { start, end };
  return undefined;
}

export function labelText(hint: InlayHint): string {
  const raw = typeof hint.label === 'string' ? hint.label : hint.label.map((p) => p.value).join('');
  return raw.replace(/^[\s:=\u2190\u2192\u00b7\-\u2013\u2014]+/, '').trim();
}

function tooltipText(tooltip: InlayHint['tooltip']): string | undefined {
  if (tooltip === undefined) return undefined;
  const markdown = typeof tooltip !== 'string' && (tooltip as MarkupContent).kind === 'markdown';
  const raw = typeof tooltip === 'string' ? tooltip : (tooltip as MarkupContent).value;
  const lines = raw
    .split(/\r?\n/)
    .map((l) => (markdown ? l.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`]|^#+\s*|^>\s*/g, '') : l).trim())
    .filter((l) => l && !/^-{3,}$/.test(l));
  return lines.length ? lines.join(' \u00b7 ') : undefined;
}

// ---------------------------------------------------------------------------------------------
// Where a code stands: one tolerant pass over the tags, snapshotting the open elements at each code.

interface El {
  name: string;
  contentStart: number;
  hasChild: boolean;
  /** Text of descendant leaves by relative path ("Cmd", "Meta/Type", "Item/Source/LocURI"), first wins. */
  fields: Map<string, string>;
}

const COMMANDS = new Set([
  'Status',
  'Alert',
  'Results',
  'Add',
  'Replace',
  'Get',
  'Delete',
  'Exec',
  'Copy',
  'Atomic',
  'Sequence',
  'Put',
  'Map',
  'Sync',
  'Search',
]);

function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i >= 0 ? qname.slice(i + 1) : qname;
}

/** For each offset (ascending), the chain of open elements (root first) that contains it. */
export function openElementsAt(text: string, offsets: readonly number[]): El[][] {
  const result: El[][] = new Array(offsets.length);
  const stack: El[] = [];
  let k = 0;
  const snapshotUpTo = (pos: number): void => {
    while (k < offsets.length && offsets[k] < pos) result[k++] = stack.slice();
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    snapshotUpTo(lt);
    if (text.startsWith('<!--', lt)) {
      const e = text.indexOf('-->', lt + 4);
      i = e < 0 ? n : e + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const e = text.indexOf(']]>', lt + 9);
      i = e < 0 ? n : e + 3;
      continue;
    }
    if (text.startsWith('<?', lt) || text.startsWith('<!', lt)) {
      const e = text.indexOf('>', lt + 2);
      i = e < 0 ? n : e + 1;
      continue;
    }
    // Find the end of the tag, respecting quoted attribute values; stop at a stray '<'.
    let j = lt + 1;
    let quote = '';
    for (; j < n; j++) {
      const c = text[j];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>' || c === '<') break;
    }
    const tagEnd = j < n && text[j] === '>' ? j + 1 : j;
    const body = text.slice(lt + 1, j);
    i = tagEnd;
    if (body.startsWith('/')) {
      const name = localName(body.slice(1).trim());
      let d = stack.length - 1;
      while (d >= 0 && stack[d].name !== name) d--;
      if (d < 0) continue; // stray end tag
      while (stack.length > d + 1) stack.pop();
      const el = stack.pop()!;
      if (!el.hasChild) record(stack, [el.name], text.slice(el.contentStart, lt).trim());
      continue;
    }
    const m = /^([A-Za-z_][\w.:-]*)/.exec(body);
    if (!m) continue;
    const name = localName(m[1]);
    if (stack.length) stack[stack.length - 1].hasChild = true;
    if (body.trimEnd().endsWith('/')) continue; // <Final/>, <MoreData/>
    stack.push({ name, contentStart: tagEnd, hasChild: false, fields: new Map() });
  }
  snapshotUpTo(Infinity);
  return result;
}

function record(stack: El[], path: string[], value: string): void {
  // Give the leaf's text to its parent, grandparent, ... (up to 4 levels) under its relative path.
  for (let d = stack.length - 1, depth = 0; d >= 0 && depth < 4; d--, depth++) {
    const key = path.join('/');
    if (!stack[d].fields.has(key)) stack[d].fields.set(key, value);
    path = [stack[d].name, ...path];
  }
}

function nodePath(chain: El[]): string | undefined {
  const names: string[] = [];
  let top: El | undefined;
  for (const el of chain) {
    if (el.name !== 'Node') continue;
    top ??= el;
    const nn = el.fields.get('NodeName');
    names.push(nn === undefined || nn === '' ? '<x>' : nn);
  }
  if (!top) return undefined;
  const base = (top.fields.get('Path') ?? '').replace(/\/+$/, '');
  return (base ? base + '/' : '') + names.join('/');
}

function abbreviate(s: string, max = 60): string {
  return s.length > max ? s.slice(0, max - 1) + '\u2026' : s;
}

/** Words for where a code stands, from the chain of open elements around it (innermost last). */
export function describeWhere(chain: El[]): string {
  if (chain.length === 0) return 'top level';
  const leaf = chain[chain.length - 1];
  let ci = chain.length - 1;
  while (ci >= 0 && !COMMANDS.has(chain[ci].name)) ci--;
  const cmd = ci >= 0 ? chain[ci] : undefined;
  const item = [...chain].reverse().find((e) => e.name === 'Item');

  if (!cmd) {
    const path = nodePath(chain);
    if (path) return `Node ${path}${leaf.name === 'NodeName' ? '' : ' ' + leaf.name}`;
    return chain.slice(-3).map((e) => e.name).join('/');
  }
  const target = (item ?? cmd).fields.get('Target/LocURI') ?? cmd.fields.get('Item/Target/LocURI');
  const source = (item ?? cmd).fields.get('Source/LocURI') ?? cmd.fields.get('Item/Source/LocURI');

  switch (cmd.name) {
    case 'Status': {
      const what = cmd.fields.get('Cmd') ?? '?';
      const ref = what === 'SyncHdr' ? '' : cmd.fields.has('CmdRef') ? ` #${cmd.fields.get('CmdRef')}` : '';
      const on = what === 'SyncHdr' ? undefined : cmd.fields.get('TargetRef') ?? cmd.fields.get('SourceRef') ?? target;
      const inItem = item && leaf !== chain[ci + 1] ? ' item' : '';
      return `Status for ${what}${ref}${on ? ' ' + on : ''}${inItem}`;
    }
    case 'Alert': {
      const alertCode = cmd.fields.get('Data');
      if (!item) return 'Alert';
      const kind = alertCode === '1226' ? 'Generic Alert' : alertCode === '1224' ? 'Client Event' : `Alert ${alertCode ?? '?'} item`;
      const type = item.fields.get('Meta/Type');
      const mark = item.fields.get('Meta/Mark');
      const extra = [type ? abbreviate(type) : '', mark ? `Mark ${mark}` : ''].filter(Boolean).join(', ');
      return `${kind}${source ? ' from ' + source : ''}${extra ? ` (${extra})` : ''}`;
    }
    default: {
      const path = target ?? source;
      return `${cmd.name}${path ? ' ' + path : ''}`;
    }
  }
}

// ---------------------------------------------------------------------------------------------

interface FamilyGuess {
  id: FamilyId;
  title: string;
  /** 'vendor', 'reserved' or 'obsolete' when the entry is not a plain defined code. */
  kind?: string;
  /** The rest of the tooltip: why the service chose this family. */
  reason?: string;
}

const KINDS = ['vendor', 'reserved', 'obsolete'];

/**
 * The family of a hint. The service's tooltip starts with the family title (and the entry kind),
 * then " — " and the reason; accept that only when the title is one the catalog knows. Otherwise
 * fall back to the one family whose entry for this number has the hint's name.
 */
function familyOf(catalog: Catalog | undefined, code: string, name: string, tooltip: string | undefined): FamilyGuess | undefined {
  if (!catalog) return undefined;
  try {
    const families = catalog.families();
    if (tooltip) {
      const dash = tooltip.indexOf(' \u2014 ');
      const head = (dash >= 0 ? tooltip.slice(0, dash) : tooltip).trim();
      const reason = dash >= 0 ? tooltip.slice(dash + 3).trim() : undefined;
      for (const f of families) {
        if (head === f.title) return { id: f.id, title: f.title, reason };
        for (const k of KINDS) if (head === `${f.title} (${k})`) return { id: f.id, title: f.title, kind: k, reason };
      }
    }
    if (!/^\d+$/.test(code)) return undefined;
    const n = Number(code);
    const matches = families.filter((f) => {
      const e = catalog.lookup(f.id, n);
      return e !== undefined && (e.name === name || name.endsWith(' ' + e.name));
    });
    if (matches.length !== 1) return undefined;
    const e = catalog.lookup(matches[0].id, n)!;
    return { id: matches[0].id, title: matches[0].title, ...(e.kind !== 'defined' ? { kind: e.kind } : {}) };
  } catch {
    return undefined;
  }
}

/** Diagnostics about a code (not about the XML or an alert type): shown next to the code they concern. */
const CODE_DIAGNOSTICS = new Set<string>(DIAGNOSTIC_CODES.filter((c) => c.subject === 'number').map((c) => c.id));

/**
 * Every code the service decodes (one inlay hint each), plus every code it could not decode but
 * reports a diagnostic on (a 1200 in a Status has no name there, but a reader wants to see it),
 * in document order.
 */
export function decodeDocument(
  service: LanguageService,
  analysis: Analysis,
  settings?: ServiceSettings,
  diagnostics: readonly Diagnostic[] = [],
): DecodedCode[] {
  const doc = analysis.document;
  const text = doc.getText();
  const full = { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) };
  type Found = { tok: { start: number; end: number }; hint?: InlayHint; diagnostic?: Diagnostic };
  const found: Found[] = [];
  const byStart = new Map<number, Found>();
  for (const hint of service.getInlayHints(analysis, full, settings)) {
    const tok = tokenAt(text, doc.offsetAt(hint.position));
    if (!tok || byStart.has(tok.start)) continue;
    const f: Found = { tok, hint };
    found.push(f);
    byStart.set(tok.start, f);
  }
  for (const d of diagnostics) {
    if (typeof d.code !== 'string' || !CODE_DIAGNOSTICS.has(d.code)) continue;
    const start = doc.offsetAt(d.range.start);
    const end = doc.offsetAt(d.range.end);
    const existing = byStart.get(start);
    if (existing) {
      existing.diagnostic ??= d;
    } else if (end > start) {
      const f: Found = { tok: { start, end }, diagnostic: d };
      found.push(f);
      byStart.set(start, f);
    }
  }
  found.sort((a, b) => a.tok.start - b.tok.start);
  const chains = openElementsAt(
    text,
    found.map((f) => f.tok.start),
  );
  return found.map(({ hint, tok, diagnostic }, i) => {
    const start = doc.positionAt(tok.start);
    const end = doc.positionAt(tok.end);
    const code = text.slice(tok.start, tok.end);
    const name = hint ? labelText(hint) : '?';
    const tooltip = hint ? tooltipText(hint.tooltip) : undefined;
    const fam = hint ? familyOf(service.catalog, code, name, tooltip) : undefined;
    const detail = fam?.reason ?? tooltip;
    return {
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      code,
      name,
      ...(fam ? { family: fam.id, familyTitle: fam.title } : {}),
      ...(fam?.kind ? { kind: fam.kind } : {}),
      where: describeWhere(chains[i] ?? []),
      ...(detail ? { detail } : {}),
      ...(diagnostic ? { problem: { code: String(diagnostic.code), severity: severityName(diagnostic.severity), message: oneLine(diagnostic.message) } } : {}),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Output

/**
 * "Not found (SyncML status code)", "Workflow aborted (SACMO result code, obsolete)", and for a
 * code the service could not decode, the diagnostic's code: "? (wrong-code-family)".
 */
export function meaning(c: DecodedCode): string {
  const q = [c.familyTitle, c.kind].filter(Boolean).join(', ');
  const base = q ? `${c.name} (${q})` : c.name;
  if (!c.problem) return base;
  return c.name === '?' ? `? (${c.problem.code})` : `${base} [${c.problem.code}]`;
}

function pad(s: string, w: number): string {
  return s.length >= w ? s : s + ' '.repeat(w - s.length);
}

function padStart(s: string, w: number): string {
  return s.length >= w ? s : ' '.repeat(w - s.length) + s;
}

/** One line per code: `line:col  code  name (family)  · where`, under a header per file. */
export function formatDecodeList(files: readonly DecodedFile[], options: { verbose?: boolean } = {}, style: Style = PLAIN): string {
  const out: string[] = [];
  for (const f of files) {
    if (out.length) out.push('');
    out.push(style.bold(`${f.path}`) + style.dim(` \u2014 ${f.codes.length === 1 ? '1 code' : `${f.codes.length} codes`}`));
    if (f.codes.length === 0) {
      out.push(style.dim('  (no codes found)'));
      continue;
    }
    const posW = Math.max(...f.codes.map((c) => `${c.line}:${c.column}`.length));
    const codeW = Math.max(...f.codes.map((c) => c.code.length));
    const nameW = Math.min(56, Math.max(...f.codes.map((c) => meaning(c).length)));
    const indent = ' '.repeat(posW + codeW + 6);
    for (const c of f.codes) {
      const m = pad(meaning(c), nameW);
      const shown = c.problem ? style.severity(c.problem.severity, m) : m;
      out.push(`  ${padStart(`${c.line}:${c.column}`, posW)}  ${padStart(c.code, codeW)}  ${shown}  ${style.dim('\u00b7 ' + c.where)}`.trimEnd());
      if (options.verbose && c.detail) out.push(indent + style.dim(c.detail));
      if (c.problem && (options.verbose || c.name === '?')) {
        out.push(indent + style.severity(c.problem.severity, `${c.problem.severity} ${c.problem.code}: ${c.problem.message}`));
      }
    }
  }
  return out.join('\n') + '\n';
}

/** The file itself, with `← code name · where` after each line that holds a code. */
export function formatDecodeAnnotated(text: string, codes: readonly DecodedCode[], style: Style = PLAIN): string {
  const lines = text.split(/\r\n|\r|\n/);
  const byLine = new Map<number, DecodedCode[]>();
  for (const c of codes) {
    const list = byLine.get(c.line) ?? [];
    list.push(c);
    byLine.set(c.line, list);
  }
  const out = lines.map((l, i) => {
    const here = byLine.get(i + 1);
    if (!here) return l;
    // The code itself is right there on the line; name it only when the line holds several.
    const note = here.map((c) => `${here.length > 1 ? c.code + ' ' : ''}${meaning(c)} \u00b7 ${c.where}`).join('; ');
    return `${l}  ${style.severity('information', '\u2190 ' + note)}`;
  });
  if (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n') + '\n';
}

export function formatDecodeJson(files: readonly DecodedFile[]): string {
  return JSON.stringify(files, null, 2) + '\n';
}
