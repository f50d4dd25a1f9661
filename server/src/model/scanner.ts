/**
 * An error-tolerant XML scanner that builds the light element tree in one pass.
 * Iterative (an explicit stack, no recursion), never throws, keeps going after every error so that
 * the codes before and after it are still decoded, and reports well-formedness errors with offsets.
 */
import { doubled } from './int32';
import { Ch, NAME_ACCEPT, NAME_DEAD, NAME_LENGTH, NAME_NEXT, NAME_ROOT, NAME_STOP } from './names';
import { ElementFlag, XmlDocument } from './xmlDocument';
import { work } from '../workCounter';
import { holdShape } from './shapes';

/** Past this many, further syntax errors are dropped (a binary file would otherwise make thousands). */
export const MAX_ERRORS = 500;
/** How far up the open-element stack an end tag looks for its start tag. */
const MATCH_DEPTH = 64;

// Character classes for ASCII; everything from U+00C0 up counts as a name character.
const NAME_START = 1;
const NAME_CHAR = 2;
const cls = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= Ch.A && c <= Ch.Z) || (c >= Ch.a && c <= Ch.z) || c === Ch.Underscore || c === Ch.Colon;
  const other = (c >= Ch.Zero && c <= Ch.Nine) || c === Ch.Dash || c === Ch.Dot;
  cls[c] = (letter ? NAME_START | NAME_CHAR : 0) | (other ? NAME_CHAR : 0);
}
const isNameStart = (c: number) => (c < 128 ? (cls[c] & NAME_START) !== 0 : c >= 0xc0 && c !== 0xd7 && c !== 0xf7);
const isNameChar = (c: number) => (c < 128 ? (cls[c] & NAME_CHAR) !== 0 : c === 0xb7 || c >= 0xc0);
const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const isWs = (c: number) => c === Ch.Space || c === Ch.LF || c === Ch.CR || c === Ch.Tab;

function isPredefinedEntity(text: string, s: number, e: number): boolean {
  switch (e - s) {
    case 2:
      return text.charCodeAt(s + 1) === 0x74 && (text.charCodeAt(s) === 0x6c || text.charCodeAt(s) === 0x67); // lt gt
    case 3:
      return text.startsWith('amp', s);
    case 4:
      return text.startsWith('quot', s) || text.startsWith('apos', s);
    default:
      return false;
  }
}

/**
 * One of the five predefined entities, written out (`&lt;` ...), at the '&' at amp. None of their
 * characters is a '<' or a quote, so a text run or attribute value that holds the '&' holds all of it.
 */
function isPredefinedAt(text: string, amp: number): boolean {
  const c = text.charCodeAt(amp + 1);
  if (c === 0x6c || c === 0x67) return text.charCodeAt(amp + 2) === 0x74 && text.charCodeAt(amp + 3) === Ch.Semi; // lt gt
  if (c === 0x71) return text.startsWith('uot;', amp + 2); // quot
  if (c === 0x61) return text.startsWith('mp;', amp + 2) || text.startsWith('pos;', amp + 2); // amp apos
  return false;
}

function sameChars(text: string, a: number, b: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
  return true;
}

/**
 * What a caller asks the scanner to collect as it goes, so that it never walks every element again:
 * the elements to list in doc.marks (by name id) and the attributes to record in doc.attributes (by
 * local name, any prefix). The caller decides which; the scanner knows no element's meaning.
 * Compiled once (compileScanSpec), read on the hot path without allocating.
 */
interface ScanSpec {
  /** Name id -> 1 for an element to mark. */
  readonly marked: Uint8Array;
  /** Local names of the attributes to record. */
  readonly attributes: readonly string[];
  /** Length -> 1 when an attribute to record has that length: most attributes (xmlns) fail this one load. */
  readonly attributeLength: Uint8Array;
}

