/**
 * Mutation fuzzing for the language service: a seeded PRNG and text mutators that turn a real
 * document into the kind of broken input an editor sees (half-typed tags, truncated captures,
 * pasted binary, mixed line ends, emoji, cut-and-paste accidents).
 *
 * Everything is deterministic in the seed: mutant `index` of a run with seed `seed` is rebuilt by
 * `mutantRng(seed, index)` alone, so one failing mutant is reproduced without replaying the run.
 */
import { mulberry32 } from '../../bench/prng';

/** Mix two 32-bit numbers into one (for per-mutant seeds). */
export function mixSeed(a: number, b: number): number {
  let h = Math.imul((a >>> 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul((b >>> 0) + 0x7f4a7c15, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

export class Rng {
  private readonly next: () => number;
  constructor(readonly seed: number) {
    this.next = mulberry32(seed);
  }
  u32(): number {
    return this.next();
  }
  /** A float in [0, 1). */
  float(): number {
    return this.next() / 0x100000000;
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return n <= 0 ? 0 : Math.floor(this.float() * n);
  }
  /** An integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.float() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  /** Small numbers much more often than large ones (1..max). */
  small(max: number): number {
    return Math.min(max, 1 + Math.floor(Math.pow(this.float(), 3) * max));
  }
}

/** The RNG for mutant `index` of a run seeded with `seed`. */
export function mutantRng(seed: number, index: number): Rng {
  return new Rng(mixSeed(seed, index));
}

/** Markup fragments that break (or half-make) XML structure when dropped in anywhere. */
export const TOKENS: readonly string[] = [
  '<Status>', '</Status>', '<Data>', '</Data>', '<Data/>', '<![CDATA[', ']]>', '<!--', '-->', '&', '&amp;', '&#', '&#x;',
  '&#x110000;', '&nbsp;', '"', "'", '<', '>', '/>', '</', '<?', '?>', '<?xml version="1.0"?>', '<!DOCTYPE SyncML>', '<!',
  '<Item>', '</Item>', '<Atomic>', '</Atomic>', '<Node>', '</Node>', '<NodeName>', '</NodeName>', '<Alert>', '</Alert>',
  '<Cmd>', '</Cmd>', '<CmdRef>', '<Meta>', '<Type>', '<Format>int</Format>', '<SyncML>', '</SyncML>', '<MgmtTree>',
  '<SyncBody>', '<SyncHdr>', '<Value>', '</Value>', '<Path>', '<LocURI>./FUMO/x/State</LocURI>', ' a="', ' msft:originalerror="',
  '<Data>1226</Data>', '<Data>404</Data>', '<Data>-2147024891</Data>', '<Data>0x86000001</Data>', '<Data></Data>',
  '<a:Data xmlns:a="x">', '<\u201cq\u201d>', '=\u201c', '\u00a0', '\u3000', '\u200b', '\ufeff',
];

/** Single characters that are awkward for a scanner or for position arithmetic. */
const AWKWARD_CHARS: readonly string[] = [
  '\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u001f', '\u007f', '\u0085', '\u00a0', '\u2028', '\u2029', '\ufeff',
  '\ufffd', '\ufffe', '\uffff', '\ud800', '\udbff', '\udc00', '\udfff', '\t', '\r', '\n', ' ', '<', '>', '&', ';', '#',
  '"', "'", '=', '/', '!', '?', '[', ']', '-', ':', '0', '9', 'x', '\u0300', '\u0301',
];

/** Astral characters (two UTF-16 code units each) and other multi-unit clusters. */
const ASTRAL: readonly string[] = [
  '\u{1F600}', '\u{1F4F1}', '\u{1D11E}', '\u{10FFFF}', '\u{20000}', '\u{1F468}\u200d\u{1F469}\u200d\u{1F467}',
  '\u{1F1E9}\u{1F1EA}', '\u{1F44D}\u{1F3FD}',
];

type Mutator = (text: string, rng: Rng) => string;

function at(text: string, rng: Rng): number {
  return rng.int(text.length + 1);
}

function insert(text: string, offset: number, s: string): string {
  return text.slice(0, offset) + s + text.slice(offset);
}

/** A random slice [a, b) of at most `max` characters. */
function slice(text: string, rng: Rng, max: number): [number, number] {
  const a = at(text, rng);
  const b = Math.min(text.length, a + rng.small(max));
  return [a, b];
}

/**
 * The offset of a match of `re` (global or sticky-free) found at or after a random offset,
 * wrapping to the start; -1 when there is none. Cheap on large documents.
 */
function randomMatch(text: string, re: RegExp, rng: Rng): number {
  const g = new RegExp(re.source, 'g');
  g.lastIndex = at(text, rng);
  let m = g.exec(text);
  if (!m) {
    g.lastIndex = 0;
    m = g.exec(text);
  }
  return m ? m.index : -1;
}

export const MUTATORS: Readonly<Record<string, Mutator>> = {
  truncate(text, rng) {
    return text.slice(0, at(text, rng));
  },
  truncateHead(text, rng) {
    return text.slice(at(text, rng));
  },
  deleteChars(text, rng) {
    const [a, b] = slice(text, rng, 32);
    return text.slice(0, a) + text.slice(b);
  },
  insertChars(text, rng) {
    let s = '';
    for (let n = rng.small(8); n > 0; n--) s += rng.pick(AWKWARD_CHARS);
    return insert(text, at(text, rng), s);
  },
  insertToken(text, rng) {
    let s = '';
    for (let n = rng.small(4); n > 0; n--) s += rng.pick(TOKENS);
    return insert(text, at(text, rng), s);
  },
  /** Delete a whole tag (or just its `<`, or its `>`). */
  deleteTag(text, rng) {
    const start = randomMatch(text, /<[^<>]{0,200}>/, rng);
    if (start < 0) return MUTATORS.deleteChars(text, rng);
    const end = text.indexOf('>', start) + 1;
    switch (rng.int(3)) {
      case 0:
        return text.slice(0, start) + text.slice(end);
      case 1:
        return text.slice(0, start) + text.slice(start + 1);
      default:
        return text.slice(0, end - 1) + text.slice(end);
    }
  },
  /** Rename a tag so that start and end tags stop matching. */
  renameTag(text, rng) {
    const start = randomMatch(text, /<\/?[A-Za-z_][\w.:-]*/, rng);
    if (start < 0) return MUTATORS.insertToken(text, rng);
    const nameStart = text[start + 1] === '/' ? start + 2 : start + 1;
    let nameEnd = nameStart;
    while (nameEnd < text.length && /[\w.:-]/.test(text[nameEnd])) nameEnd++;
    const names = ['Status', 'Data', 'Item', 'Node', 'SyncML', 'Alert', 'X', '', 'data', 'a:Data', 'Data\u{1F600}'];
    return text.slice(0, nameStart) + rng.pick(names) + text.slice(nameEnd);
  },
  /** Random UTF-16 code units, lone surrogates included. */
  randomUnits(text, rng) {
    let s = '';
    for (let n = rng.small(24); n > 0; n--) s += String.fromCharCode(rng.int(0x10000));
    return insert(text, at(text, rng), s);
  },
  /** A run of low bytes as a Latin-1 decoder would show them (what a binary file looks like). */
  binaryRun(text, rng) {
    let s = '';
    for (let n = rng.small(256); n > 0; n--) s += String.fromCharCode(rng.int(256));
    return insert(text, at(text, rng), s);
  },
  astral(text, rng) {
    let s = '';
    for (let n = rng.small(4); n > 0; n--) s += rng.pick(ASTRAL);
    return insert(text, at(text, rng), s);
  },
  /** An astral character right before (or inside) a code: the positions after it must stay exact. */
  astralBeforeCode(text, rng) {
    const start = randomMatch(text, /<(?:[\w.-]+:)?(?:Data|Value|DefaultValue)>/, rng);
    if (start < 0) return MUTATORS.astral(text, rng);
    const gt = text.indexOf('>', start) + 1;
    const where = rng.chance(0.5) ? gt : start;
    return insert(text, where, rng.pick(ASTRAL));
  },
  /** Cut an astral character in half. */
  splitSurrogate(text, rng) {
    const p = randomMatch(text, /[\ud800-\udbff][\udc00-\udfff]/, rng);
    if (p < 0) return insert(text, at(text, rng), rng.pick(['\ud83d', '\ude00']));
    return rng.chance(0.5) ? text.slice(0, p) + text.slice(p + 1) : text.slice(0, p + 1) + text.slice(p + 2);
  },
  lineEnds(text, rng) {
    switch (rng.int(5)) {
      case 0:
        return text.replace(/\r?\n/g, '\r\n');
      case 1:
        return text.replace(/\r\n?/g, '\n');
      case 2:
        return text.replace(/\r?\n/g, '\r');
      case 3:
        // A mix: each line end picks its own style.
        return text.replace(/\r\n|\r|\n/g, () => rng.pick(['\n', '\r\n', '\r', '\n\r', '\r\r\n']));
      default:
        return insert(text, at(text, rng), rng.pick(['\r', '\n', '\r\n', '\n\r', '\r\r', '\u2028']));
    }
  },
  duplicateSlice(text, rng) {
    const [a, b] = slice(text, rng, 2000);
    return insert(text, at(text, rng), text.slice(a, b));
  },
  swapSlices(text, rng) {
    const p = [at(text, rng), at(text, rng), at(text, rng), at(text, rng)].sort((x, y) => x - y);
    const [a, b, c, d] = p;
    return text.slice(0, a) + text.slice(c, d) + text.slice(b, c) + text.slice(a, b) + text.slice(d);
  },
  /** Replace a number with another: other families, negative, huge, hex, HRESULTs, not a number. */
  replaceNumber(text, rng) {
    const start = randomMatch(text, /\d+/, rng);
    if (start < 0) return MUTATORS.insertToken(text, rng);
    let end = start;
    while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
    const replacements = [
      '200', '404', '1200', '1226', '1403', '418', '500', '99999', '0', '-1', '+7', '007', '1e3', '0x80070057',
      '-2147024891', '2147483648', '9007199254740993', '123456789012345678901234567890', '', ' ', '١٢٣',
      '\u{1F600}200', '200\u{1F600}', '2 00', '4&#48;4', '<![CDATA[404]]>', String(rng.int(70000)),
    ];
    return text.slice(0, start) + rng.pick(replacements) + text.slice(end);
  },
  /** Wrap a slice in a comment, a CDATA section or an element (nesting accidents). */
  wrapSlice(text, rng) {
    const [a, b] = slice(text, rng, 400);
    const [open, close] = rng.pick([
      ['<!--', '-->'],
      ['<![CDATA[', ']]>'],
      ['<Item>', '</Item>'],
      ['<Atomic>', '</Atomic>'],
      ['<Node>', '</Node>'],
      ['<Data>', '</Data>'],
      ['"', '"'],
    ]);
    return text.slice(0, a) + open + text.slice(a, b) + close + text.slice(b);
  },
  /** Repeat a slice many times (deep or long documents from a small seed). */
  repeatSlice(text, rng) {
    const [a, b] = slice(text, rng, 60);
    const times = rng.small(400);
    return text.slice(0, b) + text.slice(a, b).repeat(times) + text.slice(b);
  },
};

export const MUTATOR_NAMES: readonly string[] = Object.keys(MUTATORS);

export interface Mutant {
  text: string;
  /** The mutators applied, in order. */
  steps: string[];
}

/** Apply 1 to `maxSteps` random mutators. */
export function mutate(text: string, rng: Rng, maxSteps = 4): Mutant {
  const steps: string[] = [];
  let out = text;
  for (let n = rng.small(maxSteps); n > 0; n--) {
    const name = rng.pick(MUTATOR_NAMES);
    out = MUTATORS[name](out, rng);
    steps.push(name);
  }
  return { text: out, steps };
}
