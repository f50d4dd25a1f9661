/**
 * Custom-codes files (`syncml.customCodes`), the first kind of workspace data file: how to parse
 * one and how to speak of it. Finding, reading, watching and reloading them is `dataFiles.ts`'s.
 */
import { parseCustomCodes } from '../catalog/custom';
import type { CustomCodesFile, CustomCodesProblem } from '../catalog/types';
import type { DataFileKind } from './dataFiles';

type CustomCodesParser = (text: string, file: string) => { codes?: CustomCodesFile; problems: CustomCodesProblem[] };

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
