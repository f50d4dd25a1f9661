/**
 * Small helpers shared by the data modules. Pure: no platform imports.
 */
import { hresultSpelling } from '../hresult';
import type { CodeClass, CodeEntry, EntryKind, FamilyId, Profile, WindowsError } from '../types';

/**
 * Class of a status or result code by its hundreds digit: 1xx informational, 2xx success,
 * 3xx redirection, 4xx originator error, 5xx recipient error. The same rule classifies the
 * application-specific 1xxx MO result codes (12xx success, 14xx client error, 15xx download server
 * error; codes.md §1.1). Undefined when the digit is outside 1-5.
 */
function classByHundreds(n: number): CodeClass | undefined {
  switch (Math.floor(n / 100) % 10) {
    case 1:
      return 'informational';
    case 2:
      return 'success';
    case 3:
      return 'redirection';
    case 4:
      return 'originator-error';
    case 5:
      return 'recipient-error';
    default:
      return undefined;
  }
}

/** Families whose codes are classified by the hundreds digit. */
const HUNDREDS_RULE_FAMILIES: ReadonlySet<FamilyId> = new Set<FamilyId>([
  'syncml-status',
  'fumo-result',
  'scomo-result',
  'sacmo-result',
  'lawmo-result',
  'dcmo-result',
]);

/** The class a family gives a number by its own rule (undefined when the rule does not cover it). */
export function familyClass(family: FamilyId, n: number): CodeClass | undefined {
  if (family === 'dm-alert' || family === 'ds-alert') return 'alert';
  if (HUNDREDS_RULE_FAMILIES.has(family)) return classByHundreds(n);
  return 'state';
}

interface RowOptions {
  to?: number;
  kind?: EntryKind;
  profile?: Profile;
  source?: string;
  replacedBy?: number;
  cls?: CodeClass;
}

/**
 * Builds the entries of one family from compact rows. The class comes from the family's rule
 * unless the row gives one; `source` defaults to the family's table.
 */
export function family(
  id: FamilyId,
  defaultSource: string,
  rows: ReadonlyArray<readonly [code: number, name: string, description: string, options?: RowOptions]>,
): readonly CodeEntry[] {
  return rows.map(([code, name, description, o = {}]) => {
    const cls = o.cls ?? familyClass(id, code);
    if (!cls) throw new Error(`catalog data: no class for ${id} ${code}`);
    const entry: CodeEntry = {
      family: id,
      code,
      name,
      description,
      cls,
      kind: o.kind ?? 'defined',
      source: o.source ?? defaultSource,
    };
    if (o.to !== undefined) entry.to = o.to;
    if (o.profile !== undefined) entry.profile = o.profile;
    if (o.replacedBy !== undefined) entry.replacedBy = o.replacedBy;
    return Object.freeze(entry);
  });
}

/**
 * A Windows error row with its hex and signed spellings, from its value (unsigned or signed 32-bit),
 * and its short name: the symbol, else the source's code and message.
 */
export function windowsError(value: number, fields: Omit<WindowsError, 'value' | 'hex' | 'signed' | 'name'>): WindowsError {
  const row: WindowsError = {
    value: value >>> 0,
    ...hresultSpelling(value),
    name: fields.symbol ?? [fields.code, fields.message].filter((x) => x !== undefined && x !== '').join(' '),
    ...fields,
  };
  return Object.freeze(row);
}
