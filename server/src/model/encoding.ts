/**
 * Bytes to text for the shells that read files (the CLI): BOM sniffing, binary detection, and the
 * mismatch between the encoding an XML declaration names and the one the bytes are in
 * (captures often say encoding="utf-16" over UTF-8 bytes). Uses only TextDecoder, a web API.
 */

export interface DecodedFile {
  text: string;
  /** The encoding the bytes were read as. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  /** Why the file is not text, when it is not (NUL bytes, invalid UTF-8). */
  binary?: string;
  /** A declared encoding that disagrees with the bytes, as an offset range in `text`. */
  declarationProblem?: { start: number; end: number; message: string };
}

export function decodeBytes(bytes: Uint8Array): DecodedFile {
  let encoding: DecodedFile['encoding'] = 'utf-8';
  let offset = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) offset = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, offset] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, offset] = ['utf-16be', 2];
  else if (bytes.length >= 4 && bytes[0] === 0x3c && bytes[1] === 0 && bytes[2] === 0x3f && bytes[3] === 0) encoding = 'utf-16le';
  else if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0x3c && bytes[2] === 0 && bytes[3] === 0x3f) encoding = 'utf-16be';

  const body = bytes.subarray(offset);
  if (encoding === 'utf-8') {
    const nul = body.indexOf(0);
    if (nul >= 0) return { text: '', encoding, binary: `it contains a NUL byte at offset ${nul + offset}` };
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
      return withDeclaration({ text, encoding });
    } catch {
      return { text: '', encoding, binary: 'it is not valid UTF-8 (and has no UTF-16 byte-order mark)' };
    }
  }
  const text = new TextDecoder(encoding).decode(body);
  if (text.includes('\u0000')) return { text: '', encoding, binary: 'it contains NUL characters' };
  return withDeclaration({ text, encoding });
}

function withDeclaration(file: DecodedFile): DecodedFile {
  const m = /^<\?xml[^>]*?\bencoding\s*=\s*(["'])([^"']*)\1/.exec(file.text);
  if (!m) return file;
  const declared = m[2].toLowerCase().replace(/_/g, '-');
  const start = m.index + m[0].length - m[2].length - 1;
  const utf16 = declared === 'utf-16' || declared === 'utf-16le' || declared === 'utf-16be' || declared === 'ucs-2';
  const actual16 = file.encoding !== 'utf-8';
  if (utf16 !== actual16 && (utf16 || declared === 'utf-8' || declared === 'utf8')) {
    file.declarationProblem = {
      start,
      end: start + m[2].length,
      message: `The XML declaration says encoding="${m[2]}" but the file is ${file.encoding.toUpperCase()}`,
    };
  }
  return file;
}
