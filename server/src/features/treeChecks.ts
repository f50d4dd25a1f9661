/**
 * The DM tree diagnostics: what an author sends (Add, Replace, Get, Delete, Exec, Copy; never a
 * device's Results) judged against the node's facts from a DDF the product knows with authority
 * (the bundled Windows CSP index, or the user's DDF files). A tree nobody describes gets nothing,
 * and neither does a DDF or TNDS document (a command quoted in a Description is not sent).
 *
 * - `unknown-node`: the URI names no node (DocumentAnalysis.resolveUri handles dynamic nodes,
 *   ADMX-ingested `~` areas, case-insensitive nodes and the OMA standard objects). Silent where the
 *   segment is a documentation placeholder (`{ProfileName}`), where it differs from a node name in
 *   letter case only (DDFs default to CaseSense CS, yet Microsoft's own samples write `My` for
 *   `MY` and no source says Windows rejects it), and where the URI holds whitespace
 *   (`malformed-uri`'s).
 * - `command-not-allowed`: the command is not among the node's `AccessType`s; OMA DM RepPro
 *   status 405 "Command not allowed" (Windows: 0x86000011 CFGMGR_E_COMMANDNOTALLOWED). A node with
 *   no access types (a step of some DDF's Path) is never judged.
 * - `format-mismatch`: Meta/Format against the DDF's `DFFormat`, on Add and Replace only, and only
 *   where the two clearly disagree: int, bool and node against anything else. OMA DM RepPro (Meta
 *   Format): the default Format is chr, so an int or bool node sent with no Format is sent chr;
 *   Microsoft's CSP pages send every int and bool setting with `<Format>int</Format>` /
 *   `<Format>bool</Format>`, and the ADMX page says "You must specify the data type in the SyncML
 *   as <Format>chr</Format>". Not judged, because Windows takes both or no source says it does
 *   not: chr, xml, b64 and bin among themselves (text and base64 payloads: "b64 … is stored in the
 *   device as binary", Microsoft's OMA DM datatypes table, and Microsoft's ClientCertificateInstall
 *   sample sends the bin PFXCertBlob as chr), a missing Format on a text, binary or interior node,
 *   the rare null, time, date and float nodes, a Format word OMA does not define.
 * - `value-not-allowed`: the Data of an Add or Replace outside `MSFT:AllowedValues` (ENUM, Range,
 *   RegEx, the ADMX-backed payload shape) or not an int / bool as DFFormat demands (OMA DM TND: bool
 *   is "true" or "false"). A pattern JavaScript reads otherwise than .NET, a pattern the Windows
 *   CSP pages contradict, and XSD, JSON, SDDL and Flag values are not judged; empty Data on a text
 *   node is a legal empty string.
 * - `deprecated-node`: the DDF marks the node `MSFT:Deprecated` (not on Delete: removing it is
 *   the cure).
 *
 * A URI with `?prop=` addresses a property of its node (its ACL, Title, …): only unknown-node and
 * deprecated-node judge it, the node; the command and the Data are the property's.
 */
import type { AllowedValues, NodeFacts } from '../catalog/ddf/types';
import type { Resolution, TreeNode } from '../catalog/ddf/dmTree';
import type { TreeItem } from '../context/treeItems';
import { ElementFlag, isSpace } from '../model/xmlDocument';
import type { Finding } from './assess';
import type { DocumentAnalysis } from './analysis';
import { addressesProperty } from './treePlaces';
import { uriSegments } from './treePlaces';
import { isIntText, listDelimiter, valueKey } from './valueLabels';

/** An unknown-node finding without its place, built once per resolution: a trace repeats its URIs. */
interface UnknownVerdict {
  silent: boolean;
  message: string;
  fixes: { title: string; newText: string }[];
  /** Where in the URI it stands: the unknown segment, or the scope segment when the path is the other scope's. */
  start: number;
  end: number;
}

const unknownVerdicts = new WeakMap<object, UnknownVerdict>();

