/**
 * The tree plan of the latency bench: where a user points at the DM tree in a trace. The items that
 * address a Windows node (as the language service finds them, context/treeItems.ts), spread over
 * the file; on each, a hover on one of its URI's segments (each depth in turn) and a completion at
 * the end of the URI or, every other entry where the item has one, at the end of its Data value.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONTEXT_SCAN } from '../server/src/context/sites';
import { isStandardObjectUri, isWindowsTreeUri, treeItems } from '../server/src/context/treeItems';
import { parseXml } from '../server/src/model/scanner';
import type { TreeEntry } from './latencyDriver';

export interface TreePlan {
  entries: TreeEntry[];
  /** Windows tree items in the document, of which `entries` is a sample. */
  items: number;
}

/** `n` entries (fewer if the document has fewer Windows items); `mirror` holds the document's text. */
export function treePlan(mirror: TextDocument, n: number): TreePlan {
  const xml = parseXml(mirror.getText(), CONTEXT_SCAN);
  // The trace addresses Windows trees, so its DevInfo and DevDetail are judged by Windows' index too.
  const items = treeItems(xml).filter((t) => isWindowsTreeUri(t.uri) || isStandardObjectUri(t.uri));
  const entries: TreeEntry[] = [];
  for (let i = 0; i < n && items.length; i++) {
    const t = items[Math.floor(((i + 0.5) * items.length) / n)];
    const segments = segmentRanges(t.uri);
    const [from, to] = segments[i % segments.length];
    const hover = mirror.positionAt(t.uriStart + ((from + to) >> 1));
    let completion = mirror.positionAt(t.uriEnd);
    if (i % 2 === 1 && t.data >= 0) {
      const [start, end] = xml.valueRange(t.data);
      if (end > start) completion = mirror.positionAt(end);
    }
    entries.push({ hover, completion });
  }
  return { entries, items: items.length };
}

/** [start, end) of each non-empty segment of a URI, after its leading `./`. */
function segmentRanges(uri: string): [number, number][] {
  const out: [number, number][] = [];
  let start = uri.startsWith('./') ? 2 : 0;
  for (let i = start; i <= uri.length; i++) {
    if (i === uri.length || uri[i] === '/') {
      if (i > start) out.push([start, i]);
      start = i + 1;
    }
  }
  return out.length ? out : [[0, uri.length]];
}
