/**
 * Where the cursor stands among the document's tree items (DocumentAnalysis.treeItems, found once per
 * analysis and in document order): binary searches, so a request in a large trace does local work
 * only. And the segments of an OMA-URI as written.
 */
import type { TreeItem } from '../context/treeItems';
import { lowerBound } from '../model/lowerBound';
import { work } from '../workCounter';
import type { DocumentAnalysis } from './analysis';

/** The tree item whose URI contains offset (its ends included), if any. */
export function treeItemAtUri(a: DocumentAnalysis, offset: number): TreeItem | undefined {
  const items = a.treeItems;
  const k = lowerBound(items.length, (i) => (work.steps++, items[i].uriEnd < offset));
  const t = items[k];
  return t && t.uriStart <= offset ? t : undefined;
}

/** The tree item of an Item element, if it is one. */
export function treeItemOf(a: DocumentAnalysis, item: number): TreeItem | undefined {
  const items = a.treeItems;
  const k = lowerBound(items.length, (i) => (work.steps++, items[i].item < item));
  const t = items[k];
  return t && t.item === item ? t : undefined;
}

/** The tree items of a command, in order. */
export function treeItemsOfCommand(a: DocumentAnalysis, command: number): TreeItem[] {
  const items = a.treeItems;
  const out: TreeItem[] = [];
  for (let k = lowerBound(items.length, (i) => (work.steps++, items[i].item < command)); k < items.length && items[k].command === command; k++, work.steps++) out.push(items[k]);
  return out;
}

/**
 * Whether the URI addresses a property of its node (`…/Node?prop=ACL`, OMA DM TND): the command acts
 * on that property, and the Data is the property's, not the node's value.
 */
export function addressesProperty(uri: string): boolean {
  return uri.indexOf('?prop=') !== -1;
}

/** A segment of a URI: its offsets in the URI text. */
export interface Segment {
  start: number;
  end: number;
}

/**
 * The segments of an OMA-URI as written, after a leading `./` or `/` and before a `?` query; a
 * trailing slash ends the last one.
 */
export function uriSegments(uri: string): Segment[] {
  let end = uri.indexOf('?');
  if (end === -1) end = uri.length;
  let i = uri.startsWith('./') ? 2 : uri.charCodeAt(0) === 0x2f /* / */ ? 1 : 0;
  const out: Segment[] = [];
  while (i < end) {
    let j = uri.indexOf('/', i);
    if (j === -1 || j > end) j = end;
    if (j > i) out.push({ start: i, end: j });
    i = j + 1;
  }
  return out;
}
