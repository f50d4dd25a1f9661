/**
 * The decoder's output: UTF-8 bytes in a growing buffer, made into one string at the end. Text of a
 * UTF-8 capture is copied byte for byte (escaped on the way), so most of a capture never becomes a
 * JavaScript string until the whole XML does, in one TextDecoder call.
 */
import { holdShape } from '../shapes';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');
/** One buffer kept between documents: a capture is many small ones, each would otherwise allocate and zero its own. */
let spare: Uint8Array | undefined;

/** A string's UTF-8 bytes, for the strings written many times (tag names, indentation). */
export function utf8Of(s: string): Uint8Array {
  return encoder.encode(s);
}

/**
 * Bytes written many times (a tag with its indentation), also held as 8-byte words read as
 * little-endian doubles: copied a word at a time, an eighth of the stores of a byte loop. A double
 * that is not a NaN keeps its bits through a load and a store; tags are ASCII, whose words never
 * are NaNs, and a run that has one (`words` null) is copied byte by byte.
 */
export class Run {
  readonly words: Float64Array | null;
  readonly length: number;

  constructor(readonly bytes: Uint8Array) {
    this.length = bytes.length;
    const padded = new Uint8Array((bytes.length + 7) & ~7);
    padded.set(bytes);
    const view = new DataView(padded.buffer);
    let words: Float64Array | null = new Float64Array(padded.length >> 3);
    for (let i = 0; i < words.length; i++) {
      const w = view.getFloat64(i * 8, true);
      if (Number.isNaN(w)) {
        words = null;
        break;
      }
      words[i] = w;
    }
    this.words = words;
  }
}

/** Indentation depths whose tags are kept ready-made; deeper ones (only in odd input) are built each time. */
const CACHED_DEPTHS = 48;
const EMPTY = new Run(new Uint8Array(0));

/**
 * An element name and its tags as bytes, each with its line break and indentation, made when first
 * written: a tag is then one copy instead of one per part (line break, indentation, `<`, name, `>`).
 * Its tables take 2 KB: make one per name, not per element.
 */
export class TagName {
  /** Start tags by ((depth + 1) * 4 | with xmlns 2 | empty 1), depth -1 being no line break; empty until made. */
  private readonly starts: Run[] = new Array<Run>((CACHED_DEPTHS + 1) * 4).fill(EMPTY);
  /** End tags by depth + 1. */
  private readonly ends: Run[] = new Array<Run>(CACHED_DEPTHS + 1).fill(EMPTY);

  constructor(
    readonly name: string,
    /** ` xmlns="…"` of the name's code page (written when the namespace changes), or empty. */
    private readonly xmlns: string,
  ) {}

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

/**
 * Writes a run at k and returns where it ends. Words are written whole, so up to 7 bytes past the
 * run's end are overwritten: the caller makes room for them, and whatever is written next covers them.
 */
function writeRun(buf: Uint8Array, view: DataView, k: number, r: Run): number {
  const words = r.words;
  if (words !== null) for (let i = 0, j = k; i < words.length; i++, j += 8) view.setFloat64(j, words[i], true);
  else {
    const b = r.bytes;
    for (let i = 0; i < b.length; i++) buf[k + i] = b[i];
  }
  return k + r.length;
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

  /** A run of bytes. */
  run(r: Run): void {
    this.room(r.length + 7);
    this.length = writeRun(this.buf, this.view, this.length, r);
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
    this.room(start.length + (stop - from) * 5 + end.length + 7);
    const buf = this.buf;
    const view = this.view;
    let k = writeRun(buf, view, this.length, start);
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
    this.length = writeRun(buf, view, k, end);
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

holdShape(new Output(0)); // for its hidden class (model/shapes.ts)
