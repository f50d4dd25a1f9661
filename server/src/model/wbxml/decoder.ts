/**
 * WBXML (WAP-192-WBXML 1.1–1.3) to XML text, for SyncML, DM and DevInf captures. Pure.
 *
 * The text is what the rest of the project reads: positions in diagnostics refer to it. It is
 * indented (two spaces per level; an element holding text is written on one line), carries the
 * namespace of each code page on the element where the page changes, and starts with a comment that
 * says what the header held. Opaque data that is itself a WBXML document (DevInf, DDF) is decoded
 * in place, as its XML form holds it; other opaque data is text (CDATA when it holds markup), or
 * base64 when it is not text at all.
 *
 * A capture that breaks off or goes wrong after the root element started gives the part that
 * decoded, the open elements closed, and a comment with the byte offset where decoding stopped;
 * before that, one message with the offset.
 */
import { FALLBACK_VOCABULARY, vocabularyByNumber, vocabularyByString, type PageSpec, type Vocabulary } from './codePages';
import { Output, TagName, utf8Of } from './output';
import { looksLikeWbxml } from './sniff';
import { escapeXmlAttr, escapeXmlText } from '../xmlText';
import { holdShape } from '../shapes';

/** Global tokens (WAP-192-WBXML §7.1), the same on every code page. */
const SWITCH_PAGE = 0x00;
const END = 0x01;
const ENTITY = 0x02;
const STR_I = 0x03;
const LITERAL = 0x04;
const EXT_I_0 = 0x40;
const EXT_I_2 = 0x42;
const PI = 0x43;
const LITERAL_C = 0x44;
const EXT_T_0 = 0x80;
const EXT_T_2 = 0x82;
const STR_T = 0x83;
const LITERAL_A = 0x84;
const EXT_0 = 0xc0;
const EXT_2 = 0xc2;
const OPAQUE = 0xc3;
const LITERAL_AC = 0xc4;
/** Tag-token bits: the element has content (0x40), has attributes (0x80). */
const CONTENT = 0x40;

/** TextDecoders by label, made once: a capture is many small documents, and making one costs more than using it. */
const DECODERS = new Map<string, TextDecoder>();
function textDecoder(label: string): TextDecoder {
  let d = DECODERS.get(label);
  if (!d) DECODERS.set(label, (d = new TextDecoder(label)));
  return d;
}

/** Nested WBXML in opaque data is decoded this many levels deep at most. */
const MAX_NESTING = 4;

/** Character sets by IANA MIBenum (the header's charset): the ones SyncML and DM captures use. */
const CHARSETS: ReadonlyMap<number, { name: string; label: string }> = new Map([
  [0, { name: 'unknown (read as UTF-8)', label: 'utf-8' }],
  [3, { name: 'US-ASCII', label: 'utf-8' }],
  [4, { name: 'ISO-8859-1', label: 'iso-8859-1' }],
  [106, { name: 'UTF-8', label: 'utf-8' }],
  [2252, { name: 'windows-1252', label: 'windows-1252' }],
]);

export interface WbxmlHeader {
  /** "1.3" */
  version: string;
  /** The public identifier: its number in hex ("0x1201"), or the string of a string-table public id, quoted. */
  publicId: string;
  /** Which code pages were used: "SyncML 1.2". */
  vocabulary: string;
  charset: string;
}

export interface WbxmlProblem {
  /** Byte offset in the WBXML input where decoding stopped. */
  offset: number;
  message: string;
}

export type WbxmlDecodeResult =
  | {
      ok: true;
      text: string;
      header: WbxmlHeader;
      /** Decoding stopped early: the text holds the part before `offset`, and a comment at `textOffset` says so. */
      problem?: WbxmlProblem & { textOffset: number; textEnd: number };
    }
  | ({ ok: false } & WbxmlProblem);

