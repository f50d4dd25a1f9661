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
