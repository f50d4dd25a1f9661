// The browser build of the server (dist/server-browser.js, run by VS Code for the Web in a web
// worker), loaded here in a Node worker thread whose `self` posts and receives messages like a
// dedicated worker's. Checks that it starts, serves a document, and reads `syncml.customCodes`
// through the client (`syncml/readFile`), relative to a workspace folder that is not a file: URI (as
// in VS Code for the Web), with the client's file watcher; and lists a folder of `syncml.ddfFiles`
// through the client (`syncml/listFiles`).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { ROOT, docUri } from '../support/lspClient';
import { FUMO_ALERT, MESSAGE } from '../support/lspSamples';
import { hoverText, positionOf } from '../support/lspText';
import { BROKEN_DDF, contosoDdf } from '../support/userDdf';

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

const FOLDER = 'vscode-test-web://mount/';
const ACME = `${FOLDER}acme.syncml-codes.json`;
const MISSING = `${FOLDER}missing.syncml-codes.json`;
const codesFile = (name: string) => JSON.stringify({ codes: [{ family: 'fumo-result', code: 251, name, description: 'ACME devices.' }] });

describe('browser server (web worker build)', () => {
  let worker: Worker;
  let nextId = 1;
  const pending = new Map<number, (m: any) => void>();
  const notifications: { method: string; params: any }[] = [];
  const serverRequests: { method: string; params: any }[] = [];
  /** What the test client's file system holds, by URI (a `syncml/readFile` of anything else fails). */
  const files = new Map<string, string>([[ACME, '\uFEFF' + codesFile('Deferred by the user')]]);
  /** URIs for which the client answers as if it did not know `syncml/readFile`. */
  const unanswered = new Set<string>();
  let settings: Record<string, unknown> = { customCodes: ['acme.syncml-codes.json'] };
  /** The client's folders, by URI, with what `syncml/listFiles` answers for each. */
  const folders = new Map<string, { files: string[]; folders: string[] }>();

  function answer(m: { id: number; method: string; params: any }): void {
    const reply = (body: Record<string, unknown>) => worker.postMessage({ jsonrpc: '2.0', id: m.id, ...body });
    if (m.method === 'workspace/configuration') return reply({ result: m.params.items.map(() => settings) });
    if (m.method === 'syncml/listFiles') return reply({ result: folders.get(m.params.uri) ?? null });
    if (m.method === 'syncml/readFile') {
      const { uri } = m.params;
      if (unanswered.has(uri)) return reply({ error: { code: -32601, message: `Unhandled method ${m.method}` } });
      const text = files.get(uri);
      if (text !== undefined) return reply({ result: { text } });
      return reply({ error: { code: -32803, message: `Cannot read ${uri}: no such file`, data: { uri, reason: 'no such file' } } });
    }
    reply({ result: null });
  }

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
  const messages = (method: string) => notifications.filter((n) => n.method === method).map((n) => n.params);
  const logCount = () => messages('window/logMessage').filter((p) => /custom code entr/.test(p.message)).length;
  async function changeSettings(next: Record<string, unknown>): Promise<void> {
    const before = logCount();
    settings = next;
    notify('workspace/didChangeConfiguration', { settings: null });
    await waitFor('custom codes reloaded', () => (logCount() > before ? true : undefined));
  }
  async function fumo251(): Promise<{ name: string; customFile?: string } | undefined> {
    const e = await request('syncml/explain', { input: '251', family: 'fumo-result' });
    return e.meanings.find((m: { customFile?: string }) => m.customFile);
  }

  before(async () => {
    worker = new Worker(SHIM, { eval: true, workerData: { bundle: BUNDLE } });
    worker.on('message', (m: any) => {
      if (m.id !== undefined && m.method === undefined) pending.get(m.id)?.(m);
      else if (m.id !== undefined) {
        serverRequests.push(m);
        answer(m);
      } else notifications.push(m);
    });
    const init = await request('initialize', {
      processId: null,
      rootUri: FOLDER,
      workspaceFolders: [{ uri: FOLDER, name: 'Test Files' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: {}, didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } },
      },
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

  it('reads a relative syncml.customCodes entry through the client (syncml/readFile), against the folder URI', async () => {
    await waitFor('custom codes loaded', () => (logCount() > 0 ? true : undefined));
    const asked = serverRequests.filter((r) => r.method === 'syncml/readFile').map((r) => r.params);
    assert.deepEqual(asked, [{ uri: ACME }]);
    const meaning = await fumo251();
    assert.equal(meaning?.name, 'Deferred by the user');
    assert.equal(meaning?.customFile, ACME);
    const fumo = FUMO_ALERT.replace('<Data>404</Data>', '<Data>251</Data>');
    const uri = `${FOLDER}fumo.syncml`;
    notify('textDocument/didOpen', { textDocument: { uri, languageId: 'syncml', version: 1, text: fumo } });
    const hover = await request('textDocument/hover', { textDocument: { uri }, position: positionOf(fumo, '<Data>251', 7) });
    assert.match(hoverText(hover), /Deferred by the user/);
    assert.ok(!messages('window/showMessage').length, JSON.stringify(messages('window/showMessage')));
    assert.ok(!messages('window/logMessage').some((p) => /Node/.test(p.message) && /customCodes/.test(p.message)));
  });

  it('registers a watcher relative to the folder URI and reloads when the client reports a change', async () => {
    const registration = await waitFor('watcher registration', () =>
      serverRequests
        .flatMap((r) => (r.method === 'client/registerCapability' ? r.params.registrations : []))
        .find((r: { method: string }) => r.method === 'workspace/didChangeWatchedFiles'),
    );
    // The root of the authority keeps its slash: VS Code matches nothing under a base with an empty path.
    assert.deepEqual(registration.registerOptions.watchers, [{ globPattern: { baseUri: FOLDER, pattern: 'acme.syncml-codes.json' }, kind: 7 }]);
    files.set(ACME, codesFile('Deferred twice'));
    const before = logCount();
    notify('workspace/didChangeWatchedFiles', { changes: [{ uri: ACME, type: 2 }] });
    await waitFor('reloaded codes', () => (logCount() > before ? true : undefined));
    assert.equal((await fumo251())?.name, 'Deferred twice');
  });

  it('an unreadable file gives a warning naming it and the reason; the others still load', async () => {
    await changeSettings({ customCodes: ['${workspaceFolder}/missing.syncml-codes.json', 'acme.syncml-codes.json'] });
    const shown = await waitFor('a warning', () => messages('window/showMessage').find((p) => p.message.includes(MISSING)));
    assert.equal(shown.type, 2);
    assert.match(shown.message, /cannot be read: no such file/);
    assert.equal((await fumo251())?.customFile, ACME);
    assert.deepEqual(
      serverRequests.filter((r) => r.method === 'syncml/readFile').map((r) => r.params.uri).slice(-2).sort(),
      [ACME, MISSING],
    );
  });

  it('a client that does not answer syncml/readFile gets a warning that says so', async () => {
    unanswered.add(ACME);
    await changeSettings({ customCodes: ['acme.syncml-codes.json'] });
    const shown = await waitFor('a warning', () =>
      messages('window/showMessage').find((p) => p.message.includes(ACME) && /does not answer syncml\/readFile/.test(p.message)),
    );
    assert.equal(shown.type, 2);
    assert.equal(await fumo251(), undefined);
    const e = await request('syncml/explain', { input: '404' });
    assert.equal(e.number, 404);
    unanswered.clear();
    settings = {};
  });

  it('lists a syncml.ddfFiles folder through the client (syncml/listFiles); a broken DDF is one warning with its place', async () => {
    const ddf = `${FOLDER}ddf`;
    const [broken, contoso] = [`${ddf}/broken.xml`, `${ddf}/contoso.xml`];
    files.set(broken, BROKEN_DDF);
    files.set(contoso, contosoDdf('Mode'));
    folders.set(ddf, { files: [broken, contoso], folders: [] });
    const ddfLog = (pattern: RegExp) =>
      messages('window/logMessage').find((p) => p.message.startsWith('syncml.ddfFiles: ') && pattern.test(p.message));
    settings = { ddfFiles: ['ddf'] };
    notify('workspace/didChangeConfiguration', { settings: null });
    await waitFor('DDF files loaded', () => ddfLog(/2 DM tree nodes from 1 of 2 file\(s\): vscode-test-web:\/\/mount\/ddf\/contoso\.xml$/));
    assert.deepEqual(
      serverRequests.filter((r) => r.method === 'syncml/listFiles').map((r) => r.params),
      [{ uri: ddf, extensions: ['.xml', '.ddf'] }],
    );
    const shown = messages('window/showMessage').filter((p) => p.message.includes(broken));
    assert.equal(shown.length, 1);
    assert.match(shown[0].message, /^SyncML DDF file vscode-test-web:\/\/mount\/ddf\/broken\.xml: line 7, column 3: not well-formed XML/);
    const watchers = serverRequests
      .flatMap((r) => (r.method === 'client/registerCapability' ? r.params.registrations : []))
      .filter((r: { method: string }) => r.method === 'workspace/didChangeWatchedFiles')
      .map((r: { registerOptions: { watchers: unknown[] } }) => r.registerOptions.watchers);
    assert.deepEqual(watchers[watchers.length - 1], [{ globPattern: { baseUri: ddf, pattern: '**/*.{xml,ddf}' }, kind: 7 }]);

    // A file added to the folder, reported by the client's watcher, is listed and loaded.
    const added = `${ddf}/sub/fabrikam.ddf`;
    files.set(added, contosoDdf('Level'));
    folders.set(ddf, { files: [broken, contoso, added], folders: [`${ddf}/sub`] });
    notify('workspace/didChangeWatchedFiles', { changes: [{ uri: added, type: 1 }] });
    await waitFor('added file loaded', () => ddfLog(/4 DM tree nodes from 2 of 3 file\(s\)/));
    settings = {};
  });
});
