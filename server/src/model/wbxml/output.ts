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

/**
 * Bytes written many times (a tag with its indentation), also held as little-endian 32-bit words:
 * copied a word at a time, which costs a quarter of the stores of a byte loop.
 */
export class Run {
  readonly words: Int32Array;
  readonly length: number;

  constructor(readonly bytes: Uint8Array) {
    this.length = bytes.length;
    this.words = new Int32Array((bytes.length + 3) >> 2);
    for (let i = 0; i < bytes.length; i++) this.words[i >> 2] |= bytes[i] << ((i & 3) * 8);
  }
}

/** Indentation depths whose tags are kept ready-made; deeper ones (only in odd input) are built each time. */
const CACHED_DEPTHS = 48;
const EMPTY = new Run(new Uint8Array(0));

/**
 * An element name and its tags as bytes, each with its line break and indentation, made when first
 * written: a tag is then one copy instead of one per part (line break, indentation, `<`, name, `>`).
 */
export class TagName {
  readonly bytes: Uint8Array;
  /** Start tags by ((depth + 1) * 4 | with xmlns 2 | empty 1), depth -1 being no line break; empty until made. */
  private readonly starts: Run[] = new Array<Run>((CACHED_DEPTHS + 1) * 4).fill(EMPTY);
  /** End tags by depth + 1. */
  private readonly ends: Run[] = new Array<Run>(CACHED_DEPTHS + 1).fill(EMPTY);

  constructor(
    readonly name: string,
    /** ` xmlns="…"` of the name's code page (written when the namespace changes), or empty. */
    private readonly xmlns: string,
  ) {
    this.bytes = utf8Of(name);
  }

  /** `<name xmlns="…">` or `<name/>`, after a line break and `depth` levels of indentation unless depth is -1. */
  start(depth: number, withXmlns: boolean, empty: boolean): Run {
    const key = ((depth + 1) << 2) | (withXmlns ? 2 : 0) | (empty ? 1 : 0);
    if (depth < CACHED_DEPTHS) {
      const made = this.starts[key];
      if (made.length !== 0) return made;
    }
    const b = new Run(utf8Of(lineStart(depth) + '<' + this.name + (withXmlns ? this.xmlns : '') + (empty ? '/>' : '>')));
    if (depth < CACHED_DEPTHS) this.starts[key] = b;
    return b;
  }

  /** `</name>`, after a line break and indentation unless depth is -1. */
  end(depth: number): Run {
    if (depth < CACHED_DEPTHS) {
      const made = this.ends[depth + 1];
      if (made.length !== 0) return made;
    }
    const b = new Run(utf8Of(lineStart(depth) + '</' + this.name + '>'));
    if (depth < CACHED_DEPTHS) this.ends[depth + 1] = b;
    return b;
  }
}
function lineStart(depth: number): string {
  return depth < 0 ? '' : '\n' + '  '.repeat(depth);
}

export class Output {
  private buf: Uint8Array;
  /** The same bytes, for writing a Run's words. */
  private view: DataView;
  length = 0;

  constructor(expected: number) {
    if (spare && spare.length >= expected) {
      this.buf = spare;
      spare = undefined;
    } else this.buf = new Uint8Array(Math.max(256, expected));
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.length);
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
    this.view = new DataView(next.buffer);
  }

  /** A run of bytes, a word at a time (the last word may write up to 3 bytes past the run: room for them is made, and later writes cover them). */
  run(r: Run): void {
    this.room(r.length + 3);
    const view = this.view;
    const words = r.words;
    let k = this.length;
    for (let i = 0; i < words.length; i++, k += 4) view.setInt32(k, words[i], true);
    this.length += r.length;
  }

  /** Bytes encoded once (utf8Of) and written many times. */
  put(b: Uint8Array): void {
    this.room(b.length);
    const buf = this.buf;
    let k = this.length;
    for (let i = 0; i < b.length; i++) buf[k++] = b[i];
    this.length = k;
  }

  /**
   * An element holding one inline string (`<CmdID>1</CmdID>`), with one bounds check: its start tag,
   * the UTF-8 text from src[from] up to a NUL escaped, its end tag. Returns the NUL's index; -1, with
   * nothing written, when no NUL comes within `max` bytes or the byte after it is not `next`.
   */
  leaf(start: Run, src: Uint8Array, from: number, srcEnd: number, max: number, next: number, end: Run): number {
    const stop = Math.min(srcEnd, from + max);
    this.room(start.length + (stop - from) * 5 + end.length + 3);
    const buf = this.buf;
    const view = this.view;
    const startWords = start.words;
    let k = this.length;
    for (let i = 0; i < startWords.length; i++, k += 4) view.setInt32(k, startWords[i], true);
    k = this.length + start.length;
    let i = from;
    for (; i < stop; i++) {
      const c = src[i];
      if (c > 0x3e) buf[k++] = c;
      else if (c === 0) break;
      else if (c === 0x3c) (buf[k++] = 0x26), (buf[k++] = 0x6c), (buf[k++] = 0x74), (buf[k++] = 0x3b); // &lt;
      else if (c === 0x26) (buf[k++] = 0x26), (buf[k++] = 0x61), (buf[k++] = 0x6d), (buf[k++] = 0x70), (buf[k++] = 0x3b); // &amp;
      else if (c === 0x3e) (buf[k++] = 0x26), (buf[k++] = 0x67), (buf[k++] = 0x74), (buf[k++] = 0x3b); // &gt;
      else buf[k++] = c;
    }
    if (i >= stop || i + 1 >= srcEnd || src[i + 1] !== next) return -1;
    const endWords = end.words;
    for (let j = 0; j < endWords.length; j++) view.setInt32(k + 4 * j, endWords[j], true);
    this.length = k + end.length;
    return i;
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
