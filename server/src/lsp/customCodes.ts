/**
 * Custom-codes files (`syncml.customCodes`), the first kind of workspace data file: how to parse
 * one and how to speak of it. Finding, reading, watching and reloading them is `dataFiles.ts`'s.
 */
import { parseCustomCodes } from '../catalog/custom';
import type { CustomCodesFile, CustomCodesProblem } from '../catalog/types';
import { loadDataFiles, summarizeFileProblems, type DataFileKind } from './dataFiles';
import { fileWatcher, resolveDataFilePath, type FileReader, type ResolvedFile } from './workspacePaths';

export { fileUriToPath, globEscape, pathToFileUri, sameUri, type FileReader } from './workspacePaths';

export type CustomCodesParser = (text: string, file: string) => { codes?: CustomCodesFile; problems: CustomCodesProblem[] };

const MESSAGES = {
  fileLabel: 'SyncML custom codes file',
  stillUsed: 'The built-in codes are still used.',
  fallback: 'the built-in codes',
  noun: 'custom codes',
};

/** `syncml.customCodes` as a data-file kind; `parse` is injectable for tests. */
export function customCodesKind(parse: CustomCodesParser = parseCustomCodes): DataFileKind<CustomCodesFile> {
  return {
    setting: 'syncml.customCodes',
    parse: (text, display) => {
      const parsed = parse(text, display);
      return { value: parsed.codes, problems: parsed.problems };
    },
    describe: (files) => {
      const count = files.reduce((n, f) => n + f.entries.length, 0);
      return `${count} custom code entr${count === 1 ? 'y' : 'ies'}`;
    },
    messages: MESSAGES,
  };
}

/** One configured custom-codes entry resolved (see `resolveDataFilePath`). */
export const resolveCustomCodesPath = resolveDataFilePath;

/** How to ask a client to watch one custom-codes file (see `fileWatcher`). */
export const customCodesWatcher = fileWatcher;

export interface LoadResult {
  files: CustomCodesFile[];
  problems: CustomCodesProblem[];
}

/** Read and parse each file; every failure becomes a problem naming the file. Never rejects. */
export async function loadCustomCodes(files: readonly ResolvedFile[], read: FileReader, parse: CustomCodesParser): Promise<LoadResult> {
  const { files: loaded, problems } = await loadDataFiles(files, read, customCodesKind(parse).parse);
  return { files: loaded, problems };
}

/** One user-facing message per file: the first problem, and how many more there are. */
export function summarizeProblems(problems: readonly CustomCodesProblem[]): string[] {
  return summarizeFileProblems(problems, MESSAGES.fileLabel, MESSAGES.stillUsed);
}
