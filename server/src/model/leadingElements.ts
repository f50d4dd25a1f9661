/**
 * The first element of a document and its first child, read from the text without building a tree:
 * enough for the service to tell what a document is (detectKind) on every open and edit of any
 * `xml` file, at a cost bounded by the prolog and two start tags.
 */

export interface LeadingElements {
  /** Local name of the first element, after the prolog (BOM, XML declaration, comments, DOCTYPE, PIs). */
  root: string;
  /**
   * Local name of the first element's first child element (comments and text before it skipped);
   * undefined when the first element is empty, self-closing, ends before any child, or the text ends.
   */
  firstChild: string | undefined;
}

const NAME = /^[A-Za-z_][\w.-]*(?::([A-Za-z_][\w.-]*))?/;
/** A name is read from at most this many characters after its `<`. */
const NAME_WINDOW = 100;

/** The local name at text[lt + 1...], or undefined when no name starts there. */
function nameAt(text: string, lt: number): { local: string; end: number } | undefined {
  const m = NAME.exec(text.slice(lt + 1, lt + 1 + NAME_WINDOW));
  return m ? { local: m[1] ?? m[0], end: lt + 1 + m[0].length } : undefined;
}

/** Past the markup at lt that is no element (`<?...?>`, `<!--...-->`, `<!...>`); -1 when it never ends. */
function skipNonElement(text: string, lt: number): number {
  if (text[lt + 1] === '?') {
    const e = text.indexOf('?>', lt + 2);
    return e < 0 ? -1 : e + 2;
  }
  if (text.startsWith('<!--', lt)) {
    const e = text.indexOf('-->', lt + 4);
    return e < 0 ? -1 : e + 3;
  }
  if (text.startsWith('<![CDATA[', lt)) {
    const e = text.indexOf(']]>', lt + 9);
    return e < 0 ? -1 : e + 3;
  }
  const e = text.indexOf('>', lt + 2);
  return e < 0 ? -1 : e + 1;
}

/** The `>` closing the start tag whose name ends at p (quoted attribute values may hold one); -1 if none. */
function startTagEnd(text: string, p: number): number {
  const len = text.length;
  while (p < len) {
    const c = text.charCodeAt(p);
    if (c === 62) return p; // >
    if (c === 60) return -1; // < : a broken start tag
    if (c === 34 || c === 39) {
      const q = text.indexOf(c === 34 ? '"' : "'", p + 1);
      if (q < 0) return -1;
      p = q + 1;
    } else p++;
  }
  return -1;
}

/** The first element and its first child; undefined when the text has no element. */
export function leadingElements(text: string): LeadingElements | undefined {
  const len = text.length;
  let p = 0;
  let root: { local: string; end: number } | undefined;
  while (p < len) {
    const lt = text.indexOf('<', p);
    if (lt < 0) break;
    const c = text[lt + 1];
    if (c === '?' || c === '!') {
      p = skipNonElement(text, lt);
      if (p < 0) break;
      continue;
    }
    if (!root) {
      root = nameAt(text, lt);
      if (!root) return undefined;
      const gt = startTagEnd(text, root.end);
      if (gt < 0 || text.charCodeAt(gt - 1) === 47 /* / */) break;
      p = gt + 1;
      continue;
    }
    // After the first start tag: an end tag first means the first element has no child element.
    if (c === '/') break;
    return { root: root.local, firstChild: nameAt(text, lt)?.local };
  }
  return root ? { root: root.local, firstChild: undefined } : undefined;
}
