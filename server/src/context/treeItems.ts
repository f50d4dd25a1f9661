/**
 * Where a message addresses the DM tree: every item of a command that names a node (Add, Replace,
 * Get, Delete, Exec, Copy by their Target; Results by their Source, a device's report), with the
 * elements around it that the tree features read (the URI, the Meta/Format in force, the Data).
 * Found from the scanner's marks, so no walk touches every element.
 */
import { N } from '../model/names';
import { ElementFlag, type XmlDocument } from '../model/xmlDocument';

/** The commands whose items address a node, as the tree's access types name them. */
export type TreeCommand = 'Add' | 'Replace' | 'Get' | 'Delete' | 'Exec' | 'Copy' | 'Results';

const COMMANDS: readonly [number, TreeCommand][] = [
  [N.Add, 'Add'],
  [N.Replace, 'Replace'],
  [N.Get, 'Get'],
  [N.Delete, 'Delete'],
  [N.Exec, 'Exec'],
  [N.Copy, 'Copy'],
  [N.Results, 'Results'],
];
/** Name id -> the command's name, for the commands above. */
const COMMAND_OF: (TreeCommand | undefined)[] = new Array(256).fill(undefined);
for (const [id, name] of COMMANDS) COMMAND_OF[id] = name;

/** The names the scanner must mark for treeItems (CONTEXT_SCAN includes them). */
export const TREE_COMMAND_NAMES: readonly number[] = COMMANDS.map(([id]) => id);

export interface TreeItem {
  /** The command element and its name. */
  command: number;
  commandName: TreeCommand;
  item: number;
  /** The LocURI element (Target's, or Source's for Results). */
  locUri: number;
  /** The URI as written, trimmed of XML whitespace, and its offsets in the text. */
  uri: string;
  uriStart: number;
  uriEnd: number;
  /** The Meta/Format element in force: the item's own, else its command's; -1 when none. */
  format: number;
  /** The item's Data element; -1 when none. */
  data: number;
}

/** The Format of an element's own Meta (an item's or a command's), or -1. */
function metaFormat(xml: XmlDocument, meta: number): number {
  return meta < 0 ? -1 : xml.child(meta, N.Format);
}

/** Every tree item of the document, in document order. */
export function treeItems(xml: XmlDocument): TreeItem[] {
  const out: TreeItem[] = [];
  const shared = new Map<string, string>();
  const { marks, name, subtreeEnd } = xml;
  for (let k = 0; k < xml.markCount; k++) {
    const command = marks[k];
    const commandName = COMMAND_OF[name[command]];
    if (commandName === undefined) continue;
    const holder = commandName === 'Results' ? N.Source : N.Target;
    let commandFormat = -2;
    for (let item = command + 1; item < subtreeEnd[command]; item = subtreeEnd[item]) {
      if (name[item] !== N.Item) continue;
      // The item's parts in one walk over its children (the first of each name counts).
      let target = -1;
      let meta = -1;
      let data = -1;
      for (let c = item + 1; c < subtreeEnd[item]; c = subtreeEnd[c]) {
        const n = name[c];
        if (n === holder) {
          if (target < 0) target = c;
        } else if (n === N.Meta) {
          if (meta < 0) meta = c;
        } else if (n === N.Data && data < 0) data = c;
      }
      const locUri = target < 0 ? -1 : xml.child(target, N.LocURI);
      // Markup inside a LocURI (a <ProviderID> placeholder) is no URI to resolve.
      if (locUri < 0 || locUri + 1 < subtreeEnd[locUri] || xml.flags[locUri] & ElementFlag.Unclosed) continue;
      xml.trim(locUri);
      const uriStart = xml.trimStart;
      const uriEnd = xml.trimEnd;
      if (uriStart === uriEnd) continue;
      let format = metaFormat(xml, meta);
      if (format < 0) {
        if (commandFormat === -2) commandFormat = metaFormat(xml, xml.child(command, N.Meta));
        format = commandFormat;
      }
      // Items that write the same URI share one string: the maps keyed by it later (the
      // document's resolutions, the URI checks) then match by identity, not by comparing text.
      let uri = xml.text.slice(uriStart, uriEnd);
      const known = shared.get(uri);
      if (known === undefined) shared.set(uri, uri);
      else uri = known;
      out.push({ command, commandName, item, locUri, uri, uriStart, uriEnd, format, data });
    }
  }
  return out;
}

/**
 * Whether a URI addresses a Windows tree (`./Device/…`, `./User/…`, `./Vendor/MSFT/…`, or Windows'
 * own DevDetail extension, `./DevDetail/Ext/Microsoft/…`): a document that has one is a Windows
 * session or profile, where the OMA standard objects (DevInfo, DevDetail, DMAcc) are Windows' own
 * and judged by its DDF.
 */
export function isWindowsTreeUri(uri: string): boolean {
  return /^(?:\.?\/)?(?:Device\/|User\/|Vendor\/MSFT(?:\/|$)|DevDetail\/Ext\/Microsoft\/)/.test(uri);
}

/** The OMA standard objects, which every DM client has, each vendor with its own extensions. */
export function isStandardObjectUri(uri: string): boolean {
  return /^(?:\.?\/)?(?:SyncML\/)?(?:DevInfo|DevDetail|DMAcc)(?:\/|$|\?)/.test(uri);
}
