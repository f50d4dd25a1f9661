// The real server (dist/server-node.js --stdio) over stdio: life cycle, capabilities, robustness.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, describe, it } from 'node:test';
import { LspClient, ResponseErrorLike, SERVER, docUri } from '../support/lspClient';
import { MESSAGE } from '../support/lspSamples';
import { positionOf } from '../support/lspText';

const clients: LspClient[] = [];
function start(): LspClient {
  const c = LspClient.start();
  clients.push(c);
  return c;
}
after(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
});

describe('command line', () => {
  it('--version prints the version and exits 0 without waiting for stdin', () => {
    const r = spawnSync(process.execPath, [SERVER, '--version'], { encoding: 'utf8', timeout: 10000 });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^syncml-language-server \d+\.\d+\.\d+/);
  });

  it('--help describes the transports and exits 0', () => {
    const r = spawnSync(process.execPath, [SERVER, '--help'], { encoding: 'utf8', timeout: 10000 });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /--stdio/);
    assert.match(r.stdout, /--node-ipc/);
    assert.match(r.stdout, /--socket/);
  });
});

describe('life cycle', () => {
  it('initializes with the advertised capabilities and pulls the syncml settings', async () => {
    const c = start();
    const init = await c.initialize({ initializationOptions: { diagnosticsDelay: 20 } });
    const caps = init.capabilities;
    assert.equal(init.serverInfo.name, 'syncml-language-server');
    assert.match(String(init.serverInfo.version), /^\d+\.\d+\.\d+/);
    assert.equal(caps.textDocumentSync.change, 2, 'incremental sync');
    assert.equal(caps.textDocumentSync.openClose, true);
    assert.equal(caps.hoverProvider, true);
    assert.ok(caps.completionProvider.triggerCharacters.includes('>'));
    assert.ok(!caps.completionProvider.triggerCharacters.some((t: string) => /\d/.test(t)), 'digits are not triggers');
    assert.deepEqual(caps.codeActionProvider.codeActionKinds, ['quickfix']);
    assert.equal(caps.inlayHintProvider, true);
    assert.equal(caps.documentSymbolProvider, true);
    assert.equal(caps.foldingRangeProvider, true);

    const config = await c.waitFor('workspace/configuration', () => c.serverRequests.find((r) => r.method === 'workspace/configuration'));
    assert.deepEqual(
      config.params.items.map((i: { section: string }) => i.section),
      ['syncml'],
    );
    const registration = await c.waitFor('client/registerCapability', () =>
      c.serverRequests.find((r) => r.method === 'client/registerCapability'),
    );
    assert.ok(
      registration.params.registrations.some(
        (r: { method: string; registerOptions?: { section?: string } }) =>
          r.method === 'workspace/didChangeConfiguration' && r.registerOptions?.section === 'syncml',
      ),
    );
    const exit = await c.shutdown();
    assert.deepEqual(exit, { code: 0, signal: null });
  });

  it('assumes --stdio when started with no transport and a pipe on stdin', async () => {
    const c = LspClient.start({ transport: [] });
    clients.push(c);
    const init = await c.initialize();
    assert.equal(init.serverInfo.name, 'syncml-language-server');
    assert.deepEqual(await c.shutdown(), { code: 0, signal: null });
  });

  it('exits with code 1 on exit without shutdown (LSP rule)', async () => {
    const c = start();
    await c.initialize();
    c.notify('exit', null);
    const exit = await c.waitExit();
    assert.equal(exit.code, 1);
  });

  it('exits when the client closes its end of the pipe', async () => {
    const c = start();
    await c.initialize();
    c.child.stdin.end();
    const exit = await c.waitExit();
    assert.notEqual(exit.code, null);
  });

  it('works without workspace/configuration support (settings from initializationOptions)', async () => {
    const c = start();
    await c.initialize({
      capabilities: { textDocument: {} },
      initializationOptions: { diagnosticsDelay: 10, settings: { diagnostics: { enable: false } } },
    });
    const uri = docUri('noconfig.syncml');
    c.open(uri, 'syncml', MESSAGE);
    const published = await c.waitForDiagnostics(uri);
    assert.deepEqual(published.diagnostics, [], 'diagnostics disabled by initializationOptions.settings');
    assert.ok(!c.serverRequests.some((r) => r.method === 'workspace/configuration'));
    assert.deepEqual(await c.shutdown(), { code: 0, signal: null });
  });
});

