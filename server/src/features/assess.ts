/**
 * What a number at a code site means here, and what is wrong with it if anything. One place
 * decides this for diagnostics, hover, inlay hints and quick fixes, so they never disagree.
 */
import type { Catalog } from '../catalog/api';
import { codeText } from '../catalog/codeText';
import type { CodeEntry, FamilyId, HresultDecoding, WindowsError } from '../catalog/types';
import type { DiagnosticCode } from '../api';
import type { CodeSite } from '../context/sites';
import { digitsValue, isIntegerText } from '../model/digits';

interface Decoded {
  /** The integer, when the text is one. */
  n: number | undefined;
  /** The entry this place gives the number (expected family, or the MO family a sync Exec allows). */
  entry: CodeEntry | undefined;
  /** The HRESULT the text spells, and the SyncML status inside it. */
  hresult?: HresultDecoding;
  /** The Windows error value the text spells (Intune, CFGMGR_E_*), when it is no SyncML HRESULT. */
  windowsError?: WindowsError;
}

export interface Finding {
  code: DiagnosticCode;
  start: number;
  end: number;
  message: string;
  /** A replacement the catalog grounds (quick fix). */
  fix?: { title: string; newText: string };
  /** Other replacements, offered after fix (markup-in-data: escape it, or wrap it in CDATA). */
  alternatives?: { title: string; newText: string }[];
}

/** "a SCOMO result code", "an originator error": the article for a phrase, for messages. */
function article(phrase: string): string {
  return /^[aeiou]/i.test(phrase) ? `an ${phrase}` : `a ${phrase}`;
}

/** Defined by its family's table or by a custom-codes file (not vendor, reserved or obsolete). */
export const isDefined = (e: CodeEntry | undefined): boolean => e !== undefined && (e.kind === 'defined' || !!e.customFile);

/** A defined status that the DM protocol does not list for the command this Status answers. */
const unlisted = (site: CodeSite, entry: CodeEntry, n: number): boolean =>
  site.dm && site.allowed !== undefined && entry.family === 'syncml-status' && !site.allowed.includes(n);

/** The entry this place gives n: its family's, or the second family's when only that one defines it. */
function siteEntry(site: CodeSite, n: number, catalog: Catalog): CodeEntry | undefined {
  const entry = catalog.lookup(site.family, n);
  if (site.alsoAccepts === undefined || isDefined(entry)) return entry;
  const alt = catalog.lookup(site.alsoAccepts, n);
  return isDefined(alt) ? alt : entry;
}

export function decodeSite(site: CodeSite, text: string, catalog: Catalog): Decoded {
  const raw = text.slice(site.start, site.end);
  if (site.kind === 'hresult') {
    const hresult = catalog.decodeHresult(raw);
    if (hresult) return { n: hresult.status, entry: catalog.lookup('syncml-status', hresult.status), hresult };
    const windowsError = catalog.windowsError(raw);
    // A DCMO row carries a DCMO result: decoded in that family, as a SyncML HRESULT is in its own.
    const inner = windowsError?.carries;
    return { n: inner?.code, entry: inner ? catalog.lookup(inner.family, inner.code) : undefined, windowsError };
  }
  if (!isIntegerText(raw)) {
    const hresult = catalog.decodeHresult(raw);
    return { n: undefined, entry: undefined, hresult, windowsError: hresult ? undefined : catalog.windowsError(raw) };
  }
  const n = Number(raw);
  const hresult = n < 0 ? catalog.decodeHresult(raw) : undefined;
  const windowsError = n < 0 && !hresult ? catalog.windowsError(raw) : undefined;
  return { n, entry: siteEntry(site, n, catalog), hresult, windowsError };
}

function quote(raw: string): string {
  const s = raw.length > 40 ? `${raw.slice(0, 37)}...` : raw;
  return `'${s}'`;
}

/**
 * What the number means in other code families. State values are per-node enumerations (10, 20, ...
 * in every MO): they are never "another family" of a code, and a code is never named as one of them.
 */
