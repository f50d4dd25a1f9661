/**
 * Reads a DDF file (OMA DDF 1.2, Microsoft DDF v2) into nodes with their facts. Pure: text in,
 * nodes and at most one problem out, never a throw. DDF files are complete data files, so they are
 * read with fast-xml-parser rather than the tolerant scanner that serves the documents being edited.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  ACCESS_TYPES,
  ALLOWED_KINDS,
  dynamicSegment,
  type AccessType,
  type AllowedKind,
  type AllowedValues,
  type DdfNode,
  type DdfReadResult,
  type NodeFacts,
} from './types';

export interface DdfReadOptions {
  /** Keep each node's `Description` prose (a DDF the user loaded); the bundled index never does. */
  descriptions?: boolean;
}

type XmlValue = string | XmlObject | XmlValue[];
interface XmlObject {
  [key: string]: XmlValue;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // `MSFT:` is Microsoft's prefix by convention only; the element names do not clash with OMA's.
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name) => name === 'Node' || name === 'Enum',
});

/**
 * Blanks the DOCTYPE (keeping line breaks, so positions stay true): Microsoft's files hold a
 * processing instruction in its internal subset and a public id starting with a space, which
 * fast-xml-parser rejects, and nothing in it is needed.
 */
function blankDoctype(text: string): string {
  return text.replace(/<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>/, (m) => m.replace(/[^\r\n]/g, ' '));
}

function isObject(v: XmlValue | undefined): v is XmlObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function textOf(v: XmlValue | undefined): string | undefined {
  if (typeof v === 'string') return v;
  if (isObject(v) && typeof v['#text'] === 'string') return v['#text'];
  if (Array.isArray(v)) return textOf(v[0]);
  return undefined;
}

/** The element names inside a choice element (`<DFFormat><int/></DFFormat>` → ['int']). */
function choices(v: XmlValue | undefined): string[] {
  return isObject(v) ? Object.keys(v).filter((k) => k[0] !== '@' && k !== '#text') : [];
}