describe('robustness', () => {
  it('answers requests about unknown documents with empty results', async () => {
    const c = start();
    await c.initialize();
    const textDocument = { uri: 'file:///nowhere/never-opened.syncml' };
    const position = { line: 0, character: 0 };
    const range = { start: position, end: position };
    assert.equal(await c.request('textDocument/hover', { textDocument, position }), null);
    assert.equal(await c.request('textDocument/completion', { textDocument, position }), null);
    assert.deepEqual(await c.request('textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }), []);
    assert.deepEqual(await c.request('textDocument/inlayHint', { textDocument, range }), []);
    assert.deepEqual(await c.request('textDocument/documentSymbol', { textDocument }), []);
    assert.deepEqual(await c.request('textDocument/foldingRange', { textDocument }), []);
    assert.deepEqual(await c.shutdown(), { code: 0, signal: null });
  });

  it('survives malformed parameters and unknown methods, logging instead of dying', async () => {
    const c = start();
    await c.initialize();
    const uri = docUri('robust.syncml');
    c.open(uri, 'syncml', MESSAGE);
    // Position missing, range upside down, nonsense types: each gets an answer, none kills the server.
    const answers = await Promise.allSettled([
      c.request('textDocument/hover', { textDocument: { uri } }),
      c.request('textDocument/hover', { textDocument: { uri }, position: { line: -5, character: 1e9 } }),
      c.request('textDocument/completion', { textDocument: { uri }, position: { line: 9999, character: 0 } }),
      c.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 40, character: 0 }, end: { line: 0, character: 0 } } }),
      c.request('textDocument/codeAction', { textDocument: { uri }, range: null, context: null }),
      c.request('textDocument/documentSymbol', { textDocument: null }),
      c.request('syncml/nonexistent', {}),
    ]);
    assert.equal(answers.length, 7);
    const unknown = answers[6];
    assert.equal(unknown.status, 'rejected');
    assert.equal(((unknown as PromiseRejectedResult).reason as ResponseErrorLike).code, -32601);
    // Still alive and answering.
    const hover = await c.request('textDocument/hover', { textDocument: { uri }, position: positionOf(MESSAGE, '<Data>404', 7) });
    assert.ok(hover === null || typeof hover === 'object');
    assert.ok(c.alive);
    assert.deepEqual(await c.shutdown(), { code: 0, signal: null });
  });

  it('survives a message whose body is not JSON', async () => {
    const c = start();
    await c.initialize();
    const bad = '{"jsonrpc":"2.0","id":99,"method":"textDocument/hover",';
    c.writeRaw(`Content-Length: ${Buffer.byteLength(bad)}\r\n\r\n${bad}`);
    const e = await c.request('syncml/explain', { input: '200' });
    assert.equal(e.input, '200');
    assert.deepEqual(await c.shutdown(), { code: 0, signal: null });
  });

  it('answers a cancelled request with RequestCancelled', async () => {
    const c = start();
    await c.initialize();
    const uri = docUri('cancel.syncml');
    c.open(uri, 'syncml', MESSAGE);
    await c.request('textDocument/documentSymbol', { textDocument: { uri } });
    // Request and cancellation in one write: the server sees the cancellation before it computes.
    const result = c.requestAndCancel('textDocument/hover', { textDocument: { uri }, position: positionOf(MESSAGE, '404', 1) });
    await assert.rejects(result, (e: ResponseErrorLike) => e.code === -32800);
    const symbols = c.requestAndCancel('textDocument/documentSymbol', { textDocument: { uri } });
    await assert.rejects(symbols, (e: ResponseErrorLike) => e.code === -32800);
    assert.ok(c.alive);
    assert.deepEqual(await c.shutdown(), { code: 0, signal: null });
  });

  it('syncml/explain reaches the language service and checks its parameters', async () => {
    const c = start();
    await c.initialize();
    const e = await c.request('syncml/explain', { input: '404' });
    assert.equal(e.input, '404');
    assert.ok(Array.isArray(e.meanings));
    const scoped = await c.request('syncml/explain', { input: '404', family: 'fumo-result' });
    assert.equal(scoped.input, '404');
    await assert.rejects(c.request('syncml/explain', { family: 'fumo-result' }), (err: ResponseErrorLike) => err.code === -32602);
    await assert.rejects(
      c.request('syncml/explain', { input: '404', family: 'no-such-family' }),
      (err: ResponseErrorLike) => err.code === -32602 && /no-such-family/.test(err.message) && /fumo-result/.test(err.message),
    );
    assert.deepEqual(await c.shutdown(), { code: 0, signal: null });
  });
});
