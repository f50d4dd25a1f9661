/**
 * What the editor shows for a WBXML capture, decided without the editor API (so that a unit test
 * can hold it): the decoded XML text, its language, and the one message to show beside it.
 */
import { decodeBytes } from '../../server/src/model/encoding';

/** The scheme of the read-only decoded documents; the server serves it like any other. */
export const WBXML_SCHEME = 'syncml-wbxml';

export type WbxmlView =
  | {
      ok: true;
      text: string;
      languageId: 'syncml' | 'dmtree';
      /** A capture that broke off: shown as a warning, beside the part that decoded. */
      warning?: string;
    }
  | { ok: false; message: string };

/** The decoded view of a file's bytes; `name` is the file's name for messages. */
export function wbxmlView(bytes: Uint8Array, name: string): WbxmlView {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { ok: false, message: `${name}: ${decoded.reason.replace(/^binary file/, 'not a WBXML capture')}` };
  if (!decoded.wbxml) return { ok: false, message: `${name} is not WBXML (it reads as ${decoded.encoding} text): open it as it is.` };
  const problem = decoded.wbxml.problem;
  return {
    ok: true,
    text: decoded.text,
    languageId: /^(?:<\?[^>]*\?>|<!--[\s\S]*?-->|\s)*<MgmtTree[\s>/]/.test(decoded.text) ? 'dmtree' : 'syncml',
    warning: problem
      ? `${name}: WBXML decoding stopped at byte offset ${problem.offset}: ${problem.message}. The part before it is shown.`
      : undefined,
  };
}

/**
 * The decoded document's URI for a file's URI: the file's path with `.xml` added (the tab's title),
 * the file's own URI in the query (where the content provider reads from).
 */
export function decodedUriParts(source: { path: string; toString(): string }): { scheme: string; path: string; query: string } {
  return { scheme: WBXML_SCHEME, path: `${source.path}.xml`, query: source.toString() };
}