export function compileScanSpec(request: { marked: readonly number[]; attributes: readonly string[] }): ScanSpec {
  const marked = new Uint8Array(256);
  for (const id of request.marked) {
    // Id 0 is "any name outside the vocabulary": marking it would mark every unknown element.
    if (!Number.isInteger(id) || id <= 0 || id > 255) throw new RangeError(`scan spec: ${id} is not an element name id`);
    marked[id] = 1;
  }
  const attributes = Object.freeze([...request.attributes]);
  const attributeLength = new Uint8Array(attributes.reduce((m, a) => Math.max(m, a.length + 1), 0));
  for (const a of attributes) attributeLength[a.length] = 1;
  return Object.freeze({ marked, attributes, attributeLength });
}

/** Marks nothing and records no attribute: the tree and the errors only. */
const NOTHING = compileScanSpec({ marked: [], attributes: [] });

export function parseXml(text: string, spec: ScanSpec = NOTHING): XmlDocument {
  return new Scanner(text, spec).run();
}

/**
 * The scanner. run() is the hot path and one function on purpose: the columns, the open-element
 * stack and the counters live in local variables (reloaded after a resize), the common tags (`<Name>`,
 * `<Name/>`, `</Name>` closing the innermost element) are handled inline, and everything rare (errors,
 * attributes, comments, CDATA, mismatched end tags) goes to methods that see the same state through
 * the fields synced before each call. `npm run bench` compares it with a bare charCode tokenizer
 * that builds nothing (docs/bench.md).
 */
class Scanner {
  private readonly len: number;
  private readonly doc: XmlDocument;
  private stack = new Int32Array(256);
  private depth = 0;
  private nextAmp = -1;
  private nextLt = -1;
  /** Out-parameter of startTagRest(): the element stays open (its content follows). */
  private opened = false;

  constructor(
    private readonly text: string,
    private readonly spec: ScanSpec,
  ) {
    this.len = text.length;
    // One element per 32 characters: SyncML traces have one per 34-37, DDF files one per 49-64, so
    // the columns are rarely grown (a copy) or trimmed (another copy) and not zeroed twice over.
    this.doc = new XmlDocument(text, Math.max(16, (text.length >> 5) + 16));
  }

