/**
 * The transport baseline for the LSP latency figures: an LSP peer over stdio that does no work.
 * It frames and parses messages like any server, answers every request with null (initialize with
 * the capabilities the bench needs), and publishes empty diagnostics for an opened document. What
 * a request costs against it is what this machine's pipes, process wake-ups and JSON cost alone.
 *
 *   node out/bench/nullServer.js
 */
let pending: Buffer = Buffer.alloc(0);

function send(message: object): void {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
  process.stdout.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
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

process.stdin.on('data', (chunk: Buffer) => {
  pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
  for (;;) {
    const headerEnd = pending.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const m = /Content-Length:\s*(\d+)/i.exec(pending.subarray(0, headerEnd).toString('ascii'));
    if (!m) {
      pending = pending.subarray(headerEnd + 4);
      continue;
    }
    const start = headerEnd + 4;
    const end = start + Number(m[1]);
    if (pending.length < end) return;
    const body = pending.subarray(start, end).toString('utf8');
    pending = pending.subarray(end);
    handle(JSON.parse(body));
  }
});
process.stdin.on('end', () => process.exit(0));
