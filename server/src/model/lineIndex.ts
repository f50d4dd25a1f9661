/**
 * Offsets to LSP positions (UTF-16 code units; \n, \r\n and a lone \r end a line), with the same
 * answers as vscode-languageserver-textdocument, but built with indexOf rather than a loop over
 * every character: several times faster on multi-megabyte documents.
 */
import type { Position } from 'vscode-languageserver-types';

export class LineIndex {
  private readonly starts: Int32Array;
  private readonly lines: number;

  constructor(private readonly text: string) {
    let starts = new Int32Array(Math.max(16, text.length >> 6));
    let n = 0;
    starts[n++] = 0;
    const push = (at: number) => {
      if (n === starts.length) {
        const bigger = new Int32Array(starts.length * 2);
        bigger.set(starts);
        starts = bigger;
      }
      starts[n++] = at;
    };
    let lf = text.indexOf('\n');
    let cr = text.indexOf('\r');
    if (cr < 0) {
      while (lf >= 0) {
        push(lf + 1);
        lf = text.indexOf('\n', lf + 1);
      }
    } else {
      while (lf >= 0 || cr >= 0) {
        let next: number;
        if (cr >= 0 && (lf < 0 || cr < lf)) {
          next = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
          if (next === cr + 2) lf = text.indexOf('\n', next);
          cr = text.indexOf('\r', next);
        } else {
          next = lf + 1;
          lf = text.indexOf('\n', next);
        }
        push(next);
      }
    }
    this.starts = starts;
    this.lines = n;
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