  run(): XmlDocument {
    const { text, len, doc } = this;
    let pos = len > 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const docStart = pos;
    this.nextAmp = text.indexOf('&', pos);
    if (this.nextAmp < 0) this.nextAmp = len;
    let sawRoot = false;

    let stack = this.stack;
    let depth = 0;
    let count = 0;
    let cap = doc.start.length;
    let start = doc.start;
    let nameEnd = doc.nameEnd;
    let openEnd = doc.openEnd;
    let closeStart = doc.closeStart;
    let end = doc.end;
    let parent = doc.parent;
    let subtreeEnd = doc.subtreeEnd;
    let name = doc.name;
    let flags = doc.flags;
    let marks = doc.marks;
    let markCount = 0;
    const marked = this.spec.marked;
    const next = NAME_NEXT;
    const accept = NAME_ACCEPT;
    const length = NAME_LENGTH;

    while (pos < len) {
      work.steps++;
      let lt = text.indexOf('<', pos);
      if (lt < 0) lt = len;
      if (lt > pos) {
        if (this.nextAmp < lt) this.checkEntities(pos, lt);
        if (depth === 0) this.checkTopLevelText(pos, lt, sawRoot);
      }
      if (lt >= len) break;
      const c = text.charCodeAt(lt + 1);

      if (c === Ch.Slash) {
        // Fast path: `</Name>` closing the innermost open element, read once. For a vocabulary name
        // written without a prefix the automaton checks it (one table load per character, cheaper
        // than comparing with the start tag's characters); other names are compared character by
        // character. Anything else (a mismatch, `</Name >`, a missing '>') takes the general path.
        if (depth > 0) {
          const top = stack[depth - 1];
          const s = start[top] + 1;
          const n = nameEnd[top] - s;
          const b = lt + 2;
          const id = name[top];
          let match = false;
          if (id !== 0 && length[id] === n) {
            let st = NAME_ROOT;
            let q = b;
            let d = 0;
            for (; q < len; q++) {
              d = text.charCodeAt(q);
              if (d >= 128) break;
              const nx = next[(st << 7) | d];
              if (nx === NAME_STOP) break;
              st = nx;
            }
            // d is the character after the name (or a name character when the text ends).
            match = q - b === n && accept[st] === id && d === Ch.Gt;
          } else {
            let k = 0;
            while (k < n && text.charCodeAt(b + k) === text.charCodeAt(s + k)) k++;
            match = k === n && text.charCodeAt(b + n) === Ch.Gt;
          }
          if (match) {
            closeStart[top] = lt;
            end[top] = pos = b + n + 1;
            subtreeEnd[top] = count;
            depth--;
            continue;
          }
        }
        this.depth = depth;
        doc.count = count;
        pos = this.endTag(lt);
        depth = this.depth;
        continue;
      }

      if (c < 128 ? (cls[c] & NAME_START) !== 0 : isNameStart(c)) {
        // Start tag: read the name, stepping the vocabulary automaton (names.ts) as we go.
        let p = lt + 1;
        let st = NAME_ROOT;
        let d = 0;
        for (; p < len; p++) {
          d = text.charCodeAt(p);
          if (d < 128) {
            const nx = next[(st << 7) | d];
            if (nx === NAME_STOP) break;
            st = nx;
          } else if (isNameChar(d)) st = NAME_DEAD;
          else break;
        }
        const id = accept[st];
        if (count === cap) {
          doc.resize(cap * 2);
          cap = doc.start.length;
          start = doc.start;
          nameEnd = doc.nameEnd;
          openEnd = doc.openEnd;
          closeStart = doc.closeStart;
          end = doc.end;
          parent = doc.parent;
          subtreeEnd = doc.subtreeEnd;
          name = doc.name;
          flags = doc.flags;
        }
        const i = count++;
        start[i] = lt;
        nameEnd[i] = p;
        name[i] = id;
        parent[i] = depth > 0 ? stack[depth - 1] : -1;
        closeStart[i] = -1;
        if (marked[id] === 1) {
          if (markCount === marks.length) {
            doc.marks = marks = doubled(marks);
          }
          marks[markCount++] = i;
        }
        sawRoot = true;
        // d is the character after the name (or its last character when the text ends there).
        let opened = true;
        if (d === Ch.Gt) {
          // Fast path: `<Name>`.
          openEnd[i] = pos = p + 1;
        } else if (d === Ch.Slash && text.charCodeAt(p + 1) === Ch.Gt) {
          // Fast path: `<Name/>`.
          openEnd[i] = end[i] = pos = p + 2;
          flags[i] |= ElementFlag.SelfClosing;
          subtreeEnd[i] = i + 1;
          opened = false;
        } else {
          doc.count = count;
          pos = this.startTagRest(i, lt, p);
          opened = this.opened;
        }
        if (opened) {
          if (depth === stack.length) {
            this.stack = stack = doubled(stack);
          }
          stack[depth++] = i;
        }
        continue;
      }

      this.depth = depth;
      doc.count = count;
      if (c === Ch.Bang) {
        pos = this.markupDeclaration(lt);
      } else if (c === Ch.Question) {
        pos = this.processingInstruction(lt, docStart, sawRoot);
      } else {
        this.error(lt, lt + 1, "'<' must be escaped as &lt; in text");
        pos = lt + 1;
      }
    }

    doc.count = count;
    doc.markCount = markCount;
    this.depth = depth;
    if (doc.count === 0 && doc.errors.length === 0 && /\S/.test(text.slice(docStart))) {
      this.error(docStart, Math.min(len, docStart + 5), 'The document has no root element');
    }
    if (this.depth > 0) {
      const innermost = this.stack[this.depth - 1];
      const more = this.depth - 1;
      this.error(
        doc.start[innermost],
        doc.nameEnd[innermost],
        `<${doc.tagName(innermost)}> is not closed: the document ends first` +
          (more > 0 ? ` (and ${more} enclosing element${more === 1 ? ' is' : 's are'} not closed either)` : ''),
      );
      while (this.depth > 0) this.closeImplicitly(this.stack[--this.depth], len);
    }
    // Give back a large over-allocation (long text content), not a small one: trimming copies.
    if (doc.start.length > doc.count * 2 + 1024) doc.resize(doc.count + 1);
    return doc;
  }

