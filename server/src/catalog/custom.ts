/**
 * Custom-codes files: users add their own codes (typically vendor codes in a family's vendor
 * ranges) in a small JSON file. Pure: JSON.parse plus hand-written validation, no platform imports.
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
import { BUILTIN, familyClass } from './data';
import { findJsonError } from './jsonError';
import type { CodeClass, CodeEntry, CustomCodesFile, CustomCodesProblem, FamilyId } from './types';
import { FAMILY_IDS } from './types';

export const CUSTOM_CODE_MAX = 2147483647;

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

export interface CustomCodesResult {
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

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

function rangeText(e: { code: number; to?: number }): string {
  return e.to === undefined ? `${e.code}` : `${e.code}-${e.to}`;
}

export function parseCustomCodes(text: string, file: string): CustomCodesResult {
  const problems: CustomCodesProblem[] = [];
  const problem = (message: string): void => {
    problems.push({ file, message });
  };

  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    problem('the file is empty; expected a JSON object with a "codes" array');
    return { problems };
  }

  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (err) {
    const located = findJsonError(body);
    if (located) {
      const { line, column } = lineColumn(body, located.offset);
      problem(`invalid JSON at line ${line}, column ${column}: ${located.message}`);
    } else {
      // Our locator found nothing (should not happen): fall back to the parser's own words.
      const raw = (err instanceof Error ? err.message : String(err)).replace(/,? ".*" is not valid JSON$/s, '');
      problem(`invalid JSON: ${raw}`);
    }
    return { problems };
  }

  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    problem(`expected a JSON object with a "codes" array at the top level, found ${describe(doc)}`);
    return { problems };
  }
  const top = doc as Record<string, unknown>;
  for (const key of Object.keys(top)) {
    if (!(TOP_KEYS as readonly string[]).includes(key)) {
      problem(`unknown top-level property "${key}" is ignored; expected "$schema" or "codes"`);
    }
  }
  if ('$schema' in top && typeof top.$schema !== 'string') {
    problem(`$schema: expected a string, found ${describe(top.$schema)}`);
  }
  if (!('codes' in top)) {
    problem('missing the "codes" array');
    return { problems };
  }
  if (!Array.isArray(top.codes)) {
    problem(`codes: expected an array, found ${describe(top.codes)}`);
    return { problems };
  }

  const entries: CodeEntry[] = [];
  const accepted: { at: string; entry: CodeEntry }[] = [];
  top.codes.forEach((raw: unknown, i: number) => {
    const at = `codes[${i}]`;
    const entry = readEntry(raw, at, file, problem);
    if (!entry) return;

    const clash = builtinDefinedOverlap(entry);
    if (clash) {
      problem(
        `${at}: ${entry.family} ${rangeText(clash)} is already defined by the built-in table ("${clash.name}"); ` +
          'custom codes may only add numbers the family leaves open (vendor ranges, reserved, obsolete or unassigned numbers). Entry skipped',
      );
      return;
    }
    const earlier = accepted.find((a) => a.entry.family === entry.family && overlaps(a.entry, entry));
    if (earlier) {
      problem(
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
  problem: (m: string) => void,
): number | undefined | null {
  if (!(key in obj)) return undefined;
  const v = obj[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > CUSTOM_CODE_MAX) {
    problem(`${at}.${key}: expected an integer from 0 to ${CUSTOM_CODE_MAX}, found ${describe(v)}. Entry skipped`);
    return null;
  }
  return v;
}

function readEntry(
  raw: unknown,
  at: string,
  file: string,
  problem: (m: string) => void,
): CodeEntry | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problem(`${at}: expected an object, found ${describe(raw)}. Entry skipped`);
    return undefined;
  }
  const obj = raw as Record<string, unknown>;
  let ok = true;
  const fail = (m: string): void => {
    ok = false;
    problem(m);
  };

  const unknown = Object.keys(obj).filter((k) => !(ENTRY_KEYS as readonly string[]).includes(k));
  if (unknown.length > 0) {
    fail(
      `${at}: unknown ${unknown.length === 1 ? 'property' : 'properties'} ${unknown.map((k) => `"${k}"`).join(', ')}; ` +
        `expected only ${ENTRY_KEYS.join(', ')}. Entry skipped`,
    );
  }

  let family: FamilyId | undefined;
  if (!('family' in obj)) {
    fail(`${at}.family: missing; expected one of ${FAMILY_IDS.join(', ')}. Entry skipped`);
  } else if (typeof obj.family !== 'string' || !FAMILY_SET.has(obj.family)) {
    fail(
      `${at}.family: ${typeof obj.family === 'string' ? JSON.stringify(obj.family) : describe(obj.family)} is not a family id; ` +
        `expected one of ${FAMILY_IDS.join(', ')}. Entry skipped`,
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
      if (to < from) fail(`${at}.to: ${to} is less than from (${from}). Entry skipped`);
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
    fail(`${at}.name: expected a non-empty string, found ${describe(obj.name)}. Entry skipped`);
  } else name = obj.name.trim();

  let description: string | undefined;
  if ('description' in obj) {
    if (typeof obj.description !== 'string') {
      fail(`${at}.description: expected a string, found ${describe(obj.description)}. Entry skipped`);
    } else description = obj.description.trim();
  }

  let cls: CodeClass | undefined;
  if ('class' in obj) {
    if (typeof obj.class !== 'string' || !(CLASSES as readonly string[]).includes(obj.class)) {
      fail(`${at}.class: ${describe(obj.class)} is not a class; expected one of ${CLASSES.join(', ')}. Entry skipped`);
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
