import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** ../shared/corpus beside the repository (tests run from out/test/<suite>/). */
export const CORPUS = resolve(__dirname, '../../../../shared/corpus');

export interface CorpusFile {
  /** e.g. "syncml/aosp-omadm-dm12-testalertconfirm.xml" */
  name: string;
  bytes: Buffer;
  languageId: 'syncml' | 'dmtree';
}

export function corpusFiles(): CorpusFile[] {
  if (!existsSync(CORPUS)) throw new Error(`The shared corpus is missing: expected it at ${CORPUS}`);
  const out: CorpusFile[] = [];
  for (const dir of ['syncml', 'fragments', 'ddf']) {
    for (const f of readdirSync(join(CORPUS, dir)).sort()) {
      out.push({ name: `${dir}/${f}`, bytes: readFileSync(join(CORPUS, dir, f)), languageId: dir === 'ddf' ? 'dmtree' : 'syncml' });
    }
  }
  return out;
}

/** SOURCES.md notes per file (the last column). */
export function corpusNotes(): Map<string, string> {
  const notes = new Map<string, string>();
  for (const line of readFileSync(join(CORPUS, 'SOURCES.md'), 'utf8').split('\n')) {
    const m = /^\| ([a-z]+\/[^ |]+) \|/.exec(line);
    if (m) notes.set(m[1], line.slice(line.lastIndexOf('|', line.length - 2) + 1));
  }
  return notes;
}
