/**
 * Pairing across documents: one session may be split over several files (one message each). Each
 * document's conversation (conversation.ts) has already paired what it holds; what is left, the
 * answers whose message is not in their own document, is looked up in the others here.
 */
import { MAX_CANDIDATES, MAX_PEER_ANSWERS, mayAnswer, type Conversation } from './conversation';
import { work } from '../workCounter';
import { holdShape } from '../model/shapes';

/** A document taking part in pairing: its conversation, and a handle the caller maps back (its analysis). */
export interface SessionDocument<T> {
  conversation: Conversation;
  owner: T;
}

/** A command or answer of one of the session's documents. */
export interface Place<T> {
  document: SessionDocument<T>;
  /** Index into the document's conversation's commands or answers. */
  index: number;
}

/** What an answer refers to: the message, and the command in it (-1 when the message has no such command). */
export interface Referent<T> {
  document: SessionDocument<T>;
  message: number;
  command: number;
}

/**
 * The documents a request may pair across: the one asked about first, then the others (open
 * documents of its folder, or the CLI's files given together). Documents are only joined through a
 * non-empty SessionID.
 */
export class Session<T> {
  constructor(readonly documents: readonly SessionDocument<T>[]) {}

  /** The message and command an answer refers to: in its own document, else in another of the session. */
  referent(from: SessionDocument<T>, answerIndex: number): Referent<T> | undefined {
    const conv = from.conversation;
    const a = conv.answers[answerIndex];
    if (a.localMessage >= 0) return a.localCommand >= 0 || !conv.messages[a.message].fragment ? { document: from, message: a.localMessage, command: a.localCommand } : undefined;
    const own = conv.messages[a.message];
    if (own.fragment || !a.msgRef || !own.sessionId) return undefined;
    for (const d of this.documents) {
      if (d === from) continue;
      const other = d.conversation;
      const candidates = other.messagesWith(own.sessionId, a.msgRef);
      for (let k = 0; k < candidates.length && k < MAX_CANDIDATES; k++) {
        work.steps++;
        const m = other.messages[candidates[k]];
        if (!mayAnswer(own, m)) continue;
        const command = a.header ? m.headerCommand : a.cmdRef ? other.commandIn(candidates[k], a.cmdRef) : -1;
        return { document: d, message: candidates[k], command };
      }
    }
    return undefined;
  }

  /** Every answer (in any document) that refers to this command. */
  answersTo(at: Place<T>): Place<T>[] {
    const conv = at.document.conversation;
    const out: Place<T>[] = conv.answersHere(at.index).map((index) => ({ document: at.document, index }));
    const c = conv.commands[at.index];
    const m = conv.messages[c.message];
    if (m.fragment || !m.sessionId) return out;
    for (const d of this.documents) {
      if (d === at.document) continue;
      const list = d.conversation.answersElsewhere(m.sessionId, m.msgId, c);
      for (let k = 0; k < list.length && k < MAX_PEER_ANSWERS; k++) {
        work.steps++;
        const r = this.referent(d, list[k]);
        if (r && r.document === at.document && r.command === at.index) out.push({ document: d, index: list[k] });
      }
    }
    return out;
  }

  /** Whether any answer (in any document) refers to this message: the other party's reply to it is known. */
  replied(document: SessionDocument<T>, message: number): boolean {
    const conv = document.conversation;
    if (conv.repliedInDocument(message)) return true;
    const m = conv.messages[message];
    if (m.fragment || !m.sessionId) return false;
    for (const d of this.documents) {
      if (d === document) continue;
      const list = d.conversation.answersToMessageElsewhere(m.sessionId, m.msgId);
      for (let k = 0; k < list.length && k < MAX_CANDIDATES; k++) {
        work.steps++;
        const r = this.referent(d, list[k]);
        if (r && r.document === document && r.message === message) return true;
      }
    }
    return false;
  }
}

holdShape(new Session([])); // for its hidden class (model/shapes.ts)
