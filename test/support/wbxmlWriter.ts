/**
 * A small WBXML writer for tests and the bench: byte-level pieces for hand-built vectors, and an
 * encoder of well-formed SyncML XML (the bench's generated trace, DevInf carried as nested opaque
 * WBXML as libwbxml does). Not a product feature: the product only decodes.
 */
import { vocabularyByNumber, type Vocabulary } from '../../server/src/model/wbxml/codePages';

export const T = { SWITCH_PAGE: 0x00, END: 0x01, ENTITY: 0x02, STR_I: 0x03, LITERAL: 0x04, PI: 0x43, STR_T: 0x83, OPAQUE: 0xc3 } as const;
/** Tag-token flag: the element has content. */
export const CONTENT = 0x40;

export function mb(n: number): number[] {
  const out = [n & 0x7f];
  for (n = Math.floor(n / 128); n > 0; n = Math.floor(n / 128)) out.unshift((n & 0x7f) | 0x80);
  return out;
}

export function utf8(s: string): number[] {
  return [...new TextEncoder().encode(s)];
}

export function strI(s: string): number[] {
  return [T.STR_I, ...utf8(s), 0];
}

export function opaque(data: ArrayLike<number>): number[] {
  return [T.OPAQUE, ...mb(data.length), ...Array.from(data)];
}

/** A header: version byte, public id (a number, or a string placed at the table's start), charset, table. */
export function header(options: { version?: number; publicId: number | string; charset?: number; table?: number[] }): number[] {
  const version = options.version ?? 0x03;
  const charset = options.charset ?? 106;
  if (typeof options.publicId === 'string') {
    const table = [...utf8(options.publicId), 0, ...(options.table ?? [])];
    return [version, 0, 0, ...mb(charset), ...mb(table.length), ...table];
  }
  const table = options.table ?? [];
  return [version, ...mb(options.publicId), ...mb(charset), ...mb(table.length), ...table];
}

const NAMESPACE_PAGE: Record<string, number> = { 'syncml:metinf': 1, 'syncml:dmddf1.2': 2 };

interface Token {
  page: number;
  id: number;
}

function tokenOf(v: Vocabulary, page: number, name: string): Token | undefined {
  const id = v.pages.get(page)?.tags.indexOf(name);
  return id !== undefined && id >= 0 ? { page, id } : undefined;
}

/**
 * Encode well-formed SyncML XML (no attributes but xmlns; text, CDATA, the five entities and
 * numeric references) as WBXML 1.3, UTF-8, inline strings. Elements in the devinf namespace become
 * a nested document in OPAQUE.
 */
export function encodeSyncml(xml: string, publicId = 0x1201): Uint8Array {
  const out: number[] = [];
  encodeInto(xml, 0, publicId, out, true);
  return Uint8Array.from(out);
}

const TAG = /<(\/?)([\w.:-]+)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>/g;

function decodeEntities(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_m, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );
}

/** Encodes from `start` to the end of the element that begins there (or of the document); returns where it stopped. */
function encodeInto(xml: string, start: number, publicId: number, out: number[], withHeader: boolean): number {
  const v = vocabularyByNumber(publicId)!;
  if (withHeader) out.push(...header({ publicId }));
  let page = 0;
  const pages: number[] = [];
  let depth = 0;
  TAG.lastIndex = start;
  let last = start;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    const text = xml.slice(last, m.index);
    if (depth > 0 && text.trim() !== '') out.push(...strI(decodeEntities(text)));
    last = TAG.lastIndex;
    if (m[5] !== undefined) {
      if (depth > 0 && m[5] !== '') out.push(...strI(m[5]));
      continue;
    }
    if (m[2] === undefined) continue; // comment, PI, DOCTYPE
    const [, close, name, attrs, selfClose] = m;
    if (close) {
      out.push(T.END);
      pages.pop();
      depth--;
      if (depth === 0) return last;
      continue;
    }
    const ns = /xmlns\s*=\s*["']([^"']*)["']/.exec(attrs)?.[1];
    if (ns === 'syncml:devinf' && publicId !== 0x1203) {
      const nested: number[] = [];
      const end = encodeInto(xml, m.index, 0x1203, nested, true);
      out.push(...opaque(nested));
      TAG.lastIndex = last = selfClose ? last : end;
      continue;
    }
    let want = ns !== undefined && NAMESPACE_PAGE[ns] !== undefined ? NAMESPACE_PAGE[ns] : (pages[pages.length - 1] ?? (v.pages.has(0) ? 0 : 2));
    let token = tokenOf(v, want, name) ?? tokenOf(v, 0, name) ?? tokenOf(v, 1, name);
    if (!token) throw new Error(`no WBXML token for <${name}>`);
    want = token.page;
    if (want !== page) out.push(T.SWITCH_PAGE, want), (page = want);
    out.push(token.id | (selfClose ? 0 : CONTENT));
    if (!selfClose) {
      pages.push(want);
      depth++;
    } else if (depth === 0) return last;
    token = undefined;
  }
  return last;
}
