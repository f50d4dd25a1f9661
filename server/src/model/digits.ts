/** Decimal integers in text: one home for how a code's digits are read. */

const INTEGER = /^[+-]?\d{1,15}$/;

/** An optionally signed decimal integer of 1 to 15 digits (exact as a JavaScript number). */
export function isIntegerText(s: string): boolean {
  return INTEGER.test(s);
}

/** The value of text[start, end) when it is one or more ASCII digits, else -1. Callers bound the length. */
export function digitsValue(text: string, start: number, end: number): number {
  if (end <= start) return -1;
  let v = 0;
  for (let p = start; p < end; p++) {
    const d = text.charCodeAt(p) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}
