/**
 * A document read as a conversation: its messages, every command with its CmdID, and every Status
 * and Results with what it refers to (MsgRef, CmdRef). Built on first use by a navigation request
 * (definition, references, highlight, code lens, the outline's outcomes, `decode`), not by the
 * analysis: the context layer's own pairing (commandIndex.ts) stays limited to what code families
 * need, so that analysing a document costs no more than before.
 *
 * Pairing rules (SyncML RepPro 1.2, as OMA DM uses it):
 * - A Status or Results refers to the command with CmdID = its CmdRef in the message with
 *   MsgID = its MsgRef, sent by the other party in the same session (same SessionID). Both parties
 *   number their messages from 1, so the direction (SyncHdr/Source) tells client message 1 from
 *   server message 1 (see mayAnswer).
 * - A Status whose Cmd is SyncHdr (CmdRef 0) answers the referenced message's header.
 * - Results without MsgRef: MsgRef 1 MUST be assumed (RepPro 1.2, Results). A Status MUST carry a
 *   MsgRef (RepPro 1.2, Status); a Status without one is read, as a tolerance, as answering the
 *   nearest earlier message of the other party in the same document.
 * - In a fragment (commands without a SyncML root) there are no messages: CmdRef alone pairs.
 *
 * Everything is linear in the number of elements: one walk, map look-ups, and searches among
 * messages with the same MsgID bounded by MAX_CANDIDATES.
 */
import { N } from '../model/names';
import type { XmlDocument } from '../model/xmlDocument';
import { work } from '../workCounter';
import { lowerBound } from '../model/lowerBound';
import { parseXml } from '../model/scanner';
import { holdShape } from '../model/shapes';

/** Commands that can be answered: every SyncML command but Status (Results gets a Status in DS). */
const ANSWERABLE = new Uint8Array(256);
for (const n of [N.Add, N.Alert, N.Atomic, N.Copy, N.Delete, N.Exec, N.Get, N.Replace, N.Sequence, N.Sync, N.Map, N.Put, N.Search, N.Move, N.Results]) ANSWERABLE[n] = 1;
/** Where a command may stand inside a message. */
const CONTAINERS = new Uint8Array(256);
for (const n of [N.SyncBody, N.Atomic, N.Sequence, N.Sync]) CONTAINERS[n] = 1;

/** Messages with the same SessionID and MsgID looked at for one reference, at most (keeps pairing linear on hostile input). */
export const MAX_CANDIDATES = 64;

export interface ConversationMessage {
  /** The SyncML element; -1 for the body of a fragment. */
  element: number;
  /** The SyncHdr element, or -1. */
  header: number;
  msgId: string;
  sessionId: string;
  /** SyncHdr/Source/LocURI: who sent it. */
  source: string;
  /** SyncHdr/Target/LocURI: to whom. */
  target: string;
  /** The command standing for the header (Cmd SyncHdr), or -1. */
  headerCommand: number;
  fragment: boolean;
}

export interface ConversationCommand {
  /** The command element (for the header, the SyncHdr element). */
  element: number;
  message: number;
  cmdId: string;
  /** 'SyncHdr' for the header. */
  name: string;
  /** Carries NoResp: the sender asked for no Status. */
  noResp: boolean;
}

export interface ConversationAnswer {
  element: number;
  message: number;
  kind: 'status' | 'results';
  /** The answer's own CmdID. */
  cmdId: string;
  /** The MsgRef it refers to, defaults applied ('' when none could be told). */
  msgRef: string;
  /** MsgRef was absent and msgRef is a default. */
  msgRefDefaulted: boolean;
  cmdRef: string;
  cmd: string;
  /** Answers the header (Cmd SyncHdr, or CmdRef 0). */
  header: boolean;
  /** The Status's Data (its code); '' for Results. */
  code: string;
  /** What it refers to in this document (set once the walk is done): the message and the command, or -1. */
  localMessage: number;
  localCommand: number;
}

/** Answers to one command looked at in another document, at most (a hostile trace of equal ids stays linear). */
export const MAX_PEER_ANSWERS = 1024;


const HEADER_KEY = '\u0001';