export function checkTree(a: DocumentAnalysis): Finding[] {
  const out: Finding[] = [];
  // A DDF or TNDS file describes a tree; a command in its prose (a Description's sample) is not sent.
  if (a.kind !== 'syncml') return out;
  const items = a.treeItems;
  if (items.length === 0) return out;
  // A command's items on one node share its range: command-not-allowed is said once for them.
  let lastCommand = -1;
  let refused: Set<TreeNode> | undefined;
  for (let k = 0; k < items.length; k++) {
    const t = items[k];
    if (t.commandName === 'Results') continue;
    const r = a.resolveUri(t.uri);
    if (r.kind === 'unknown-tree') continue;
    if (r.kind === 'unknown-node') {
      let v = unknownVerdicts.get(r);
      if (!v) unknownVerdicts.set(r, (v = unknownVerdict(t.uri, r)));
      if (v.silent) continue;
      const f: Finding = { code: 'unknown-node', start: t.uriStart + v.start, end: t.uriStart + v.end, message: v.message };
      if (v.fixes.length) f.fix = v.fixes[0];
      if (v.fixes.length > 1) f.alternatives = v.fixes.slice(1);
      out.push(f);
      continue;
    }
    const node = r.node;
    if (node.implied) continue;
    const facts = node.facts;
    if (facts.deprecated !== undefined && t.commandName !== 'Delete') {
      const name = lastSegment(t.uri);
      out.push({
        code: 'deprecated-node',
        start: t.uriStart + name.start,
        end: t.uriStart + name.end,
        message: `${nameOf(t.uri)} is deprecated${facts.deprecated ? ` as of Windows ${facts.deprecated}` : ''} (its DDF marks it Deprecated)`,
      });
    }
    // A property has its own access (ACL: Get and Replace) and its own value: only its node is judged.
    if (addressesProperty(t.uri)) continue;
    if (facts.access.length > 0 && !(facts.access as readonly string[]).includes(t.commandName)) {
      if (t.command !== lastCommand) {
        lastCommand = t.command;
        refused = undefined;
      }
      if (!refused?.has(node)) {
        (refused ??= new Set()).add(node);
        out.push(commandNotAllowed(a, t, nameOf(t.uri), facts));
      }
    }
    if (t.commandName !== 'Add' && t.commandName !== 'Replace') continue;
    const mismatch = formatMismatch(a, t, facts);
    if (mismatch) out.push(mismatch);
    // Data in another Format (a b64 text for an int node) is not judged as the node's value.
    const bad = valueNotAllowed(a, t, facts, mismatch?.fix !== undefined);
    if (bad) out.push(bad);
  }
  return out;
}

/** A documentation placeholder standing for a name (`{ProfileName}`, `<ProviderID>`, `$Name$`): no typo to judge. */
function isPlaceholder(segment: string): boolean {
  return /^(?:\{.*\}|<.*>|\[.*\]|\$.*\$|%[A-Za-z_].*%)$/.test(segment) || /^(?:%7B|%3C).*(?:%7D|%3E)$/i.test(segment);
}

/**
 * The segment differs from a node name in letter case only (`My` for `MY`, `install` for `Install`):
 * DDFs say CaseSense CS by default, yet Microsoft's own samples write such variants, and no source
 * says the Windows client rejects them.
 */
function caseOnly(segment: string, suggestions: readonly string[]): boolean {
  let name = segment;
  try {
    name = decodeURIComponent(segment);
  } catch {
    // Not percent-encoded text: compared as written.
  }
  const lower = name.toLowerCase();
  return suggestions.some((s) => s.toLowerCase() === lower);
}

/** Where the URI's last segment is (before a query or a trailing slash). */
function lastSegment(uri: string): { start: number; end: number } {
  const segments = uriSegments(uri);
  return segments[segments.length - 1] ?? { start: 0, end: uri.length };
}

/** The node's name as the URI writes it, for a message. */
function nameOf(uri: string): string {
  const { start, end } = lastSegment(uri);
  return uri.slice(start, end);
}

/** The scope segment a URI writes (`User` of `./User/…`), with its offsets; undefined for `./Vendor/…`. */
const SCOPE_SEGMENT = /^(\.?\/)?(Device|User)(?=\/)/;

