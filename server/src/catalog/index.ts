/**
 * The code catalog: the built-in tables merged with any custom-codes files, behind the `Catalog`
 * interface of api.ts. Everything is precomputed in createCatalog so that `lookup` is one Map
 * read (it runs for every code of multi-megabyte documents).
 */
import type { Catalog } from './api';
import {
  ALERT_TYPES,
  BUILTIN,
  FAMILY_INFO,
  SYNCML_HRESULT_FIRST,
  SYNCML_HRESULT_LAST,
  UNPUBLISHED,
  WINDOWS_ERRORS,
  buildCommandStatuses,
} from './data';
import type {
  AlertTypeInfo,
  CodeEntry,
  CustomCodesFile,
  FamilyId,
  FamilyInfo,
  HresultDecoding,
  WindowsError,
} from './types';
import { FAMILY_IDS } from './types';
import { hresultSpelling, hresultValue } from './hresult';

export * from './types';
export { parseCustomCodes } from './custom';
export { hresultSpelling, hresultValue } from './hresult';

/** Custom ranges up to this width are expanded into the exact-code map; wider ones are searched. */
const EXPAND_LIMIT = 4096;

const EMPTY: readonly never[] = Object.freeze([]);

interface FamilyIndex {
  /** Every number with an entry (single codes and expanded ranges), precedence already applied. */
  exact: Map<number, CodeEntry>;
  /** Custom ranges too wide to expand, searched in order: the last given first (a later file wins). */
  wide: CodeEntry[];
  entries: readonly CodeEntry[];
}

/**
 * Lookup precedence within a family, highest first: a built-in defined code; a custom single code;
 * a custom range; a built-in obsolete, reserved or vendor single code; a built-in range. Among
 * custom files, a later file wins over an earlier one.
 */
function buildFamilyIndex(id: FamilyId, custom: readonly CodeEntry[]): FamilyIndex {
  const builtin = BUILTIN[id];
  const exact = new Map<number, CodeEntry>();
  const wide: CodeEntry[] = [];

  for (const e of builtin) if (e.to !== undefined) for (let n = e.code; n <= e.to; n++) exact.set(n, e);
  for (const e of builtin) if (e.to === undefined && e.kind !== 'defined') exact.set(e.code, e);
  for (const e of custom) {
    if (e.to === undefined) continue;
    if (e.to - e.code < EXPAND_LIMIT) {
      for (let n = e.code; n <= e.to; n++) exact.set(n, e);
    } else {
      wide.push(e);
      // A wide custom range must still win over built-in non-defined entries inside it.
      for (const [n, prior] of exact) if (prior.customFile === undefined && n >= e.code && n <= e.to) exact.delete(n);
    }
  }
  for (const e of custom) if (e.to === undefined) exact.set(e.code, e);
  for (const e of builtin) if (e.to === undefined && e.kind === 'defined') exact.set(e.code, e);

  wide.reverse(); // later files first
  const entries = Object.freeze([...builtin, ...custom].sort((a, b) => a.code - b.code));
  return { exact, wide, entries };
}

function normalizeAlertType(type: string): string {
  return type
    .trim()
    .replace(/^reversed-domain-name\s*:\s*/i, '')
    .trim()
    .toLowerCase();
}

/** Key of an MO result (or status) for the equivalence table. */
const key = (family: FamilyId, code: number): string => `${family}:${code}`;

const MO_RESULT_FAMILIES: readonly FamilyId[] = ['fumo-result', 'scomo-result', 'sacmo-result', 'lawmo-result'];

/**
 * Groups of codes with the same meaning in different families, for the wrong-family quick fix.
 * Grounded only:
 * - success: SyncML 200 OK, FUMO 200, SCOMO/SACMO 1200 "Successful", LAWMO 1200 "Operation succeeded";
 * - MO result codes whose result messages are the same text in their tables (case aside), e.g.
 *   FUMO 401 / SCOMO 1401 / SACMO 1401 / LAWMO 1401 "User Cancelled", FUMO 412 / SCOMO 1501 /
 *   SACMO 1501 "Alternate Download Server Unavailable".
 * The hundreds-digit class rule is not a meaning equivalence: 1404 is never mapped to 404.
 */
