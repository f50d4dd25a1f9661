/**
 * Whether bytes are a WBXML capture of ours, from their first bytes alone: strict enough never to
 * claim a text file. Pure.
 */
import { vocabularyByNumber } from './codePages';

const SWITCH_PAGE = 0x00;
const PI = 0x43;

/**
 * Whether the bytes start like a SyncML-family WBXML 1.1–1.3 document: a version byte 0x01–0x03,
 * a public id of SyncML, DevInf or MetInf (or 0: a string in the table; or 1: unknown), well-formed
 * header integers, a string table that fits, and a body that starts with a page switch, a
 * processing instruction or a tag. Text (even UTF-16 with or without a BOM) never starts with 0x01–0x03.
 */
export function looksLikeWbxml(bytes: Uint8Array): boolean {
  return sniff(bytes) === 'wbxml';
}

/**
 * As looksLikeWbxml, and also true for a WBXML header that breaks off before its end (so that a
 * truncated capture is reported as such, not as "binary").
 */
export function startsLikeWbxml(bytes: Uint8Array): boolean {
  return sniff(bytes) !== 'no';
}

function sniff(bytes: Uint8Array): 'wbxml' | 'truncated' | 'no' {
  const n = bytes.length;
  if (n < 1 || bytes[0] < 0x01 || bytes[0] > 0x03) return 'no';
  // A one-byte file holding 0x01–0x03 is nothing a text editor makes either.
  let truncated = false;
  let pos = 1;
  const mb = (): number => {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      if (pos >= n) {
        truncated = true;
        return -1;
      }
      const b = bytes[pos++];
      value = value * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) return value;
    }
    return -1;
  };
  const verdict = (): 'truncated' | 'no' => (truncated ? 'truncated' : 'no');
  const publicId = mb();
  if (publicId < 0) return verdict();
  // Ours only: a SyncML, DevInf or MetInf number, a string public id (0) or "unknown" (1).
  if (publicId > 1 && !vocabularyByNumber(publicId)) return 'no';
  if (publicId === 0 && mb() < 0) return verdict();
  if (mb() < 0) return verdict(); // charset
  const tableLength = mb();
  if (tableLength < 0) return verdict();
  if (pos + tableLength >= n) return 'truncated';
  const first = bytes[pos + tableLength];
  return first === SWITCH_PAGE || first === PI || (first & 0x3f) >= 0x04 ? 'wbxml' : 'no';
}
