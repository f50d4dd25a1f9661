import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** ../shared/ddf beside the repository (tests run from out/test/<suite>/). */
export const DDF_DROP = resolve(__dirname, '../../../../shared/ddf/windows-2026-01');
export const CORPUS_DDF = resolve(__dirname, '../../../../shared/corpus/ddf');

export function dropFile(name: string): string {
  return readFileSync(resolve(DDF_DROP, name), 'utf8');
}

export function corpusDdf(name: string): string {
  return readFileSync(resolve(CORPUS_DDF, name), 'utf8');
}

export function dropFiles(): { name: string; text: string }[] {
  return readdirSync(DDF_DROP)
    .filter((n) => n.endsWith('.xml'))
    .map((name) => ({ name, text: dropFile(name) }));
}