function buildEquivalence(): Map<string, Map<FamilyId, number>> {
  const groupOf = new Map<string, Map<FamilyId, number>>();
  const addGroup = (members: ReadonlyArray<readonly [FamilyId, number]>): void => {
    let group: Map<FamilyId, number> | undefined;
    for (const [f, c] of members) group ??= groupOf.get(key(f, c));
    group ??= new Map();
    for (const [f, c] of members) {
      if (!group.has(f)) group.set(f, c);
      groupOf.set(key(f, c), group);
    }
  };
  addGroup([
    ['syncml-status', 200],
    ['fumo-result', 200],
    ['scomo-result', 1200],
    ['sacmo-result', 1200],
    ['lawmo-result', 1200],
  ]);
  const byName = new Map<string, Array<readonly [FamilyId, number]>>();
  for (const f of MO_RESULT_FAMILIES) {
    for (const e of BUILTIN[f]) {
      if (e.kind !== 'defined' || e.to !== undefined) continue;
      const name = e.name.replace(/\s+/g, ' ').trim().toLowerCase();
      const list = byName.get(name) ?? [];
      if (!list.some(([g]) => g === f)) list.push([f, e.code]);
      byName.set(name, list);
    }
  }
  for (const members of byName.values()) if (members.length > 1) addGroup(members);
  return groupOf;
}

function encode(status: number): HresultDecoding {
  if (!Number.isInteger(status) || status < 0 || status > 0xffff) {
    throw new RangeError(`encodeHresult: ${status} is not a status from 0 to 65535`);
  }
  return { status, ...hresultSpelling(0x87d10000 + status) };
}

export function createCatalog(custom?: readonly CustomCodesFile[]): Catalog {
  const customByFamily = new Map<FamilyId, CodeEntry[]>();
  for (const file of custom ?? []) {
    for (const e of file.entries) {
      if (!Object.prototype.hasOwnProperty.call(BUILTIN, e.family)) continue;
      let list = customByFamily.get(e.family);
      if (!list) customByFamily.set(e.family, (list = []));
      list.push(e);
    }
  }

  const index = new Map<FamilyId, FamilyIndex>();
  for (const id of FAMILY_IDS) index.set(id, buildFamilyIndex(id, customByFamily.get(id) ?? EMPTY));

  const families = Object.freeze(FAMILY_IDS.map((id) => Object.freeze({ ...FAMILY_INFO[id] })));
  const familyById = new Map<FamilyId, FamilyInfo>(families.map((f) => [f.id, f]));
  const commandStatuses = buildCommandStatuses();
  const alertTypes = Object.freeze([...ALERT_TYPES]);
  const alertTypeByKey = new Map<string, AlertTypeInfo>(alertTypes.map((t) => [normalizeAlertType(t.type), t]));
  const equivalence = buildEquivalence();
  const unpublished = Object.freeze(UNPUBLISHED.map((u) => Object.freeze({ ...u })));
  const windowsErrorByValue = new Map<number, WindowsError>(WINDOWS_ERRORS.map((e) => [e.value, e]));

  function lookup(id: FamilyId, n: number): CodeEntry | undefined {
    const idx = index.get(id);
    if (idx === undefined) return undefined;
    const hit = idx.exact.get(n);
    if (hit !== undefined) return hit;
    if (idx.wide.length > 0 && Number.isInteger(n)) {
      for (const e of idx.wide) if (n >= e.code && n <= (e.to as number)) return e;
    }
    return undefined;
  }

  const catalog: Catalog = {
    families: () => families,

    family(id) {
      const info = familyById.get(id);
      if (!info) throw new Error(`unknown code family: ${String(id)}`);
      return info;
    },

    entries: (id) => index.get(id)?.entries ?? EMPTY,

    lookup,

    definedIn(n) {
      let found: CodeEntry[] | undefined;
      for (const id of FAMILY_IDS) {
        const e = lookup(id, n);
        if (e !== undefined && (e.kind === 'defined' || e.customFile !== undefined)) (found ??= []).push(e);
      }
      return found ?? EMPTY;
    },

    suggest(id, n) {
      const e = lookup(id, n);
      if (e === undefined || e.kind !== 'obsolete' || e.replacedBy === undefined) return EMPTY;
      const replacement = lookup(id, e.replacedBy);
      return replacement !== undefined ? [replacement] : EMPTY;
    },

    equivalent(from, to) {
      if (from.customFile !== undefined || from.kind !== 'defined' || from.to !== undefined || from.family === to) {
        return undefined;
      }
      const code = equivalence.get(key(from.family, from.code))?.get(to);
      return code === undefined ? undefined : lookup(to, code);
    },

    statusesForCommand: (cmd) => commandStatuses.get(cmd),

    alertType: (type) => (typeof type === 'string' ? alertTypeByKey.get(normalizeAlertType(type)) : undefined),

    alertTypes: () => alertTypes,

    decodeHresult(text) {
      const value = hresultValue(text);
      if (value === undefined || value < SYNCML_HRESULT_FIRST || value > SYNCML_HRESULT_LAST) return undefined;
      return encode(value & 0xffff);
    },

    windowsError(text) {
      const value = hresultValue(text);
      return value === undefined ? undefined : windowsErrorByValue.get(value);
    },

    windowsErrors: () => WINDOWS_ERRORS,

    encodeHresult: encode,

    unpublished: () => unpublished,
  };
  return Object.freeze(catalog);
}