export function meaningsElsewhere(catalog: Catalog, n: number, site: CodeSite, shown: readonly FamilyId[]): CodeEntry[] {
  if (site.kind === 'state' || removedNote(catalog, site.family, n) !== undefined) return [];
  return catalog.definedIn(n).filter((e) => e.cls !== 'state' && e.family !== site.family && !shown.includes(e.family));
}

/**
 * Why n is no code of the family when the family's table dropped it before approval (SACMO
 * 1414-1417): another family's meaning of the same number does not apply there.
 */
export function removedNote(catalog: Catalog, family: FamilyId, n: number): string | undefined {
  const removed = catalog.family(family).removed;
  return removed && n >= removed.from && n <= removed.to && catalog.lookup(family, n) === undefined ? removed.note : undefined;
}

function describeElsewhere(catalog: Catalog, entries: readonly CodeEntry[], limit = 3): string {
  const parts = entries.slice(0, limit).map((e) => `${article(catalog.family(e.family).title)} ("${e.name}")`);
  const more = entries.length - limit;
  return parts.join(', ') + (more > 0 ? ` and ${more} more` : '');
}

/** The number text[start, end) spells in plain decimal digits (1 to 15 of them), or -1. */
function plainNumber(text: string, start: number, end: number): number {
  return end - start > 15 ? -1 : digitsValue(text, start, end);
}

/** The one finding for a site, or undefined when the code is right for its place. */
export function assessSite(site: CodeSite, text: string, catalog: Catalog): Finding | undefined {
  if (site.kind === 'hresult') return undefined;
  const { start, end } = site;
  // Fast path: a defined code with nothing to say is the common case in large documents. For a
  // plain number this is exactly where the full path below ends with undefined (decodeSite's entry,
  // the second family included), reached without a substring, a regular expression or the reason's
  // string. The reason of a Status is built from its children: not something to do for every site.
  const plain = plainNumber(text, start, end);
  if (plain >= 0) {
    const entry = siteEntry(site, plain, catalog);
    if (entry !== undefined && isDefined(entry) && !unlisted(site, entry, plain)) {
      return undefined;
    }
  }
  return assessFully(site, text, catalog);
}

/**
 * assessSite past its fast path, apart so that the fast path is a small function: it runs for every
 * site, also in a document's first analysis before it is optimised, and allocates nothing.
 */