export class Conversation {
  readonly messages: ConversationMessage[] = [];
  /** In document order (a header before its message's commands). */
  readonly commands: ConversationCommand[] = [];
  readonly answers: ConversationAnswer[] = [];
  private readonly commandByElement = new Map<number, number>();
  private readonly answerByElement = new Map<number, number>();
  /** `${message}\0${cmdId}` -> first command. */
  private readonly commandByKey = new Map<string, number>();
  /** `${sessionId}\0${msgId}` -> messages, in document order. */
  private readonly messagesByKey = new Map<string, number[]>();
  /** Command -> the answers in this document that refer to it. */
  private readonly localAnswers = new Map<number, number[]>();
  /** Per message: some answer in this document refers to it. */
  private repliedHere: Uint8Array = new Uint8Array(0);
  /**
   * The answers whose message is not in this document (a session split into files), by
   * `${sessionId}\0${msgRef}\0${cmdRef or HEADER_KEY}` and by `${sessionId}\0${msgRef}`.
   */
  private readonly elsewhereByKey = new Map<string, number[]>();
  private readonly elsewhereByMessage = new Map<string, number[]>();

  constructor(readonly doc: XmlDocument) {
    this.build();
  }

  commandAt(element: number): number {
    return this.commandByElement.get(element) ?? -1;
  }

  answerAt(element: number): number {
    return this.answerByElement.get(element) ?? -1;
  }

  /** The command with this CmdID in a message of this document, or -1. */
  commandIn(message: number, cmdId: string): number {
    return this.commandByKey.get(`${message}\u0000${cmdId}`) ?? -1;
  }

  /** Messages of this document with this SessionID and MsgID, in document order. */
  messagesWith(sessionId: string, msgId: string): readonly number[] {
    return this.messagesByKey.get(`${sessionId}\u0000${msgId}`) ?? NONE;
  }

  /** The answers in this document that refer to a command of it. */
  answersHere(command: number): readonly number[] {
    return this.localAnswers.get(command) ?? NONE;
  }

  /** Whether an answer in this document refers to this message. */
  repliedInDocument(message: number): boolean {
    return this.repliedHere[message] === 1;
  }

  /** Answers of this document to (sessionId, msgId, command) of another document: candidates, direction not yet checked. */
  answersElsewhere(sessionId: string, msgId: string, command: ConversationCommand): readonly number[] {
    return this.elsewhereByKey.get(`${sessionId}\u0000${msgId}\u0000${command.name === 'SyncHdr' ? HEADER_KEY : command.cmdId}`) ?? NONE;
  }

  /** Answers of this document to any command of (sessionId, msgId) in another document. */
  answersToMessageElsewhere(sessionId: string, msgId: string): readonly number[] {
    return this.elsewhereByMessage.get(`${sessionId}\u0000${msgId}`) ?? NONE;
  }

  /** The first command whose element starts at or after offset (commands are in document order). */
  firstCommandFrom(offset: number): number {
    const { commands, doc } = this;
    return lowerBound(commands.length, (k) => doc.start[commands[k].element] < offset);
  }

  private build(): void {
    const { doc } = this;
    const names = doc.name;
    const subtreeEnd = doc.subtreeEnd;
    // The open SyncML elements (a trace holds several; nesting is malformed but must not break us).
    const open: number[] = [];
    const openMessage: number[] = [];
    let fragment = -1;
    for (let i = 0; i < doc.count; i++) {
      work.steps++;
      const n = names[i];
      // No command stands in a header: skip it whole.
      if (n === N.SyncHdr) {
        i = subtreeEnd[i] - 1;
        continue;
      }
      if (n !== N.SyncML && n !== N.Status && ANSWERABLE[n] !== 1) continue;
      while (open.length > 0 && i >= subtreeEnd[open[open.length - 1]]) {
        open.pop();
        openMessage.pop();
      }
      if (n === N.SyncML) {
        open.push(i);
        openMessage.push(this.message(i));
        continue;
      }
      let message: number;
      if (open.length > 0) {
        message = openMessage[openMessage.length - 1];
        const p = doc.parent[i];
        // Markup inside a Data (a payload) is no command of this message.
        if (p < 0 || CONTAINERS[names[p]] !== 1) {
          i = subtreeEnd[i] - 1;
          continue;
        }
      } else {
        if (fragment < 0) fragment = this.fragmentMessage();
        message = fragment;
      }
      if (n === N.Status || n === N.Results) this.answer(i, message);
      if (ANSWERABLE[n] === 1) this.command(i, message, names[i] === N.Results ? 'Results' : commandName(n));
      // Only Atomic, Sequence and Sync hold commands; the rest of a command (items, payloads) is skipped.
      if (CONTAINERS[n] !== 1) i = subtreeEnd[i] - 1;
    }
    this.resolveHere();
  }

