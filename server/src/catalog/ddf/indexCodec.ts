/**
 * The compact encoding of a DM tree index (the bundled Windows CSP index): facts only, every string
 * once in a shared table, every node a short array of numbers, every distinct allowed-values set
 * once. `encodeIndex` runs in the generator (scripts/build-csp-index.mjs); `decodeIndex` at the
 * first lookup.
 *
 * Nodes are one flat list of numbers (no array per node, so the first load allocates little): each
 * row is its field count, then its fields (trailing zeros dropped; a string is its table index + 1,
 * 0 = absent):
 *   [name (0 = unnamed), parent row + 1 (0 = top level), parentPath, flags, format, occurrence,
 *    default, allowed set + 1, osBuild, cspVersion, deprecated build, dynamic naming, title, mime]
 * flags: access bits (ACCESS_TYPES order) | scope << 6 | caseSense << 8 | atomicRequired << 10 | deprecated << 11
 * Allowed set: [kind, list delimiter, ...payload]: ENUM/Flag value, label pairs; Range text;
 * RegEx pattern; ADMX area, name, file.
 */
import { ACCESS_TYPES, ALLOWED_KINDS, dynamicSegment, type AccessType, type AllowedValues, type DdfNode, type NodeFacts } from './types';

export const INDEX_FORMAT = 2;

/** The offset of each node row in the flat list, in order. */
export function rowOffsets(nodes: readonly number[]): number[] {
  const offsets: number[] = [];
  for (let at = 0; at < nodes.length; at += nodes[at] + 1) offsets.push(at);
  return offsets;
}

export interface IndexDrop {
  /** The DDF drop's folder name (`windows-2026-01`). */
  name: string;
  /** Its date (`2026-01`), when the name carries one. */
  date?: string;
  files: number;
  nodes: number;
}

export interface EncodedIndex {
  format: number;
  drop: IndexDrop;
  strings: string[];
  allowed: number[][];
  /** The node rows, flat: see above. */
  nodes: number[];
}

const SCOPES = [undefined, 'Permanent', 'Dynamic'] as const;
const CASES = [undefined, 'CS', 'CIS'] as const;

export function encodeIndex(roots: readonly DdfNode[], drop: Omit<IndexDrop, 'nodes'>): EncodedIndex {
  const strings: string[] = [];
  const stringIds = new Map<string, number>();
  const str = (s: string | undefined): number => {
    if (s === undefined) return 0;
    let id = stringIds.get(s);
    if (id === undefined) {
      id = strings.push(s);
      stringIds.set(s, id);
    }
    return id;
  };
  const allowed: number[][] = [];
  const allowedIds = new Map<string, number>();
  const allowedRow = (a: AllowedValues | undefined): number => {
    if (!a) return 0;
    const row = [str(a.kind), str(a.listDelimiter)];
    if (a.values) for (const v of a.values) row.push(str(v.value), str(v.label));
    else if (a.range) row.push(str(a.range.text));
    else if (a.pattern !== undefined) row.push(str(a.pattern));
    else if (a.admx) row.push(str(a.admx.area), str(a.admx.name), str(a.admx.file));
    const key = row.join(',');
    let id = allowedIds.get(key);
    if (id === undefined) {
      id = allowed.push(row);
      allowedIds.set(key, id);
    }
    return id;
  };
  const nodes: number[] = [];
  let count = 0;
  const visit = (n: DdfNode, parent: number): void => {
    const f = n.facts;
    let flags = 0;
    ACCESS_TYPES.forEach((a, i) => {
      if (f.access.includes(a)) flags |= 1 << i;
    });
    flags |= SCOPES.indexOf(f.scope) << 6;
    flags |= CASES.indexOf(f.caseSense) << 8;
    if (f.atomicRequired) flags |= 1 << 10;
    if (f.deprecated !== undefined) flags |= 1 << 11;
    const row = [
      n.name === null ? 0 : str(n.name),
      parent,
      parent === 0 ? str(n.parentPath) : 0,
      flags,
      str(f.format),
      str(f.occurrence),
      str(f.defaultValue),
      allowedRow(f.allowed),
      str(f.osBuild),
      str(f.cspVersion),
      f.deprecated ? str(f.deprecated) : 0,
      str(f.dynamicNaming),
      str(f.title),
      str(f.mime),
    ];
    while (row.length && row[row.length - 1] === 0) row.pop();
    nodes.push(row.length, ...row);
    const id = ++count;
    for (const c of n.children) visit(c, id);
  };
  for (const r of roots) visit(r, 0);
  return { format: INDEX_FORMAT, drop: { ...drop, nodes: count }, strings, allowed, nodes };
}

