/** Data passed between the CLI's reading side (io.ts/main.ts) and its pure formatters. */
import type { Diagnostic } from 'vscode-languageserver-types';

export interface FileResult {
  /** Path as shown to the user: relative to the working directory with forward slashes, or absolute. */
  path: string;
  /**
   * For SARIF: the artifact URI, relative to %SRCROOT% (the working directory) when `relative`,
   * otherwise an absolute file:// URI.
   */
  uri: string;
  relative: boolean;
  diagnostics: Diagnostic[];
}

/** An input that could not be read or checked (exit status 2). */
export interface InputProblem {
  path: string;
  message: string;
}

export interface Counts {
  error: number;
  warning: number;
  information: number;
  hint: number;
}
