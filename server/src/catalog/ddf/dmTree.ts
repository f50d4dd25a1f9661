/**
 * The DM tree as the product knows it with authority: nodes from the bundled Windows CSP index and
 * the user's DDF files merged, and the resolution of an OMA-URI to a node. Lookup only, no judgement:
 * features decide what to say about a resolution.
 */
import { IndexReader, rowOffsets, type EncodedIndex } from './indexCodec';
import { dynamicSegment, type DdfNode, type NodeFacts } from './types';

export type TreeScope = 'device' | 'user';

/** The children of every leaf: most nodes are leaves, and a Map each would slow the first load. */
const NO_CHILDREN: ReadonlyMap<string, TreeNode> = new Map();

export class TreeNode {
  private named: ReadonlyMap<string, TreeNode> = NO_CHILDREN;
  private cis: Map<string, TreeNode> | undefined = undefined;
  private unnamed: TreeNode | undefined = undefined;
  private known: NodeFacts | undefined;
  /** For a node of the bundled index: reads its facts when first asked (most never are). */
  private pending: (() => NodeFacts) | undefined;
  /** For a top-level node of the bundled index: builds its descendants when first walked into. */
  private unbuilt: (() => void) | undefined = undefined;

  constructor(
    /** null: an unnamed node, matching any segment. */
    readonly name: string | null,
    /** The node's path, `./Device/…` for the device tree, dynamic segments written `{title}`. */
    readonly path: string,
    facts: NodeFacts | (() => NodeFacts),
    /** Where the facts come from (`Microsoft Windows CSP DDF, windows-2026-01`, or the user's file). */
    public origin: string,
    readonly parent: TreeNode | undefined,
    /** Only a step of some file's `Path` (`./Device`, `Vendor`), described by no DDF. */
    public implied: boolean,
  ) {
    this.describe(facts, origin);
  }

  /** Named children by exact name. */
  get children(): ReadonlyMap<string, TreeNode> {
    if (this.unbuilt) this.build();
    return this.named;
  }

  /** Named children whose CaseSense is CIS, by lower-case name. */
  get folded(): ReadonlyMap<string, TreeNode> | undefined {
    if (this.unbuilt) this.build();
    return this.cis;
  }

  /** The unnamed child, if any. */
  get dynamic(): TreeNode | undefined {
    if (this.unbuilt) this.build();
    return this.unnamed;
  }

  get facts(): NodeFacts {
    if (this.pending) {
      this.known = this.pending();
      this.pending = undefined;
    }
    return this.known!;
  }

  describe(facts: NodeFacts | (() => NodeFacts), origin: string): void {
    if (typeof facts === 'function') this.pending = facts;
    else {
      this.known = facts;
      this.pending = undefined;
    }
    this.origin = origin;
  }

  /** Builds the descendants later, on the first walk into this node (after those deferred before, in order). */
  defer(build: () => void): void {
    const before = this.unbuilt;
    this.unbuilt = before
      ? () => {
          before();
          build();
        }
      : build;
  }

  private build(): void {
    const build = this.unbuilt!;
    this.unbuilt = undefined;
    build();
  }

  /** The child of this name, a step described by no DDF when new. */
  step(name: string, origin: string): TreeNode {
    let c = this.children.get(name);
    if (!c) {
      c = new TreeNode(name, `${this.path}/${name}`, IMPLIED_FACTS, origin, this, true);
      if (this.named === NO_CHILDREN) this.named = new Map();
      (this.named as Map<string, TreeNode>).set(name, c);
    }
    return c;
  }

  /** The unnamed child, made when new. */
  unnamedChild(title: string | undefined, origin: string): TreeNode {
    if (this.unbuilt) this.build();
    return (this.unnamed ??= new TreeNode(null, `${this.path}/${dynamicSegment(title)}`, IMPLIED_FACTS, origin, this, false));
  }

  /** Files a child under its lower-case name too (CaseSense CIS). */
  foldName(name: string, child: TreeNode): void {
    (this.cis ??= new Map()).set(name.toLowerCase(), child);
  }
}

const IMPLIED_FACTS: NodeFacts = Object.freeze({ access: [] }) as NodeFacts;

/** The nodes of a DDF file (the reader's output). */
export interface DdfSource {
  roots: readonly DdfNode[];
  origin: string;
}

