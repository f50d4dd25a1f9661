/**
 * The session a request reads: the asked document and its peers (the other documents it may pair
 * with), each command's outcome in words, and the ranges that navigation points at. Shared by
 * definition / references / highlight (navigation.ts), the code lens, the outline and decode.
 */
import type { Location, Range } from 'vscode-languageserver-types';
import type { Analysis } from '../api';
import { Session, type Place, type SessionDocument } from '../context/sessionDocuments';
import { N } from '../model/names';
import { asDocumentAnalysis, type DocumentAnalysis } from './analysis';

export type SessionDoc = SessionDocument<DocumentAnalysis>;
export type SessionPlace = Place<DocumentAnalysis>;

function sessionDocument(a: DocumentAnalysis): SessionDoc {
  // The conversation of a peer is built only when a look-up reaches it.
  return {
    owner: a,
    get conversation() {
      return a.conversation;
    },
  };
}

/** The asked document first, then the peers that are SyncML messages (the same document once). */
export function sessionOf(a: DocumentAnalysis, peers: readonly Analysis[] = []): { session: Session<DocumentAnalysis>; self: SessionDoc } {
  const self = sessionDocument(a);
  const docs: SessionDoc[] = [self];
  for (const p of peers) {
    const pa = asDocumentAnalysis(p);
    if (pa === a || pa.kind !== 'syncml' || pa.document.uri === a.document.uri) continue;
    docs.push(sessionDocument(pa));
  }
  return { session: new Session(docs), self };
}

/** The range of an element's trimmed text. */
function valueRange(a: DocumentAnalysis, el: number): Range {
  const { xml } = a;
  xml.trim(el);
  return { start: a.positionAt(xml.trimStart), end: a.positionAt(xml.trimEnd) };
}

/** The range of an element's name in its start tag. */
export function tagNameRange(a: DocumentAnalysis, el: number): Range {
  const { xml } = a;
  return { start: a.positionAt(xml.start[el] + 1), end: a.positionAt(xml.nameEnd[el]) };
}

/** Where a command is pointed at: its CmdID's value (the header: its name). */
export function commandLocation(place: SessionPlace): Location {
  const a = place.document.owner;
  const c = place.document.conversation.commands[place.index];
  const idEl = c.name === 'SyncHdr' ? -1 : a.xml.child(c.element, N.CmdID);
  const range = idEl >= 0 && c.cmdId ? valueRange(a, idEl) : tagNameRange(a, c.element);
  return { uri: a.document.uri, range };
}

/** Where an answer is pointed at: its CmdRef's value (else its Cmd's, else its name). */
export function answerLocation(place: SessionPlace): Location {
  const a = place.document.owner;
  const el = place.document.conversation.answers[place.index].element;
  const { xml } = a;
  const ref = xml.child(el, N.CmdRef);
  const cmd = xml.child(el, N.Cmd);
  const range = ref >= 0 && xml.value(ref) ? valueRange(a, ref) : cmd >= 0 && xml.value(cmd) ? valueRange(a, cmd) : tagNameRange(a, el);
  return { uri: a.document.uri, range };
}

/** Where a message is pointed at: its header's MsgID value (else its name). */
export function messageLocation(document: SessionDoc, message: number): Location {
  const a = document.owner;
  const m = document.conversation.messages[message];
  const idEl = m.header >= 0 ? a.xml.child(m.header, N.MsgID) : -1;
  const range = idEl >= 0 ? valueRange(a, idEl) : m.element >= 0 ? tagNameRange(a, m.element) : { start: a.positionAt(0), end: a.positionAt(0) };
  return { uri: a.document.uri, range };
}

export interface Outcome {
  statuses: SessionPlace[];
  results: SessionPlace[];
  /** The other party's reply to this command's message is known (so a missing Status is news). */
  replied: boolean;
  noResp: boolean;
}

export function outcomeOf(session: Session<DocumentAnalysis>, place: SessionPlace): Outcome {
  const statuses: SessionPlace[] = [];
  const results: SessionPlace[] = [];
  for (const p of session.answersTo(place)) {
    (p.document.conversation.answers[p.index].kind === 'status' ? statuses : results).push(p);
  }
  const c = place.document.conversation.commands[place.index];
  const replied = statuses.length + results.length > 0 || session.replied(place.document, c.message);
  return { statuses, results, replied, noResp: c.noResp };
}

/** Only Get (DM, DS) and Search (DS) are answered with Results. */
export function takesResults(name: string): boolean {
  return name === 'Get' || name === 'Search';
}

/** "Status 4 in message 2" (and the file's name when it is another document). */
export function answerWhere(place: SessionPlace, asked: DocumentAnalysis): string {
  const conv = place.document.conversation;
  const ans = conv.answers[place.index];
  const m = conv.messages[ans.message];
  let s = `${ans.kind === 'status' ? 'Status' : 'Results'}${ans.cmdId ? ` ${ans.cmdId}` : ''}`;
  if (!m.fragment && m.msgId) s += ` in message ${m.msgId}`;
  if (place.document.owner !== asked) s += ` (${fileName(place.document.owner.document.uri)})`;
  return s;
}

function fileName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** "404 Not found" (the code alone when the catalog has no name for it). */
export function statusLabel(place: SessionPlace): string {
  const a = place.document.owner;
  const code = place.document.conversation.answers[place.index].code;
  const n = /^\d{1,9}$/.test(code) ? Number(code) : NaN;
  const entry = Number.isNaN(n) ? undefined : a.catalog.lookup('syncml-status', n);
  if (!code) return 'Status without a code';
  return entry ? `${code} ${entry.name}` : code;
}

function isSuccess(place: SessionPlace): boolean {
  return /^[12]\d\d$/.test(place.document.conversation.answers[place.index].code);
}

/**
 * The Status part of an outcome in words: "200 OK", "404 Not found · Status 4 in message 2",
 * "2 Status: 200 OK, 404 Not found", "no Status in this session"; '' when nothing can be said
 * (the reply to this message is not among the documents).
 */
export function statusSummary(o: Outcome, asked: DocumentAnalysis): string {
  if (o.statuses.length === 1) {
    const s = o.statuses[0];
    return isSuccess(s) ? statusLabel(s) : `${statusLabel(s)} \u00b7 ${answerWhere(s, asked)}`;
  }
  if (o.statuses.length > 1) return `${o.statuses.length} Status: ${o.statuses.map(statusLabel).join(', ')}`;
  if (o.noResp) return 'no Status asked (NoResp)';
  return o.replied ? 'no Status in this session' : '';
}

/** "3 Results", "1 Results", "no Results in this session"; '' when nothing can be said. */
export function resultsSummary(o: Outcome): string {
  if (o.results.length > 0) return `${o.results.length} Results`;
  return o.replied && !o.noResp ? 'no Results in this session' : '';
}

/** The outcome in one line (outline detail, decode): the Status part, then the Results part for a Get. */
export function outcomeSummary(o: Outcome, asked: DocumentAnalysis, name: string): string {
  const parts = [statusSummary(o, asked)];
  if (takesResults(name) && o.results.length > 0) parts.push(resultsSummary(o));
  return parts.filter(Boolean).join(' \u00b7 ');
}
