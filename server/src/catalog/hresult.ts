/** Reading and writing the two spellings of a 32-bit Windows HRESULT: hex and signed decimal. */

/**
 * The 32-bit value a text spells as an HRESULT: `0x` and 1 to 8 hex digits, or a negative decimal
 * in the signed 32-bit range (Windows logs the signed form; an unsigned decimal is not a spelling
 * it uses). Surrounding whitespace is ignored. Undefined for anything else.
 */
export function hresultValue(text: string): number | undefined {
  if (typeof text !== 'string') return undefined;
  const s = text.trim();
  const hex = /^0x([0-9a-f]{1,8})$/i.exec(s);
  if (hex) return parseInt(hex[1], 16);
  if (/^-\d{1,10}$/.test(s)) {
    const n = Number(s);
    if (n >= -0x80000000) return n >>> 0;
  }
  return undefined;
}

/** The canonical spellings of a 32-bit value: "0x87D1FDE8" and -2016281112. */
export function hresultSpelling(value: number): { hex: string; signed: number } {
  const unsigned = value >>> 0;
  return { hex: `0x${unsigned.toString(16).toUpperCase().padStart(8, '0')}`, signed: unsigned | 0 };
}
