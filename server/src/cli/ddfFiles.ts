/**
 * Reading the user's DDF files for `--ddf` (a file, or a folder searched recursively for .xml and
 * .ddf files). Side effects only here; reading a DDF's text is catalog/ddf/reader.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { DdfSource } from '../catalog/ddf/dmTree';
import { isDdfFileName, readDdf } from '../catalog/ddf/reader';
import { decodeBytes } from '../model/encoding';

export interface LoadedDdfs {
  sources: DdfSource[];
  /** One message per broken DDF file (the others still load). */
  warnings: string[];
  /** Paths that could not be read at all. */
  unreadable: string[];
}

function ddfFilesUnder(dir: string): string[] {
  const found: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) found.push(...ddfFilesUnder(full));
    else if (isDdfFileName(e.name)) found.push(full);
  }
  return found;
}

/** `paths` as given on the command line, relative to `cwd`. */
export function loadDdfFiles(paths: readonly string[], cwd: string): LoadedDdfs {
  const loaded: LoadedDdfs = { sources: [], warnings: [], unreadable: [] };
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let files: string[];
    try {
      files = statSync(abs).isDirectory() ? ddfFilesUnder(abs) : [abs];
    } catch {
      loaded.unreadable.push(`${p}: no such file or directory`);
      continue;
    }
    for (const f of files) {
      const shown = relative(cwd, f) || f;
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(f);
      } catch {
        loaded.unreadable.push(`${shown}: cannot be read`);
        continue;
      }
      const text = decodeBytes(bytes);
      if (!text.ok) {
        loaded.warnings.push(`${shown}: ${text.reason}`);
        continue;
      }
      const r = readDdf(text.text, shown, { descriptions: true });
      if (r.problem) loaded.warnings.push(r.problem.message);
      else loaded.sources.push({ roots: r.roots, origin: shown });
    }
  }
  return loaded;
}
