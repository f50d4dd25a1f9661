/**
 * DDF files (`syncml.ddfFiles`), a kind of workspace data file: the user's DM tree descriptions (OMA
 * DDF 1.2, Microsoft DDF v2), merged over the bundled Windows CSP index. An entry may be a folder:
 * the .xml and .ddf files below it are read. Finding, reading, watching and reloading them is
 * `dataFiles.ts`'s; reading a DDF's text is `catalog/ddf/reader.ts`'s, as for the CLI's `--ddf`.
 */
import type { DdfSource } from '../catalog/ddf/dmTree';
import { DDF_FILE_EXTENSIONS, readDdf } from '../catalog/ddf/reader';
import type { DdfNode } from '../catalog/ddf/types';
import type { DataFileKind } from './dataFiles';

const MESSAGES = {
  fileLabel: 'SyncML DDF file',
  stillUsed: 'The other DDF files and the bundled Windows CSP index are still used.',
  fallback: 'the bundled Windows CSP index',
  noun: 'DDF files',
};

function countNodes(nodes: readonly DdfNode[]): number {
  return nodes.reduce((n, node) => n + 1 + countNodes(node.children), 0);
}

/** `syncml.ddfFiles` as a data-file kind: one DDF file is one source of the DM tree, named by its file. */
export function ddfFilesKind(): DataFileKind<DdfSource> {
  return {
    setting: 'syncml.ddfFiles',
    parse: (text, display) => {
      // Descriptions are kept: a hover shows them for the user's own nodes.
      const read = readDdf(text, display, { descriptions: true });
      const p = read.problem;
      if (!p) return { value: { roots: read.roots, origin: display }, problems: [] };
      // The controller says the place its own way.
      return { problems: [{ file: display, line: p.line, column: p.column, message: p.reason }] };
    },
    describe: (files) => {
      const count = files.reduce((n, f) => n + countNodes(f.roots), 0);
      return `${count} DM tree node${count === 1 ? '' : 's'}`;
    },
    folderExtensions: DDF_FILE_EXTENSIONS,
    messages: MESSAGES,
  };
}
