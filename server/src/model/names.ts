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

type ElementName = (typeof NAMES)[number];

/** Name ids, e.g. N.Status. */
export const N = Object.fromEntries(NAMES.map((name, i) => [name, i])) as { [K in ElementName]: number };

export const enum Ch {
  Tab = 9, LF = 10, CR = 13, Space = 32, Bang = 33, Quote = 34, Hash = 35, Amp = 38, Apos = 39,
  Dash = 45, Dot = 46, Slash = 47, Zero = 48, Nine = 57, Colon = 58, Semi = 59, Lt = 60, Eq = 61,
  Gt = 62, Question = 63, A = 65, Z = 90, LBracket = 91, RBracket = 93, Underscore = 95, a = 97,
  x = 120, z = 122,
}

/**
 * The vocabulary as a deterministic automaton over the name's characters, which the scanner steps
 * while it reads a start tag's name: one table load per character both finds the end of the name and
 * recognises it, with no second pass to verify a hash hit (a hash table probe plus
 * String.prototype.startsWith per start tag, a visible share of the scan).
 *
 * A state is a row of 128 entries, one per ASCII character: the next state for a name character,
 * NAME_STOP for a character that ends the name. A ':' goes back to the start (the local name follows
 * the prefix). NAME_DEAD is "a name outside the vocabulary": it stays there until the name ends.
 * Non-ASCII characters are the scanner's business (they lead to NAME_DEAD or end the name).
 */
export const NAME_STOP = 0xffff;
export const NAME_DEAD = 0;
export const NAME_ROOT = 1;

function isAsciiNameChar(c: number): boolean {
  return (
    (c >= Ch.A && c <= Ch.Z) || (c >= Ch.a && c <= Ch.z) || c === Ch.Underscore || c === Ch.Colon ||
    (c >= Ch.Zero && c <= Ch.Nine) || c === Ch.Dash || c === Ch.Dot
  );
}

function buildAutomaton(): { next: Uint16Array; accept: Uint8Array } {
  // Trie of the names: state 0 dead, 1 root, then one state per distinct prefix.
  const edges: Map<number, number>[] = [new Map(), new Map()];
  const acceptOf: number[] = [0, 0];
  for (let id = 1; id < NAMES.length; id++) {
    let st = NAME_ROOT;
    for (const ch of NAMES[id]) {
      const c = ch.charCodeAt(0);
      let nx = edges[st].get(c);
      if (nx === undefined) {
        nx = edges.length;
        edges.push(new Map());
        acceptOf.push(0);
        edges[st].set(c, nx);
      }
      st = nx;
    }
    acceptOf[st] = id;
  }
  const states = edges.length;
  const next = new Uint16Array(states << 7);
  for (let st = 0; st < states; st++) {
    for (let c = 0; c < 128; c++) {
      next[(st << 7) | c] = !isAsciiNameChar(c) ? NAME_STOP : c === Ch.Colon ? NAME_ROOT : (edges[st].get(c) ?? NAME_DEAD);
    }
  }
  return { next, accept: Uint8Array.from(acceptOf) };
}

const automaton = buildAutomaton();
/** next state = NAME_NEXT[(state << 7) | charCode] for an ASCII character. */
export const NAME_NEXT = automaton.next;
/** The name id a state accepts (0: none). */
export const NAME_ACCEPT = automaton.accept;
/** Length of each vocabulary name, by id. */
export const NAME_LENGTH = Uint8Array.from(NAMES, (s) => s.length);

/** The id of the name text[start, end) exactly (no prefix, nothing around it), or 0 when it is not in the vocabulary. */
export function lookupName(text: string, start: number, end: number): number {
  let st = NAME_ROOT;
  for (let p = start; p < end; p++) {
    const c = text.charCodeAt(p);
    if (c >= 128 || c === Ch.Colon) return 0;
    st = NAME_NEXT[(st << 7) | c];
    if (st === NAME_STOP || st === NAME_DEAD) return 0;
  }
  return NAME_ACCEPT[st];
}
