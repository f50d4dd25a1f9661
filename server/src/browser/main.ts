// The browser server, run in a web worker by the VS Code web client. It has no file system: it reads
// the workspace data files (`syncml.customCodes`, `syncml.ddfFiles`) by asking the client
// (`syncml/readFile`, and `syncml/listFiles` for a folder of DDF files), and leaves watching them to
// the client's file watcher (`workspace/didChangeWatchedFiles`).
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/browser';
import type { FolderLister } from '../lsp/dataFiles';
import { ListFilesRequest, ReadFileRequest } from '../lsp/protocol';
import { formatError } from '../lsp/runner';
import { startServer } from '../lsp/server';
import type { FileReader } from '../lsp/workspacePaths';

/** A FileReader that asks the client; its errors are the reason alone (the server names the file). */
function clientFileReader(connection: Pick<Connection, 'sendRequest'>): FileReader {
  return async (uri) => {
    let result: unknown;
    try {
      result = await connection.sendRequest(ReadFileRequest.type, { uri });
    } catch (err) {
      if (err instanceof ResponseError) {
        if (err.code === ErrorCodes.MethodNotFound) {
          throw new Error(`the client does not answer ${ReadFileRequest.method}, through which this browser server reads files`);
        }
        const reason = ReadFileRequest.reasonOf(err.data);
        if (reason !== undefined) throw new Error(reason);
      }
      throw err;
    }
    const text = ReadFileRequest.textOf(result);
    if (text === undefined) throw new Error(`the client answered ${ReadFileRequest.method} without a text`);
    return text;
  };
}

/**
 * A FolderLister that asks the client. A client that does not answer `syncml/listFiles` (another
 * editor running this build) gets every entry read as a file, which says so for a folder.
 */
function clientFolderLister(connection: Pick<Connection, 'sendRequest'>): FolderLister {
  return async (uri, extensions) => {
    let result: unknown;
    try {
      result = await connection.sendRequest(ListFilesRequest.type, { uri, extensions: [...extensions] });
    } catch (err) {
      if (err instanceof ResponseError) {
        if (err.code === ErrorCodes.MethodNotFound) return undefined;
        const reason = ReadFileRequest.reasonOf(err.data);
        if (reason !== undefined) throw new Error(reason);
      }
      throw err;
    }
    return ListFilesRequest.listingOf(result);
  };
}

declare const self: DedicatedWorkerGlobalScope;

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
self.addEventListener('unhandledrejection', (e) => connection.console.error(formatError('Unhandled rejection', e.reason)));
startServer(connection, {
  name: 'syncml-language-server',
  platform: 'browser',
  readFile: clientFileReader(connection),
  listFolder: clientFolderLister(connection),
});
