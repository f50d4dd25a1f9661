import type { DocumentSymbol } from 'vscode-languageserver-types';
import type { Analysis, ServiceSettings } from '../api';
import { N } from '../model/names';
import type { DocumentAnalysis } from './analysis';
import { COMMAND_IDS } from './commands';
import { outcomeOf, outcomeSummary, sessionOf } from './session';

// LSP SymbolKind values.
const SK_MODULE = 2;
const SK_NAMESPACE = 3;
const SK_FUNCTION = 12;
const SK_EVENT = 24;
const SK_FIELD = 8;

/**
 * Symbols nest at most this deep; deeper ones are listed flat under the deepest shown. No outline is
 * read that deep, and a client serialises the result recursively (200,000 levels overflow its stack).
 */
const MAX_SYMBOL_DEPTH = 64;

/**
 * Outline: the commands of a message (or fragment), each with its outcome in its detail when the
 * reply is known (in this document or a peer), or the node tree of a MgmtTree.
 */
export function findDocumentSymbols(a: DocumentAnalysis, settings: ServiceSettings, peers?: readonly Analysis[]): DocumentSymbol[] {
  const { xml } = a;
  if (a.text.length > settings.largeFileThreshold) return [];
  const outcome = a.kind === 'syncml' ? outcomes(a, peers) : () => '';
  const roots: DocumentSymbol[] = [];
  // Open symbols by element, as a stack: elements come in document order.
  const stack: { end: number; symbol: DocumentSymbol }[] = [];
  for (let i = 0; i < xml.count; i++) {
    while (stack.length && stack[stack.length - 1].end <= i) stack.pop();
    const symbol = symbolFor(a, i, outcome);
    if (!symbol) continue;
    const parent = stack[stack.length - 1];
    if (parent) (parent.symbol.children ??= []).push(symbol);
    else roots.push(symbol);
    if (stack.length < MAX_SYMBOL_DEPTH - 1) stack.push({ end: xml.subtreeEnd[i], symbol });
  }
  return roots;
}

/** Element -> its outcome in words ('' when the reply is not known or it is no command). */
function outcomes(a: DocumentAnalysis, peers: readonly Analysis[] | undefined): (element: number) => string {
  const { session, self } = sessionOf(a, peers);
  const conv = a.conversation;
  const replied = new Map<number, boolean>();
  return (element) => {
    const index = conv.commandAt(element);
    if (index < 0) return '';
    const c = conv.commands[index];
    let r = replied.get(c.message);
    if (r === undefined) replied.set(c.message, (r = session.replied(self, c.message)));
    if (!r || c.name === 'Results') return '';
    return outcomeSummary(outcomeOf(session, { document: self, index }), a, c.name);
  };
}

function symbolFor(a: DocumentAnalysis, i: number, outcome: (element: number) => string): DocumentSymbol | undefined {
  const { xml } = a;
  const name = xml.name[i];
  let label: string;
  let detail = '';
  let kind: number;
  if (name === N.SyncML) {
    const msgId = xml.value(xml.path(i, N.SyncHdr, N.MsgID));
    const src = xml.value(xml.path(i, N.SyncHdr, N.Source, N.LocURI));
    label = msgId ? `SyncML message ${msgId}` : 'SyncML message';
    detail = src ? `from ${src}` : '';
    kind = SK_MODULE;
  } else if (name === N.SyncHdr || name === N.SyncBody || name === N.MgmtTree) {
    label = xml.tagName(i);
    if (name === N.SyncHdr) detail = outcome(i);
    kind = SK_NAMESPACE;
  } else if (name === N.Status) {
    const code = xml.value(xml.child(i, N.Data));
    const cmd = xml.value(xml.child(i, N.Cmd));
    const ref = xml.value(xml.child(i, N.CmdRef));
    label = `Status ${code}`.trim();
    detail = [cmd, ref && `CmdRef ${ref}`].filter(Boolean).join(' ');
    kind = SK_EVENT;
  } else if (COMMAND_IDS.has(name)) {
    const id = xml.value(xml.child(i, N.CmdID));
    label = xml.tagName(i);
    const uri = xml.value(xml.path(i, N.Item, N.Target, N.LocURI)) || xml.value(xml.path(i, N.Item, N.Source, N.LocURI));
    const data = name === N.Alert ? xml.value(xml.child(i, N.Data)) : '';
    detail = [id && `#${id}`, data, uri].filter(Boolean).join(' ');
    const result = outcome(i);
    if (result) detail += ` \u2192 ${result}`;
    kind = SK_FUNCTION;
  } else if (name === N.Node) {
    const nodeName = xml.value(xml.child(i, N.NodeName));
    label = nodeName || '(dynamic node)';
    const fmt = xml.value(xml.path(i, N.DFProperties, N.DFFormat)) || xml.value(xml.path(i, N.RTProperties, N.Format));
    detail = fmt.replace(/<[^>]*>|\s+/g, ' ').trim();
    kind = SK_FIELD;
  } else return undefined;
  const range = { start: a.positionAt(xml.start[i]), end: a.positionAt(xml.end[i]) };
  const selectionRange = { start: a.positionAt(xml.start[i] + 1), end: a.positionAt(xml.nameEnd[i]) };
  const s: DocumentSymbol = { name: label, kind: kind as DocumentSymbol['kind'], range, selectionRange };
  if (detail) s.detail = detail;
  return s;
}