/** The bundled index, its facts read on demand. */
export interface IndexSource {
  index: EncodedIndex;
  origin: string;
}

export type Resolution =
  | { kind: 'node'; node: TreeNode; scope: TreeScope | undefined }
  | {
      kind: 'unknown-node';
      /** The first segment that names no node: its text as written and its offsets in the URI. */
      segment: string;
      start: number;
      end: number;
      /** The deepest node that matched. */
      parent: TreeNode;
      /** The parent's children closest to the segment (edit distance), closest first. */
      suggestions: string[];
      /** The scope where the same path exists, when it exists only in the other one. */
      otherScope?: TreeScope;
    }
  /** A tree the index does not know (another vendor, a retired CSP): nothing can be said. */
  | { kind: 'unknown-tree' };

/** `./Vendor/MSFT/…` is the device tree. */
function canonicalSegments(path: string): string[] {
  const segs = path.split('/').filter((s) => s !== '' && s !== '.');
  if (segs[0] === 'Vendor') segs.unshift('Device');
  return segs;
}

/** The parent's child of this name (the unnamed child for null), described by `facts`. */
function place(parent: TreeNode, name: string | null, title: string | undefined, cis: boolean, facts: NodeFacts | (() => NodeFacts), origin: string): TreeNode {
  let node: TreeNode;
  if (name === null) {
    node = parent.unnamedChild(title, origin);
  } else if (name === '.' && parent.parent === undefined) {
    node = parent;
  } else {
    node = parent.step(name, origin);
    if (cis) parent.foldName(name, node);
  }
  // A later source (the user's DDF after the bundled index) describes the node anew; children merge.
  node.describe(facts, origin);
  node.implied = false;
  return node;
}

/** The descendants of the top-level row `top` (rows top + 1 … end - 1, each after its parent) under its node. */
function buildRows(reader: IndexReader, offsets: readonly number[], top: number, end: number, topNode: TreeNode, origin: string): void {
  const built: TreeNode[] = [topNode];
  for (let k = top + 1; k < end; k++) {
    const at = offsets[k];
    const parent = built[reader.parent(at) - 1 - top];
    built.push(place(parent, reader.name(at), reader.title(at), reader.caseInsensitive(at), () => reader.facts(at), origin));
  }
}

function attach(parent: TreeNode, d: DdfNode, origin: string): void {
  const node = place(parent, d.name, d.facts.title, d.facts.caseSense === 'CIS', d.facts, origin);
  for (const c of d.children) attach(node, c, origin);
}

function parentFor(root: TreeNode, parentPath: string, origin: string): TreeNode {
  let parent = root;
  for (const seg of canonicalSegments(parentPath)) parent = parent.step(seg, origin);
  return parent;
}

/**
 * Parents whose unnamed child is an ADMX-ingested area, whose names contain `~`
 * (`Contoso~Policy~Sales`): any other name the index lacks there is a typo, not a dynamic area.
 */
const INGESTED_AREA_PARENTS = new Set(['./Device/Vendor/MSFT/Policy/Config', './User/Vendor/MSFT/Policy/Config']);

let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Optimal string alignment distance (a swap of neighbours counts once) between two names whose
 * lengths differ by at most `limit`, or more than `limit` when it exceeds it: only the diagonal
 * band of width limit + 1 is computed, and the rows stop once every cell exceeds the limit.
 */
function editDistance(a: string, b: string, limit: number): number {
  const m = a.length;
  const n = b.length;
  const w = limit + 1;
  const big = limit + 2;
  if (rows[0].length <= n + 1) rows = [new Int32Array(n + 2), new Int32Array(n + 2), new Int32Array(n + 2)];
  let [prev2, prev, cur] = rows;
  for (let j = 0; j <= n + 1; j++) prev[j] = j <= w ? j : big;
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(1, i - w);
    const hi = Math.min(n, i + w);
    cur[lo - 1] = lo === 1 ? i : big;
    cur[hi + 1] = big;
    let rowMin = cur[lo - 1];
    for (let j = lo; j <= hi; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, prev2[j - 2] + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // A swap can lower the next row by one below this row's minimum, hence the + 1.
    if (rowMin > limit + 1) return big;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n];
}