function decodeAllowed(row: readonly number[], s: (i: number | undefined) => string | undefined): AllowedValues {
  const kind = (s(row[0]) ?? 'None') as AllowedValues['kind'];
  const a: AllowedValues = { kind: ALLOWED_KINDS.includes(kind) ? kind : 'None' };
  const list = s(row[1]);
  if (list !== undefined) a.listDelimiter = list;
  switch (a.kind) {
    case 'ENUM':
    case 'Flag':
      a.values = [];
      for (let i = 2; i < row.length; i += 2) {
        const label = s(row[i + 1]);
        a.values.push(label === undefined ? { value: s(row[i]) ?? '' } : { value: s(row[i]) ?? '', label });
      }
      break;
    case 'Range': {
      const text = s(row[2]) ?? '';
      const m = /^\[\s*\(?(-?\d+)\)?\s*(?:[-,]\s*\(?(-?\d+)\)?\s*)?\]$/.exec(text.trim());
      a.range = m ? { text, min: Number(m[1]), max: Number(m[2] ?? m[1]) } : { text };
      break;
    }
    case 'RegEx':
      a.pattern = s(row[2]) ?? '';
      break;
    case 'ADMX':
      a.admx = { area: s(row[2]) ?? '', name: s(row[3]) ?? '', file: s(row[4]) ?? '' };
      break;
  }
  return a;
}

/** Reads the fields of index rows (by offset) and their facts on demand, each allowed-values set decoded once. */
export class IndexReader {
  private readonly allowed: (AllowedValues | undefined)[] = [];
  private readonly nodes: readonly number[];
  constructor(readonly index: EncodedIndex) {
    this.nodes = index.nodes;
  }

  string(i: number | undefined): string | undefined {
    return i ? this.index.strings[i - 1] : undefined;
  }

  /** Field k of the row at this offset (0 when the row stops before it). */
  field(at: number, k: number): number {
    return k < this.nodes[at] ? this.nodes[at + 1 + k] : 0;
  }

  name(at: number): string | null {
    return this.string(this.field(at, 0)) ?? null;
  }

  /** The parent's row number + 1, 0 for a top-level row. */
  parent(at: number): number {
    return this.field(at, 1);
  }

  /** A top-level row's parent path. */
  parentPath(at: number): string {
    return this.string(this.field(at, 2)) ?? '.';
  }

  title(at: number): string | undefined {
    return this.string(this.field(at, 12));
  }

  caseInsensitive(at: number): boolean {
    return ((this.field(at, 3) >> 8) & 3) === 2;
  }

  facts(at: number): NodeFacts {
    const s = (k: number) => this.string(this.field(at, k));
    const flags = this.field(at, 3);
    const facts: NodeFacts = { access: accessList(flags & 63) };
    let v: string | undefined;
    if ((v = s(4)) !== undefined) facts.format = v;
    if ((v = s(5)) !== undefined) facts.occurrence = v;
    const scope = SCOPES[(flags >> 6) & 3];
    if (scope) facts.scope = scope;
    const cs = CASES[(flags >> 8) & 3];
    if (cs) facts.caseSense = cs;
    if ((v = s(6)) !== undefined) facts.defaultValue = v;
    if ((v = s(12)) !== undefined) facts.title = v;
    if ((v = s(13)) !== undefined) facts.mime = v;
    const allowed = this.field(at, 7);
    if (allowed) facts.allowed = this.allowedSet(allowed - 1);
    if ((v = s(8)) !== undefined) facts.osBuild = v;
    if ((v = s(9)) !== undefined) facts.cspVersion = v;
    if (flags & (1 << 11)) facts.deprecated = s(10) ?? '';
    if ((v = s(11)) !== undefined) facts.dynamicNaming = v;
    if (flags & (1 << 10)) facts.atomicRequired = true;
    return facts;
  }

  private allowedSet(i: number): AllowedValues {
    return (this.allowed[i] ??= decodeAllowed(this.index.allowed[i], (k) => this.string(k)));
  }
}

const ACCESS_LISTS: AccessType[][] = [];
/** The access types of a bit set (one array per set, shared). */
function accessList(bits: number): AccessType[] {
  return (ACCESS_LISTS[bits] ??= ACCESS_TYPES.filter((_, i) => bits & (1 << i)));
}

/** Rebuilds the top-level nodes (with their subtrees) of an encoded index. */
export function decodeIndex(index: EncodedIndex): DdfNode[] {
  const reader = new IndexReader(index);
  const built: DdfNode[] = [];
  const roots: DdfNode[] = [];
  for (const at of rowOffsets(index.nodes)) {
    const facts = reader.facts(at);
    const name = reader.name(at);
    const p = reader.parent(at);
    const parent = p ? built[p - 1] : undefined;
    const parentPath = parent ? parent.path : reader.parentPath(at);
    const path = name === '.' && parentPath === '.' ? '.' : `${parentPath}/${name ?? dynamicSegment(facts.title)}`;
    const node: DdfNode = { name, facts, children: [], path };
    if (parent) parent.children.push(node);
    else {
      node.parentPath = parentPath;
      roots.push(node);
    }
    built.push(node);
  }
  return roots;
}
