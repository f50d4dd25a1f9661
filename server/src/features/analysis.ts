import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../api';
import type { Catalog } from '../catalog/api';
import type { CodeSite, Contexts, TypeSite } from '../context/sites';
import type { Position } from 'vscode-languageserver-types';
import type { DocumentKind } from '../api';
import { LineIndex, positionsOf } from '../model/lineIndex';
import type { XmlDocument } from '../model/xmlDocument';
import { Conversation } from '../context/conversation';
import { lowerBound } from '../model/lowerBound';
import { parseXml } from '../model/scanner';
import { holdShape, STORED_ONLY } from '../model/shapes';
import type { DmTree, Resolution } from '../catalog/ddf/dmTree';
import { isBundledNode } from '../catalog/csp/windowsCsp';
import { isStandardObjectUri, isWindowsTreeUri, type TreeItem } from '../context/treeItems';

const UNKNOWN_TREE: Resolution = Object.freeze({ kind: 'unknown-tree' });

/** What analyze() builds for one document version: the tree and the resolved code places. */
export class DocumentAnalysis implements Analysis {
  private lineIndex: LineIndex | undefined;
  private conversationIndex: Conversation | undefined;
  private windows: boolean | undefined;
  private readonly resolutions = new Map<string, Resolution>();

  constructor(
    readonly document: TextDocument,
    readonly kind: DocumentKind,
    readonly text: string,
    readonly xml: XmlDocument,
    readonly contexts: Contexts,
    readonly catalog: Catalog,
    /** The DM tree, built or loaded only when a feature first resolves a URI. */
    private readonly dmTree: () => DmTree,
  ) {}

  /** Every item that addresses a tree node (context/treeItems.ts), found by the context walk. */
  get treeItems(): readonly TreeItem[] {
    return this.contexts.treeItems;
  }

  /** Whether the document addresses a Windows tree: only then are the OMA standard objects judged by Windows' DDF. */
  get addressesWindows(): boolean {
    return (this.windows ??= this.treeItems.some((t) => isWindowsTreeUri(t.uri)));
  }

  /**
   * The node a URI names, as far as the product may judge it: the OMA standard objects (DevInfo,
   * DevDetail, DMAcc) outside a Windows document resolve only by a DDF the user loaded, never by
   * Windows' (an Android client's ./DevDetail/Bearer/GSM is right for its own tree).
   */
  resolveUri(uri: string): Resolution {
    // Per document as well as in the tree's memo: the tree items' URIs are shared strings
    // (treeItems), found here by identity, where the tree's memo compares their text.
    let r = this.resolutions.get(uri);
    if (r) return r;
    r = this.dmTree().resolve(uri);
    if (r.kind !== 'unknown-tree' && !this.addressesWindows && isStandardObjectUri(uri) && isBundledNode(r.kind === 'node' ? r.node : r.parent)) {
      r = UNKNOWN_TREE;
    }
    this.resolutions.set(uri, r);
    return r;
  }

  /** Built on first use: many requests never need a position. */
  private get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.text));
  }

  /**
   * Every command with its CmdID and every Status and Results with what it refers to: built on the
   * first request that reads the document as a conversation (navigation, code lens, outline, decode),
   * never by the analysis itself.
   */
  get conversation(): Conversation {
    return (this.conversationIndex ??= new Conversation(this.xml));
  }

  positionAt(offset: number): Position {
    return this.lines.positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.lines.offsetAt(position);
  }

  /**
   * positionAt for many offsets at once (diagnostics): the line index when it is built, else one
   * forward pass that stops at the last offset and builds no table (a large trace has many lines
   * and few diagnostics).
   */
  positionsAt(offsets: readonly number[]): Position[] {
    const index = this.lineIndex;
    return index ? offsets.map((o) => index.positionAt(o)) : positionsOf(this.text, offsets);
  }
}

/**
 * The analysis behind the opaque `Analysis` a caller hands back. Only analyze() makes one; anything
 * else (a hand-built object, an analysis from another copy of this module) is the caller's mistake,
 * said here plainly rather than as a TypeError deep inside a feature.
 */
export function asDocumentAnalysis(a: Analysis): DocumentAnalysis {
  if (a instanceof DocumentAnalysis) return a;
  throw new TypeError('not an Analysis made by this language service: pass what its analyze() returned');
}

/** The code site whose number range touches offset (binary search over the sorted sites). */
export function siteAt(sites: readonly CodeSite[], offset: number): CodeSite | undefined {
  let lo = 0;
  let hi = sites.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sites[mid];
    if (s.end < offset) lo = mid + 1;
    else if (s.start > offset) hi = mid - 1;
    else return s;
  }
  return undefined;
}

export function typeSiteAt(sites: readonly TypeSite[], offset: number): TypeSite | undefined {
  // Type sites are few per document and already in document order.
  for (const s of sites) {
    if (s.start > offset) break;
    if (offset <= s.end && s.end > s.start) return s;
  }
  return undefined;
}

/** The first site index whose start is at or after offset. */
export function firstSiteFrom(sites: readonly CodeSite[], offset: number): number {
  return lowerBound(sites.length, (k) => sites[k].start < offset);
}

// For its hidden class (model/shapes.ts).
holdShape(new DocumentAnalysis(STORED_ONLY, 'other', '', parseXml(''), { sites: [], typeSites: [], messages: [], treeItems: [] }, STORED_ONLY, STORED_ONLY));
