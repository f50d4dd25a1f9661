/**
 * The transport baseline for the LSP latency figures: an LSP peer over stdio that does no work.
 * It frames and parses messages like any server, answers every request with null (initialize with
 * the capabilities the bench needs), and publishes empty diagnostics for an opened document. What
 * a request costs against it is what this machine's pipes, process wake-ups and JSON cost alone.
 *
 *   node out/bench/nullServer.js
 */
import { frame, FrameReader } from './lspFraming';

function send(message: object): void {
  process.stdout.write(frame({ jsonrpc: '2.0', ...message }));
}

function handle(msg: { id?: number | string; method?: string; params?: any }): void {
  if (msg.method === 'exit') process.exit(0);
  if (msg.method === 'textDocument/didOpen') {
    send({ method: 'textDocument/publishDiagnostics', params: { uri: msg.params?.textDocument?.uri, diagnostics: [] } });
    return;
  }
  if (msg.id === undefined || msg.method === undefined) return;
  const result = msg.method === 'initialize' ? { capabilities: { textDocumentSync: 2, hoverProvider: true, completionProvider: {} } } : null;
  send({ id: msg.id, result });
}

const reader = new FrameReader((body) => handle(JSON.parse(body)));
process.stdin.on('data', (chunk: Buffer) => reader.push(chunk));
process.stdin.on('end', () => process.exit(0));
