/**
 * A light element tree over the text: offsets only, in typed arrays (struct of arrays), elements in
 * document order so that a subtree is a contiguous index range. Nothing is copied from the text
 * until a caller asks for it.
 */
import { work } from '../workCounter';

interface XmlError {
  start: number;
  end: number;
  message: string;
}

/** An attribute the scan spec asked for (the context layer asks for `originalerror`, Windows' HRESULT). */
interface XmlAttribute {
  element: number;
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
}

export const enum ElementFlag {
  SelfClosing = 1,
  /** No end tag: closed implicitly by an ancestor's end tag or by the end of the document. */
  Unclosed = 2,
  /** Content holds a CDATA section. */
  HasCData = 4,
}

export class XmlDocument {
  count = 0;
  /** Offset of the element's `<`. */
  start: Int32Array;
  /** Offset just after the tag name (the qualified name is text[start + 1, nameEnd)). */
  nameEnd: Int32Array;
  /** Offset just after the start tag's `>` (or where the start tag stopped). */
  openEnd: Int32Array;
  /** Offset of the end tag's `<`, or -1 when there is none. */
  closeStart: Int32Array;
  /** Offset just after the element (end tag's `>`, or where it was implicitly closed). */
  end: Int32Array;
  /** Index of the parent element, -1 for a root. */
  parent: Int32Array;
  /** Index just past the element's last descendant. */
  subtreeEnd: Int32Array;
  /** Interned local name (see names.ts); 0 for names outside the vocabulary. */
  name: Uint8Array;
  flags: Uint8Array;
  errors: XmlError[] = [];
  attributes: XmlAttribute[] = [];
  /** Set when errors were dropped past the cap. */
  errorsTruncated = false;
  /** Indices of the elements the scan spec marks, in document order. */
  marks: Int32Array;
  markCount = 0;
  /** Out-parameters of trim(): the last trimmed range (no array allocated on the hot path). */
  trimStart = 0;
  trimEnd = 0;

  constructor(readonly text: string, capacity: number) {
    this.start = new Int32Array(capacity);
    this.nameEnd = new Int32Array(capacity);
    this.openEnd = new Int32Array(capacity);
    this.closeStart = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.parent = new Int32Array(capacity);
    this.subtreeEnd = new Int32Array(capacity);
    this.name = new Uint8Array(capacity);
    this.flags = new Uint8Array(capacity);
    // About one element in 8 or 9 is marked in traces and DDF files: room for one in 4 up front.
    this.marks = new Int32Array(Math.max(64, capacity >> 2));
  }

  /** Grow (or, with a smaller size, trim) every column. */
  resize(capacity: number): void {
    const copy = <T extends Int32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(capacity);
      b.set(a.length > capacity ? (a.subarray(0, capacity) as T) : a);
      return b;
    };
    this.start = copy(this.start);
    this.nameEnd = copy(this.nameEnd);
    this.openEnd = copy(this.openEnd);
    this.closeStart = copy(this.closeStart);
    this.end = copy(this.end);
    this.parent = copy(this.parent);
    this.subtreeEnd = copy(this.subtreeEnd);
    this.name = copy(this.name);
    this.flags = copy(this.flags);
  }

  /** The qualified tag name as written. */
  tagName(i: number): string {
    return this.text.slice(this.start[i] + 1, this.nameEnd[i]);
  }

  /** First child of element i with this name id, or -1. */
  child(i: number, name: number): number {
    const stop = this.subtreeEnd[i];
    for (let j = i + 1; j < stop; j = this.subtreeEnd[j], work.steps++) if (this.name[j] === name) return j;
    return -1;
  }

  /** The element reached by following a path of name ids from i, or -1. */
  path(i: number, a: number, b?: number, c?: number): number {
    let cur = this.child(i, a);
    if (cur < 0 || b === undefined) return cur;
    cur = this.child(cur, b);
    if (cur < 0 || c === undefined) return cur;
    return this.child(cur, c);
  }

  /** Where the element's own content ends: at its first child element, else at its end tag (or where it was closed). */
  contentEnd(i: number): number {
    const first = i + 1;
    if (first < this.subtreeEnd[i]) return this.start[first];
    return this.closeStart[i] >= 0 ? this.closeStart[i] : this.end[i];
  }

  /**
   * The element's text content range, trimmed of whitespace and of one CDATA wrapper.
   * Returns [start, end) with start === end for empty content.
   */
  valueRange(i: number): [number, number] {
    this.trim(i);
    return [this.trimStart, this.trimEnd];
  }

  /** valueRange() into trimStart / trimEnd. */
  trim(i: number): void {
    const text = this.text;
    let s = this.openEnd[i];
    let e = this.contentEnd(i);
    if (this.flags[i] & ElementFlag.SelfClosing) {
      this.trimStart = this.trimEnd = s;
      return;
    }
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (this.flags[i] & ElementFlag.HasCData && text.startsWith('<![CDATA[', s) && text.endsWith(']]>', e)) {
      s += 9;
      e -= 3;
      while (s < e && isSpace(text.charCodeAt(s))) s++;
      while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    }
    this.trimStart = s;
    this.trimEnd = e;
  }

  /** Trimmed text content (see valueRange); '' for a missing element (-1). */
  value(i: number): string {
    if (i < 0) return '';
    this.trim(i);
    work.steps += this.trimEnd - this.trimStart;
    return this.text.slice(this.trimStart, this.trimEnd);
  }

  /** The innermost element whose extent contains offset (start < offset < end), or -1. */
  elementAt(offset: number): number {
    // Last element starting before offset, then up to the first ancestor that contains it.
    let lo = 0;
    let hi = this.count - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.start[mid] < offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    let i = found;
    while (i >= 0 && !(offset < this.end[i] || (this.flags[i] & ElementFlag.Unclosed && offset <= this.end[i]))) {
      i = this.parent[i];
      work.steps++;
    }
    return i;
  }
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}
