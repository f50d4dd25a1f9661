/**
 * The seed documents the fuzzer mutates: every file of the shared corpus, and the project's own
 * examples (examples/*.xml, examples/*.ddf) when they exist.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeBytes } from '../../server/src/model/encoding';
import { corpusFiles } from '../support/corpus';

export interface Seed {
  /** e.g. "corpus/syncml/x.xml" or "examples/fumo.ddf" */
  name: string;
  text: string;
  languageId: 'syncml' | 'dmtree';
}

/** The repository root (tests run from out/test/fuzz/). */
export const ROOT = resolve(__dirname, '..', '..', '..');
export const EXAMPLES = join(ROOT, 'examples');

function languageOf(name: string, text: string): 'syncml' | 'dmtree' {
  if (name.endsWith('.ddf') || name.endsWith('.tnds')) return 'dmtree';
  return /<(?:[\w.-]+:)?MgmtTree[\s>/]/.test(text.slice(0, 4096)) ? 'dmtree' : 'syncml';
}

let cached: Seed[] | undefined;

export function seeds(): Seed[] {
  if (cached) return cached;
  const out: Seed[] = [];
  for (const f of corpusFiles()) {
    const decoded = decodeBytes(f.bytes);
    // A file the decoder calls binary has no text for the editor; fuzz its bytes as Latin-1 instead.
    const text = decoded.ok ? decoded.text : f.bytes.toString('latin1');
    out.push({ name: `corpus/${f.name}`, text, languageId: f.languageId });
  }
  if (existsSync(EXAMPLES)) {
    for (const f of readdirSync(EXAMPLES).sort()) {
      if (!/\.(xml|ddf)$/.test(f)) continue;
      const bytes = readFileSync(join(EXAMPLES, f));
      const decoded = decodeBytes(bytes);
      const text = decoded.ok ? decoded.text : bytes.toString('latin1');
      out.push({ name: `examples/${f}`, text, languageId: languageOf(f, text) });
    }
  }
  cached = out;
  return out;
}
