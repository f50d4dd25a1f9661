/**
 * A code lens above each command (and the SyncHdr) with its outcome: "200 OK", "404 Not found ·
 * Status 4 in message 2", "no Status in this session"; and above a Get, "3 Results". Listing is
 * cheap (a range per command); the words come in resolve, for the lenses the editor shows.
 */
import type { CodeLens, Range } from 'vscode-languageserver-types';
import type { Analysis, ServiceSettings } from '../api';
import type { DocumentAnalysis } from './analysis';
import {
  answerLocation,
  outcomeOf,
  resultsSummary,
  sessionOf,
  statusSummary,
  tagNameRange,
  takesResults,
} from './session';

/** The command a lens runs: the client or the server shows the location given. */
export const SHOW_LOCATION_COMMAND = 'syncml.showLocation';

/** What a lens is about, kept in its data until resolve. */
export interface CodeLensData {
  /** The Status part or the Results part of the outcome. */
  part: 'status' | 'results';
}

/**
 * The lenses of the commands that start in range (the whole document without one), unresolved:
 * each with the range of the command's name and its part in data. Only messages whose reply is
 * known get lenses: a lone request, or a profile of bare commands, is not covered in "no Status".
 */
export function findCodeLenses(a: DocumentAnalysis, settings: ServiceSettings, range?: Range, peers?: readonly Analysis[]): CodeLens[] {
  if (a.kind !== 'syncml' || (!range && a.text.length > settings.largeFileThreshold)) return [];
  const conv = a.conversation;
  const { session, self } = sessionOf(a, peers);
  const replied = new Map<number, boolean>();
  const isReplied = (message: number): boolean => {
    let r = replied.get(message);
    if (r === undefined) replied.set(message, (r = session.replied(self, message)));
    return r;
  };
  const from = range ? conv.firstCommandFrom(a.offsetAt(range.start)) : 0;
  const stop = range ? a.offsetAt(range.end) : Infinity;
  const out: CodeLens[] = [];
  for (let k = from; k < conv.commands.length; k++) {
    const c = conv.commands[k];
    if (a.xml.start[c.element] > stop) break;
    // A Results is itself an answer: it gets a lens only by Find All References.
    if (c.name === 'Results' || !isReplied(c.message)) continue;
    const lensRange = tagNameRange(a, c.element);
    out.push({ range: lensRange, data: { part: 'status' } satisfies CodeLensData });
    if (takesResults(c.name)) out.push({ range: lensRange, data: { part: 'results' } satisfies CodeLensData });
  }
  return out;
}

/** The lens's words and where clicking goes (the first answer). A lens on nothing is given back as it is. */
export function resolveCodeLens(a: DocumentAnalysis, lens: CodeLens, peers?: readonly Analysis[]): CodeLens {
  const data = lens.data as Partial<CodeLensData> | undefined;
  const part = data?.part === 'results' ? 'results' : 'status';
  const offset = a.offsetAt(lens.range.start);
  const el = a.xml.elementAt(offset);
  const index = el >= 0 ? a.conversation.commandAt(el) : -1;
  if (index < 0) return { ...lens, command: { title: '', command: '' } };
  const { session, self } = sessionOf(a, peers);
  const o = outcomeOf(session, { document: self, index });
  const title = part === 'status' ? statusSummary(o, a) : resultsSummary(o);
  const targets = part === 'status' ? o.statuses : o.results;
  if (targets.length === 0) return { range: lens.range, data: lens.data, command: { title: title || 'no answer among the open messages', command: '' } };
  const to = answerLocation(targets[0]);
  return { range: lens.range, data: lens.data, command: { title, command: SHOW_LOCATION_COMMAND, arguments: [to.uri, to.range] } };
}

/** Every lens in range, resolved (the CLI, tests and the bench's visible-range figure). */
export function getCodeLenses(a: DocumentAnalysis, settings: ServiceSettings, range?: Range, peers?: readonly Analysis[]): CodeLens[] {
  return findCodeLenses(a, settings, range, peers).map((l) => resolveCodeLens(a, l, peers));
}
