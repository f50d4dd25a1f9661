/**
 * The decoder's output: UTF-8 bytes in a growing buffer, made into one string at the end. Text of a
 * UTF-8 capture is copied byte for byte (escaped on the way), so most of a capture never becomes a
 * JavaScript string until the whole XML does, in one TextDecoder call.
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');
/** One buffer kept between documents: a capture is many small ones, each would otherwise allocate and zero its own. */
let spare: Uint8Array | undefined;

/** A string's UTF-8 bytes, for the strings written many times (tag names, indentation). */
export function utf8Of(s: string): Uint8Array {
  return encoder.encode(s);
}

export class Output {
  private buf: Uint8Array;
  length = 0;

  constructor(expected: number) {
    if (spare && spare.length >= expected) {
      this.buf = spare;
      spare = undefined;
    } else this.buf = new Uint8Array(Math.max(256, expected));
  }

  /** Done with the bytes: the buffer may serve the next document (small ones only, not to hold memory). */
  release(): void {
    if (this.buf.length <= 1 << 22 && (!spare || spare.length < this.buf.length)) spare = this.buf;
  }

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  /** Bytes encoded once (utf8Of) and written many times. */
  put(b: Uint8Array): void {
    this.room(b.length);
    const buf = this.buf;
    let k = this.length;
    for (let i = 0; i < b.length; i++) buf[k++] = b[i];
    this.length = k;
  }

  /** `<name xmlns="…">` or `<name/>` after a line break and indentation (each part optional): one bounds check. */
  startTag(indent: Uint8Array | undefined, name: Uint8Array, xmlns: Uint8Array | undefined, empty: boolean): void {
    this.room((indent ? indent.length : 0) + name.length + (xmlns ? xmlns.length : 0) + 3);
    const buf = this.buf;
    let k = this.length;
    if (indent) for (let i = 0; i < indent.length; i++) buf[k++] = indent[i];
    buf[k++] = 0x3c;
    for (let i = 0; i < name.length; i++) buf[k++] = name[i];
    if (xmlns) for (let i = 0; i < xmlns.length; i++) buf[k++] = xmlns[i];
    if (empty) buf[k++] = 0x2f;
    buf[k++] = 0x3e;
    this.length = k;
  }

  /** `</name>`, after a line break and indentation when given. */
  endTag(indent: Uint8Array | undefined, name: Uint8Array): void {
    this.room((indent ? indent.length : 0) + name.length + 3);
    const buf = this.buf;
    let k = this.length;
    if (indent) for (let i = 0; i < indent.length; i++) buf[k++] = indent[i];
    buf[k++] = 0x3c;
    buf[k++] = 0x2f;
    for (let i = 0; i < name.length; i++) buf[k++] = name[i];
    buf[k++] = 0x3e;
    this.length = k;
  }

  /**
   * UTF-8 text from src[start] up to a NUL (an inline string), escaped, in one pass; returns the
   * NUL's index, or -1 when the data ends first (the caller then rolls `length` back).
   */
  textToNul(src: Uint8Array, start: number, end: number): number {
    let i = start;
    while (i < end) {
      const stop = Math.min(end, i + 1024);
      this.room((stop - i) * 5);
      const buf = this.buf;
      let k = this.length;
      for (; i < stop; i++) {
        const c = src[i];
        if (c === 0) {
          this.length = k;
          return i;
        }
        if (c === 0x3c) (buf[k++] = 0x26), (buf[k++] = 0x6c), (buf[k++] = 0x74), (buf[k++] = 0x3b);
        else if (c === 0x26) (buf[k++] = 0x26), (buf[k++] = 0x61), (buf[k++] = 0x6d), (buf[k++] = 0x70), (buf[k++] = 0x3b);
        else if (c === 0x3e) (buf[k++] = 0x26), (buf[k++] = 0x67), (buf[k++] = 0x74), (buf[k++] = 0x3b);
        else buf[k++] = c;
      }
      this.length = k;
    }
    return -1;
  }

  byte(c: number): void {
    this.room(1);
    this.buf[this.length++] = c;
  }

  /** Any string, as it is. */
  string(s: string): void {
    this.room(s.length * 3);
    this.length += encoder.encodeInto(s, this.buf.subarray(this.length)).written;
  }

  /** UTF-8 bytes of the input, with <, & and > escaped as XML text needs. */
  textBytes(src: Uint8Array, start: number, end: number): void {
    this.room((end - start) * 5);
    const buf = this.buf;
    let k = this.length;
    for (let i = start; i < end; i++) {
      const c = src[i];
      if (c === 0x3c) (buf[k++] = 0x26), (buf[k++] = 0x6c), (buf[k++] = 0x74), (buf[k++] = 0x3b); // &lt;
      else if (c === 0x26) (buf[k++] = 0x26), (buf[k++] = 0x61), (buf[k++] = 0x6d), (buf[k++] = 0x70), (buf[k++] = 0x3b); // &amp;
      else if (c === 0x3e) (buf[k++] = 0x26), (buf[k++] = 0x67), (buf[k++] = 0x74), (buf[k++] = 0x3b); // &gt;
      else buf[k++] = c;
    }
    this.length = k;
  }

  /** Bytes as they are (a nested document's output). */
  raw(src: Uint8Array): void {
    this.room(src.length);
    this.buf.set(src, this.length);
    this.length += src.length;
  }

  bytes(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }

  /** The text of bytes [0, end) (default: all). */
  text(end = this.length): string {
    return decoder.decode(this.buf.subarray(0, end));
  }
}
