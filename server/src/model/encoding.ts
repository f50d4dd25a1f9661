/**
 * Bytes to text for the shells that read files (the CLI, tests). Pure (TextDecoder is a web-platform global, in Node and browsers).
 *
 * - A UTF-8 BOM is dropped; UTF-16 LE/BE is recognised by its BOM, or by the NUL-interleaved `<`
 *   and first name character that a BOM-less UTF-16 XML document starts with.
 * - NUL bytes in what is not UTF-16 mean a binary file.
 * - Bytes that are not valid UTF-8 are decoded with the encoding the XML declaration names, when it
 *   names one other than UTF-8/UTF-16 that the platform knows (ISO-8859-1, windows-1252, ...);
 *   otherwise the file is reported as not text. Real captures often declare `encoding="utf-16"` on
 *   a UTF-8 file: the bytes decide, not the declaration.
 * - WBXML (SyncML, DM, DevInf, DDF) is recognised by its first bytes, whatever the file is called,
 *   and decoded to XML text (wbxml/decoder.ts): positions then refer to that text.
 */
import { decodeWbxml, type WbxmlHeader, type WbxmlProblem } from './wbxml/decoder';
import { startsLikeWbxml } from './wbxml/sniff';

/** An encoding an XML declaration names that the bytes are not in, as an offset range in the text. */
export interface DeclarationProblem {
  start: number;
  end: number;
  message: string;
}

/** What a WBXML input held, and where its decoding stopped when it broke off (text offsets in the decoded XML). */
export interface WbxmlSource {
  header: WbxmlHeader;
  problem?: WbxmlProblem & { textOffset: number; textEnd: number };
}

export type DecodeResult =
  | { ok: true; text: string; encoding: string; declarationProblem?: DeclarationProblem; wbxml?: WbxmlSource }
  | { ok: false; reason: string };

function decodeWith(label: string, bytes: Uint8Array, fatal: boolean): string | undefined {
  try {
    return new TextDecoder(label, { fatal, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The encoding named by an XML declaration at the start of the (ASCII-compatible) bytes. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = Array.from(bytes.subarray(0, 200), (b) => (b < 0x80 ? String.fromCharCode(b) : '?')).join('');
  const m = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return m?.[1];
}

export function decodeBytes(bytes: Uint8Array): DecodeResult {
  const n = bytes.length;
  if (startsLikeWbxml(bytes)) {
    const w = decodeWbxml(bytes);
    if (!w.ok) return { ok: false, reason: `WBXML that does not decode: ${w.message} (byte offset ${w.offset})` };
    const { header, problem } = w;
    const encoding = `WBXML ${header.version}, ${header.vocabulary}, ${header.charset}`;
    return { ok: true, text: w.text, encoding, wbxml: problem ? { header, problem } : { header } };
  }
  // UTF-16 with a BOM.
  if (n >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    if (n >= 4 && bytes[2] === 0 && bytes[3] === 0) return { ok: false, reason: 'binary file (UTF-32 is not supported)' };
    return utf16('utf-16le', bytes);
  }
  if (n >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return utf16('utf-16be', bytes);
  // UTF-16 without a BOM: '<' then NUL, or NUL then '<'.
  if (n >= 4 && bytes[0] === 0x3c && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) return utf16('utf-16le', bytes);
  if (n >= 4 && bytes[0] === 0 && bytes[1] === 0x3c && bytes[2] === 0 && bytes[3] !== 0) return utf16('utf-16be', bytes);

  const nul = bytes.indexOf(0);
  if (nul >= 0) return { ok: false, reason: `binary file (NUL byte at offset ${nul})` };

  const hasBom = n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const utf8 = decodeWith('utf-8', bytes, true);
  if (utf8 !== undefined) return withDeclaration({ ok: true, text: stripBom(utf8), encoding: hasBom ? 'utf-8 (BOM)' : 'utf-8' });

  const declared = declaredEncoding(bytes);
  if (declared && !/^utf-?(8|16)/i.test(declared)) {
    const text = decodeWith(declared, bytes, false);
    if (text !== undefined) return { ok: true, text, encoding: declared.toLowerCase() };
  }
  return { ok: false, reason: `binary file (not valid UTF-8 at offset ${firstInvalidUtf8(bytes)})` };
}

function utf16(label: 'utf-16le' | 'utf-16be', bytes: Uint8Array): DecodeResult {
  if (bytes.length % 2 !== 0) return { ok: false, reason: `binary file (odd number of bytes for ${label.toUpperCase()})` };
  const text = decodeWith(label, bytes, true);
  if (text === undefined) return { ok: false, reason: `binary file (invalid ${label.toUpperCase()})` };
  if (text.includes('\u0000')) return { ok: false, reason: 'binary file (NUL character)' };
  return withDeclaration({ ok: true, text: stripBom(text), encoding: label });
}

/** Flag a declaration of UTF-16 over UTF-8 bytes, or of UTF-8 over UTF-16 bytes (a parser would misread the file). */
function withDeclaration(d: Extract<DecodeResult, { ok: true }>): DecodeResult {
  const m = /^<\?xml[^>]*?\bencoding\s*=\s*(["'])([^"']*)\1/.exec(d.text);
  if (!m) return d;
  const declared = m[2].toLowerCase();
  const says16 = /^(utf-?16(le|be)?|ucs-?2)$/.test(declared);
  const says8 = /^utf-?8$/.test(declared);
  const is16 = d.encoding.startsWith('utf-16');
  if ((says16 && !is16) || (says8 && is16)) {
    const start = m.index + m[0].length - m[2].length - 1;
    d.declarationProblem = {
      start,
      end: start + m[2].length,
      message: `The XML declaration says encoding="${m[2]}" but the file is ${is16 ? d.encoding.toUpperCase() : 'UTF-8'}`,
    };
  }
  return d;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let len = 0;
    let min = 0;
    if (b < 0x80) len = 1;
    else if (b >= 0xc2 && b <= 0xdf) (len = 2), (min = 0x80);
    else if (b >= 0xe0 && b <= 0xef) (len = 3), (min = 0x800);
    else if (b >= 0xf0 && b <= 0xf4) (len = 4), (min = 0x10000);
    else return i;
    if (i + len > bytes.length) return i;
    let cp = len === 1 ? b : b & (0xff >> (len + 1));
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += len;
  }
  return i;
}