function asArray(v: XmlValue | undefined): XmlValue[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function readRange(text: string): AllowedValues['range'] {
  // `[0-23]`, `[(-1)-4294967295]`, `[0,4320]`, `[5]`.
  const m = /^\[\s*\(?(-?\d+)\)?\s*(?:[-,]\s*\(?(-?\d+)\)?\s*)?\]$/.exec(text.trim());
  if (!m) return { text };
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : Number(m[2]);
  return { text, min, max };
}

function readAllowed(v: XmlValue | undefined): AllowedValues | undefined {
  if (v === undefined) return undefined;
  const o: XmlObject = isObject(v) ? v : {};
  const type = typeof o['@ValueType'] === 'string' ? (o['@ValueType'] as string) : 'None';
  const kind = ALLOWED_KINDS.find((k) => k.toLowerCase() === type.toLowerCase());
  const allowed: AllowedValues = { kind: kind ?? ('None' as AllowedKind) };
  const list = o['List'];
  if (isObject(list) && typeof list['@Delimiter'] === 'string') allowed.listDelimiter = list['@Delimiter'] as string;
  const value = textOf(o['Value']);
  switch (allowed.kind) {
    case 'ENUM':
    case 'Flag':
      allowed.values = asArray(o['Enum']).flatMap((e) => {
        if (!isObject(e)) return [];
        const value = textOf(e['Value']);
        if (value === undefined) return [];
        const label = textOf(e['ValueDescription']);
        return [label ? { value, label } : { value }];
      });
      break;
    case 'Range':
      if (value !== undefined) allowed.range = readRange(value);
      break;
    case 'RegEx':
      if (value !== undefined) allowed.pattern = value;
      break;
    case 'ADMX': {
      const a = o['AdmxBacked'];
      if (isObject(a)) {
        const s = (k: string) => (typeof a[k] === 'string' ? (a[k] as string) : '');
        allowed.admx = { area: s('@Area'), name: s('@Name'), file: s('@File') };
      }
      break;
    }
    default:
      if (value) allowed.text = value;
  }
  return allowed;
}

function readFacts(props: XmlValue | undefined, options: DdfReadOptions): NodeFacts {
  const p: XmlObject = isObject(props) ? props : {};
  const names = choices(p['AccessType']);
  const facts: NodeFacts = { access: ACCESS_TYPES.filter((a) => names.includes(a)) as AccessType[] };
  const format = choices(p['DFFormat'])[0];
  if (format) facts.format = format;
  const occurrence = choices(p['Occurrence'])[0];
  if (occurrence) {
    const n = isObject(p['Occurrence']) ? textOf(p['Occurrence'][occurrence]) : undefined;
    facts.occurrence = n ? `${occurrence} ${n}` : occurrence;
  }
  const scope = choices(p['Scope'])[0];
  if (scope === 'Permanent' || scope === 'Dynamic') facts.scope = scope;
  const caseSense = choices(p['CaseSense'])[0];
  if (caseSense === 'CS' || caseSense === 'CIS') facts.caseSense = caseSense;
  const def = textOf(p['DefaultValue']);
  if (def !== undefined && p['DefaultValue'] !== undefined) facts.defaultValue = def;
  const title = textOf(p['DFTitle']);
  if (title) facts.title = title;
  const dfType = p['DFType'];
  const mime = isObject(dfType) ? textOf(dfType['MIME']) : undefined;
  if (mime) facts.mime = mime;
  const allowed = readAllowed(p['AllowedValues']);
  if (allowed) facts.allowed = allowed;
  const app = p['Applicability'];
  if (isObject(app)) {
    const os = textOf(app['OsBuildVersion']);
    const csp = textOf(app['CspVersion']);
    if (os) facts.osBuild = os;
    if (csp) facts.cspVersion = csp;
  }
  if (p['Deprecated'] !== undefined) {
    const d = p['Deprecated'];
    facts.deprecated = isObject(d) && typeof d['@OsBuildDeprecated'] === 'string' ? (d['@OsBuildDeprecated'] as string) : '';
  }
  const naming = choices(p['DynamicNodeNaming'])[0];
  if (naming) facts.dynamicNaming = naming;
  if (p['AtomicRequired'] !== undefined) facts.atomicRequired = true;
  if (options.descriptions) {
    const d = textOf(p['Description']);
    if (d) facts.description = d;
  }
  return facts;
}

function normalisePath(path: string | undefined): string {
  let p = (path ?? '').trim();
  while (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  if (p === '' || p === '/') return '.';
  return p.startsWith('.') ? p : `./${p.replace(/^\/+/, '')}`;
}

function readNode(x: XmlValue, parentPath: string, options: DdfReadOptions): DdfNode {
  const o: XmlObject = isObject(x) ? x : {};
  const rawName = textOf(o['NodeName'])?.trim() ?? '';
  const facts = readFacts(o['DFProperties'], options);
  const name = rawName === '' ? null : rawName;
  // An OMA DDF may describe the root itself, named '.'.
  const path = name === '.' && parentPath === '.' ? '.' : `${parentPath}/${name ?? dynamicSegment(facts.title)}`;
  const node: DdfNode = { name, facts, children: [], path };
  for (const c of asArray(o['Node'])) node.children.push(readNode(c, path, options));
  return node;
}

/** 1-based line and column of an offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** The names a folder of DDF files is searched for (`--ddf DIR`, `syncml.ddfFiles` folders), in any letter case. */
export const DDF_FILE_EXTENSIONS: readonly string[] = ['.xml', '.ddf'];

/** Whether a file name is one DDF_FILE_EXTENSIONS lists. */
export function isDdfFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return DDF_FILE_EXTENSIONS.some((e) => lower.endsWith(e));
}

/** Reads one DDF file. `file` names it in the problem message. */
export function readDdf(text: string, file: string, options: DdfReadOptions = {}): DdfReadResult {
  const body = blankDoctype(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const problem = (line: number, column: number, message: string): DdfReadResult => ({
    roots: [],
    problem: { file, line, column, reason: message, message: `${file}:${line}:${column}: ${message}` },
  });
  const valid = XMLValidator.validate(body, { allowBooleanAttributes: true });
  if (valid !== true) {
    // fast-xml-parser reports elements left open at the end as "Invalid '[…names…]' found" at 1:1.
    const open = /^Invalid '\[([\s\S]*)\]' found/.exec(valid.err.msg);
    if (open) {
      const names = open[1].split(',').map((n) => n.trim().replace(/^"|"$/g, ''));
      const at = lineColumn(body, body.length);
      return problem(at.line, at.column, `not well-formed XML: the file ends before <${names[names.length - 1]}> is closed`);
    }
    return problem(valid.err.line || 1, valid.err.col || 1, `not well-formed XML: ${valid.err.msg}`);
  }
  let doc: XmlObject;
  try {
    doc = parser.parse(body) as XmlObject;
  } catch (e) {
    return problem(1, 1, `could not be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  const tree = doc['MgmtTree'];
  if (tree === undefined) {
    const root = /<([A-Za-z_][\w.:-]*)/.exec(body.replace(/<[?!][\s\S]*?>/g, (m) => ' '.repeat(m.length)));
    const at = lineColumn(body, root?.index ?? 0);
    return problem(at.line, at.column, `not a DDF file: the root element is ${root ? `<${root[1]}>` : 'missing'}, not <MgmtTree>`);
  }
  const roots: DdfNode[] = [];
  for (const n of asArray(isObject(tree) ? tree['Node'] : undefined)) {
    const parentPath = normalisePath(isObject(n) ? textOf(n['Path']) : undefined);
    const node = readNode(n, parentPath, options);
    node.parentPath = parentPath;
    roots.push(node);
  }
  return { roots };
}
