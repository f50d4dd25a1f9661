/**
 * What the server adds to LSP, defined once for the server and the clients: each request as a
 * `RequestType` (method, params and result types together) with the check of its params beside it.
 * Only vscode-languageserver-protocol, the family ids and isObject are imported, so the VS Code client (or any
 * other client) can import this file without pulling the server in.
 */
import { ErrorCodes, RequestType, ResponseError } from 'vscode-languageserver-protocol';
import type { Explanation } from '../api';
import { FAMILY_IDS, type FamilyId } from '../catalog/types';
import { isObject } from '../isObject';

function invalidParams(message: string): ResponseError<void> {
  return new ResponseError<void>(ErrorCodes.InvalidParams, message);
}

// ---- syncml/explain -------------------------------------------------------------------------------

interface ExplainParams {
  /** A number, an HRESULT (0x87D10194) or its signed decimal form, as typed by the user. */
  input: string;
  /** Restrict the answer to one family id (interfaces guide), e.g. 'scomo-result'. */
  family?: string;
}

export type ExplainResult = Explanation;

/** `syncml/explain`, client → server: every meaning of a number (the look-up command); null when the server failed (its log says why). */
const EXPLAIN_REQUEST = 'syncml/explain';

export const ExplainRequest = {
  method: EXPLAIN_REQUEST,
  type: new RequestType<ExplainParams, ExplainResult | null, void>(EXPLAIN_REQUEST),
  /**
   * The params as they came off the wire, checked: `input` a string, `family` absent, empty or a
   * known family id. Throws an InvalidParams error that says what was expected.
   */
  check(params: unknown): { input: string; family?: FamilyId } {
    if (!isObject(params) || typeof params.input !== 'string') {
      throw invalidParams(`${EXPLAIN_REQUEST} expects { input: string, family?: string }`);
    }
    const family = params.family;
    if (family === undefined || family === null || family === '') return { input: params.input };
    if (typeof family !== 'string' || !(FAMILY_IDS as readonly string[]).includes(family)) {
      throw invalidParams(`${EXPLAIN_REQUEST}: unknown family ${JSON.stringify(family)}; known families: ${FAMILY_IDS.join(', ')}`);
    }
    return { input: params.input, family: family as FamilyId };
  },
};

// ---- syncml/readFile ------------------------------------------------------------------------------

interface ReadFileParams {
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

/**
 * `syncml/readFile`, server → client: the text of a file, by URI (any scheme the client can read).
 * The browser server runs in a Web Worker without a file system and reads the workspace data files
 * (`syncml.customCodes`) through it; the Node server reads them itself and never sends it. A file
 * that cannot be read is an error response whose message names the file and the reason, with
 * `ReadFileErrorData` as its data.
 */
const READ_FILE_REQUEST = 'syncml/readFile';

export const ReadFileRequest = {
  method: READ_FILE_REQUEST,
  type: new RequestType<ReadFileParams, ReadFileResult | null, ReadFileErrorData>(READ_FILE_REQUEST),
  /** The URI asked for; '' when the params hold none (the client then answers "not a URI"). */
  check(params: unknown): ReadFileParams {
    return { uri: isObject(params) && typeof params.uri === 'string' ? params.uri : '' };
  },
  /** The text of an answer, or undefined when the answer holds none. */
  textOf(result: unknown): string | undefined {
    return isObject(result) && typeof result.text === 'string' ? result.text : undefined;
  },
  /** The reason in an error answer's data, when there is one. */
  reasonOf(data: unknown): string | undefined {
    return isObject(data) && typeof data.reason === 'string' && data.reason !== '' ? data.reason : undefined;
  },
};

// ---- syncml/listFiles -----------------------------------------------------------------------------

interface ListFilesParams {
  uri: string;
  /** Keep only files whose names end with one of these, compared in lower case (`.xml`, `.ddf`). */
  extensions: string[];
}

export interface ListFilesResult {
  /** The files below the folder, recursively, in name order (URIs). */
  files: string[];
  /** The folders below it (URIs). */
  folders: string[];
}

/**
 * `syncml/listFiles`, server → client: the files below a folder, by URI (any scheme the client can
 * read). The browser server lists the folders named in `syncml.ddfFiles` through it; the Node server
 * lists them itself and never sends it. The answer is null when the URI is not a folder (a file, or
 * nothing: the server then reads it as a file, which says why); a folder that cannot be listed is an
 * error response whose message names it and the reason, with `ReadFileErrorData` as its data.
 */
const LIST_FILES_REQUEST = 'syncml/listFiles';

export const ListFilesRequest = {
  method: LIST_FILES_REQUEST,
  type: new RequestType<ListFilesParams, ListFilesResult | null, ReadFileErrorData>(LIST_FILES_REQUEST),
  /** The URI and extensions asked for; '' and [] when the params hold none. */
  check(params: unknown): ListFilesParams {
    const uri = isObject(params) && typeof params.uri === 'string' ? params.uri : '';
    const raw = isObject(params) && Array.isArray(params.extensions) ? params.extensions : [];
    return { uri, extensions: raw.filter((e): e is string => typeof e === 'string').map((e) => e.toLowerCase()) };
  },
  /** The listing in an answer; undefined when it holds none (not a folder). */
  listingOf(result: unknown): ListFilesResult | undefined {
    if (!isObject(result) || !Array.isArray(result.files)) return undefined;
    const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    return { files: strings(result.files), folders: strings(result.folders) };
  },
};

// ---- initialize -----------------------------------------------------------------------------------

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