  private error(start: number, end: number, message: string): void {
    const errors = this.doc.errors;
    if (errors.length >= MAX_ERRORS) {
      this.doc.errorsTruncated = true;
      return;
    }
    // Never cut a surrogate pair: an editor cannot place a position between its halves.
    const text = this.text;
    end = Math.max(end, start);
    if (start > 0 && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) start--;
    if (end > 0 && end < this.len && isHighSurrogate(text.charCodeAt(end - 1)) && isLowSurrogate(text.charCodeAt(end))) end++;
    errors.push({ start, end, message });
  }

  /** Non-whitespace text outside every element. */
  private checkTopLevelText(from: number, to: number, sawRoot: boolean): void {
    const text = this.text;
    let s = from;
    while (s < to && isWs(text.charCodeAt(s))) s++;
    if (s === to) return;
    let e = to;
    while (e > s && isWs(text.charCodeAt(e - 1))) e--;
    let nbsp = true;
    for (let k = s; k < e && nbsp; k++) {
      const c = text.charCodeAt(k);
      nbsp = c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || isWs(c);
    }
    if (nbsp) {
      this.error(s, e, 'Non-breaking or other Unicode spaces outside any element: XML allows only space, tab, CR and LF here');
      return;
    }
    this.error(s, e, sawRoot ? 'Text after the end of the root element' : 'Text before the root element');
  }

  /** Validate every `&` in text[from, to): a character reference or one of the five predefined entities. */
  private checkEntities(from: number, to: number): void {
    // len in a local: a field load that the first '&'s never reach is a deopt when a later one does.
    const { text, len } = this;
    if (this.nextAmp < from) {
      this.nextAmp = text.indexOf('&', from);
      if (this.nextAmp < 0) this.nextAmp = len;
    }
    while (this.nextAmp < to) {
      work.steps++;
      const amp = this.nextAmp;
      if (isPredefinedAt(text, amp)) {
        // The common case (escaped payloads are full of &lt; &gt; &quot;), checked without the loop below.
        const next = text.indexOf('&', amp + 1);
        this.nextAmp = next < 0 ? len : next;
        continue;
      }
      let p = amp + 1;
      let ok = false;
      if (text.charCodeAt(p) === Ch.Hash) {
        p++;
        const hex = text.charCodeAt(p) === Ch.x;
        if (hex) p++;
        const digits = p;
        while (p < to && p - digits < 8) {
          const c = text.charCodeAt(p) | 0x20;
          if ((c >= 0x30 && c <= 0x39) || (hex && c >= 0x61 && c <= 0x66)) p++;
          else break;
        }
        ok = p > digits && text.charCodeAt(p) === Ch.Semi;
      } else {
        while (p < to && p - amp < 12 && isNameChar(text.charCodeAt(p))) p++;
        if (text.charCodeAt(p) === Ch.Semi && p > amp + 1) {
          if (!isPredefinedEntity(text, amp + 1, p)) {
            this.error(amp, p + 1, `Undefined entity '${text.slice(amp, p + 1)}' (XML knows only &amp; &lt; &gt; &quot; &apos;)`);
          }
          ok = true;
        }
      }
      if (!ok) this.error(amp, amp + 1, "A bare '&' must be escaped as &amp;");
      const next = text.indexOf('&', amp + 1);
      this.nextAmp = next < 0 ? len : next;
    }
  }

  private closeImplicitly(i: number, at: number): void {
    const doc = this.doc;
    doc.flags[i] |= ElementFlag.Unclosed;
    doc.end[i] = at;
    doc.subtreeEnd[i] = doc.count;
  }

  /** Offset of the next '<' at or after p (cached; only moves forward). */
  private ltFrom(p: number): number {
    if (this.nextLt < p) {
      this.nextLt = this.text.indexOf('<', p);
      if (this.nextLt < 0) this.nextLt = this.len;
    }
    return this.nextLt;
  }

