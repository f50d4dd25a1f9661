/**
 * The practical floor: a bare XML tokenizer written as one loop over charCodeAt. It finds tags,
 * element names, attribute quotes, text runs, and the ends of comments, CDATA sections, processing
 * instructions and declarations, and counts elements. It builds nothing. Every name character and
 * every text-run length feeds a checksum that the caller prints, so none of the work can be
 * dropped as dead code.
 */
interface TokenCounts {
  elements: number;
  closeTags: number;
  texts: number;
  attributes: number;
  other: number;
  checksum: number;
}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const BANG = 33;
const QMARK = 63;
const DASH = 45;
const LBRACKET = 91;
const RBRACKET = 93;
const DQUOTE = 34;
const SQUOTE = 39;
const EQ = 61;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

export function bareTokenize(s: string): TokenCounts {
  const n = s.length;
  let i = 0;
  let elements = 0;
  let closeTags = 0;
  let texts = 0;
  let attributes = 0;
  let other = 0;
  let checksum = 0;
  while (i < n) {
    let c = s.charCodeAt(i);
    if (c !== LT) {
      const start = i;
      while (i < n && s.charCodeAt(i) !== LT) i++;
      texts++;
      checksum = (checksum + (i - start)) | 0;
      continue;
    }
    c = s.charCodeAt(i + 1);
    if (c === BANG) {
      other++;
      if (s.charCodeAt(i + 2) === DASH && s.charCodeAt(i + 3) === DASH) {
        // <!-- ... -->
        i += 4;
        while (i < n && !(s.charCodeAt(i) === DASH && s.charCodeAt(i + 1) === DASH && s.charCodeAt(i + 2) === GT)) i++;
        i += 3;
      } else if (s.charCodeAt(i + 2) === LBRACKET) {
        // <![CDATA[ ... ]]>
        const start = i + 9;
        i = start;
        while (i < n && !(s.charCodeAt(i) === RBRACKET && s.charCodeAt(i + 1) === RBRACKET && s.charCodeAt(i + 2) === GT)) i++;
        checksum = (checksum + (i - start)) | 0;
        i += 3;
      } else {
        // <!DOCTYPE ...>, with an optional [internal subset] and quoted literals.
        i += 2;
        let depth = 0;
        while (i < n) {
          const d = s.charCodeAt(i);
          if (d === DQUOTE || d === SQUOTE) {
            i++;
            while (i < n && s.charCodeAt(i) !== d) i++;
          } else if (d === LBRACKET) depth++;
          else if (d === RBRACKET) depth--;
          else if (d === GT && depth <= 0) break;
          i++;
        }
        i++;
      }
      continue;
    }
    if (c === QMARK) {
      // <? ... ?>
      other++;
      i += 2;
      while (i < n && !(s.charCodeAt(i) === QMARK && s.charCodeAt(i + 1) === GT)) i++;
      i += 2;
      continue;
    }
    if (c === SLASH) {
      // </name>
      closeTags++;
      i += 2;
      while (i < n) {
        const d = s.charCodeAt(i);
        if (d === GT || isSpace(d)) break;
        checksum = (Math.imul(checksum, 31) + d) | 0;
        i++;
      }
      while (i < n && s.charCodeAt(i) !== GT) i++;
      i++;
      continue;
    }
    // <name attr="value" ...> or <name/>
    elements++;
    i++;
    while (i < n) {
      const d = s.charCodeAt(i);
      if (d === GT || d === SLASH || isSpace(d)) break;
      checksum = (Math.imul(checksum, 31) + d) | 0;
      i++;
    }
    while (i < n) {
      const d = s.charCodeAt(i);
      if (d === GT) {
        if (s.charCodeAt(i - 1) === SLASH) checksum = (checksum + 1) | 0;
        i++;
        break;
      }
      if (d === EQ) attributes++;
      else if (d === DQUOTE || d === SQUOTE) {
        const start = ++i;
        while (i < n && s.charCodeAt(i) !== d) i++;
        checksum = (checksum + (i - start)) | 0;
      }
      i++;
    }
  }
  return { elements, closeTags, texts, attributes, other, checksum };
}
