/**
 * Following a session: Go to Definition from a Status's or Results's CmdRef (and Cmd) to the command
 * it answers and from its MsgRef to the message; Find All References from a command's CmdID (or its
 * name, or an answer's CmdRef) to every Status and Results answering it; the pair highlighted.
 */
import type { DocumentHighlight, Location, Position } from 'vscode-languageserver-types';
import type { Analysis } from '../api';
import { N } from '../model/names';
import type { DocumentAnalysis } from './analysis';
import { answerLocation, commandLocation, messageLocation, sessionOf, type SessionDoc, type SessionPlace } from './session';
import type { Session } from '../context/sessionDocuments';

// LSP DocumentHighlightKind.
const HIGHLIGHT_TEXT = 1;
const HIGHLIGHT_READ = 2;

/** The answer whose MsgRef, CmdRef or Cmd holds offset, and which of them. */
function answerRefAt(a: DocumentAnalysis, offset: number): { answer: number; field: 'msg' | 'cmd' } | undefined {
  const { xml } = a;
  const el = xml.elementAt(offset);
  if (el < 0) return undefined;
  const n = xml.name[el];
  if (n !== N.MsgRef && n !== N.CmdRef && n !== N.Cmd) return undefined;
  const answer = a.conversation.answerAt(xml.parent[el]);
  return answer < 0 ? undefined : { answer, field: n === N.MsgRef ? 'msg' : 'cmd' };
}

/** The command whose CmdID, or whose name in its start tag, holds offset. */
function commandAt(a: DocumentAnalysis, offset: number): number {
  const { xml } = a;
  const el = xml.elementAt(offset);
  if (el < 0) return -1;
  const conv = a.conversation;
  if (xml.name[el] === N.CmdID) return conv.commandAt(xml.parent[el]);
  if (offset > xml.start[el] && offset <= xml.nameEnd[el]) return conv.commandAt(el);
  return -1;
}

/** The command at the cursor: from its own CmdID or name, or from an answer's CmdRef / Cmd. */
function commandUnderCursor(session: Session<DocumentAnalysis>, self: SessionDoc, offset: number): SessionPlace | undefined {
  const a = self.owner;
  const own = commandAt(a, offset);
  if (own >= 0) return { document: self, index: own };
  const ref = answerRefAt(a, offset);
  if (!ref || ref.field !== 'cmd') return undefined;
  const r = session.referent(self, ref.answer);
  return r && r.command >= 0 ? { document: r.document, index: r.command } : undefined;
}

export function findDefinition(a: DocumentAnalysis, position: Position, peers?: readonly Analysis[]): Location[] {
  const offset = a.offsetAt(position);
  const ref = answerRefAt(a, offset);
  if (!ref) return [];
  const { session, self } = sessionOf(a, peers);
  const r = session.referent(self, ref.answer);
  if (!r) return [];
  if (ref.field === 'cmd' && r.command >= 0) return [commandLocation({ document: r.document, index: r.command })];
  return [messageLocation(r.document, r.message)];
}

export function findReferences(a: DocumentAnalysis, position: Position, includeDeclaration: boolean, peers?: readonly Analysis[]): Location[] {
  const { session, self } = sessionOf(a, peers);
  const command = commandUnderCursor(session, self, a.offsetAt(position));
  if (!command) return [];
  const out = session.answersTo(command).map(answerLocation);
  if (includeDeclaration) out.unshift(commandLocation(command));
  return out;
}

/** The command and its answers, those in this document. */
export function findDocumentHighlights(a: DocumentAnalysis, position: Position): DocumentHighlight[] {
  const { session, self } = sessionOf(a);
  const command = commandUnderCursor(session, self, a.offsetAt(position));
  if (!command) return [];
  const out: DocumentHighlight[] = [{ range: commandLocation(command).range, kind: HIGHLIGHT_TEXT }];
  for (const p of session.answersTo(command)) out.push({ range: answerLocation(p).range, kind: HIGHLIGHT_READ });
  return out;
}
