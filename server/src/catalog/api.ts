import type {
  AlertTypeInfo,
  CodeEntry,
  FamilyId,
  FamilyInfo,
  HresultDecoding,
  WindowsError,
} from './types';

/** Commands that carry a DM per-command status list (codes.md §1.2). */
export type StatusCommand =
  | 'Add'
  | 'Alert'
  | 'Atomic'
  | 'Copy'
  | 'Delete'
  | 'Exec'
  | 'Get'
  | 'Replace'
  | 'Sequence'
  | 'SyncHdr';

/** Read-only lookup over the built-in tables merged with any custom-codes files. */
export interface Catalog {
  families(): readonly FamilyInfo[];
  family(id: FamilyId): FamilyInfo;
  /** All entries of a family, built-in then custom, in code order. */
  entries(id: FamilyId): readonly CodeEntry[];
  /**
   * The entry for this number in this family: an exact code, else the range that holds it
   * (vendor, reserved). A custom entry wins over a built-in vendor or reserved range.
   */
  lookup(id: FamilyId, n: number): CodeEntry | undefined;
  /** Every family where the number is defined (kind 'defined', or a custom entry). */
  definedIn(n: number): readonly CodeEntry[];
  /**
   * What to use instead of an undefined number in this family: an obsolete entry's replacement
   * (SACMO 1418 -> 1413). Empty when the catalog has no grounded suggestion.
   */
  suggest(id: FamilyId, n: number): readonly CodeEntry[];
  /**
   * The status with the same meaning in another family, for a wrong-family quick fix
   * (a SCOMO/SACMO/LAWMO 1200 in a Status -> SyncML 200). Undefined when there is none.
   */
  equivalent(from: CodeEntry, to: FamilyId): CodeEntry | undefined;
  /** DM RepPro 1.2 status list for a command; undefined for commands with no list (e.g. Results, Sync). */
  statusesForCommand(cmd: string): readonly number[] | undefined;
  /** Generic Alert / Client Event type string lookup, tolerant of the Reversed-Domain-Name: prefix, spaces and case. */
  alertType(type: string): AlertTypeInfo | undefined;
  alertTypes(): readonly AlertTypeInfo[];
  /**
   * The SyncML status wrapped in an HRESULT of the SyncML span, 0x87D10065 (101) to 0x87D10205 (517),
   * written in hex or as its signed decimal; undefined otherwise (other 0x87D1xxxx values are
   * Intune's own errors: see windowsError).
   */
  decodeHresult(text: string): HresultDecoding | undefined;
  /**
   * The Windows error value (Intune's errors, cfgmgr2err.h's CFGMGR_E_*) a text spells in hex or
   * as its signed decimal; undefined when no table lists it.
   */
  windowsError(text: string): WindowsError | undefined;
  /** Every Windows error value of the catalog, cfgmgr2err.h first, then Intune's tables. */
  windowsErrors(): readonly WindowsError[];
  /** Encode a status as its HRESULT forms. */
  encodeHresult(status: number): HresultDecoding;
  /** Families that codes.md says have no published table, with the reason (DCMO, DiagMon, ConnMO, GwMO). */
  unpublished(): readonly { mo: string; note: string }[];
}