  /** Each answer's message and command in this document; the others wait for the session's other documents. */
  private resolveHere(): void {
    this.repliedHere = new Uint8Array(this.messages.length);
    for (let k = 0; k < this.answers.length; k++) {
      const a = this.answers[k];
      const own = this.messages[a.message];
      if (own.fragment) {
        a.localMessage = a.message;
        a.localCommand = a.cmdRef ? this.commandIn(a.message, a.cmdRef) : -1;
      } else if (a.msgRef) {
        a.localMessage = this.messageHere(a.message, a.msgRef);
        if (a.localMessage >= 0) {
          const m = this.messages[a.localMessage];
          a.localCommand = a.header ? m.headerCommand : a.cmdRef ? this.commandIn(a.localMessage, a.cmdRef) : -1;
        } else {
          push(this.elsewhereByMessage, `${own.sessionId}\u0000${a.msgRef}`, k);
          if (a.header || a.cmdRef) push(this.elsewhereByKey, `${own.sessionId}\u0000${a.msgRef}\u0000${a.header ? HEADER_KEY : a.cmdRef}`, k);
        }
      }
      if (a.localMessage >= 0 && !own.fragment) this.repliedHere[a.localMessage] = 1;
      if (own.fragment && a.localCommand >= 0) this.repliedHere[a.message] = 1;
      if (a.localCommand >= 0) push(this.localAnswers, a.localCommand, k);
    }
  }

  /**
   * The message of this document with this MsgID sent by the other party in the answer's session:
   * the nearest one before it, else the first after it; -1 when there is none.
   */
  messageHere(ownMessage: number, msgId: string): number {
    const own = this.messages[ownMessage];
    const list = this.messagesWith(own.sessionId, msgId);
    const lo = lowerBound(list.length, (k) => list[k] < ownMessage);
    for (let k = lo - 1, seen = 0; k >= 0 && seen < MAX_CANDIDATES; k--, seen++) {
      work.steps++;
      if (mayAnswer(own, this.messages[list[k]])) return list[k];
    }
    for (let k = lo, seen = 0; k < list.length && seen < MAX_CANDIDATES; k++, seen++) {
      work.steps++;
      if (list[k] !== ownMessage && mayAnswer(own, this.messages[list[k]])) return list[k];
    }
    return -1;
  }

  private message(i: number): number {
    const { doc } = this;
    const header = doc.child(i, N.SyncHdr);
    const index = this.messages.length;
    const m: ConversationMessage = {
      element: i,
      header,
      msgId: header >= 0 ? doc.value(doc.child(header, N.MsgID)) : '',
      sessionId: header >= 0 ? doc.value(doc.child(header, N.SessionID)) : '',
      source: header >= 0 ? doc.value(doc.path(header, N.Source, N.LocURI)) : '',
      target: header >= 0 ? doc.value(doc.path(header, N.Target, N.LocURI)) : '',
      headerCommand: -1,
      fragment: false,
    };
    this.messages.push(m);
    const key = `${m.sessionId}\u0000${m.msgId}`;
    const list = this.messagesByKey.get(key);
    if (list) list.push(index);
    else this.messagesByKey.set(key, [index]);
    if (header >= 0) {
      m.headerCommand = this.commands.length;
      this.commands.push({ element: header, message: index, cmdId: '', name: 'SyncHdr', noResp: doc.child(header, N.NoResp) >= 0 });
      this.commandByElement.set(header, m.headerCommand);
    }
    return index;
  }

  private fragmentMessage(): number {
    this.messages.push({ element: -1, header: -1, msgId: '', sessionId: '', source: '', target: '', headerCommand: -1, fragment: true });
    return this.messages.length - 1;
  }

