/**
 * Names and shapes that the server adds to LSP. Types and string constants only, so the VS Code
 * client (or any other client) can import this file without pulling the server in.
 */
import type { Explanation } from '../api';

/** `syncml/explain`: every meaning of a number (the look-up command). Result: `Explanation`. */
export const EXPLAIN_REQUEST = 'syncml/explain';

export interface ExplainParams {
  /** A number, an HRESULT (0x87D10194) or its signed decimal form, as typed by the user. */
  input: string;
  /** Restrict the answer to one family id (interfaces guide), e.g. 'scomo-result'. */
  family?: string;
}

export type ExplainResult = Explanation;

/**
 * `syncml/readFile`, server → client: the text of a file, by URI (any scheme the client can read).
 * The browser server runs in a Web Worker without a file system and reads the `syncml.customCodes`
 * files through it; the Node server reads them itself and never sends it. Result: `ReadFileResult`.
 * A file that cannot be read is an error response whose message names the file and the reason, with
 * `ReadFileErrorData` as its data.
 */
export const READ_FILE_REQUEST = 'syncml/readFile';

export interface ReadFileParams {
  uri: string;
}

export interface ReadFileResult {
  /** The file decoded as UTF-8. */
  text: string;
}

export interface ReadFileErrorData {
  uri: string;
  /** Why it could not be read, without the file's name, e.g. "no such file". */
  reason: string;
}

/** `initializationOptions` understood by the server (all optional). */
export interface InitializationOptions {
  /** Debounce before diagnostics are computed after a change, in ms (default 300). */
  diagnosticsDelay?: number;
  /**
   * Settings for clients that cannot answer `workspace/configuration`: the `syncml` section,
   * e.g. `{ "diagnostics": { "enable": false } }`.
   */
  settings?: unknown;
}
