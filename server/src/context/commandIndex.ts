/**
 * The command index: the Alert and Exec commands of a document by (MsgID, CmdID), so that a Status
 * finds the command it answers (a Generic Alert? an Exec on an MO node?) without a search.
 */
import { digitsValue } from '../model/digits';
import { N } from '../model/names';
import type { XmlDocument } from '../model/xmlDocument';
import { doubled } from '../model/int32';

/**
 * The commands a Status is matched with (CommandMatcher.answered): only the answer to an Alert (a
 * Generic Alert?) or an Exec (on an MO node?) depends on the command itself, so only they are
 * indexed, not every command of a trace.
 */
export const MATCHED_COMMAND_NAMES: readonly number[] = [N.Alert, N.Exec];
/** Name id -> 1 for MATCHED_COMMAND_NAMES. */
export const MATCHED_COMMANDS = new Uint8Array(256);
for (const n of MATCHED_COMMAND_NAMES) MATCHED_COMMANDS[n] = 1;

/**
 * A MsgID or CmdID in canonical decimal form (no sign, no leading zero, at most 9 digits) as a
 * number, else -1. Such ids (nearly all) key the command index as numbers: no key string is built.
 */
function canonicalId(text: string, start: number, end: number): number {
  const n = end - start;
  if (n === 0 || n > 9 || (n > 1 && text.charCodeAt(start) === 48)) return -1;
  return digitsValue(text, start, end);
}

/** The MsgID part of a numeric command key: a canonical id, NO_MESSAGE for '', or -1 (use a string key). */
export const NO_MESSAGE = -2;
export function messageKey(msgId: string): number {
  return msgId === '' ? NO_MESSAGE : canonicalId(msgId, 0, msgId.length);
}

/**
 * Commands by (MsgID, CmdID), newest first. When the MsgID is canonical or empty and the CmdID
 * canonical (nearly always) the pair itself is the key, in an open-addressing table of Int32Arrays;
 * otherwise the key is the string `${msgId}\u0000${cmdId}` in a Map. Either way equal keys mean equal
 * id strings. Entries are chained per key in Int32Arrays: no object, array or key string per command.
 */
class CommandIndex {
  /** Per entry: the command element, the SyncML element it sits in (-1: none), the previous entry with the same key (newest first). */
  element: Int32Array;
  syncml: Int32Array;
  next: Int32Array;
  private count = 0;
  /** Open addressing over (message key, command id) pairs; slotHead -1 = empty. */
  private slotMsg: Int32Array;
  private slotCmd: Int32Array;
  private slotHead: Int32Array;
  private used = 0;
  private readonly byString = new Map<string, number>();

  /** Sized for `expected` commands (the marked elements: no command is unmarked). */
  constructor(expected: number) {
    const n = Math.max(16, expected);
    this.element = new Int32Array(n);
    this.syncml = new Int32Array(n);
    this.next = new Int32Array(n);
    let slots = 64;
    while (slots < 2 * n) slots *= 2;
    this.slotMsg = new Int32Array(slots);
    this.slotCmd = new Int32Array(slots);
    this.slotHead = new Int32Array(slots).fill(-1);
  }

  /** msgKey is messageKey(msgId), cmdNum canonicalId(cmdId); cmdId may be '' when both are numeric. */
  add(msgId: string, msgKey: number, cmdId: string, cmdNum: number, element: number, syncml: number): void {
    if (this.count === this.element.length) this.grow();
    const h = this.count++;
    this.element[h] = element;
    this.syncml[h] = syncml;
    this.next[h] = -1;
    let first: number;
    if (msgKey !== -1 && cmdNum >= 0) {
      if (2 * (this.used + 1) > this.slotHead.length) this.rehash();
      const slot = this.find(msgKey, cmdNum);
      first = this.slotHead[slot];
      if (first < 0) {
        this.slotMsg[slot] = msgKey;
        this.slotCmd[slot] = cmdNum;
        this.slotHead[slot] = h;
        this.used++;
      }
    } else {
      const key = `${msgId}\u0000${cmdId}`;
      first = this.byString.get(key) ?? -1;
      if (first < 0) this.byString.set(key, h);
    }
    // Newest first: a Status wants the nearest command before it.
    if (first >= 0) {
      this.next[h] = first;
      if (msgKey !== -1 && cmdNum >= 0) this.slotHead[this.find(msgKey, cmdNum)] = h;
      else this.byString.set(`${msgId}\u0000${cmdId}`, h);
    }
  }

