/**
 * The element vocabulary the analysis cares about, interned as small integers so the scanner
 * never copies a tag name. Names outside this list get id 0 and are compared by their characters.
 */
export const NAMES = [
  '', // 0: any other name
  // SyncML message structure
  'SyncML', 'SyncHdr', 'SyncBody', 'VerDTD', 'VerProto', 'SessionID', 'MsgID', 'Target', 'Source',
  'LocURI', 'LocName', 'Cred', 'Meta', 'Type', 'Format', 'Mark', 'Data', 'Item', 'Status', 'CmdID',
  'MsgRef', 'CmdRef', 'Cmd', 'TargetRef', 'SourceRef', 'Chal', 'Final', 'Correlator', 'NoResp',
  'MoreData', 'Size', 'NextNonce', 'MaxMsgSize', 'MaxObjSize', 'RespURI',
  // commands
  'Alert', 'Add', 'Replace', 'Delete', 'Copy', 'Exec', 'Get', 'Atomic', 'Sequence', 'Results',
  'Sync', 'Map', 'MapItem', 'Put', 'Search', 'Move',
  // SyncML DS only: sync anchors
  'Anchor',
  // DM tree files (DDF / TNDS)
  'MgmtTree', 'Node', 'NodeName', 'Path', 'Value', 'RTProperties', 'DFProperties', 'DFType',
  'DDFName', 'MIME', 'DefaultValue', 'DFFormat', 'AccessType', 'Description', 'Occurrence', 'Scope',
  'DFTitle', 'CaseSense', 'ACL', 'Man', 'Mod', 'Title', 'TStamp', 'VerNo', 'Name',
] as const;

export type ElementName = (typeof NAMES)[number];

/** Name ids, e.g. N.Status. */
export const N = Object.fromEntries(NAMES.map((name, i) => [name, i])) as { [K in ElementName]: number };

export const enum Ch {
  Tab = 9, LF = 10, CR = 13, Space = 32, Bang = 33, Quote = 34, Hash = 35, Amp = 38, Apos = 39,
  Dash = 45, Dot = 46, Slash = 47, Zero = 48, Nine = 57, Colon = 58, Semi = 59, Lt = 60, Eq = 61,
  Gt = 62, Question = 63, A = 65, Z = 90, LBracket = 91, RBracket = 93, Underscore = 95, a = 97,
  x = 120, z = 122,
}

const TABLE_BITS = 9;
const TABLE_SIZE = 1 << TABLE_BITS;
const TABLE_MASK = TABLE_SIZE - 1;
/** Open-addressing table from a name's hash to its id; 0 = empty slot. */
const table = new Int32Array(TABLE_SIZE);

/** The hash the scanner computes while it reads a name's characters. */
export function hashStep(h: number, c: number): number {
  return (Math.imul(h, 31) + c) | 0;
}

function hashOf(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = hashStep(h, s.charCodeAt(i));
  return h;
}

for (let id = 1; id < NAMES.length; id++) {
  let slot = hashOf(NAMES[id]) & TABLE_MASK;
  while (table[slot] !== 0) slot = (slot + 1) & TABLE_MASK;
  table[slot] = id;
}

/** The id of text[start, end) (a local name whose hash is h), or 0 when it is not in the vocabulary. */
export function lookupName(text: string, start: number, end: number, h: number): number {
  let slot = h & TABLE_MASK;
  const len = end - start;
  for (;;) {
    const id = table[slot];
    if (id === 0) return 0;
    const name = NAMES[id];
    if (name.length === len && text.startsWith(name, start)) return id;
    slot = (slot + 1) & TABLE_MASK;
  }
}
