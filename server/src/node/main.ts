// The Node server: `syncml-language-server --stdio` (or --node-ipc, --socket=N, --pipe=NAME).
import { createConnection } from 'vscode-languageserver/node';
import { formatError } from '../lsp/runner';
import { startServer } from '../lsp/server';
import { handleCommandLine, nodeServerOptions } from './host';

const code = handleCommandLine(process.argv.slice(2), (s) => process.stdout.write(s + '\n'), (s) => process.stderr.write(s + '\n'), process.stdin.isTTY === true);
if (code !== undefined) {
  process.exitCode = code;
} else {
  const connection = createConnection();
  process.on('uncaughtException', (err) => connection.console.error(formatError('Uncaught exception', err)));
  process.on('unhandledRejection', (err) => connection.console.error(formatError('Unhandled rejection', err)));
  startServer(connection, nodeServerOptions());
}