/** Thrown inside the decoder only, caught at its entry. */
class Stop {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/** Decode a WBXML document to XML text. */
export function decodeWbxml(bytes: Uint8Array): WbxmlDecodeResult {
  return new Decoder(bytes, 0, 0).run(true);
}

const INDENTS: Uint8Array[] = [];
/** A line break and two spaces per level, as bytes. */
function indent(depth: number): Uint8Array {
  for (let d = INDENTS.length; d <= depth; d++) INDENTS.push(utf8Of('\n' + '  '.repeat(d)));
  return INDENTS[depth];
}

/** Each page's tag names, indexed by token, made when a page is first used. */
interface PageTags {
  tags: (TagName | undefined)[];
}
const PAGE_TAGS = new WeakMap<PageSpec, PageTags>();
function pageTags(page: PageSpec): PageTags {
  let b = PAGE_TAGS.get(page);
  if (!b) {
    const xmlns = ` xmlns="${page.namespace}"`;
    b = { tags: page.tags.map((t) => (t === undefined ? undefined : new TagName(t, xmlns))) };
    PAGE_TAGS.set(page, b);
  }
  return b;
}


interface Open {
  name: TagName;
  namespace: string | undefined;
  hasChildren: boolean;
  hasText: boolean;
}

function hex(n: number, width = 2): string {
  return '0x' + n.toString(16).toUpperCase().padStart(width, '0');
}

class Decoder {
  private pos = 0;
  private readonly end: number;
  private table: Uint8Array = new Uint8Array(0);
  private tableStart = 0;
  private readonly tableCache = new Map<number, string>();
  private vocabulary: Vocabulary = FALLBACK_VOCABULARY;
  private decoder: TextDecoder = textDecoder('utf-8');
  private utf8 = true;
  private tagPage = 0;
  /** The current tag code page's table, undefined for a page the vocabulary lacks, and its names as bytes. */
  private page: PageSpec | undefined;
  private pageTags: PageTags | undefined;

  /** Names that no code page holds (LITERAL, undefined tokens), one TagName each per document. */
  private readonly otherNames = new Map<string, TagName>();
  private tagName(name: string, xmlns: string): TagName {
    const key = name + xmlns;
    let t = this.otherNames.get(key);
    if (!t) this.otherNames.set(key, (t = new TagName(name, xmlns)));
    return t;
  }

  private setPage(): void {
    this.page = this.vocabulary.pages.get(this.tagPage);
    this.pageTags = this.page && pageTags(this.page);
  }
  private attrPage = 0;
  private readonly out: Output;
  private readonly stack: Open[] = [];
  private rootDone = false;

  constructor(
    private readonly bytes: Uint8Array,
    /** Indentation depth of the root element (nested documents sit inside their Data). */
    private readonly baseDepth: number,
    private readonly nesting: number,
  ) {
    this.end = bytes.length;
    // The XML is about three times the WBXML (tags become names, indentation is added).
    this.out = new Output(bytes.length * 4);
  }

  run(withProlog: boolean): WbxmlDecodeResult {
    const r = this.decodeInto(withProlog);
    const text = r.ok ? this.out.text() : '';
    this.out.release();
    return r.ok ? { ...r, text } : r;
  }

  /** As run, leaving the output as bytes (a nested document is copied into its parent's output). */
  decodeInto(withProlog: boolean): WbxmlDecodeResult {
    let header: WbxmlHeader;
    try {
      header = this.readHeader();
    } catch (e) {
      if (e instanceof Stop) return { ok: false, offset: e.offset, message: e.message };
      throw e;
    }
    if (withProlog) {
      this.out.string(
        '<?xml version="1.0" encoding="UTF-8"?>\n' +
          `<!-- Decoded from WBXML ${header.version}: public id ${header.publicId} (${header.vocabulary}), charset ${header.charset}. Positions refer to this decoded text. -->`,
      );
    }
    try {
      this.body();
      if (withProlog) this.out.byte(0x0a);
      return { ok: true, text: '', header };
    } catch (e) {
      if (!(e instanceof Stop)) throw e;
      if (this.stack.length === 0 && !this.rootDone) return { ok: false, offset: e.offset, message: e.message };
      const comment = `<!-- WBXML decoding stopped at byte offset ${e.offset}: ${e.message.replace(/--/g, '- -')} -->`;
      const top = this.stack[this.stack.length - 1];
      if (!top?.hasText) this.out.put(indent(this.baseDepth + this.stack.length));
      // Offsets in the text are in UTF-16 units: count those of the part before the comment.
      const textOffset = this.out.text().length;
      this.out.string(comment);
      while (this.stack.length) this.closeElement();
      if (withProlog) this.out.byte(0x0a);
      return {
        ok: true,
        text: '',
        header,
        problem: { offset: e.offset, message: e.message, textOffset, textEnd: textOffset + comment.length },
      };
    }
  }

  /** The output so far, as bytes. */
  output(): Uint8Array {
    return this.out.bytes();
  }

