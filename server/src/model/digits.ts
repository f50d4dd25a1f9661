/** Decimal digits read straight from the text, without cutting a substring. */

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
