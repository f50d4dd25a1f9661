/**
 * Custom-codes files: users add their own codes (typically vendor codes in a family's vendor
 * ranges) in a small JSON file. Pure: jsonc-parser (which keeps every value's offset, so a problem
 * points at its place) plus hand-written validation, no platform imports. Comments and trailing
 * commas are accepted, as in VS Code's own settings.json.
 *
 * Format (schemas/custom-codes.schema.json describes exactly this):
 *
 *   {
 *     "$schema": "<optional, any string>",
 *     "codes": [
 *       { "family": "fumo-result", "code": 251, "name": "Battery low", "description": "..." },
 *       { "family": "scomo-result", "from": 1450, "to": 1460, "name": "Installer error" }
 *     ]
 *   }
 *
 * Each entry: `family` (a family id), either `code` or `from` + `to` (integers 0-2147483647,
 * from <= to), `name` (non-empty), optional `description`, optional `class`. No other keys.
 * An invalid entry is reported and skipped; the valid ones are kept. An entry may not redefine a
 * number the built-in table already defines (it may cover vendor, reserved, obsolete or unassigned
 * numbers), nor overlap an earlier entry of the same file and family.
 */
import { createScanner, findNodeAtLocation, getNodeValue, ParseErrorCode, parseTree, SyntaxKind, type JSONPath, type Node, type ParseError } from 'jsonc-parser';
import { BUILTIN, familyClass } from './data';
import type { CodeClass, CodeEntry, CustomCodesFile, CustomCodesProblem, FamilyId } from './types';
import { FAMILY_IDS } from './types';
import { isObject } from '../isObject';

const CUSTOM_CODE_MAX = 2147483647;

/** jsonc-parser reads nested values recursively: deeper files are refused before it sees them. */
const MAX_DEPTH = 256;

const ENTRY_KEYS = ['family', 'code', 'from', 'to', 'name', 'description', 'class'] as const;
const TOP_KEYS = ['$schema', 'codes'] as const;
const CLASSES: readonly CodeClass[] = [
  'informational',
  'success',
  'redirection',
  'originator-error',
  'recipient-error',
  'alert',
  'state',
];
const FAMILY_SET: ReadonlySet<string> = new Set(FAMILY_IDS);

interface CustomCodesResult {
  /** The file's valid entries; absent when the file could not be read as a custom-codes file at all. */
  codes?: CustomCodesFile;
  problems: CustomCodesProblem[];
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  switch (typeof v) {
    case 'string':
      return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
    case 'number':
      return `the number ${v}`;
    case 'boolean':
      return `${v}`;
    case 'object':
      return 'an object';
    default:
      return typeof v;
  }
}

/** 1-based line and column of offsets in one text; the line starts are found once, for a file with many problems. */
function lineColumns(text: string): (offset: number) => { line: number; column: number } {
  let starts: number[] | undefined;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  };
}

/** Where the first value nested deeper than MAX_DEPTH opens, if one does (a linear scan, no recursion). */
function tooDeep(text: string): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let t = scanner.scan(); t !== SyntaxKind.EOF; t = scanner.scan()) {
    if (t === SyntaxKind.OpenBraceToken || t === SyntaxKind.OpenBracketToken) {
      if (++depth > MAX_DEPTH) return scanner.getTokenOffset();
    } else if (t === SyntaxKind.CloseBraceToken || t === SyntaxKind.CloseBracketToken) depth--;
  }
  return undefined;
}

/** What is at the offset, for "found …": one character, or the end of the file. */
function foundAt(text: string, offset: number): string {
  return offset >= text.length ? 'the end of the file' : JSON.stringify(text[offset]);
}

/** jsonc-parser's first error in words (its own names are identifiers such as CommaExpected). */
function syntaxMessage(text: string, e: ParseError, root: Node | undefined): string {
  const found = foundAt(text, e.offset);
  switch (e.error) {
    case ParseErrorCode.InvalidSymbol:
      return root && e.offset >= root.offset + root.length
        ? `unexpected ${found} after the end of the JSON value`
        : `expected a value, found ${found}`;
    case ParseErrorCode.ValueExpected:
      return `expected a value, found ${found}`;
    case ParseErrorCode.PropertyNameExpected:
      return `expected a property name in double quotes, found ${found}`;
    case ParseErrorCode.ColonExpected:
      return `expected ':' after the property name, found ${found}`;
    case ParseErrorCode.CommaExpected:
      return `expected ',' between two values, found ${found}`;
    case ParseErrorCode.CloseBraceExpected:
      return `an object is not closed: expected '}', found ${found}`;
    case ParseErrorCode.CloseBracketExpected:
      return `an array is not closed: expected ']', found ${found}`;
    case ParseErrorCode.EndOfFileExpected:
      return `unexpected ${found} after the end of the JSON value`;
    case ParseErrorCode.InvalidNumberFormat:
    case ParseErrorCode.UnexpectedEndOfNumber:
      return 'invalid number';
    case ParseErrorCode.UnexpectedEndOfString:
      return 'unterminated string';
    case ParseErrorCode.InvalidUnicode:
      return 'invalid \\u escape in a string';
    case ParseErrorCode.InvalidEscapeCharacter:
      return 'invalid escape in a string';
    case ParseErrorCode.InvalidCharacter:
      return 'control character inside a string (escape it)';
    case ParseErrorCode.UnexpectedEndOfComment:
    case ParseErrorCode.InvalidCommentToken:
      return 'unterminated comment';
    default:
      return `unexpected ${found}`;
  }
}

