// The browser build of the server (dist/server-browser.js, run by VS Code for the Web in a web
// worker), loaded here in a Node worker thread whose `self` posts and receives messages like a
// dedicated worker's. Checks that it starts, serves a document, and says custom codes need Node.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { ROOT, docUri } from '../support/lspClient';
import { MESSAGE } from '../support/lspSamples';
import { hoverText, positionOf } from '../support/lspText';

const BUNDLE = join(ROOT, 'dist', 'server-browser.js');

// A dedicated-worker `self` over worker_threads' parentPort.
const SHIM = `
const { parentPort, workerData } = require('node:worker_threads');
const listeners = [];
globalThis.self = {
  postMessage: (m) => parentPort.postMessage(m),
  addEventListener: (type, fn) => { if (type === 'message') listeners.push(fn); },
  removeEventListener: () => {},
  set onmessage(fn) { listeners.push(fn); },
};
parentPort.on('message', (data) => listeners.forEach((fn) => fn({ data })));
require(workerData.bundle);
`;

describe('browser server (web worker build)', () => {
  let worker: Worker;
  let nextId = 1;
  const pending = new Map<number, (m: any) => void>();
  const notifications: { method: string; params: any }[] = [];
  let settings: Record<string, unknown> = { customCodes: ['/some/where/codes.json'] };

  function request(method: string, params: unknown): Promise<any> {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timeout waiting for ${method}`)), 10000);
      pending.set(id, (m) => {
        clearTimeout(timer);
        if (m.error) reject(new Error(m.error.message));
        else resolve(m.result);
      });
      worker.postMessage({ jsonrpc: '2.0', id, method, params });
    });
  }
  const notify = (method: string, params: unknown) => worker.postMessage({ jsonrpc: '2.0', method, params });
  async function waitFor<T>(what: string, check: () => T | undefined): Promise<T> {
    for (let i = 0; i < 200; i++) {
      const v = check();
      if (v !== undefined) return v;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`timeout waiting for ${what}`);
  }

  before(async () => {
    worker = new Worker(SHIM, { eval: true, workerData: { bundle: BUNDLE } });
    worker.on('message', (m: any) => {
      if (m.id !== undefined && m.method === undefined) pending.get(m.id)?.(m);
      else if (m.id !== undefined) {
        const result = m.method === 'workspace/configuration' ? m.params.items.map(() => settings) : null;
        worker.postMessage({ jsonrpc: '2.0', id: m.id, result });
      } else notifications.push(m);
    });
    const init = await request('initialize', {
      processId: null,
      rootUri: null,
      capabilities: { workspace: { configuration: true } },
      initializationOptions: { diagnosticsDelay: 10 },
    });
    assert.equal(init.capabilities.hoverProvider, true);
    notify('initialized', {});
  });

  after(async () => {
    await request('shutdown', null);
    await worker.terminate();
  });

  it('serves a SyncML document: diagnostics and hover', async () => {
    const uri = docUri('browser.syncml');
    notify('textDocument/didOpen', { textDocument: { uri, languageId: 'syncml', version: 1, text: MESSAGE } });
    const published = await waitFor('diagnostics', () =>
      notifications.find((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri),
    );
    assert.ok(published.params.diagnostics.some((d: { code: string }) => d.code === 'wrong-code-family'));
    const hover = await request('textDocument/hover', { textDocument: { uri }, position: positionOf(MESSAGE, '<Data>404', 7) });
    assert.match(hoverText(hover), /not found/i);
  });

  it('logs that custom codes need the Node server, and keeps working', async () => {
    const log = await waitFor('log message', () =>
      notifications.find((n) => n.method === 'window/logMessage' && /customCodes/.test(n.params.message)),
    );
    assert.equal(log.params.type, 2);
    assert.match(log.params.message, /Node/);
    const e = await request('syncml/explain', { input: '404' });
    assert.equal(e.number, 404);
    settings = {};
  });
});
