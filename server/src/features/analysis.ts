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

/** What analyze() builds for one document version: the tree and the resolved code places. */
export class DocumentAnalysis implements Analysis {
  private lineIndex: LineIndex | undefined;
  private conversationIndex: Conversation | undefined;

  constructor(
    readonly document: TextDocument,
    readonly kind: DocumentKind,
    readonly text: string,
    readonly xml: XmlDocument,
    readonly contexts: Contexts,
    readonly catalog: Catalog,
  ) {}

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

