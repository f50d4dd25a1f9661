// The browser server, run in a web worker by the VS Code web client. It cannot read files, so
// `syncml.customCodes` is reported as unsupported here (the server logs it).
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { formatError } from '../lsp/runner';
import { startServer } from '../lsp/server';

declare const self: DedicatedWorkerGlobalScope;

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
self.addEventListener('unhandledrejection', (e) => connection.console.error(formatError('Unhandled rejection', e.reason)));
startServer(connection, { name: 'syncml-language-server', platform: 'browser' });