/** The parent's children closest to the segment, letters compared without case. */
function closestNames(parent: TreeNode, segment: string): string[] {
  const limit = Math.max(1, Math.min(3, Math.floor(segment.length / 4)));
  const wanted = segment.toLowerCase();
  const scored: { name: string; d: number }[] = [];
  for (const name of parent.children.keys()) {
    if (Math.abs(name.length - segment.length) > limit) continue;
    const d = editDistance(wanted, name.toLowerCase(), limit);
    if (d <= limit) scored.push({ name, d });
  }
  scored.sort((x, y) => x.d - y.d || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  return scored.slice(0, 3).map((s) => s.name);
}

function decodeSegment(s: string): string {
  if (s.indexOf('%') === -1) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Resolutions a tree remembers (a trace has hundreds of distinct URIs, a workspace a few thousand). */
const MAX_REMEMBERED = 8192;

/** The child a segment names: by name, by folded name (CIS), else the unnamed child (not for a name without `~` where it is an ingested area). */
function childNamed(n: TreeNode, s: string): TreeNode | undefined {
  const named = n.children.get(s) ?? n.folded?.get(s.toLowerCase());
  if (named) return named;
  const dynamic = n.dynamic;
  return dynamic && (s.indexOf('~') !== -1 || !INGESTED_AREA_PARENTS.has(n.path)) ? dynamic : undefined;
}

export class DmTree {
  readonly root: TreeNode;
  private readonly resolved = new Map<string, Resolution>();

  /** Later sources describe a node anew where they overlap earlier ones; children merge. */
  constructor(sources: readonly (DdfSource | IndexSource)[]) {
    this.root = new TreeNode('.', '.', IMPLIED_FACTS, '', undefined, true);
    for (const src of sources) {
      if ('index' in src) {
        this.addIndex(src);
        continue;
      }
      for (const r of src.roots) attach(parentFor(this.root, r.parentPath ?? '.', src.origin), r, src.origin);
    }
  }

  /**
   * Places the index's top-level nodes (a CSP, a Policy area) now and each one's descendants when a
   * lookup first walks into it: a document touches a few of some 400 subtrees, and building all
   * ~6,000 nodes was most of the first load.
   */
  private addIndex(src: IndexSource): void {
    const reader = new IndexReader(src.index);
    const offsets = rowOffsets(src.index.nodes);
    let next = 0;
    while (next < offsets.length) {
      const top = next;
      const at = offsets[top];
      let end = top + 1;
      while (end < offsets.length && reader.parent(offsets[end]) !== 0) end++;
      const parent = parentFor(this.root, reader.parentPath(at), src.origin);
      const node = place(parent, reader.name(at), reader.title(at), reader.caseInsensitive(at), () => reader.facts(at), src.origin);
      if (end > top + 1) node.defer(() => buildRows(reader, offsets, top, end, node, src.origin));
      next = end;
    }
  }

  /**
   * Resolves an OMA-URI: `./Device/…`, `./User/…`, `./Vendor/MSFT/…` (the device tree), `./DevDetail/…`;
   * percent-encoded segments, a trailing slash and a `?list=…` query are accepted.
   */
  resolve(uri: string): Resolution {
    let r = this.resolved.get(uri);
    if (r) return r;
    r = this.resolveAnew(uri);
    // Every document version re-resolves its URIs: remember them across versions, within a bound.
    if (this.resolved.size >= MAX_REMEMBERED) this.resolved.clear();
    this.resolved.set(uri, r);
    return r;
  }

  /** resolve() without the memo: the work a URI not seen before costs. */
  resolveAnew(uri: string): Resolution {
    const found = this.find(uri);
    if (found) return found;
    let end = uri.indexOf('?');
    if (end === -1) end = uri.length;
    while (end > 0 && uri.charCodeAt(end - 1) === 0x2f /* / */) end--;
    // Segment offsets in the URI as written.
    const starts: number[] = [];
    const ends: number[] = [];
    let i = 0;
    if (uri.startsWith('./')) i = 2;
    else if (uri.charCodeAt(0) === 0x2f) i = 1;
    while (i <= end) {
      let j = uri.indexOf('/', i);
      if (j === -1 || j > end) j = end;
      starts.push(i);
      ends.push(j);
      i = j + 1;
    }
    const segs = starts.map((s, k) => decodeSegment(uri.slice(s, ends[k])));
    if (segs.length === 0 || (segs.length === 1 && segs[0] === '')) return { kind: 'unknown-tree' };
    if (segs[0] === 'Vendor') {
      segs.unshift('Device');
      starts.unshift(starts[0]);
      ends.unshift(starts[0]);
    }
    const scope: TreeScope | undefined = segs[0] === 'Device' ? 'device' : segs[0] === 'User' ? 'user' : undefined;
    const walked = this.walk(segs);
    if (walked.node) return { kind: 'node', node: walked.node, scope };
    // Authority: a CSP (or a root object) the index describes, in either scope; anything else
    // (another vendor, a retired CSP) is not ours to judge.
    const other = scope ? [scope === 'device' ? 'User' : 'Device', ...segs.slice(1)] : undefined;
    if (!this.knows(segs) && !(other && this.knows(other))) return { kind: 'unknown-tree' };
    const k = walked.failedAt;
    const result: Resolution = {
      kind: 'unknown-node',
      segment: uri.slice(starts[k], ends[k]),
      start: starts[k],
      end: ends[k],
      parent: walked.parent,
      suggestions: closestNames(walked.parent, segs[k]),
    };
    if (other && this.walk(other).node) result.otherScope = scope === 'device' ? 'user' : 'device';
    return result;
  }

  /** The common case, a URI naming a node, in one pass without intermediate arrays; undefined otherwise. */
  private find(uri: string): Resolution | undefined {
    let end = uri.indexOf('?');
    if (end === -1) end = uri.length;
    while (end > 0 && uri.charCodeAt(end - 1) === 0x2f /* / */) end--;
    let i = uri.startsWith('./') ? 2 : uri.charCodeAt(0) === 0x2f ? 1 : 0;
    if (i >= end) return undefined;
    let n = this.root;
    let scope: TreeScope | undefined;
    let first = true;
    while (i <= end) {
      let j = uri.indexOf('/', i);
      if (j === -1 || j > end) j = end;
      const s = decodeSegment(uri.slice(i, j));
      if (first) {
        first = false;
        if (s === 'Vendor') n = n.children.get('Device') ?? n;
        scope = s === 'Device' || s === 'Vendor' ? 'device' : s === 'User' ? 'user' : undefined;
      }
      const next = childNamed(n, s);
      if (!next) return undefined;
      n = next;
      i = j + 1;
    }
    return { kind: 'node', node: n, scope };
  }

  /**
   * Whether a DDF describes the tree the path is in (a CSP, a root object, a vendor's node): the
   * deepest node it reaches is described, not only a step of some file's `Path`.
   */
  private knows(segs: readonly string[]): boolean {
    const w = this.walk(segs);
    return !(w.node ?? w.parent).implied;
  }

  private walk(segs: readonly string[]): { node?: TreeNode; parent: TreeNode; failedAt: number } {
    let n = this.root;
    for (let k = 0; k < segs.length; k++) {
      const s = segs[k];
      const next = childNamed(n, s);
      if (!next) return { parent: n, failedAt: k };
      n = next;
    }
    return { node: n, parent: n.parent ?? n, failedAt: -1 };
  }
}

/**
 * The node's Microsoft Learn page, derived from its path: `…/Vendor/MSFT/<CSP>` → `<csp>-csp`, a
 * Policy area `…/Policy/Config/<Area>` → `policy-csp-<area>` (`_` → `-`), a root object
 * (`./DevDetail`, `./SyncML/DMAcc`) → `<name>-csp`. Microsoft names its pages so; it is not checked
 * per page.
 */
export function learnUrl(path: string): string | undefined {
  const base = 'https://learn.microsoft.com/windows/client-management/mdm/';
  const v = /^\.\/(?:Device\/|User\/)?Vendor\/MSFT\/([^/{]+)(?:\/(?:Config|Result)\/([^/{~]+)(?:\/|$))?/.exec(path);
  if (v) {
    if (v[1] === 'Policy' && v[2]) return `${base}policy-csp-${v[2].toLowerCase().replace(/_/g, '-')}`;
    return `${base}${v[1].toLowerCase()}-csp`;
  }
  const r = /^\.\/(?:SyncML\/)?(DevDetail|DevInfo|DMAcc)(?:\/|$)/.exec(path);
  return r ? `${base}${r[1].toLowerCase()}-csp` : undefined;
}