function rangeText(e: { code: number; to?: number }): string {
  return e.to === undefined ? `${e.code}` : `${e.code}-${e.to}`;
}

/** `file:line:column: message`, as compilers print a problem (`file: message` when it has no place). */
export function formatFileProblem(p: { file: string; message: string; line?: number; column?: number }): string {
  return p.line === undefined ? `${p.file}: ${p.message}` : `${p.file}:${p.line}:${p.column}: ${p.message}`;
}

export function parseCustomCodes(text: string, file: string): CustomCodesResult {
  const problems: CustomCodesProblem[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lineColumn = lineColumns(body);
  const placed = (message: string, offset: number): void => {
    problems.push({ file, message, ...lineColumn(offset) });
  };
  let root: Node | undefined;
  /**
   * A problem at the value the path names (at its property name with `atName`: an unknown
   * property), or at the nearest enclosing value there is (a missing property: its object).
   */
  const problem = (message: string, path: JSONPath = [], atName = false): void => {
    for (let n = path.length; n >= 0; n--) {
      const node = root && findNodeAtLocation(root, path.slice(0, n));
      if (node) return placed(message, atName && n === path.length && node.parent ? node.parent.offset : node.offset);
    }
    problems.push({ file, message });
  };

  if (body.trim() === '') {
    problem('the file is empty; expected a JSON object with a "codes" array');
    return { problems };
  }

  const deep = tooDeep(body);
  if (deep !== undefined) {
    placed(`invalid JSON: nested more than ${MAX_DEPTH} levels deep`, deep);
    return { problems };
  }
  const errors: ParseError[] = [];
  root = parseTree(body, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !root) {
    const e = errors[0] ?? { error: 0, offset: 0, length: 0 };
    placed(`invalid JSON: ${syntaxMessage(body, e, root)}`, e.offset);
    return { problems };
  }
  const doc: unknown = getNodeValue(root);

  if (!isObject(doc)) {
    problem(`expected a JSON object with a "codes" array at the top level, found ${describe(doc)}`);
    return { problems };
  }
  const top = doc;
  for (const key of Object.keys(top)) {
    if (!(TOP_KEYS as readonly string[]).includes(key)) {
      problem(`unknown top-level property "${key}" is ignored; expected "$schema" or "codes"`, [key], true);
    }
  }
  if ('$schema' in top && typeof top.$schema !== 'string') {
    problem(`$schema: expected a string, found ${describe(top.$schema)}`, ['$schema']);
  }
  if (!('codes' in top)) {
    problem('missing the "codes" array');
    return { problems };
  }
  if (!Array.isArray(top.codes)) {
    problem(`codes: expected an array, found ${describe(top.codes)}`, ['codes']);
    return { problems };
  }

  const entries: CodeEntry[] = [];
  const accepted: { at: string; entry: CodeEntry }[] = [];
  top.codes.forEach((raw: unknown, i: number) => {
    const at = `codes[${i}]`;
    const entryProblem = (message: string, key?: string): void =>
      problem(message, key === undefined ? ['codes', i] : ['codes', i, key], key !== undefined && !(ENTRY_KEYS as readonly string[]).includes(key));
    const entry = readEntry(raw, at, file, entryProblem);
    if (!entry) return;

    const clash = builtinDefinedOverlap(entry);
    if (clash) {
      entryProblem(
        `${at}: ${entry.family} ${rangeText(clash)} is already defined by the built-in table ("${clash.name}"); ` +
          'custom codes may only add numbers the family leaves open (vendor ranges, reserved, obsolete or unassigned numbers). Entry skipped',
      );
      return;
    }
    const earlier = accepted.find((a) => a.entry.family === entry.family && overlaps(a.entry, entry));
    if (earlier) {
      entryProblem(
        `${at}: ${entry.family} ${rangeText(entry)} overlaps ${earlier.at} (${rangeText(earlier.entry)}) in the same file. Entry skipped`,
      );
      return;
    }
    accepted.push({ at, entry });
    entries.push(Object.freeze(entry));
  });

  return { codes: { file, entries }, problems };
}

function overlaps(a: { code: number; to?: number }, b: { code: number; to?: number }): boolean {
  return a.code <= (b.to ?? b.code) && b.code <= (a.to ?? a.code);
}

function builtinDefinedOverlap(e: CodeEntry): CodeEntry | undefined {
  return BUILTIN[e.family].find((b) => b.kind === 'defined' && overlaps(b, e));
}

function readInteger(
  obj: Record<string, unknown>,
  key: string,
  at: string,
  problem: (m: string, key: string) => void,
): number | undefined | null {
  if (!(key in obj)) return undefined;
  const v = obj[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > CUSTOM_CODE_MAX) {
    problem(`${at}.${key}: expected an integer from 0 to ${CUSTOM_CODE_MAX}, found ${describe(v)}. Entry skipped`, key);
    return null;
  }
  return v;
}

function readEntry(
  raw: unknown,
  at: string,
  file: string,
  /** With a key: the problem is at that property's value (or the entry, when it is missing). */
  problem: (m: string, key?: string) => void,
): CodeEntry | undefined {
  if (!isObject(raw)) {
    problem(`${at}: expected an object, found ${describe(raw)}. Entry skipped`);
    return undefined;
  }
  const obj = raw;
  let ok = true;
  const fail = (m: string, key?: string): void => {
    ok = false;
    problem(m, key);
  };

  const unknown = Object.keys(obj).filter((k) => !(ENTRY_KEYS as readonly string[]).includes(k));
  if (unknown.length > 0) {
    fail(
      `${at}: unknown ${unknown.length === 1 ? 'property' : 'properties'} ${unknown.map((k) => `"${k}"`).join(', ')}; ` +
        `expected only ${ENTRY_KEYS.join(', ')}. Entry skipped`,
      unknown[0],
    );
  }

  let family: FamilyId | undefined;
  if (!('family' in obj)) {
    fail(`${at}.family: missing; expected one of ${FAMILY_IDS.join(', ')}. Entry skipped`);
  } else if (typeof obj.family !== 'string' || !FAMILY_SET.has(obj.family)) {
    fail(
      `${at}.family: ${typeof obj.family === 'string' ? JSON.stringify(obj.family) : describe(obj.family)} is not a family id; ` +
        `expected one of ${FAMILY_IDS.join(', ')}. Entry skipped`,
      'family',
    );
  } else {
    family = obj.family as FamilyId;
  }

  const code = readInteger(obj, 'code', at, fail);
  const from = readInteger(obj, 'from', at, fail);
  const to = readInteger(obj, 'to', at, fail);
  let first: number | undefined;
  let last: number | undefined;
  if ('code' in obj && ('from' in obj || 'to' in obj)) {
    fail(`${at}: give either "code" or "from" and "to", not both. Entry skipped`);
  } else if ('code' in obj) {
    if (typeof code === 'number') first = code;
  } else if ('from' in obj || 'to' in obj) {
    if (!('from' in obj)) fail(`${at}.from: missing; a range needs both "from" and "to". Entry skipped`);
    else if (!('to' in obj)) fail(`${at}.to: missing; a range needs both "from" and "to". Entry skipped`);
    else if (typeof from === 'number' && typeof to === 'number') {
      if (to < from) fail(`${at}.to: ${to} is less than from (${from}). Entry skipped`, 'to');
      else {
        first = from;
        last = to;
      }
    }
  } else {
    fail(`${at}: missing "code" (or "from" and "to"). Entry skipped`);
  }

  let name: string | undefined;
  if (!('name' in obj)) fail(`${at}.name: missing; every code needs a name. Entry skipped`);
  else if (typeof obj.name !== 'string' || obj.name.trim() === '') {
    fail(`${at}.name: expected a non-empty string, found ${describe(obj.name)}. Entry skipped`, 'name');
  } else name = obj.name.trim();

  let description: string | undefined;
  if ('description' in obj) {
    if (typeof obj.description !== 'string') {
      fail(`${at}.description: expected a string, found ${describe(obj.description)}. Entry skipped`, 'description');
    } else description = obj.description.trim();
  }

  let cls: CodeClass | undefined;
  if ('class' in obj) {
    if (typeof obj.class !== 'string' || !(CLASSES as readonly string[]).includes(obj.class)) {
      fail(`${at}.class: ${describe(obj.class)} is not a class; expected one of ${CLASSES.join(', ')}. Entry skipped`, 'class');
    } else cls = obj.class as CodeClass;
  }

  if (!ok || family === undefined || first === undefined || name === undefined) return undefined;

  if (cls === undefined) {
    const a = familyClass(family, first);
    const b = last === undefined ? a : familyClass(family, last);
    if (a === undefined || b === undefined) {
      problem(
        `${at}: ${family} gives no class to ${last === undefined ? first : `${first}-${last}`} (the hundreds digit is not 1-5); ` +
          `add "class" (one of ${CLASSES.join(', ')}). Entry skipped`,
      );
      return undefined;
    }
    if (a !== b) {
      problem(`${at}: the range ${first}-${last} spans two classes (${a}, ${b}) in ${family}; split it or add "class". Entry skipped`);
      return undefined;
    }
    cls = a;
  }

  const entry: CodeEntry = {
    family,
    code: first,
    name,
    description: description || 'Code defined in a custom-codes file.',
    cls,
    kind: 'defined',
    source: `custom codes: ${file}`,
    customFile: file,
  };
  if (last !== undefined && last !== first) entry.to = last;
  return entry;
}
