/**
 * `malformed-uri`: the LocURIs of command items (the node a Replace, Add, Get, Exec, ... addresses)
 * that the device cannot resolve as written. Each rule is a sentence of a published text:
 *
 * - OMA DM 1.2 Tree and Description §8.1 (OMA-TS-DM_TND-V1_2): "the URI used to address Nodes MUST
 *   be a relative URI" rooted at the tree root; "A URI MUST NOT end with the delimiter "/"" (so the
 *   root is "." and not "./"); "A URI MUST NOT be constructed using the character sequence "../".
 *   The character sequence "./" MUST NOT be used anywhere else but in the beginning of a URI."
 *   §8.3/§8.4: the only queries are `?prop=<property>` and `?list=<attribute>`.
 * - Microsoft, "OMA DM protocol support" (windows/client-management/oma-dm-protocol-support.md):
 *   "LocURI can't start with `/`."; "The node name can't be empty."; "The node name can't be only
 *   the asterisk (`*`) character."; a non-alphanumeric character "must be properly escaped
 *   according to the URL encoding standard" (the Wi-Fi CSP: a space in an SSID is `%20`).
 *
 * Not checked: the SyncHdr's Target/Source (a device id, a server URL: [MS-MDM] §2.2.3.5 allows
 * "an absolute or a relative URI, or a well-known Uniform Resource Name"), and URIs with a scheme
 * (`http:`, `urn:`), which are no tree addresses. Placeholders of documentation such as
 * `{ProfileName}` are node names like any other: braces are not checked (escaping every
 * non-alphanumeric character would flag `-`, `_` and `.`, which real CSP paths are full of).
 * A quick fix is offered only where the repair is certain.
 */
import { N } from '../model/names';
import { ElementFlag, isSpace } from '../model/xmlDocument';
import type { Finding } from './assess';
import type { DocumentAnalysis } from './analysis';
import { COMMAND_IDS } from './commands';

/** One LocURI gets at most this many findings: a paste of a whole paragraph is one problem, not hundreds. */
const MAX_PER_URI = 8;

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
/** Characters that matter to mayBeMalformed: 1 whitespace, '?' or '*'; 2 '/'; 3 '.'. */
const CLASS = new Uint8Array(128);
for (const c of [9, 10, 11, 12, 13, 32, 63, 42]) CLASS[c] = 1;
CLASS[47] = 2;
CLASS[46] = 3;

/**
 * Whether a rule below could flag the URI text[s, e) (a test checks it on random URIs): whitespace,
 * a query, '*', '//', a '.' or '..' segment after a '/', a leading '..', a leading or trailing '/'.
 * Most real URIs have none and skip the character-by-character rules. One loop over the text in
 * place: it runs on every LocURI of a trace, and each native search on a slice costs as much.
 */
export function mayBeMalformed(text: string, s: number, e: number): boolean {
  if (s >= e) return false;
  if (text.charCodeAt(s) === 47 /* / */ || text.charCodeAt(e - 1) === 47) return true;
  if (e - s >= 2 && text.charCodeAt(s) === 46 && text.charCodeAt(s + 1) === 46 && (e - s === 2 || text.charCodeAt(s + 2) === 47)) return true;
  for (let p = s; p < e; p++) {
    const c = text.charCodeAt(p);
    if (c >= 128) {
      if (/\s/.test(String.fromCharCode(c))) return true;
      continue;
    }
    const k = CLASS[c];
    if (k === 0 || k === 3) continue;
    if (k === 1) return true;
    // A '/': then '/', or a '.' or '..' segment.
    let q = p + 1;
    const d = q < e ? text.charCodeAt(q) : -1;
    if (d === 47) return true;
    if (d !== 46) continue;
    q++;
    if (q < e && text.charCodeAt(q) === 46) q++;
    if (q === e || text.charCodeAt(q) === 47) return true;
  }
  return false;
}

const QUERY = /^\?(?:prop|list)=/;

/** A LocURI of a command (Sync, Map, ...) or of one of its items, not of the SyncHdr. */
function isCommandLocUri(a: DocumentAnalysis, i: number): boolean {
  const { xml } = a;
  const holder = xml.parent[i];
  if (holder < 0 || (xml.name[holder] !== N.Target && xml.name[holder] !== N.Source)) return false;
  const owner = xml.parent[holder];
  return owner >= 0 && (xml.name[owner] === N.Item || COMMAND_IDS.has(xml.name[owner]));
}

export function checkLocUris(a: DocumentAnalysis): Finding[] {
  const { xml } = a;
  const out: Finding[] = [];
  const names = xml.name;
  // A tree item's URI is read already (trimmed, as below), one shared string per distinct URI: each
  // is scanned once, however often a trace repeats it. Items are in document order, as the LocURIs.
  const items = a.treeItems;
  let next = 0;
  const scanned = new Map<string, boolean>();
  for (let i = 0; i < xml.count; i++) {
    if (names[i] !== N.LocURI || !isCommandLocUri(a, i)) continue;
    while (next < items.length && items[next].locUri < i) next++;
    // Markup inside (a <ProviderID> placeholder) is xml-syntax's, a CDATA wrapper too rare to read.
    if (i + 1 < xml.subtreeEnd[i] || xml.flags[i] & (ElementFlag.HasCData | ElementFlag.SelfClosing | ElementFlag.Unclosed)) continue;
    if (next >= items.length || items[next].locUri !== i) {
      // The URI is the content without XML whitespace around it, as every value in the analysis is
      // read: Microsoft's samples put the URI on a line of its own, and that layout is not reported.
      xml.trim(i);
      if (mayBeMalformed(a.text, xml.trimStart, xml.trimEnd)) allUriProblems(a.text, xml.trimStart, xml.trimEnd, out);
      continue;
    }
    const t = items[next];
    let maybe = scanned.get(t.uri);
    if (maybe === undefined) scanned.set(t.uri, (maybe = mayBeMalformed(a.text, t.uriStart, t.uriEnd)));
    if (maybe) allUriProblems(a.text, t.uriStart, t.uriEnd, out);
  }
  return out;
}

