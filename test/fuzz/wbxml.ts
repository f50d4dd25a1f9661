/**
 * The WBXML fuzz target: byte mutants of WBXML captures (the xml2wbxml vectors, and the examples
 * encoded by test/support/wbxmlWriter.ts). Each must decode without throwing to either one line
 * with a byte offset, or text whose stop comment (if any) is where it says, and that text must
 * pass every invariant of the XML fuzzer. Rebuilt from (seed, index) alone, like run.ts's cases.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LanguageService } from '../../server/src/api';
import { decodeBytes } from '../../server/src/model/encoding';
import { encodeSyncml } from '../support/wbxmlWriter';
import { checkText, InvariantError } from './invariants';
import { mutantRng, type Rng } from './mutate';

const ROOT = join(__dirname, '..', '..', '..');

let cached: { name: string; bytes: Uint8Array }[] | undefined;
export function wbxmlSeeds(): { name: string; bytes: Uint8Array }[] {
  if (cached) return cached;
  const dir = join(ROOT, 'test', 'wbxml', 'vectors');
  cached = readdirSync(dir)
    .filter((f) => f.endsWith('.wbxml'))
    .sort()
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }));
  for (const f of ['dm-session.xml', 'dm-session-1-client.xml', 'dm-session-2-server.xml']) {
    cached.push({ name: `examples/${f} (encoded)`, bytes: encodeSyncml(readFileSync(join(ROOT, 'examples', f), 'utf8')) });
  }
  return cached;
}

/** Bytes that mean something to a WBXML reader: global tokens, flags, continuation bits. */
const TOKENS = [0x00, 0x01, 0x02, 0x03, 0x04, 0x43, 0x83, 0xc3, 0x80, 0xff, 0x40, 0x6d, 0x2d];

function mutateBytes(input: Uint8Array, rng: Rng): { bytes: Uint8Array; steps: string[] } {
  let b = Array.from(input);
  const steps: string[] = [];
  for (let n = rng.between(1, 4); n > 0; n--) {
    const at = rng.int(b.length + 1);
    switch (rng.int(6)) {
      case 0:
        steps.push(`truncate@${at}`);
        b = b.slice(0, at);
        break;
      case 1: {
        const v = rng.int(256);
        steps.push(`set@${at}=${v}`);
        if (at < b.length) b[at] = v;
        break;
      }
      case 2: {
        const v = rng.pick(TOKENS);
        steps.push(`token@${at}=${v}`);
        if (at < b.length) b[at] = v;
        break;
      }
      case 3: {
        const len = rng.small(16);
        steps.push(`delete@${at}+${len}`);
        b.splice(at, len);
        break;
      }
      case 4: {
        const ins = Array.from({ length: rng.small(8) }, () => (rng.chance(0.5) ? rng.pick(TOKENS) : rng.int(256)));
        steps.push(`insert@${at}:${ins.join(',')}`);
        b.splice(at, 0, ...ins);
        break;
      }
      default: {
        const len = rng.small(32);
        steps.push(`duplicate@${at}+${len}`);
        b.splice(at, 0, ...b.slice(at, at + len));
      }
    }
  }
  return { bytes: Uint8Array.from(b), steps };
}

export interface WbxmlOutcome {
  seed: number;
  index: number;
  source: string;
  steps: string[];
  error?: string;
}

export function runWbxmlCase(service: LanguageService, seed: number, index: number): WbxmlOutcome {
  const rng = mutantRng(seed ^ 0x5742584d, index);
  const all = wbxmlSeeds();
  const source = index < all.length ? all[index] : rng.pick(all);
  const { bytes, steps } = mutateBytes(source.bytes, rng);
  const outcome: WbxmlOutcome = { seed, index, source: source.name, steps };
  try {
    const r = decodeBytes(bytes);
    if (!r.ok) {
      if (/[\r\n]/.test(r.reason)) throw new InvariantError(`a multi-line reason: ${JSON.stringify(r.reason)}`, 'decodeBytes');
      return outcome;
    }
    const p = r.wbxml?.problem;
    if (p) {
      const comment = r.text.slice(p.textOffset, p.textEnd);
      if (!comment.startsWith(`<!-- WBXML decoding stopped at byte offset ${p.offset}: `) || !comment.endsWith('-->')) {
        throw new InvariantError(`the stop comment is not at its offsets: ${JSON.stringify(comment.slice(0, 80))}`, 'decodeBytes');
      }
      if (p.offset > bytes.length) throw new InvariantError(`offset ${p.offset} beyond ${bytes.length} bytes`, 'decodeBytes');
    }
    checkText(service, r.text, 'syncml', rng, { samples: 4, siteSamples: 2, determinism: 0 });
  } catch (err) {
    outcome.error = err instanceof InvariantError ? `${err.message}` : String((err as Error)?.stack ?? err);
  }
  return outcome;
}

export function describeWbxmlFailure(o: WbxmlOutcome): string {
  return `WBXML mutant seed ${o.seed} index ${o.index} of ${o.source} [${o.steps.join(' ')}]: ${o.error}`;
}