function unknownVerdict(uri: string, r: Extract<Resolution, { kind: 'unknown-node' }>): UnknownVerdict {
  const { segment, parent, suggestions, otherScope } = r;
  const silent: UnknownVerdict = { silent: true, message: '', fixes: [], start: r.start, end: r.end };
  // Whitespace inside is malformed-uri's: the node name the device would look for is not this one.
  if (/\s/.test(uri) || isPlaceholder(segment) || caseOnly(segment, suggestions)) return silent;
  let message = `'${segment}' is not a node of ${parent.path}`;
  if (otherScope) {
    const [here, there] = otherScope === 'device' ? ['User', 'Device'] : ['Device', 'User'];
    const what = /\/Policy\/Config\//.test(uri) ? 'policy' : 'node';
    message += `: it exists under ./${there}, not ./${here}: this ${what} is ${otherScope}-only`;
    // The scope is what is wrong: the finding stands on it, and the fix flips it.
    const m = SCOPE_SEGMENT.exec(uri);
    if (m && m[2] === here) {
      const start = (m[1] ?? '').length;
      return { silent: false, message, fixes: [{ title: `Change ./${here} to ./${there}`, newText: there }], start, end: start + here.length };
    }
    return { silent: false, message, fixes: [], start: r.start, end: r.end };
  }
  if (suggestions.length) {
    message += `: did you mean ${suggestions.map((s) => `'${s}'`).join(' or ')}?`;
  } else {
    const elsewhere = inOtherAreas(parent, segment);
    if (elsewhere.length) {
      const where = elsewhere.map((n) => `${n.parent!.name} (${n.path})`).join(', ');
      message += `: a policy of that name is in ${elsewhere.length > 1 ? 'other areas' : 'another area'}: ${where}`;
    }
  }
  return { silent: false, message, fixes: suggestions.map((s) => ({ title: `Change to '${s}'`, newText: s })), start: r.start, end: r.end };
}

const MAX_AREAS_NAMED = 3;

/**
 * For a name unknown in a Policy area (`…/Policy/Config/Defender/DisableAntiVirus`), the same name in
 * the scope's other areas (ADMX_MicrosoftDefenderAntivirus has it): policies move between areas, and
 * profiles copy the old path. Walks every area of the scope once (the index builds them on demand).
 */
function inOtherAreas(area: TreeNode, name: string): TreeNode[] {
  const config = area.parent;
  if (!config || config.name !== 'Config' || config.parent?.name !== 'Policy') return [];
  const found: TreeNode[] = [];
  for (const other of config.children.values()) {
    if (other === area) continue;
    const n = other.children.get(name) ?? other.folded?.get(name.toLowerCase());
    if (n && !n.implied) found.push(n);
    if (found.length === MAX_AREAS_NAMED) break;
  }
  return found;
}

function commandNotAllowed(a: DocumentAnalysis, t: TreeItem, name: string, facts: NodeFacts): Finding {
  const { xml } = a;
  // The local name in the start tag (`Replace` of `<Replace>`, or of `<ns:Replace>`).
  const end = xml.nameEnd[t.command];
  const start = end - t.commandName.length;
  const allowed = facts.access.join(', ');
  return {
    code: 'command-not-allowed',
    start,
    end,
    message: `${t.commandName} is not allowed on ${name}: its access types are ${allowed} (the device answers 405 Command not allowed)`,
  };
}

/**
 * Text and binary payloads are not told apart: chr and xml both carry text, and a binary node takes
 * its bytes as base64 text under b64, bin or chr alike (Microsoft's ClientCertificateInstall sample
 * sends the bin PFXCertBlob as chr).
 */
const PAYLOAD = new Set(['chr', 'xml', 'b64', 'bin']);
/** The DFFormats a Meta/Format is judged against, and the Formats each accepts. */
const ACCEPTS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['chr', PAYLOAD],
  ['xml', PAYLOAD],
  ['b64', PAYLOAD],
  ['bin', PAYLOAD],
  ['int', new Set(['int'])],
  ['bool', new Set(['bool'])],
  ['node', new Set(['node'])],
]);
/** Every Format OMA DM defines: anything else (a typo) is another problem, not judged here. */
const FORMATS = ['b64', 'bin', 'bool', 'chr', 'int', 'node', 'null', 'xml', 'date', 'time', 'float'];

/** The Format OMA DM defines that text[s, e) spells, in any letter case; read in place (one per item). */
function formatWord(text: string, s: number, e: number): string | undefined {
  const n = e - s;
  for (const f of FORMATS) {
    if (f.length !== n) continue;
    let k = 0;
    while (k < n && (text.charCodeAt(s + k) | 0x20) === f.charCodeAt(k)) k++;
    if (k === n) return f;
  }
  return undefined;
}