  /** The newest entry for these ids (msgKey and cmdNum as add() takes them), or -1. */
  first(msgId: string, msgKey: number, cmdId: string, cmdNum: number): number {
    if (msgKey !== -1 && cmdNum >= 0) return this.slotHead[this.find(msgKey, cmdNum)];
    return this.byString.get(`${msgId}\u0000${cmdId}`) ?? -1;
  }

  /** The slot holding the pair, or the empty slot where it would go. */
  private find(msgKey: number, cmdNum: number): number {
    const mask = this.slotHead.length - 1;
    let slot = (Math.imul(msgKey, 0x9e3779b1) ^ Math.imul(cmdNum, 0x85ebca6b)) & mask;
    while (this.slotHead[slot] >= 0 && (this.slotMsg[slot] !== msgKey || this.slotCmd[slot] !== cmdNum)) slot = (slot + 1) & mask;
    return slot;
  }

  private rehash(): void {
    const { slotMsg, slotCmd, slotHead } = this;
    const size = slotHead.length * 2;
    this.slotMsg = new Int32Array(size);
    this.slotCmd = new Int32Array(size);
    this.slotHead = new Int32Array(size).fill(-1);
    for (let k = 0; k < slotHead.length; k++) {
      if (slotHead[k] < 0) continue;
      const slot = this.find(slotMsg[k], slotCmd[k]);
      this.slotMsg[slot] = slotMsg[k];
      this.slotCmd[slot] = slotCmd[k];
      this.slotHead[slot] = slotHead[k];
    }
  }

  private grow(): void {
    this.element = doubled(this.element);
    this.syncml = doubled(this.syncml);
    this.next = doubled(this.next);
  }
}

/** Who sent a message (SyncHdr/Source/LocURI): enough to tell the other party's commands from its own. */
interface Sender {
  source: string;
}

/**
 * Status -> the command it answers. The main walk files the Alert and Exec commands as it reaches
 * them, so at a Status the index holds exactly the commands before it, nearest first.
 */
export class CommandMatcher {
  private readonly index = new CommandIndex(64);

  /** messageAt: the message (sender) of a SyncML element, once the walk has met it. */
  constructor(
    private readonly doc: XmlDocument,
    private readonly messageAt: (syncml: number) => Sender | undefined,
  ) {}

  /** File a command under its message's MsgID and its CmdID (msgKey is messageKey(msgId)). */
  file(i: number, syncml: number, msgId: string, msgKey: number): void {
    const { doc } = this;
    const idEl = doc.child(i, N.CmdID);
    if (idEl < 0) return;
    doc.trim(idEl);
    if (doc.trimStart === doc.trimEnd) return;
    const cmdNum = canonicalId(doc.text, doc.trimStart, doc.trimEnd);
    // The CmdID's string is needed only for a string key.
    const cmdId = cmdNum >= 0 && msgKey !== -1 ? '' : doc.text.slice(doc.trimStart, doc.trimEnd);
    this.index.add(msgId, msgKey, cmdId, cmdNum, i, syncml);
  }

  /**
   * The command a Status answers, when it is in the same file (a saved trace): `own` is the message
   * the Status sits in (undefined in a fragment), msgRef, cmdRef and cmd are its children's values.
   */
  answered(own: Sender | undefined, msgRef: string, cmdRef: string, cmd: string): number {
    const { doc, index } = this;
    const msgId = own ? msgRef : '';
    const name = cmd === 'Alert' ? N.Alert : cmd === 'Exec' ? N.Exec : -1;
    for (let h = index.first(msgId, messageKey(msgId), cmdRef, canonicalId(cmdRef, 0, cmdRef.length)); h >= 0; h = index.next[h]) {
      const c = index.element[h];
      if (doc.name[c] !== name) continue;
      const theirs = this.messageAt(index.syncml[h]);
      // The command was sent by the other party: another message (or, in a fragment, anywhere).
      if (own && theirs && theirs === own) continue;
      if (own && theirs && own.source && theirs.source && own.source === theirs.source) continue;
      return c;
    }
    return -1;
  }
}