  /**
   * The rest of a start tag after its name at p (the element is already recorded): attributes, up to
   * `>` or `/>`. Sets this.opened when the element has content to follow (the caller pushes it).
   */
  private startTagRest(i: number, lt: number, p: number): number {
    const { text, len, doc } = this;
    const nameEnd = p;
    this.opened = true;
    // Attributes, up to '>' or '/>'.
    for (;;) {
      while (p < len && isWs(text.charCodeAt(p))) p++;
      if (p >= len) {
        this.error(lt, nameEnd, `Start tag <${doc.tagName(i)}> is not finished: the document ends first`);
        doc.openEnd[i] = len;
        return len;
      }
      const c = text.charCodeAt(p);
      if (c === Ch.Gt) {
        doc.openEnd[i] = p + 1;
        return p + 1;
      }
      if (c === Ch.Slash && text.charCodeAt(p + 1) === Ch.Gt) {
        doc.openEnd[i] = p + 2;
        doc.end[i] = p + 2;
        doc.flags[i] |= ElementFlag.SelfClosing;
        doc.subtreeEnd[i] = i + 1;
        this.opened = false;
        return p + 2;
      }
      if (c === Ch.Lt) {
        this.error(lt, nameEnd, `Start tag <${doc.tagName(i)}> is missing its '>'`);
        doc.openEnd[i] = p;
        return p;
      }
      if (!isNameStart(c)) {
        this.error(p, p + 1, `Unexpected character '${String.fromCodePoint(text.codePointAt(p) ?? 0)}' in start tag <${doc.tagName(i)}>`);
        p++;
        continue;
      }
      // attribute name
      const attrStart = p;
      let attrLocal = p;
      while (p < len && isNameChar(text.charCodeAt(p))) {
        if (text.charCodeAt(p) === Ch.Colon) attrLocal = p + 1;
        p++;
      }
      const attrEnd = p;
      while (p < len && isWs(text.charCodeAt(p))) p++;
      if (text.charCodeAt(p) !== Ch.Eq) {
        this.error(attrStart, attrEnd, `Attribute '${text.slice(attrStart, attrEnd)}' has no value`);
        continue;
      }
      p++;
      while (p < len && isWs(text.charCodeAt(p))) p++;
      const q = text.charCodeAt(p);
      if (q !== Ch.Quote && q !== Ch.Apos) {
        // Typographic quotes, HTML-escaped quotes, or a bare value: skip the value.
        const found = p < len ? String.fromCodePoint(text.codePointAt(p) ?? 0) : '';
        this.error(
          p,
          Math.min(p + 1, len),
          found === '\u201c' || found === '\u201d' || found === '\u2018' || found === '\u2019'
            ? `Attribute value must be in straight quotes (" or '), not typographic ${found}`
            : `Attribute '${text.slice(attrStart, attrEnd)}' needs a quoted value`,
        );
        while (p < len) {
          const d = text.charCodeAt(p);
          if (isWs(d) || d === Ch.Gt || d === Ch.Lt || (d === Ch.Slash && text.charCodeAt(p + 1) === Ch.Gt)) break;
          p++;
        }
        continue;
      }
      const valueStart = p + 1;
      let valueEnd = text.indexOf(q === Ch.Quote ? '"' : "'", valueStart);
      const nextLt = this.ltFrom(valueStart);
      if (valueEnd < 0 || nextLt < valueEnd) {
        this.error(p, p + 1, `Attribute value of '${text.slice(attrStart, attrEnd)}' is not closed`);
        valueEnd = Math.min(nextLt, len);
        doc.openEnd[i] = valueEnd;
        return valueEnd;
      }
      if (this.nextAmp < valueEnd) this.checkEntities(valueStart, valueEnd);
      if (this.spec.attributeLength[attrEnd - attrLocal] === 1 && this.wanted(attrLocal, attrEnd)) doc.attributes.push({ element: i, nameStart: attrStart, nameEnd: attrEnd, valueStart, valueEnd });
      p = valueEnd + 1;
    }
  }

  /** Whether the spec asks for the attribute whose local name is text[from, to). */
  private wanted(from: number, to: number): boolean {
    const { attributes } = this.spec;
    for (let k = 0; k < attributes.length; k++) {
      if (attributes[k].length === to - from && this.text.startsWith(attributes[k], from)) return true;
    }
    return false;
  }