  private command(i: number, message: number, name: string): void {
    const { doc } = this;
    const cmdId = doc.value(doc.child(i, N.CmdID));
    const index = this.commands.length;
    this.commands.push({ element: i, message, cmdId, name, noResp: doc.child(i, N.NoResp) >= 0 });
    this.commandByElement.set(i, index);
    if (!cmdId) return;
    const key = `${message}\u0000${cmdId}`;
    if (!this.commandByKey.has(key)) this.commandByKey.set(key, index);
  }

  private answer(i: number, message: number): void {
    const { doc } = this;
    let cmdIdEl = -1;
    let msgRefEl = -1;
    let cmdRefEl = -1;
    let cmdEl = -1;
    let dataEl = -1;
    const stop = doc.subtreeEnd[i];
    for (let c = i + 1; c < stop; c = doc.subtreeEnd[c]) {
      work.steps++;
      switch (doc.name[c]) {
        case N.CmdID: if (cmdIdEl < 0) cmdIdEl = c; break;
        case N.MsgRef: if (msgRefEl < 0) msgRefEl = c; break;
        case N.CmdRef: if (cmdRefEl < 0) cmdRefEl = c; break;
        case N.Cmd: if (cmdEl < 0) cmdEl = c; break;
        case N.Data: if (dataEl < 0) dataEl = c; break;
      }
    }
    const kind = doc.name[i] === N.Status ? 'status' : 'results';
    const cmdRef = doc.value(cmdRefEl);
    const cmd = doc.value(cmdEl);
    let msgRef = doc.value(msgRefEl);
    const msgRefDefaulted = msgRef === '';
    const m = this.messages[message];
    if (msgRefDefaulted && !m.fragment) msgRef = kind === 'results' ? '1' : this.previousOtherParty(message);
    const header = kind === 'status' && (cmd === 'SyncHdr' || (cmd === '' && cmdRef === '0'));
    const answer: ConversationAnswer = {
      element: i,
      message,
      kind,
      cmdId: doc.value(cmdIdEl),
      msgRef,
      msgRefDefaulted,
      cmdRef,
      cmd,
      header,
      code: kind === 'status' ? doc.value(dataEl) : '',
      localMessage: -1,
      localCommand: -1,
    };
    const index = this.answers.length;
    this.answers.push(answer);
    this.answerByElement.set(i, index);
  }

  /** The MsgID of the nearest earlier message of this document sent by the other party, or ''. */
  private previousOtherParty(message: number): string {
    const own = this.messages[message];
    for (let k = message - 1, seen = 0; k >= 0 && seen < MAX_CANDIDATES; k--, seen++) {
      work.steps++;
      const m = this.messages[k];
      if (m.sessionId === own.sessionId && mayAnswer(own, m)) return m.msgId;
    }
    return '';
  }
}

const NONE: readonly number[] = [];

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function commandName(n: number): string {
  switch (n) {
    case N.Add: return 'Add';
    case N.Alert: return 'Alert';
    case N.Atomic: return 'Atomic';
    case N.Copy: return 'Copy';
    case N.Delete: return 'Delete';
    case N.Exec: return 'Exec';
    case N.Get: return 'Get';
    case N.Replace: return 'Replace';
    case N.Sequence: return 'Sequence';
    case N.Sync: return 'Sync';
    case N.Map: return 'Map';
    case N.Put: return 'Put';
    case N.Search: return 'Search';
    case N.Move: return 'Move';
    default: return 'Results';
  }
}

/** Sent by different parties: their sources differ (an unknown source matches either party). */
function otherParty(a: ConversationMessage, b: ConversationMessage): boolean {
  return a !== b && !(a.source && b.source && a.source === b.source);
}

/**
 * Whether `own` may answer `m`: sent by the other party, and between the same two parties. A device
 * is named the same on both sides (IMEI:…, a GUID), so its names must agree; a server's URL may not
 * (it answers from another URL than the one called), so URLs are not compared. This keeps two
 * devices' sessions with the same SessionID, saved in one folder, apart.
 */
export function mayAnswer(own: ConversationMessage, m: ConversationMessage): boolean {
  return otherParty(own, m) && sameParty(m.target, own.source) && sameParty(m.source, own.target);
}

function sameParty(a: string, b: string): boolean {
  return !a || !b || a === b || a.includes('://') || b.includes('://');
}

holdShape(new Conversation(parseXml(''))); // for its hidden class (model/shapes.ts)