function formatMismatch(a: DocumentAnalysis, t: TreeItem, facts: NodeFacts): Finding | undefined {
  const ddf = facts.format;
  const accepts = ddf ? ACCEPTS.get(ddf) : undefined;
  if (!ddf || !accepts) return undefined;
  const { xml } = a;
  if (t.format >= 0) {
    xml.trim(t.format);
    const s = xml.trimStart;
    const e = xml.trimEnd;
    const lower = formatWord(xml.text, s, e);
    if (lower === undefined || accepts.has(lower)) return undefined;
    const sent = xml.text.slice(s, e);
    const name = nameOf(t.uri);
    return {
      code: 'format-mismatch',
      start: s,
      end: e,
      message: `Format ${sent}, but ${name} is ${article(ddf)} ${ddf} node (its DDF's DFFormat): the device rejects a value in another format`,
      fix: { title: `Change the Format to ${ddf}`, newText: ddf },
    };
  }
  // No Format: chr by default, which an int or bool node does not take.
  if ((ddf !== 'int' && ddf !== 'bool') || t.data < 0) return undefined;
  const [s, e] = dataRange(a, t.data);
  const name = nameOf(t.uri);
  return {
    code: 'format-mismatch',
    start: s,
    end: e,
    message: `No Meta/Format, so the Data is sent as chr (the default), but ${name} is ${article(ddf)} ${ddf} node: add <Meta><Format xmlns="syncml:metinf">${ddf}</Format></Meta> to the item`,
  };
}

function article(word: string): string {
  return /^[aeio]/.test(word) ? 'an' : 'a';
}

/** The Data's value range; for an empty Data, where its content would go. */
function dataRange(a: DocumentAnalysis, data: number): [number, number] {
  return a.xml.valueRange(data);
}

