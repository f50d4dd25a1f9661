/**
 * Which management object a DM-tree URI belongs to, and which state node it names.
 * Path rules from codes.md §4 (FUMO, SCOMO, LAWMO states; Windows HealthAttestation Status).
 */
import type { FamilyId } from '../catalog/types';
import { work } from '../workCounter';

export type MoName = 'FUMO' | 'SCOMO' | 'SACMO' | 'LAWMO' | 'DCMO';

interface MoPath {
  mo: MoName | 'HealthAttestation';
  /** Segments below the management object's root. */
  rel: string[];
}

const MO_BY_SEGMENT: Record<string, MoName> = { fumo: 'FUMO', scomo: 'SCOMO', sacmo: 'SACMO', lawmo: 'LAWMO', dcmo: 'DCMO' };

/** The result-code family a management object's Exec results and Generic Alerts use. */
export const RESULT_FAMILY: Record<MoName, FamilyId> = {
  FUMO: 'fumo-result',
  SCOMO: 'scomo-result',
  SACMO: 'sacmo-result',
  LAWMO: 'lawmo-result',
  // Intune lists DCMO's codes among the OMA responses: a DCMO Exec may be answered with one.
  DCMO: 'dcmo-result',
};

/** MO identifiers (DDFName / MIME / Type) to the object they name, e.g. urn:oma:mo:oma-fumo:1.0. */
export function moFromIdentifier(id: string): MoName | undefined {
  const m = /oma-(fumo|scomo|sacmo|lawmo):/i.exec(id) ?? /FirmwareUpdateManagementObject/i.exec(id);
  if (!m) return undefined;
  return m[1] ? MO_BY_SEGMENT[m[1].toLowerCase()] : 'FUMO';
}

function segments(uri: string): string[] {
  let s = uri.trim();
  const q = s.indexOf('?');
  if (q >= 0) s = s.slice(0, q);
  return s.split('/').filter((seg) => seg !== '.' && seg !== '');
}

/** A management object's name anywhere in a URI: the cheap test before the segments are split. */
const MO_HINT = /fumo|scomo|sacmo|lawmo|dcmo|healthattestation/i;

/** Whether a URI mentions a management object at all (else moFromPath is undefined). */
export function hasMoHint(uri: string): boolean {
  work.steps += uri.length;
  return MO_HINT.test(uri);
}

/** Find the management object in a URI by its root segment (./FUMO/..., ./Vendor/X/SCOMO/...). */
export function moFromPath(uri: string): MoPath | undefined {
  work.steps += uri.length;
  if (!MO_HINT.test(uri)) return undefined;
  const segs = segments(uri);
  for (let k = 0; k < segs.length; k++) {
    const lower = segs[k].toLowerCase();
    const mo = MO_BY_SEGMENT[lower];
    if (mo) return { mo, rel: segs.slice(k + 1) };
    if (lower === 'healthattestation') return { mo: 'HealthAttestation', rel: segs.slice(k + 1) };
  }
  return undefined;
}

const eq = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

/**
 * The state family of a node, from its path below the MO root, or undefined when it is no state node.
 * `rel` may hold empty segments for dynamic nodes whose name is not known (DDF `<NodeName/>`).
 */
export function stateFamily(mo: MoPath['mo'], rel: readonly string[]): FamilyId | undefined {
  const n = rel.length;
  const last = rel[n - 1];
  switch (mo) {
    case 'FUMO':
      // <x>/State; some trees put State directly under the root.
      return (n === 2 || n === 1) && eq(last, 'State') ? 'fumo-state' : undefined;
    case 'LAWMO':
      return n === 1 && eq(last, 'State') ? 'lawmo-state' : undefined;
    case 'SCOMO':
      if (n === 3 && eq(rel[0], 'Download') && eq(last, 'Status')) return 'scomo-download-status';
      if (n === 4 && eq(rel[0], 'Inventory') && eq(rel[1], 'Delivered')) {
        if (eq(last, 'Status')) return 'scomo-delivered-status';
        if (eq(last, 'State')) return 'scomo-delivered-state';
      }
      if (n === 4 && eq(rel[0], 'Inventory') && eq(rel[1], 'Deployed')) {
        if (eq(last, 'Status')) return 'scomo-deployed-status';
        if (eq(last, 'State')) return 'scomo-deployed-state';
      }
      return undefined;
    case 'HealthAttestation':
      return n === 1 && eq(last, 'Status') ? 'healthattestation-status' : undefined;
    default:
      return undefined;
  }
}

/**
 * Whether a URI may name a state node: its last segment (before any '?', past trailing '/', '.' and
 * white space) is State or Status in any case, the only names stateFamily accepts. Cheaper than
 * moFromPath's regular expression, so the items of a trace (most of them policy or inventory URIs)
 * are passed over without it. It strips more than segments() does (any control character, '..'),
 * so it may say yes where moFromPath and stateFamily then say no; never the reverse.
 */
export function mayNameStateNode(uri: string): boolean {
  let end = uri.indexOf('?');
  if (end < 0) end = uri.length;
  // segments() trims white space and drops empty and '.' segments.
  while (end > 0) {
    const c = uri.charCodeAt(end - 1);
    if (c !== 0x2f && c !== 0x2e && c > 0x20 && !(c >= 0x80 && /\s/.test(uri[end - 1]))) break;
    end--;
  }
  return endsWithLower(uri, end, 'state') || endsWithLower(uri, end, 'status');
}

/**
 * Whether s[0, end) ends with the lower-case word, in any case. A plain function rather than a
 * closure over uri and end: a document's first analysis calls it per item before it is optimised,
 * and a closure is an allocation each time.
 */
function endsWithLower(s: string, end: number, word: string): boolean {
  const from = end - word.length;
  if (from < 0) return false;
  for (let k = 0; k < word.length; k++) if ((s.charCodeAt(from + k) | 0x20) !== word.charCodeAt(k)) return false;
  return true;
}

/** No state node lies more than this many segments below its management object's root (see stateFamily). */
export const MAX_STATE_DEPTH = 4;

/**
 * s.slice(from).split('/') when that has at most max segments, else undefined: a node deep below an
 * MO root is no state node, and splitting its path (up to 4,096 characters) for every node of a deep
 * tree made the work quadratic in the tree's depth.
 */
export function splitAtMost(s: string, from: number, max: number): string[] | undefined {
  let slash = from - 1;
  for (let k = 1; k < max; k++) {
    slash = s.indexOf('/', slash + 1);
    if (slash < 0) return s.slice(from).split('/');
  }
  return s.indexOf('/', slash + 1) < 0 ? s.slice(from).split('/') : undefined;
}

/** Join a DDF `Path` and a `NodeName` the way codes.md §5.3 describes (trailing '/' normalised). */
export function joinPath(base: string, name: string): string {
  const b = base.endsWith('/') ? base.slice(0, -1) : base;
  return b === '' ? name : `${b}/${name}`;
}
