/**
 * Text helpers for LSP tests: positions in UTF-16 code units (what LSP uses by default), over
 * LF or CRLF text, and the `|` cursor marker.
 */
import type { Position, Range } from './lspClient';

/** Line starts (offsets) for LF, CRLF and CR line ends. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The LSP position of a UTF-16 offset. */
export function positionAt(text: string, offset: number): Position {
  const starts = lineStarts(text);
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return { line, character: offset - starts[line] };
}

/** The UTF-16 offset of an LSP position. */
export function offsetAt(text: string, position: Position): number {
  const starts = lineStarts(text);
  return (starts[position.line] ?? text.length) + position.character;
}

/** Position of the `nth` occurrence (0-based) of `needle`, plus `delta` characters into it. */
export function positionOf(text: string, needle: string, delta = 0, nth = 0): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${JSON.stringify(needle)} (occurrence ${nth}) not in text`);
  }
  return positionAt(text, at + delta);
}

/** The range covering the `nth` occurrence of `needle`. */
export function rangeOf(text: string, needle: string, nth = 0): Range {
  const start = positionOf(text, needle, 0, nth);
  const end = positionOf(text, needle, needle.length, nth);
  return { start, end };
}

/** Remove the single `|` cursor marker; return the text and the cursor position. */
export function withCursor(marked: string): { text: string; position: Position } {
  const at = marked.indexOf('|');
  if (at < 0 || marked.indexOf('|', at + 1) >= 0) throw new Error('need exactly one | cursor marker');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  return { text, position: positionAt(text, at) };
}

/** Apply LSP incremental edits (in order) to a text, like a client does. */
export function applyEdits(text: string, edits: { range: Range; text: string }[]): string {
  for (const e of edits) {
    const start = offsetAt(text, e.range.start);
    const end = offsetAt(text, e.range.end);
    text = text.slice(0, start) + e.text + text.slice(end);
  }
  return text;
}

/** The text of a range. */
export function textOf(text: string, range: Range): string {
  return text.slice(offsetAt(text, range.start), offsetAt(text, range.end));
}

/** Hover contents as plain text, whatever shape the server chose. */
export function hoverText(hover: any): string {
  if (!hover) return '';
  const c = hover.contents;
  const one = (x: any): string => (typeof x === 'string' ? x : x && typeof x.value === 'string' ? x.value : '');
  return Array.isArray(c) ? c.map(one).join('\n') : one(c);
}

/** Flatten hierarchical document symbols. */
export function flattenSymbols(symbols: any[]): any[] {
  const out: any[] = [];
  const walk = (list: any[]): void => {
    for (const s of list ?? []) {
      out.push(s);
      walk(s.children ?? []);
    }
  };
  walk(symbols);
  return out;
}