  // ---- reading -------------------------------------------------------------------------------

  private u8(what: string): number {
    if (this.pos >= this.end) throw new Stop(this.pos, `the data ends where ${what} was expected`);
    return this.bytes[this.pos++];
  }

  private mb(what: string): number {
    const start = this.pos;
    let value = 0;
    for (let i = 0; i < 5; i++) {
      if (this.pos >= this.end) throw new Stop(start, `the data ends inside ${what}`);
      const b = this.bytes[this.pos++];
      value = value * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) {
        if (value > 0xffffffff) break;
        return value;
      }
    }
    throw new Stop(start, `${what} is not a valid multi-byte integer`);
  }

  /** The string of bytes[start, end) of the input (the string table is a part of it). */
  private decode(start: number, end: number): string {
    const bytes = this.bytes;
    let ascii = true;
    for (let i = start; i < end && ascii; i++) if (bytes[i] >= 0x80) ascii = false;
    // Short ASCII strings (codes, ids) are most of a capture: built here, they skip TextDecoder's call cost.
    if (ascii && end - start <= 24) {
      let s = '';
      for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i]);
      return s;
    }
    return this.decoder.decode(bytes.subarray(start, end));
  }

  /** Where the NUL-terminated string starting at the current position ends. */
  private terminator(token: string): number {
    const bytes = this.bytes;
    const end = this.end;
    let i = this.pos;
    while (i < end && bytes[i] !== 0) i++;
    if (i >= end) throw new Stop(this.pos - 1, `the inline string (${token}) has no terminating NUL before the end of the data`);
    return i;
  }

  /** A NUL-terminated inline string (STR_I, EXT_I). */
  private inlineString(token: string): string {
    const start = this.pos;
    const nul = this.terminator(token);
    this.pos = nul + 1;
    return this.decode(start, nul);
  }

  /** An inline string as XML text. */
  private inlineText(at: number, token: string): void {
    this.openText(at);
    if (this.utf8) {
      const mark = this.out.length;
      const nul = this.out.textToNul(this.bytes, this.pos, this.end);
      if (nul < 0) {
        this.out.length = mark;
        this.terminator(token); // throws, with the message
      }
      this.pos = nul + 1;
      return;
    }
    const start = this.pos;
    const nul = this.terminator(token);
    this.pos = nul + 1;
    this.textOf(start, nul);
  }

  /** A string-table string as XML text. */
  private tableText(at: number, token: string): void {
    this.openText(at);
    const index = this.mb(`the string-table index of ${token}`);
    if (index >= this.table.length) {
      throw new Stop(at, `${token} refers to string-table offset ${index}, beyond the table's ${this.table.length} bytes`);
    }
    let nul = this.table.indexOf(0, index);
    if (nul < 0) nul = this.table.length;
    this.textOf(this.tableStart + index, this.tableStart + nul);
  }

  /** Input bytes [start, end) as escaped text: copied as they are from UTF-8, transcoded otherwise. */
  private textOf(start: number, end: number): void {
    if (this.utf8) this.out.textBytes(this.bytes, start, end);
    else this.out.string(escapeXmlText(this.decoder.decode(this.bytes.subarray(start, end))));
  }

  /** The string at `index` in the string table (STR_T, LITERAL, EXT_T, string public id). */
  private tableString(token: string, tokenOffset: number): string {
    const index = this.mb(`the string-table index of ${token}`);
    const cached = this.tableCache.get(index);
    if (cached !== undefined) return cached;
    if (index >= this.table.length) {
      throw new Stop(tokenOffset, `${token} refers to string-table offset ${index}, beyond the table's ${this.table.length} bytes`);
    }
    let nul = this.table.indexOf(0, index);
    if (nul < 0) nul = this.table.length; // an unterminated last string: take it to the table's end
    const s = this.decode(this.tableStart + index, this.tableStart + nul);
    this.tableCache.set(index, s);
    return s;
  }

  private readHeader(): WbxmlHeader {
    const v = this.u8('the version byte');
    if (v < 0x01 || v > 0x03) throw new Stop(0, `version byte ${hex(v)} is not WBXML 1.1–1.3`);
    const version = `${(v >> 4) + 1}.${v & 0x0f}`;
    const publicNumber = this.mb('the public identifier');
    const publicIndex = publicNumber === 0 ? this.mb('the public identifier’s string-table index') : -1;
    const charsetAt = this.pos;
    const mib = this.mb('the charset');
    const charset = CHARSETS.get(mib);
    if (!charset) {
      throw new Stop(charsetAt, `charset MIBenum ${mib}${mib === 1015 ? ' (UTF-16)' : ''} is not supported (UTF-8, US-ASCII, ISO-8859-1 and windows-1252 are)`);
    }
    this.utf8 = charset.label === 'utf-8';
    this.decoder = textDecoder(charset.label);
    const tableAt = this.pos;
    const length = this.mb('the string-table length');
    if (this.pos + length > this.end) {
      throw new Stop(tableAt, `the string table claims ${length} bytes but only ${this.end - this.pos} follow`);
    }
    this.tableStart = this.pos;
    this.table = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;

    let publicId: string;
    let vocabulary: Vocabulary | undefined;
    if (publicIndex >= 0) {
      if (publicIndex >= this.table.length) {
        throw new Stop(1, `the public identifier refers to string-table offset ${publicIndex}, beyond the table's ${this.table.length} bytes`);
      }
      let nul = this.table.indexOf(0, publicIndex);
      if (nul < 0) nul = this.table.length;
      publicId = this.decode(this.tableStart + publicIndex, this.tableStart + nul);
      vocabulary = vocabularyByString(publicId);
    } else {
      vocabulary = vocabularyByNumber(publicNumber);
      publicId = hex(publicNumber, 4);
      if (!vocabulary && publicNumber !== 0x01) {
        throw new Stop(1, `public identifier ${hex(publicNumber, 4)} is not SyncML, MetInf, DevInf or DM DDF`);
      }
    }
    this.vocabulary = vocabulary ?? FALLBACK_VOCABULARY;
    // A document starts on page 0, which a MetInf or DDF document does not define: start on its own page.
    this.tagPage = this.vocabulary.pages.has(0) ? 0 : [...this.vocabulary.pages.keys()][0];
    this.setPage();
    return { version, publicId: publicIndex >= 0 ? `"${publicId}"` : publicId, vocabulary: this.vocabulary.name, charset: charset.name };
  }

  // ---- the body ------------------------------------------------------------------------------

  private body(): void {
    const bytes = this.bytes;
    const end = this.end;
    const stack = this.stack;
    const out = this.out;
    while (this.pos < end || !this.rootDone) {
      if (this.rootDone && stack.length === 0 && this.pos >= end) return;
      // The common tokens first, in this loop: a tag of the current page without attributes, END.
      const pos = this.pos;
      if (pos < end && !this.rootDone) {
        const token = bytes[pos];
        const id = token & 0x3f;
        const page = this.page;
        if (id > LITERAL && (token & 0x80) === 0 && page !== undefined) {
          const name = this.pageTags!.tags[id];
          if (name !== undefined) {
            const parent = stack.length ? stack[stack.length - 1] : undefined;
            if ((token & CONTENT) !== 0 && parent !== undefined && bytes[pos + 1] === STR_I && this.utf8) {
              // The commonest element, a page tag holding one inline string (`<CmdID>1</CmdID>`), in one go.
              const depth = parent.hasText ? -1 : this.baseDepth + stack.length;
              const nul = out.leaf(name.start(depth, page.namespace !== parent.namespace, false), bytes, pos + 2, end, 4096, END, name.end(-1));
              if (nul >= 0) {
                parent.hasChildren = true;
                this.pos = nul + 2;
                continue;
              }
            }
            this.pos = pos + 1;
            this.openElement(name, page.namespace, page.namespace !== parent?.namespace, parent, false, (token & CONTENT) !== 0);
            continue;
          }
        } else if (token === END && stack.length !== 0) {
          this.pos = pos + 1;
          this.closeElement();
          if (stack.length === 0) this.rootDone = true;
          continue;
        }
      }
      this.token();
    }
  }

  /** One token, whatever it is. */
  private token(): void {
    const at = this.pos;
    const token = this.u8(this.stack.length ? 'a token or END' : 'the root element');
    if (this.rootDone && token !== PI) {
      throw new Stop(at, `unexpected token ${hex(token)} after the end of the root element`);
    }
    switch (token) {
      case SWITCH_PAGE:
        this.tagPage = this.u8('the code page of SWITCH_PAGE');
        this.setPage();
        return;
      case END:
        if (this.stack.length === 0) throw new Stop(at, 'END with no open element');
        this.closeElement();
        if (this.stack.length === 0) this.rootDone = true;
        return;
      case PI:
        this.processingInstruction();
        return;
      case ENTITY: {
        const code = this.mb('the character code of ENTITY');
        this.openText(at);
        this.out.string(`&#${code};`);
        return;
      }
      case STR_I:
        this.inlineText(at, 'STR_I');
        return;
      case STR_T:
        this.tableText(at, 'STR_T');
        return;
      case OPAQUE:
        this.opaque(at);
        return;
      case EXT_0:
      case EXT_0 + 1:
      case EXT_2:
        return; // no extension is defined for SyncML: nothing to show
    }
    if (token >= EXT_I_0 && token <= EXT_I_2) {
      this.inlineText(at, 'EXT_I');
      return;
    }
    if (token >= EXT_T_0 && token <= EXT_T_2) {
      this.tableText(at, 'EXT_T');
      return;
    }
    // A tag: a literal name, or a token of the current page (bit 6: has content, bit 7: has attributes);
    // the body's loop took those of a known page without attributes.
    let name: TagName | undefined;
    let namespace: string | undefined;
    let paged = false;
    const parent = this.stack.length ? this.stack[this.stack.length - 1] : undefined;
    if (token === LITERAL || token === LITERAL_C || token === LITERAL_A || token === LITERAL_AC) {
      const literal = this.tableString('LITERAL', at);
      if (!/^[A-Za-z_:][\w.:-]*$/.test(literal)) throw new Stop(at, `LITERAL tag name "${literal.slice(0, 40)}" is not an XML name`);
      name = this.tagName(literal, '');
      namespace = parent?.namespace;
    } else {
      const page = this.page;
      const id = token & 0x3f;
      const unknown = `Unknown-page${this.tagPage}-${hex(id)}`;
      if (page) {
        // A token the page does not define still carries the page's namespace.
        name = this.pageTags!.tags[id] ?? this.tagName(unknown, ` xmlns="${page.namespace}"`);
        namespace = page.namespace;
        paged = true;
      } else {
        name = this.tagName(unknown, '');
        namespace = parent?.namespace;
      }
    }
    this.openElement(name, namespace, paged && namespace !== parent?.namespace, parent, (token & 0x80) !== 0, (token & 0x40) !== 0);
  }

  private openElement(
    name: TagName,
    namespace: string | undefined,
    /** The element's namespace is not its parent's: write its page's ` xmlns="…"`. */
    withXmlns: boolean,
    parent: Open | undefined,
    hasAttributes: boolean,
    hasContent: boolean,
  ): void {
    if (this.rootDone) throw new Stop(this.pos - 1, 'a second root element');
    const out = this.out;
    // Attributes are read before anything is written: a broken list leaves no half-written tag.
    const attributes = hasAttributes ? this.attributes('attribute list') : undefined;
    let depth = -1; // no line break before the tag
    if (parent) {
      if (!parent.hasText) depth = this.baseDepth + this.stack.length;
      parent.hasChildren = true;
    } else if (out.length > 0) depth = 0;
    if (attributes) {
      out.run(name.start(depth, withXmlns, false));
      out.length--; // reopen the tag for its attributes
      for (const [attr, value] of attributes) out.string(' ' + attr + '="' + escapeXmlAttr(value) + '"');
      out.string(hasContent ? '>' : '/>');
    } else out.run(name.start(depth, withXmlns, !hasContent));
    if (hasContent) this.stack.push({ name, namespace, hasChildren: false, hasText: false });
    else if (!parent) this.rootDone = true;
  }

  private closeElement(): void {
    const el = this.stack.pop()!;
    this.out.run(el.name.end(el.hasChildren && !el.hasText ? this.baseDepth + this.stack.length : -1));
  }

  /** Text is about to be written into the current element. */
  private openText(at: number): void {
    const el = this.stack[this.stack.length - 1];
    if (!el) throw new Stop(at, 'text outside the root element');
    el.hasText = true;
  }

  /** Attribute start and value tokens up to END (SyncML defines no attribute tokens: literal names, string values). */
  private attributes(what: string): [string, string][] {
    const list: [string, string][] = [];
    for (;;) {
      const at = this.pos;
      const token = this.u8(`an attribute or END in the ${what}`);
      if (token === END) return list;
      const last = list[list.length - 1];
      const append = (s: string): void => {
        if (!last) throw new Stop(at, `an attribute value with no attribute name in the ${what}`);
        last[1] += s;
      };
      if (token === SWITCH_PAGE) this.attrPage = this.u8('the code page of SWITCH_PAGE');
      else if (token === LITERAL) {
        const name = this.tableString('LITERAL', at);
        if (!/^[A-Za-z_:][\w.:-]*$/.test(name)) throw new Stop(at, `LITERAL attribute name "${name.slice(0, 40)}" is not an XML name`);
        list.push([name, '']);
      } else if (token === STR_I || (token >= EXT_I_0 && token <= EXT_I_2)) append(this.inlineString('STR_I'));
      else if (token === STR_T || (token >= EXT_T_0 && token <= EXT_T_2)) append(this.tableString('STR_T', at));
      else if (token === ENTITY) append(String.fromCodePoint(Math.min(this.mb('the character code of ENTITY'), 0x10ffff)));
      else if (token === OPAQUE) {
        const length = this.mb('the length of OPAQUE');
        if (this.pos + length > this.end) throw new Stop(at, `OPAQUE claims ${length} bytes but only ${this.end - this.pos} follow`);
        append(this.decode(this.pos, this.pos + length));
        this.pos += length;
      } else if (token >= EXT_0 && token <= EXT_2) {
        // no data
      } else if (token < 0x80) list.push([`attr-page${this.attrPage}-${hex(token)}`, '']);
      else append(`[value ${hex(token)}]`);
    }
  }

  private processingInstruction(): void {
    const [first, ...rest] = this.attributes('processing instruction');
    if (!first) return;
    const data = [first[1], ...rest.map(([n, v]) => `${n}="${v}"`)].filter(Boolean).join(' ').replace(/\?>/g, '? >');
    const el = this.stack[this.stack.length - 1];
    if (el && !el.hasText) this.out.put(indent(this.baseDepth + this.stack.length));
    else if (!el) this.out.byte(0x0a);
    if (el) el.hasChildren = true;
    this.out.string(`<?${first[0]}${data ? ' ' + data : ''}?>`);
  }

  private opaque(at: number): void {
    const length = this.mb('the length of OPAQUE');
    if (this.pos + length > this.end) throw new Stop(at, `OPAQUE claims ${length} bytes but only ${this.end - this.pos} follow`);
    const data = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    const el = this.stack[this.stack.length - 1];
    if (!el) throw new Stop(at, 'opaque data outside the root element');

    // A nested WBXML document (DevInf in a Put or Results, a DDF tree): decoded in place, when it decodes whole.
    if (this.nesting < MAX_NESTING && !el.hasText && looksLikeWbxml(data)) {
      const inner = new Decoder(data, this.baseDepth + this.stack.length, this.nesting + 1);
      const nested = inner.decodeInto(false);
      if (nested.ok && !nested.problem) {
        this.out.put(indent(this.baseDepth + this.stack.length));
        this.out.raw(inner.output());
        el.hasChildren = true;
        return;
      }
    }
    el.hasText = true;
    let text: string | undefined;
    try {
      text = new TextDecoder(this.utf8 ? 'utf-8' : 'windows-1252', { fatal: true }).decode(data);
    } catch {
      text = undefined;
    }
    // Control characters other than tab and line ends cannot stand in XML text: such data is binary.
    if (text !== undefined && !/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text)) {
      const markup = text.includes('<') || text.includes('&');
      this.out.string(markup && !text.includes(']]>') ? `<![CDATA[${text}]]>` : escapeXmlText(text));
      return;
    }
    this.out.string(`<!-- opaque binary data, ${length} bytes, shown in base64 -->` + toBase64(data));
  }
}

holdShape(new Decoder(new Uint8Array(0), 0, 0)); // for its hidden class (model/shapes.ts)

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function toBase64(data: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < data.length; i += 3) {
    const a = data[i];
    const b = i + 1 < data.length ? data[i + 1] : -1;
    const c = i + 2 < data.length ? data[i + 2] : -1;
    parts.push(
      B64[a >> 2] +
        B64[((a & 3) << 4) | (b < 0 ? 0 : b >> 4)] +
        (b < 0 ? '=' : B64[((b & 15) << 2) | (c < 0 ? 0 : c >> 6)]) +
        (c < 0 ? '=' : B64[c & 63]),
    );
  }
  return parts.join('');
}
