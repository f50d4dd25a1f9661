/**
 * What a node's value means: the label its DDF gives it (`MSFT:ValueDescription`), as a code's name
 * is given by its table. ENUM values by exact match, Flag values also as a sum of flags, each value of
 * a list (`MSFT:List Delimiter`) on its own. Pure: facts and text in, labels out.
 */
import type { AllowedValue, AllowedValues, NodeFacts } from '../catalog/ddf/types';

export interface ValuePart {
  /** The value as written, trimmed, and its offsets in the text given. */
  value: string;
  start: number;
  end: number;
  /** The listed values it is (one, or several flags adding up to it); undefined when it is none of them. */
  matches: AllowedValue[] | undefined;
}

/** Whether the node's values are a list of labelled values (ENUM or Flag). */
export function hasLabelledValues(facts: NodeFacts): boolean {
  const a = facts.allowed;
  return (a?.kind === 'ENUM' || a?.kind === 'Flag') && (a.values?.length ?? 0) > 0;
}

/** A list's delimiter as the device reads it: the DDF writes `;`, or `0xF000` or `\xF000` for U+F000. */
export function listDelimiter(allowed: AllowedValues | undefined): string | undefined {
  const d = allowed?.listDelimiter;
  if (!d) return undefined;
  const m = /^(?:0x|\\x)([0-9a-fA-F]{4})$/.exec(d);
  return m ? String.fromCharCode(parseInt(m[1], 16)) : d;
}

const INTEGER = /^[+-]?\d+$/;

/** Whether a value is a whole number in decimal, as an int node takes it (a sign allowed, any length). */
export function isIntText(value: string): boolean {
  return INTEGER.test(value);
}

/**
 * A value as it is compared with a node's listed values, by value-not-allowed and by the labels
 * alike: an int node's integers by their number (`01` is `1`), anything else in any letter case.
 */
export function valueKey(value: string, intNode: boolean): string {
  return intNode && INTEGER.test(value) ? String(Number(value)) : value.toLowerCase();
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** The flags (integers) whose bits together make n exactly, or undefined. */
function flagsOf(values: readonly AllowedValue[], n: number): AllowedValue[] | undefined {
  const picked: AllowedValue[] = [];
  let covered = 0;
  for (const v of values) {
    if (!/^\d{1,9}$/.test(v.value)) continue;
    const bit = Number(v.value);
    if (bit !== 0 && (n & bit) === bit && (covered & bit) !== bit) {
      picked.push(v);
      covered |= bit;
    }
  }
  return picked.length && covered === n ? picked : undefined;
}

function match(facts: NodeFacts, value: string): AllowedValue[] | undefined {
  const a = facts.allowed!;
  const values = a.values ?? [];
  const exact = values.find((v) => v.value === value);
  if (exact) return [exact];
  // As value-not-allowed reads it (`01` is 1 on an int node, a bool's `True` is true).
  const intNode = facts.format === 'int';
  const key = valueKey(value, intNode);
  const loose = values.find((v) => valueKey(v.value, intNode) === key);
  if (loose) return [loose];
  if (a.kind === 'Flag' && /^\d{1,9}$/.test(value)) return flagsOf(values, Number(value));
  return undefined;
}

/**
 * The values in `text[start, end)` read against the node's ENUM or Flag values: one part, or one
 * per item of a list (none for an empty value). Undefined when the node has no labelled values.
 */
export function readValues(facts: NodeFacts, text: string, start: number, end: number): ValuePart[] | undefined {
  if (!hasLabelledValues(facts)) return undefined;
  const delimiter = listDelimiter(facts.allowed);
  // The value alone: a search for the delimiter must not run on into the rest of the document.
  const own = text.slice(start, end);
  const parts: ValuePart[] = [];
  let i = 0;
  for (;;) {
    let j = delimiter ? own.indexOf(delimiter, i) : -1;
    if (j === -1) j = own.length;
    let s = i;
    let e = j;
    while (s < e && isSpace(own.charCodeAt(s))) s++;
    while (e > s && isSpace(own.charCodeAt(e - 1))) e--;
    if (s < e) {
      const value = own.slice(s, e);
      parts.push({ value, start: start + s, end: start + e, matches: match(facts, value) });
    }
    if (j === own.length) break;
    i = j + delimiter!.length;
  }
  return parts;
}

/** A label's first sentence, without its full stop (`Allowed. When set to 1, …` → `Allowed`). */
export function firstSentence(label: string): string {
  const m = /^(.+?)\.(?:\s|$)/.exec(label);
  return m ? m[1] : label;
}

/** Text cut to at most max characters, an ellipsis marking the cut. */
export function cut(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1).trimEnd() + '…' : text;
}

/**
 * A part's label: the listed value's label (its value when it has none), flags joined by +; `brief`
 * keeps each label's first sentence (many DDF labels go on to explain the value at length).
 */
export function partLabel(p: ValuePart, brief = false): string | undefined {
  return p.matches?.map((v) => (brief ? firstSentence(v.label || v.value) : v.label || v.value)).join(' + ');
}

/**
 * The label to show after a value (an inlay hint), brief and whole: every part known, and saying
 * more than the value itself (a `true` labelled "True" is not worth a hint).
 */
export function valueHint(parts: readonly ValuePart[]): { brief: string; whole: string } | undefined {
  if (parts.length === 0 || parts.some((p) => !p.matches)) return undefined;
  const whole = parts.map((p) => partLabel(p)!);
  if (parts.every((p, k) => whole[k].toLowerCase() === p.value.toLowerCase())) return undefined;
  return { brief: parts.map((p) => partLabel(p, true)!).join(', '), whole: whole.join(', ') };
}
