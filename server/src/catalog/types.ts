/**
 * The shape of the code catalog. Pure data types: no logic, no platform imports.
 * Family ids are fixed by the project's interfaces guide; add one only from a published table.
 */

export const FAMILY_IDS = [
  'syncml-status',
  'dm-alert',
  'ds-alert',
  'fumo-result',
  'scomo-result',
  'sacmo-result',
  'lawmo-result',
  'fumo-state',
  'scomo-download-status',
  'scomo-delivered-status',
  'scomo-delivered-state',
  'scomo-deployed-status',
  'scomo-deployed-state',
  'lawmo-state',
  'healthattestation-status',
  'dcmo-result',
] as const;

export type FamilyId = (typeof FAMILY_IDS)[number];

/** Class of a code, as the family's own rule gives it (1xx/2xx/... for statuses and MO results). */
export type CodeClass =
  | 'informational'
  | 'success'
  | 'redirection'
  | 'originator-error'
  | 'recipient-error'
  | 'alert'
  | 'state';

/**
 * defined: a code with a meaning in its family.
 * vendor: a range the family leaves to vendors (meaning supplied by the device maker).
 * reserved: a number or range the family reserves; not valid on the wire.
 * obsolete: a number an earlier draft used (e.g. SACMO 1418); carries `replacedBy`.
 */
export type EntryKind = 'defined' | 'vendor' | 'reserved' | 'obsolete';

export type Profile = 'DM' | 'DS' | 'DM+DS';

export interface CodeEntry {
  family: FamilyId;
  /** First number of the entry. */
  code: number;
  /** Last number (inclusive) when the entry is a range; absent for a single code. */
  to?: number;
  /** Short name or result message, spelled exactly as the source table spells it. */
  name: string;
  /** A short description in our own words. */
  description: string;
  cls: CodeClass;
  kind: EntryKind;
  /** For SyncML statuses and alerts: which protocol profile defines it. */
  profile?: Profile;
  /** Where the entry comes from: document and table, shown in hover. */
  source: string;
  /** For obsolete or commonly confused numbers: the code to use instead. */
  replacedBy?: number;
  /** Set on entries that come from a user's custom-codes file: that file's path or URI. */
  customFile?: string;
}

export interface FamilyInfo {
  id: FamilyId;
  /** Human title, e.g. "SCOMO result code". */
  title: string;
  /** Where the family's table comes from. */
  source: string;
  /** What the family is used for, one sentence. */
  description: string;
  /**
   * Numbers the family's table once had and dropped before approval (SACMO 1414-1417): not codes of
   * the family, and not to be explained by another family's meaning of the same number.
   */
  removed?: { from: number; to: number; note: string };
}

/** The management object (or other meaning) a Generic Alert type string names. */
export interface AlertTypeInfo {
  /** The type string as registered, e.g. "urn:oma:at:scomo:1.0:OperationComplete". */
  type: string;
  /** The result family its Item/Data carries, when the data is a result code. */
  family?: FamilyId;
  /** Management object short name, e.g. "SCOMO", "FUMO", "Windows MDM". */
  mo: string;
  description: string;
  source: string;
  /** True for pre-standard or legacy spellings that are still accepted. */
  legacy?: boolean;
  /** Alert code it travels with (1226 Generic Alert, 1224 Client Event). */
  alert: 1224 | 1226;
  /** Meta/Format its data usually has (int, xml, chr). */
  format?: string;
}

/** A SyncML status wrapped in a Windows HRESULT, 0x87D1xxxx or its signed-decimal form. */
export interface HresultDecoding {
  /** The SyncML status code it carries. */
  status: number;
  /** Canonical hex spelling, e.g. "0x87D10194". */
  hex: string;
  /** Signed 32-bit decimal spelling, e.g. -2016345708. */
  signed: number;
}

/**
 * A Windows error value that is not a SyncML status wrapped in 0x87D1xxxx: an error Intune lists
 * (0x87D1FDE8 "Remediation failed", the iOS/iPadOS service errors, the DCMO results) or a
 * configuration manager error of the Windows SDK's cfgmgr2err.h (CFGMGR_E_*).
 */
export interface WindowsError {
  /** The 32-bit value, unsigned. */
  value: number;
  /** Canonical hex spelling, e.g. "0x87D1FDE8". */
  hex: string;
  /** Signed 32-bit decimal spelling, e.g. -2016281112 (how Intune's tables list it). */
  signed: number;
  /** The header's symbol, e.g. "CFGMGR_E_COMMANDNOTALLOWED" (cfgmgr2err.h rows only). */
  symbol?: string;
  /** The number the source prints before the message: an iOS/iPadOS error (4005), a DCMO result (1201). */
  code?: number;
  /** The message as the source words it; empty where the source's row has none. */
  message: string;
  /** Short name for an inlay hint or a list: the symbol, else the source's code and message ("4005 Passcode does not comply"). */
  name: string;
  /** One line for hover and explain, e.g. "Intune's “Remediation failed”". */
  summary: string;
  /** Whose value it is and which table lists it, e.g. "Intune: Company resource access (common errors)". */
  table: string;
  /** Where the row comes from: document and table. */
  source: string;
  /** A code of a family the value carries, to be decoded in that family (DCMO rows: the DCMO result). */
  carries?: { family: FamilyId; code: number };
  /** Where the source misprints the row: what it prints and why the catalog keys it otherwise. */
  erratum?: string;
  /** The hex the source prints for this row when that is not the row's value (a misprint). */
  misprinted?: string;
}

/** A user-supplied custom-codes file, already parsed. */
export interface CustomCodesFile {
  /** Path or URI, used in messages and hovers. */
  file: string;
  entries: CodeEntry[];
}

export interface CustomCodesProblem {
  file: string;
  /** A message naming the problem (and the JSON pointer where it is), for the user. */
  message: string;
  /** Where in the file (1-based, columns in UTF-16 code units), when the problem has a place. */
  line?: number;
  column?: number;
}
