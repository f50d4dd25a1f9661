// The browser server, run in a web worker by the VS Code web client. It has no file system: it reads
// the `syncml.customCodes` files by asking the client (`syncml/readFile`), and leaves watching them to
// the client's file watcher (`workspace/didChangeWatchedFiles`).
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/browser';
import { READ_FILE_REQUEST, type ReadFileErrorData, type ReadFileParams, type ReadFileResult } from '../lsp/protocol';
import { formatError } from '../lsp/runner';
import { startServer } from '../lsp/server';

declare const self: DedicatedWorkerGlobalScope;

/** A FileReader that asks the client; its errors are the reason alone (the server names the file). */
function clientFileReader(connection: Connection): (uri: string) => Promise<string> {
  return async (uri) => {
    let result: ReadFileResult | null;
    try {
      const params: ReadFileParams = { uri };
      result = await connection.sendRequest<ReadFileResult | null>(READ_FILE_REQUEST, params);
    } catch (err) {
      if (err instanceof ResponseError) {
        if (err.code === ErrorCodes.MethodNotFound) {
          throw new Error(`the client does not answer ${READ_FILE_REQUEST}, through which this browser server reads files`);
        }
        const data = err.data as Partial<ReadFileErrorData> | undefined;
        if (data && typeof data.reason === 'string' && data.reason !== '') throw new Error(data.reason);
      }
      throw err;
    }
    if (!result || typeof result.text !== 'string') throw new Error(`the client answered ${READ_FILE_REQUEST} without a text`);
    return result.text;
  };
}

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
self.addEventListener('unhandledrejection', (e) => connection.console.error(formatError('Unhandled rejection', e.reason)));
startServer(connection, { name: 'syncml-language-server', platform: 'browser', readFile: clientFileReader(connection) });
