/**
 * DM or DS: which protocol a message (or a fragment without a SyncML root) speaks. DS messages say
 * SyncML/1.x in VerProto, DM says DM/1.x; without VerProto, elements only SyncML DS has decide.
 */
import { N } from '../model/names';
import type { XmlDocument } from '../model/xmlDocument';
import { lowerBound } from '../model/lowerBound';

/** Elements only SyncML DS has (sync anchors, Sync, Map). */
export const DS_ONLY_NAMES: readonly number[] = [N.Anchor, N.Sync, N.Map, N.MapItem];
const isDsMarker = (n: number) => n === N.Anchor || n === N.Sync || n === N.Map || n === N.MapItem;

/** Whether a VerProto value names OMA DM (anything but SyncML/…). */
export function verProtoIsDm(verProto: string): boolean {
  return !/^syncml\//i.test(verProto);
}

/** The DS-only marked elements of one document, found once, asked about per message. */
export class DsMarkers {
  /** The marked elements that only SyncML DS has, in document order. Built when first needed. */
  private list: number[] | undefined;
  private fragmentIsDm: boolean | undefined;

  constructor(private readonly doc: XmlDocument) {}

  /** Elements only SyncML DS has in elements [from, to). */
  within(from: number, to: number): boolean {
    if (!this.list) {
      const { doc } = this;
      this.list = [];
      for (let k = 0; k < doc.markCount; k++) if (isDsMarker(doc.name[doc.marks[k]])) this.list.push(doc.marks[k]);
    }
    // The first DS marker at or after `from`, by binary search (a message's check is then not a walk over its elements).
    const list = this.list;
    const lo = lowerBound(list.length, (k) => list[k] < from);
    return lo < list.length && list[lo] < to;
  }

  /** DM or DS for a document without a SyncML root: decided once, by the whole document's markers. */
  fragmentIsDmDocument(): boolean {
    this.fragmentIsDm ??= !this.within(0, this.doc.count);
    return this.fragmentIsDm;
  }
}
