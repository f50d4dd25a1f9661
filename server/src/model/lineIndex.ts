/**
 * Offsets to LSP positions (UTF-16 code units; \n, \r\n and a lone \r end a line), with the same
 * answers as vscode-languageserver-textdocument, but built with indexOf rather than a loop over
 * every character, which is much faster on multi-megabyte documents.
 */
import type { Position } from 'vscode-languageserver-types';
import { work } from '../workCounter';
import { doubled } from './int32';
import { holdShape } from './shapes';

export class LineIndex {
  private readonly starts: Int32Array;
  private readonly lines: number;

  constructor(private readonly text: string) {
    let starts = new Int32Array(Math.max(16, text.length >> 6));
    let n = 0;
    starts[n++] = 0;
    let lf = text.indexOf('\n');
    let cr = text.indexOf('\r');
    for (;;) {
      let next: number;
      if (cr >= 0 && (lf < 0 || cr < lf)) {
        next = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
        if (next === cr + 2) lf = text.indexOf('\n', next);
        cr = text.indexOf('\r', next);
      } else if (lf >= 0) {
        next = lf + 1;
        lf = text.indexOf('\n', next);
      } else break;
      if (n === starts.length) {
        starts = doubled(starts);
      }
      starts[n++] = next;
    }
    this.starts = starts;
    this.lines = n;
    work.steps += n;
  }

  get lineCount(): number {
    return this.lines;
  }

  /** Step back over line-end characters, so an offset inside \r\n stays on its line. */
  private beforeEol(offset: number, lineStart: number): number {
    while (offset > lineStart) {
      const c = this.text.charCodeAt(offset - 1);
      if (c !== 10 && c !== 13) break;
      offset--;
    }
    return offset;
  }

  positionAt(offset: number): Position {
    const text = this.text;
    offset = Math.max(Math.min(offset, text.length), 0);
    const starts = this.starts;
    let low = 0;
    let high = this.lines;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (starts[mid] > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    work.steps++;
    const character = this.beforeEol(offset, starts[line]) - starts[line];
    return { line, character };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lines) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.starts[position.line];
    if (position.character <= 0) return start;
    const next = position.line + 1 < this.lines ? this.starts[position.line + 1] : this.text.length;
    return this.beforeEol(Math.min(start + position.character, next), start);
  }
}

/**
 * The positions of many offsets in one forward pass over the text, without building a line table:
 * what diagnostics need (tens of findings in a document of tens of thousands of lines). The answers
 * are LineIndex's. Offsets may come in any order; they are visited in ascending order.
 */
export function positionsOf(text: string, offsets: readonly number[]): Position[] {
  const len = text.length;
  const n = offsets.length;
  const out: Position[] = new Array(n);
  const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => offsets[a] - offsets[b]);
  let line = 0;
  let lineStart = 0;
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  if (cr < 0) {
    // Only \n ends lines (the common case): the tightest loop, one indexOf per line.
    for (const k of order) {
      const offset = Math.max(Math.min(offsets[k], len), 0);
      while (lf >= 0 && lf < offset) {
        line++;
        lineStart = lf + 1;
        lf = text.indexOf('\n', lineStart);
      }
      let at = offset;
      while (at > lineStart && text.charCodeAt(at - 1) === 10) at--;
      out[k] = { line, character: at - lineStart };
    }
    work.steps += line + n;
    return out;
  }
  for (const k of order) {
    const offset = Math.max(Math.min(offsets[k], len), 0);
    for (;;) {
      // The start of the next line: after \n, \r\n or a lone \r, whichever comes first.
      let next: number;
      if (cr >= 0 && (lf < 0 || cr < lf)) next = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
      else if (lf >= 0) next = lf + 1;
      else break;
      if (next > offset) break;
      line++;
      lineStart = next;
      if (lf >= 0 && lf < next) lf = text.indexOf('\n', next);
      if (cr >= 0 && cr < next) cr = text.indexOf('\r', next);
    }
    let at = offset;
    while (at > lineStart) {
      const c = text.charCodeAt(at - 1);
      if (c !== 10 && c !== 13) break;
      at--;
    }
    out[k] = { line, character: at - lineStart };
  }
  work.steps += line + n;
  return out;
}

holdShape(new LineIndex('')); // for its hidden class (shapes.ts)