/** The problems of the URI text[s, e), appended to out; mayBeMalformed passes every URI they find (a test checks it). */
export function allUriProblems(text: string, s: number, e: number, out: Finding[]): void {
  const found: Finding[] = [];
  const add = (f: Finding) => found.push(f);
  whitespaceInside(text, s, e, add);
  if (!SCHEME.test(text.slice(s, Math.min(e, s + 40)))) treeRules(text, s, e, add);
  if (found.length === 0) return;
  found.sort((x, y) => x.start - y.start);
  for (let k = 0; k < found.length && k < MAX_PER_URI; k++) out.push(found[k]);
}

/** Whitespace XML does not trim either: the no-break space of text copied from a web page, and the like. */
const isAnySpace = (c: number) => isSpace(c) || (c > 127 && /\s/.test(String.fromCharCode(c)));
const hasBreak = (text: string, start: number, end: number) => /[\r\n]/.test(text.slice(start, end));

/**
 * Runs of whitespace in the URI text[s, e). A line break, or a no-break space before or after the
 * URI, is removed (with the indentation around it): no URI holds one. A space between two characters
 * of the URI may be a node name's own (it is then written %20) or a stray: no fix is certain.
 */
function whitespaceInside(text: string, s: number, e: number, add: (f: Finding) => void): void {
  for (let p = s; p < e; p++) {
    if (!isAnySpace(text.charCodeAt(p))) continue;
    let q = p;
    while (q < e && isAnySpace(text.charCodeAt(q))) q++;
    const nbsp = text.slice(p, q).includes('\u00A0') ? 'no-break space (U+00A0)' : 'space';
    if (hasBreak(text, p, q)) {
      add({
        code: 'malformed-uri',
        start: p,
        end: q,
        message: 'A line break inside the LocURI: the device reads it as part of the URI and answers 404',
        fix: { title: 'Remove the line break', newText: '' },
      });
    } else if (p === s || q === e) {
      add({
        code: 'malformed-uri',
        start: p,
        end: q,
        message: `A ${nbsp} ${p === s ? 'before' : 'after'} the URI: XML does not trim it, so it is part of the LocURI and the device answers 404`,
        fix: { title: `Remove the ${nbsp}`, newText: '' },
      });
    } else {
      add({
        code: 'malformed-uri',
        start: p,
        end: q,
        message: `A ${nbsp} inside the LocURI: a URI escapes it as %20 (Microsoft's OMA DM docs: characters other than letters and digits must be URL-encoded)`,
      });
    }
    p = q - 1;
  }
}

/** OMA DM's and Windows' rules on the path and query of a relative URI text[s, e). */
function treeRules(text: string, s: number, e: number, add: (f: Finding) => void): void {
  let pathEnd = s;
  while (pathEnd < e && text.charCodeAt(pathEnd) !== 63 /* ? */) pathEnd++;
  if (pathEnd < e && !QUERY.test(text.slice(pathEnd, pathEnd + 6))) {
    add({
      code: 'malformed-uri',
      start: pathEnd,
      end: e,
      message: 'OMA DM defines two URI queries, ?prop=<property> and ?list=<attribute>; this is neither',
    });
  }
  let segStart = s;
  for (let p = s; p <= pathEnd; p++) {
    if (p < pathEnd && text.charCodeAt(p) !== 47 /* / */) continue;
    // A segment text[segStart, p) ends here; then a run of slashes from p.
    segment(text, segStart, p, segStart === s, add);
    if (p === pathEnd) break;
    let r = p;
    while (r < pathEnd && text.charCodeAt(r) === 47) r++;
    if (p === s) {
      add({
        code: 'malformed-uri',
        start: p,
        end: r,
        message: "The LocURI starts with '/': OMA DM addresses a node relative to the tree root (./Vendor/MSFT/… or Vendor/MSFT/…), and Windows rejects a leading '/'",
        fix: { title: "Replace the leading '/' with './'", newText: './' },
      });
    } else if (r === pathEnd) {
      add({
        code: 'malformed-uri',
        start: p,
        end: r,
        message: "The LocURI ends with '/': OMA DM forbids a trailing delimiter (the root itself is '.', not './')",
        fix: { title: "Remove the trailing '/'", newText: '' },
      });
    } else if (r - p > 1) {
      add({
        code: 'malformed-uri',
        start: p,
        end: r,
        message: "Empty segment ('//') in the LocURI: a node name can't be empty",
        fix: { title: "Collapse to one '/'", newText: '/' },
      });
    }
    segStart = r;
    p = r - 1;
  }
}

function segment(text: string, start: number, end: number, leading: boolean, add: (f: Finding) => void): void {
  const n = end - start;
  if (n === 1 && text.charCodeAt(start) === 46 /* . */ && !leading) {
    add({ code: 'malformed-uri', start, end, message: "A '.' segment inside the LocURI: OMA DM allows './' only at the start of a URI" });
  } else if (n === 2 && text.startsWith('..', start)) {
    add({ code: 'malformed-uri', start, end, message: "A '..' segment in the LocURI: OMA DM URIs may not contain '../' (there is no parent step)" });
  } else if (n === 1 && text.charCodeAt(start) === 42 /* * */) {
    add({ code: 'malformed-uri', start, end, message: "A '*' segment in the LocURI: a node name can't be only the asterisk" });
  }
}
