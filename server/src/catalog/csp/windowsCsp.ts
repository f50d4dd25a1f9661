/**
 * The bundled Windows CSP index, decoded into a DmTree the first time it is needed (never at start-up).
 */
import { DmTree, type IndexSource, type TreeNode } from '../ddf/dmTree';
import type { EncodedIndex, IndexDrop } from '../ddf/indexCodec';
import { WINDOWS_CSP_INDEX_JSON } from './windowsCspIndex';

let index: EncodedIndex | undefined;
let source: IndexSource | undefined;
let tree: DmTree | undefined;

function encoded(): EncodedIndex {
  return (index ??= JSON.parse(WINDOWS_CSP_INDEX_JSON) as EncodedIndex);
}

/** The drop the index was built from (name, date, counts). */
export function windowsCspDrop(): IndexDrop {
  return encoded().drop;
}

/** The index as a source of a DmTree, to merge with the user's DDF files. */
export function windowsCspSource(): IndexSource {
  return (source ??= { index: encoded(), origin: `Microsoft Windows CSP DDF, ${encoded().drop.name}` });
}

/** The Windows CSP tree alone (no user DDF), built once. */
export function windowsCspTree(): DmTree {
  return (tree ??= new DmTree([windowsCspSource()]));
}

/** Whether the index has been decoded in this process: the probe of its laziness, for tests and the bench. */
export function windowsCspLoaded(): boolean {
  return index !== undefined;
}

/** Whether the bundled index (not a DDF the user loaded) describes the node. */
export function isBundledNode(node: TreeNode): boolean {
  return source !== undefined && node.origin === source.origin;
}