  private endTag(lt: number): number {
    const { text, len, doc } = this;
    let p = lt + 2;
    for (; p < len; p++) {
      const c = text.charCodeAt(p);
      if (c < 128 ? (cls[c] & NAME_CHAR) === 0 : !isNameChar(c)) break;
    }
    const nameEnd = p;
    while (p < len && isWs(text.charCodeAt(p))) p++;
    let after = p;
    if (text.charCodeAt(p) === Ch.Gt) after = p + 1;
    else this.error(lt, nameEnd, `End tag </${text.slice(lt + 2, nameEnd)}> is missing its '>'`);

    const nameLen = nameEnd - (lt + 2);
    const limit = Math.max(0, this.depth - MATCH_DEPTH);
    for (let k = this.depth - 1; k >= limit; k--) {
      const open = this.stack[k];
      if (doc.nameEnd[open] - doc.start[open] - 1 !== nameLen || !sameChars(text, doc.start[open] + 1, lt + 2, nameLen)) {
        continue;
      }
      // Everything opened after the match is closed here, implicitly.
      for (let j = this.depth - 1; j > k; j--) {
        const inner = this.stack[j];
        this.error(doc.start[inner], doc.nameEnd[inner], `<${doc.tagName(inner)}> is not closed before </${doc.tagName(open)}>`);
        this.closeImplicitly(inner, lt);
      }
      doc.closeStart[open] = lt;
      doc.end[open] = after;
      doc.subtreeEnd[open] = doc.count;
      this.depth = k;
      return after;
    }
    const name = text.slice(lt + 2, nameEnd);
    this.error(
      lt,
      after,
      this.depth > 0
        ? `End tag </${name}> does not match the open element <${doc.tagName(this.stack[this.depth - 1])}>`
        : `End tag </${name}> has no start tag`,
    );
    return after;
  }

  private markupDeclaration(lt: number): number {
    const { text, len, doc } = this;
    if (text.startsWith('<!--', lt)) {
      const close = text.indexOf('-->', lt + 4);
      if (close < 0) {
        this.error(lt, lt + 4, 'Comment is not closed (missing -->)');
        return len;
      }
      return close + 3;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const close = text.indexOf(']]>', lt + 9);
      if (this.depth > 0) doc.flags[this.stack[this.depth - 1]] |= ElementFlag.HasCData;
      else this.error(lt, lt + 9, 'CDATA section outside the root element');
      if (close < 0) {
        this.error(lt, lt + 9, 'CDATA section is not closed (missing ]]>)');
        return len;
      }
      return close + 3;
    }
    if (text.startsWith('<!DOCTYPE', lt)) {
      let p = lt + 9;
      while (p < len) {
        const c = text.charCodeAt(p);
        if (c === Ch.Quote || c === Ch.Apos) {
          const q = text.indexOf(text[p], p + 1);
          p = q < 0 ? len : q + 1;
        } else if (c === Ch.LBracket) {
          const q = text.indexOf(']', p + 1);
          p = q < 0 ? len : q + 1;
        } else if (c === Ch.Gt) {
          return p + 1;
        } else p++;
      }
      this.error(lt, lt + 9, 'DOCTYPE declaration is not closed');
      return len;
    }
    this.error(lt, lt + 2, "Unknown markup: '<!' starts a comment, a CDATA section or a DOCTYPE");
    return lt + 2;
  }

  private processingInstruction(lt: number, docStart: number, sawRoot: boolean): number {
    const { text, len } = this;
    const close = text.indexOf('?>', lt + 2);
    const isXmlDecl =
      text.startsWith('xml', lt + 2) || text.startsWith('XML', lt + 2) ? !isNameChar(text.charCodeAt(lt + 5)) : false;
    if (isXmlDecl && (lt !== docStart || sawRoot)) {
      this.error(lt, lt + 5, 'The XML declaration <?xml ...?> is allowed only at the very start of the document');
    }
    if (close < 0) {
      this.error(lt, lt + 2, 'Processing instruction is not closed (missing ?>)');
      return len;
    }
    return close + 2;
  }
}

// A scanner and the document it fills, for their hidden classes (shapes.ts).
holdShape(new Scanner('', NOTHING)).run();
