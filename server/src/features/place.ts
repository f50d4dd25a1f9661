/**
 * Where a code stands, in words: the command around it ("Status for Replace (CmdRef 5, MsgRef 1)
 * ./DevInfo/Lang", "Generic Alert from ./FUMO/Pkg1/DownloadAndUpdate (…, Mark critical)"), or the
 * DM tree node of a DDF / TNDS value. Read from the element tree; no second walk of the text.
 */
import { statusHeading, type CodeSite } from '../context/sites';
import { N, NAMES } from '../model/names';
import type { XmlDocument } from '../model/xmlDocument';
import { COMMAND_IDS } from './commands';

/** The element's local name (the vocabulary's string when it is one). */
export function localName(doc: XmlDocument, i: number): string {
  const id = doc.name[i];
  if (id !== 0) return NAMES[id];
  const q = doc.tagName(i);
  return q.slice(q.indexOf(':') + 1);
}

function abbreviate(s: string, max = 60): string {
  return s.length > max ? s.slice(0, max - 1) + '\u2026' : s;
}

/** The text of the element at a path of name ids below i, or undefined when there is none. */
function textAt(doc: XmlDocument, i: number, a: number, b?: number, c?: number): string | undefined {
  const el = doc.path(i, a, b, c);
  return el < 0 ? undefined : doc.value(el);
}

/** The DM tree path of the innermost Node of a DDF / TNDS around a value (its Path, then each NodeName). */
function nodePath(doc: XmlDocument, chain: readonly number[]): string | undefined {
  const nodes = chain.filter((i) => doc.name[i] === N.Node);
  if (nodes.length === 0) return undefined;
  const names = nodes.map((i) => doc.value(doc.child(i, N.NodeName)) || '<x>');
  const base = doc.value(doc.child(nodes[0], N.Path)).replace(/\/+$/, '');
  return (base ? base + '/' : '') + names.join('/');
}

/** The command element around a code site, if it stands in one. */
export function enclosingCommand(doc: XmlDocument, site: CodeSite): number {
  for (let i = doc.elementAt(site.start); i >= 0; i = doc.parent[i]) if (COMMAND_IDS.has(doc.name[i])) return i;
  return -1;
}

/** Where a code site stands, in words (see the module comment). */
export function describePlace(doc: XmlDocument, site: CodeSite): string {
  // The open elements at the code, root first: the Data (or the element whose tag holds the attribute) last.
  const chain: number[] = [];
  for (let i = doc.elementAt(site.start); i >= 0; i = doc.parent[i]) chain.push(i);
  chain.reverse();
  if (chain.length === 0) return 'top level';
  const leaf = chain[chain.length - 1];
  let ci = chain.length - 1;
  while (ci >= 0 && !COMMAND_IDS.has(doc.name[chain[ci]])) ci--;
  if (ci < 0) {
    const path = nodePath(doc, chain);
    if (path) return `Node ${path}${doc.name[leaf] === N.NodeName ? '' : ' ' + localName(doc, leaf)}`;
    return chain
      .slice(-3)
      .map((i) => localName(doc, i))
      .join('/');
  }
  const cmd = chain[ci];
  let item = -1;
  for (let k = chain.length - 1; k > ci && item < 0; k--) if (doc.name[chain[k]] === N.Item) item = chain[k];
  const uri = (parent: number) =>
    (item >= 0 ? textAt(doc, item, parent, N.LocURI) : textAt(doc, cmd, parent, N.LocURI)) ?? textAt(doc, cmd, N.Item, parent, N.LocURI);
  const target = uri(N.Target);
  const source = uri(N.Source);

  switch (doc.name[cmd]) {
    case N.Status: {
      const what = doc.value(doc.child(cmd, N.Cmd));
      // The header's Status names the parties in TargetRef / SourceRef: no command to point at.
      const on = what === 'SyncHdr' ? undefined : (textAt(doc, cmd, N.TargetRef) ?? textAt(doc, cmd, N.SourceRef) ?? target);
      const inItem = item >= 0 && leaf !== chain[ci + 1] ? ' item' : '';
      return `${statusHeading(doc, cmd)}${on ? ' ' + on : ''}${inItem}`;
    }
    case N.Alert: {
      if (item < 0) return 'Alert';
      const alertCode = textAt(doc, cmd, N.Data);
      const kind = alertCode === '1226' ? 'Generic Alert' : alertCode === '1224' ? 'Client Event' : `Alert ${alertCode ?? '?'} item`;
      const type = textAt(doc, item, N.Meta, N.Type);
      const mark = textAt(doc, item, N.Meta, N.Mark);
      const extra = [type ? abbreviate(type) : '', mark ? `Mark ${mark}` : ''].filter(Boolean).join(', ');
      return `${kind}${source ? ' from ' + source : ''}${extra ? ` (${extra})` : ''}`;
    }
    default: {
      const path = target ?? source;
      return `${localName(doc, cmd)}${path ? ' ' + path : ''}`;
    }
  }
}