const XML_ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Character data as the device reads it: the five XML entities and character references replaced. */
function xmlUnescape(s: string): string {
  if (s.indexOf('&') === -1) return s;
  return s.replace(XML_ENTITY, (m, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    if (named) return NAMED[named];
    const cp = hex ? parseInt(hex, 16) : Number(dec);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
}

/** An ADMX-backed policy's payload: `<enabled/>` or `<disabled/>`, then `<data id="…" value="…"/>` elements. */
const ADMX_PAYLOAD = /^<(?:enabled|disabled)\s*\/>(?:\s*<data(?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*\s*\/>)*$/;

const patterns = new Map<string, RegExp | null>();

/**
 * Patterns of the Windows DDF that its own CSP pages contradict: VPNv2's TrafficFilterList port
 * ranges say `^[\d]*$`, and the VPNv2 page (and Microsoft's sample) sends "10,20-50,100-200".
 */
const WRONG_PATTERNS = new Set(['^[\\d]*$']);

/**
 * A group holding an unbounded quantifier and itself repeated without bound (`(a+)+`, `(\w+\s?)*`):
 * JavaScript backtracks exponentially on a near-miss, so a user DDF's pattern could stall the server
 * for seconds on a short value. Such a pattern is not judged (none of the bundled index's is one).
 */
const NESTED_REPEAT = /\((?:[^()\\]|\\.)*(?:[+*]|\{\d+,\})(?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,\})/;

/** A DDF's .NET pattern as a JavaScript RegExp, or null when JavaScript reads it otherwise or not at all. */
function compiled(pattern: string): RegExp | null {
  let r = patterns.get(pattern);
  if (r !== undefined) return r;
  // Written as a JavaScript literal (SecureAssessment's LaunchURI): the slashes are no part of it.
  const source = pattern.length > 2 && pattern.startsWith('/') && pattern.endsWith('/') ? pattern.slice(1, -1) : pattern;
  r = null;
  // Constructs .NET has and JavaScript reads otherwise or not at all (inline options, atomic groups,
  // (?'name'), \A \Z \z \G) are not guessed at.
  if (!WRONG_PATTERNS.has(pattern) && !/\(\?[imnsx-]|\(\?'|\(\?>|\\[AZzG]/.test(source) && !NESTED_REPEAT.test(source)) {
    try {
      r = new RegExp(source);
    } catch {
      r = null;
    }
  }
  patterns.set(pattern, r);
  return r;
}

const MAX_LISTED = 8;

function listValues(allowed: AllowedValues): string {
  const values = allowed.values ?? [];
  const shown = values.slice(0, MAX_LISTED).map((v) => {
    const label = v.label?.replace(/\.$/, '');
    if (!label || label === v.value) return v.value;
    return `${v.value} (${label.length > 40 ? `${label.slice(0, 39)}…` : label})`;
  });
  return shown.join(', ') + (values.length > MAX_LISTED ? ` and ${values.length - MAX_LISTED} more` : '');
}

/** Per int-ness of the node: a set of listed values may serve an int node and a text one alike. */
const keys = [new WeakMap<AllowedValues, Set<string>>(), new WeakMap<AllowedValues, Set<string>>()];

/** An enumeration's values as compared (valueKey). Built once per set. */
function enumKeys(allowed: AllowedValues, intNode: boolean): Set<string> {
  const cache = keys[intNode ? 1 : 0];
  let k = cache.get(allowed);
  if (!k) {
    k = new Set((allowed.values ?? []).map((v) => valueKey(v.value, intNode)));
    cache.set(allowed, k);
  }
  return k;
}

function quoted(value: string): string {
  return value.length > 40 ? `'${value.slice(0, 39)}…'` : `'${value}'`;
}

function valueNotAllowed(a: DocumentAnalysis, t: TreeItem, facts: NodeFacts, formatJudged: boolean): Finding | undefined {
  const { xml } = a;
  const data = t.data;
  if (data < 0 || xml.flags[data] & ElementFlag.Unclosed) return undefined;
  // Raw markup inside is markup-in-data's (escape it or use CDATA); then it is judged.
  if (data + 1 < xml.subtreeEnd[data]) return undefined;
  const ddf = facts.format;
  const allowed = facts.allowed;
  // Most nodes have nothing to judge: their Data (a Wi-Fi profile, an ADMX file) is not read at all.
  const kind = allowed?.kind;
  if (ddf !== 'int' && ddf !== 'bool' && kind !== 'ADMX' && kind !== 'ENUM' && kind !== 'Range' && kind !== 'RegEx') return undefined;
  if (ddf === 'node' || ddf === 'null') return undefined;
  const [s, e] = dataRange(a, data);
  // CDATA content is taken as written; character data has its references replaced.
  const raw = xml.text.slice(s, e);
  const value = xml.flags[data] & ElementFlag.HasCData ? raw : xmlUnescape(raw);
  const finding = (message: string): Finding => ({ code: 'value-not-allowed', start: s, end: e, message });
  if (allowed?.kind === 'ADMX') {
    if (value === '' || ADMX_PAYLOAD.test(trimXml(value))) return undefined;
    return finding(
      `${quoted(value)} is not an ADMX policy payload: ${nameOf(t.uri)} is ADMX-backed and takes <enabled/> or <disabled/>, optionally followed by <data id="…" value="…"/> elements, escaped or in CDATA`,
    );
  }
  // A value in another Format than the node's is format-mismatch's finding, not this one's.
  if (formatJudged) return undefined;
  if (ddf === 'int' || ddf === 'bool') {
    if (value === '') return finding(`Empty Data: ${nameOf(t.uri)} is ${article(ddf)} ${ddf} node and takes ${ddf === 'int' ? 'an integer' : 'true or false'}`);
  } else if (value === '') return undefined;
  const delim = listDelimiter(allowed);
  const parts = delim ? value.split(delim).filter((p) => p !== '') : [value];
  for (const part of parts) {
    if (ddf === 'int' && !isIntText(part)) return finding(`${quoted(part)} is not an integer: ${nameOf(t.uri)} is an int node`);
    if (ddf === 'bool' && !/^(?:true|false)$/i.test(part)) return finding(`${quoted(part)} is not a boolean: ${nameOf(t.uri)} is a bool node and takes true or false`);
  }
  if (!allowed) return undefined;
  switch (allowed.kind) {
    case 'ENUM': {
      const values = allowed.values ?? [];
      if (values.length === 0) return undefined;
      const numeric = ddf === 'int';
      const known = enumKeys(allowed, numeric);
      for (const part of parts) {
        if (known.has(part)) continue;
        if (!known.has(valueKey(part, numeric))) return finding(`${quoted(part)} is not an allowed value of ${nameOf(t.uri)}: ${listValues(allowed)}`);
      }
      return undefined;
    }
    case 'Range': {
      const range = allowed.range;
      if (!range || (range.min === undefined && range.max === undefined)) return undefined;
      for (const part of parts) {
        if (!isIntText(part)) continue;
        const v = Number(part);
        if ((range.min !== undefined && v < range.min) || (range.max !== undefined && v > range.max)) {
          const bounds = range.min !== undefined && range.max !== undefined ? `${range.min} to ${range.max}` : range.text;
          return finding(`${part} is outside the allowed range of ${nameOf(t.uri)}: ${bounds}`);
        }
      }
      return undefined;
    }
    case 'RegEx': {
      const re = allowed.pattern ? compiled(allowed.pattern) : null;
      if (!re) return undefined;
      for (const part of parts) {
        if (!re.test(part)) return finding(`${quoted(part)} does not match the pattern ${nameOf(t.uri)} takes: ${allowed.pattern}`);
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

function trimXml(s: string): string {
  let i = 0;
  let j = s.length;
  while (i < j && isSpace(s.charCodeAt(i))) i++;
  while (j > i && isSpace(s.charCodeAt(j - 1))) j--;
  return s.slice(i, j);
}