function assessFully(site: CodeSite, text: string, catalog: Catalog): Finding | undefined {
  const { start, end } = site;
  const raw = text.slice(start, end);
  const expected = catalog.family(site.family).title;
  const where = site.reason;
  const at = (code: DiagnosticCode, message: string, fix?: Finding['fix']): Finding => ({ code, start, end, message, fix });

  if (raw === '') {
    if (site.kind !== 'status' && site.kind !== 'alert') return undefined;
    return at('not-a-code', `Empty Data: ${article(expected)} belongs here (${where})`);
  }
  const { n, entry, hresult, windowsError } = decodeSite(site, text, catalog);
  if (windowsError) return windowsErrorFinding(site, raw, windowsError, catalog, at);
  if (n === undefined) {
    if (hresult && site.family === 'syncml-status') {
      return at(
        'not-a-code',
        `${raw} is a Windows HRESULT carrying SyncML status ${hresult.status}; a Status carries the bare code`,
        { title: `Replace with ${hresult.status}`, newText: String(hresult.status) },
      );
    }
    return at('not-a-code', `${quote(raw)} is not an integer: ${article(expected)} belongs here (${where})`);
  }
  if (hresult && site.family === 'syncml-status') {
    return at(
      'undefined-code',
      `${raw} is not a SyncML status code: it is the signed form of HRESULT ${hresult.hex}, which carries status ${hresult.status}`,
      { title: `Replace with ${hresult.status}`, newText: String(hresult.status) },
    );
  }

  if (entry && isDefined(entry)) {
    if (unlisted(site, entry, n)) {
      return at(
        'unexpected-status-for-command',
        `${n} (${entry.name}) is not among the statuses the DM protocol lists for ${site.allowedFor}: ${site.allowed!.join(', ')}`,
      );
    }
    return undefined;
  }
  if (entry && entry.kind === 'vendor' && entry.to === undefined) {
    // A single vendor number the catalog names (Funambol's DS alerts 250-252): say its meaning.
    return at('vendor-code', `${n} is a vendor extension, not a standard ${expected}: ${entry.description} (${entry.source})`);
  }
  if (entry && entry.kind === 'vendor') {
    return at(
      'vendor-code',
      `${n} is in the vendor-specified range ${codeText(entry)} of ${expected}s ("${entry.name}"): its meaning is the device maker's. ` +
        'Name it in a custom-codes file (syncml.customCodes) to have it decoded',
    );
  }
  const removed = entry === undefined ? removedNote(catalog, site.family, n) : undefined;
  if (removed !== undefined) return at('undefined-code', `${n} is not ${article(expected)}: it was ${removed}`);
  const others = meaningsElsewhere(catalog, n, site, site.alsoAccepts ? [site.alsoAccepts] : []);
  if (entry && entry.kind === 'obsolete') {
    const repl = entry.replacedBy !== undefined ? catalog.lookup(site.family, entry.replacedBy) : undefined;
    return at(
      'undefined-code',
      `${n} is not ${article(expected)}: ${entry.description}` +
        (repl && !entry.description.includes(String(repl.code)) ? ` Use ${repl.code} ("${repl.name}").` : ''),
      repl ? { title: `Replace with ${repl.code} (${repl.name})`, newText: String(repl.code) } : undefined,
    );
  }
  if (entry && entry.kind === 'reserved' && entry.to === undefined) {
    // A single number the table sets apart (DM alert 1221, status 509): its entry says why.
    return at('undefined-code', `${n} is not ${article(expected)}: ${entry.description}`);
  }
  if (entry && entry.kind === 'reserved') {
    return at(
      'undefined-code',
      `${n} is reserved, not defined, among ${expected}s (${where})` + (others.length ? `; elsewhere it is ${describeElsewhere(catalog, others)}` : ''),
    );
  }
  if (others.length > 0) {
    const same = sameMeaning(catalog, others, site.family);
    return at(
      'wrong-code-family',
      `${n} is not ${article(expected)} (${where}); it is ${describeElsewhere(catalog, others)}`,
      same ? { title: `Replace with ${same.code} (${same.name})`, newText: String(same.code) } : undefined,
    );
  }
  const suggestion = catalog.suggest(site.family, n)[0];
  return at(
    'undefined-code',
    `${n} is not defined as ${article(expected)} (${where})`,
    suggestion ? { title: `Replace with ${suggestion.code} (${suggestion.name})`, newText: String(suggestion.code) } : undefined,
  );
}

/**
 * A Windows error value where a code belongs: what it is, and the code inside it only when it
 * carries one of the families this place accepts (a DCMO HRESULT in a DCMO result's place). An
 * Intune or CFGMGR error carries no status, so there is nothing to replace it with.
 */
function windowsErrorFinding(
  site: CodeSite,
  raw: string,
  e: WindowsError,
  catalog: Catalog,
  at: (code: DiagnosticCode, message: string, fix?: Finding['fix']) => Finding,
): Finding {
  const expected = catalog.family(site.family).title;
  const signedForm = isIntegerText(raw);
  const what = signedForm ? `the signed form of Windows error ${e.hex} (${e.summary})` : `a Windows error value (${e.summary})`;
  const carried = e.carries;
  const fits = carried !== undefined && (carried.family === site.family || carried.family === site.alsoAccepts);
  const inner = fits ? catalog.lookup(carried.family, carried.code) : undefined;
  return at(
    signedForm ? 'undefined-code' : 'not-a-code',
    `${raw} is ${what}, not ${article(expected)} (${site.reason})`,
    inner && isDefined(inner) ? { title: `Replace with ${inner.code} (${inner.name})`, newText: String(inner.code) } : undefined,
  );
}

function sameMeaning(catalog: Catalog, others: readonly CodeEntry[], family: FamilyId): CodeEntry | undefined {
  for (const e of others) {
    const eq = catalog.equivalent(e, family);
    if (eq) return eq;
  }
  return undefined;
}
