// Settings (pulled through workspace/configuration), custom-codes and DDF files, over stdio.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspClient, docUri, type Diagnostic } from '../support/lspClient';
import { FUMO_ALERT, MESSAGE } from '../support/lspSamples';
import { hoverText, positionOf, rangeOf } from '../support/lspText';
import { BROKEN_DDF, contosoDdf } from '../support/userDdf';

const DELAY = 20;
const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'syncml-lsp-'));
  dirs.push(d);
  return d;
}
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

let client: LspClient | undefined;
afterEach(async () => {
  if (client) {
    const exit = await client.shutdown();
    assert.deepEqual(exit, { code: 0, signal: null }, client.stderr);
    client = undefined;
  }
});

async function startWith(settings: Record<string, unknown>, workspace?: string): Promise<LspClient> {
  client = LspClient.start();
  client.settings = settings;
  await client.initialize({
    initializationOptions: { diagnosticsDelay: DELAY },
    workspaceFolders: workspace ? [{ uri: pathToFileURL(workspace).href, name: 'ws' }] : null,
  });
  return client;
}

function changeSettings(c: LspClient, settings: Record<string, unknown>): void {
  c.settings = settings;
  c.notify('workspace/didChangeConfiguration', { settings: null });
}

const warnings = (c: LspClient, method: 'window/logMessage' | 'window/showMessage') =>
  c.notificationsOf(method).filter((n) => n.params.type === 2).map((n) => String(n.params.message));

const wrongFamily = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'wrong-code-family');

/** A FUMO alert carrying a vendor-range code (451: FUMO 450-499 "Client Error – Vendor Specified"). */
const FUMO_451 = FUMO_ALERT.replace('<Data>404</Data>', '<Data>451</Data>');

describe('settings', () => {
  it('wrong-typed and unknown values fall back to the defaults with a warning naming the setting', async () => {
    const c = await startWith({
      diagnostics: { enable: 'yes', severity: { 'wrong-code-family': 'fatal', 'no-such-code': 'off' } },
      inlayHints: { enable: 1 },
      largeFileThreshold: 'big',
      customCodes: 'not-an-array.json',
      colour: 'blue',
    });
    const logged = await c.waitFor('warnings', () => {
      const w = warnings(c, 'window/logMessage');
      return w.some((m) => m.includes('syncml.colour')) ? w : undefined;
    });
    for (const key of [
      'syncml.diagnostics.enable',
      'syncml.diagnostics.severity.wrong-code-family',
      '"no-such-code"',
      'syncml.inlayHints.enable',
      'syncml.largeFileThreshold',
      'syncml.customCodes',
      'syncml.colour',
    ]) {
      assert.ok(logged.some((m) => m.includes(key)), `a warning names ${key}: ${logged.join(' | ')}`);
    }
    // Still serving, with the defaults for the bad keys (diagnostics enabled).
    const uri = docUri('bad-settings.syncml');
    c.open(uri, 'syncml', MESSAGE);
    const published = await c.waitForDiagnostics(uri);
    assert.equal(published.version, 1);
    assert.ok(c.alive);
  });

  it('accepts flat dotted keys as some clients send them', async () => {
    const c = await startWith({ 'diagnostics.enable': false });
    const uri = docUri('flat.syncml');
    c.open(uri, 'syncml', MESSAGE);
    const published = await c.waitForDiagnostics(uri);
    assert.deepEqual(published.diagnostics, []);
    assert.deepEqual(warnings(c, 'window/logMessage').filter((m) => m.includes('diagnostics')), []);
  });

  it('disabling diagnostics clears them; enabling brings them back', async () => {
    const c = await startWith({});
    const uri = docUri('toggle.syncml');
    c.open(uri, 'syncml', MESSAGE);
    const first = await c.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.equal(wrongFamily(first.diagnostics).length, 1);
    let n = c.diagnosticsHistory(uri).length;
    changeSettings(c, { diagnostics: { enable: false } });
    const cleared = await c.waitForDiagnostics(uri, () => true, { after: n });
    assert.deepEqual(cleared.diagnostics, []);
    n = c.diagnosticsHistory(uri).length;
    changeSettings(c, { diagnostics: { enable: true } });
    const back = await c.waitForDiagnostics(uri, () => true, { after: n });
    assert.equal(wrongFamily(back.diagnostics).length, 1);
  });

  it('a severity set to off drops that diagnostic; another level replaces its severity', async () => {
    const c = await startWith({ diagnostics: { severity: { 'wrong-code-family': 'error' } } });
    const uri = docUri('severity.syncml');
    c.open(uri, 'syncml', MESSAGE);
    const first = await c.waitForDiagnostics(uri);
    const wrong = wrongFamily(first.diagnostics);
    assert.equal(wrong.length, 1, JSON.stringify(first.diagnostics));
    assert.equal(wrong[0].severity, 1);
    const n = c.diagnosticsHistory(uri).length;
    changeSettings(c, { diagnostics: { severity: { 'wrong-code-family': 'off' } } });
    const after = await c.waitForDiagnostics(uri, () => true, { after: n });
    assert.deepEqual(wrongFamily(after.diagnostics), []);
  });

  it('inlay hints can be turned off', async () => {
    const c = await startWith({});
    const uri = docUri('hints.syncml');
    c.open(uri, 'syncml', MESSAGE);
    const range = { start: { line: 0, character: 0 }, end: positionOf(MESSAGE, '</SyncML>') };
    const on = await c.request('textDocument/inlayHint', { textDocument: { uri }, range });
    assert.ok(on.length > 0);
    changeSettings(c, { inlayHints: { enable: false } });
    await c.waitFor('inlay hint refresh', () => c.serverRequests.find((r) => r.method === 'workspace/inlayHint/refresh'));
    const off = await c.request('textDocument/inlayHint', { textDocument: { uri }, range });
    assert.deepEqual(off, []);
  });
});

describe('custom codes', () => {
  it('a valid file makes its codes known (relative path, resolved against the workspace folder)', async () => {
    const ws = tempDir();
    writeFileSync(
      join(ws, 'acme.syncml-codes.json'),
      JSON.stringify({ codes: [{ family: 'fumo-result', code: 451, name: 'Acme battery too low', description: 'Charge first.' }] }),
    );
    const c = await startWith({ customCodes: ['acme.syncml-codes.json'] }, ws);
    const uri = docUri('custom.syncml');
    c.open(uri, 'syncml', FUMO_451);
    await c.waitForDiagnostics(uri);
    const hover = await c.request('textDocument/hover', { textDocument: { uri }, position: positionOf(FUMO_451, '<Data>451', 7) });
    assert.match(hoverText(hover), /Acme battery too low/);
    const e = await c.request('syncml/explain', { input: '451', family: 'fumo-result' });
    assert.ok(e.meanings.some((m: { name: string }) => m.name === 'Acme battery too low'), JSON.stringify(e));
    assert.deepEqual(warnings(c, 'window/showMessage'), []);
  });

  it('an invalid JSON file gives a warning naming the file, and the server keeps answering', async () => {
    const ws = tempDir();
    const file = join(ws, 'broken.json');
    writeFileSync(file, '{ "codes": [ { "family": "fumo-result", ');
    const c = await startWith({ customCodes: [file] }, ws);
    const shown = await c.waitFor('a warning message', () => {
      const w = warnings(c, 'window/showMessage');
      return w.length ? w : undefined;
    });
    assert.equal(shown.length, 1);
    assert.ok(shown[0].includes(file), shown[0]);
    assert.ok(warnings(c, 'window/logMessage').some((m) => m.includes(file)));
    // The built-in codes still work.
    const e = await c.request('syncml/explain', { input: '404' });
    assert.equal(e.input, '404');
    const uri = docUri('after-broken.syncml');
    c.open(uri, 'syncml', MESSAGE);
    const published = await c.waitForDiagnostics(uri);
    assert.equal(published.version, 1);
  });

  it('a missing file gives a warning naming the file', async () => {
    const ws = tempDir();
    const c = await startWith({ customCodes: ['does-not-exist.json'] }, ws);
    const shown = await c.waitFor('a warning message', () => {
      const w = warnings(c, 'window/showMessage');
      return w.length ? w : undefined;
    });
    assert.ok(shown[0].includes(join(ws, 'does-not-exist.json')), shown[0]);
    assert.match(shown[0], /cannot be read/);
    assert.ok(c.alive);
  });

  it('watches the files: the server registers watchers and reloads when told a file changed', async () => {
    const ws = tempDir();
    const file = join(ws, 'codes.json');
    writeFileSync(file, JSON.stringify({ codes: [] }));
    const c = await startWith({ customCodes: [file] }, ws);
    const registration = await c.waitFor('watcher registration', () =>
      c.serverRequests
        .flatMap((r) => (r.method === 'client/registerCapability' ? r.params.registrations : []))
        .find((r: { method: string }) => r.method === 'workspace/didChangeWatchedFiles'),
    );
    const watcher = registration.registerOptions.watchers[0];
    assert.equal(watcher.globPattern.baseUri, pathToFileURL(ws).href);
    assert.equal(watcher.globPattern.pattern, 'codes.json');

    const before = await c.request('syncml/explain', { input: '451', family: 'fumo-result' });
    assert.ok(!before.meanings.some((m: { name: string }) => m.name === 'Acme reload'));
    writeFileSync(file, JSON.stringify({ codes: [{ family: 'fumo-result', code: 451, name: 'Acme reload' }] }));
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 2 }] });
    await c.waitFor('reloaded codes', () =>
      c.notificationsOf('window/logMessage').find((n) => /custom code entr/.test(n.params.message) && /\b1 custom code entry/.test(n.params.message)),
    );
    const e = await c.request('syncml/explain', { input: '451', family: 'fumo-result' });
    assert.ok(e.meanings.some((m: { name: string }) => m.name === 'Acme reload'), JSON.stringify(e));
  });

  it('watches the files itself when the client cannot (no dynamic registration, as Neovim 0.7)', async () => {
    const ws = tempDir();
    const file = join(ws, 'polled.json');
    writeFileSync(file, JSON.stringify({ codes: [] }));
    client = LspClient.start();
    client.settings = { customCodes: [file] };
    await client.initialize({
      initializationOptions: { diagnosticsDelay: DELAY },
      capabilities: { workspace: { configuration: true } },
    });
    const c = client;
    await c.waitFor('first load', () => c.notificationsOf('window/logMessage').find((n) => /0 custom code entries/.test(n.params.message)));
    assert.ok(!c.serverRequests.some((r) => r.method === 'client/registerCapability'));
    // Let the first poll record the file, then change its size and time.
    await LspClient.sleep(1200);
    writeFileSync(file, JSON.stringify({ codes: [{ family: 'fumo-result', code: 452, name: 'Acme polled' }] }));
    await c.waitFor(
      'reloaded codes',
      () => c.notificationsOf('window/logMessage').find((n) => /\b1 custom code entry/.test(n.params.message)),
      8000,
    );
    const e = await c.request('syncml/explain', { input: '452', family: 'fumo-result' });
    assert.ok(e.meanings.some((m: { name: string }) => m.name === 'Acme polled'), JSON.stringify(e));
  });

  it('keeps diagnostics exact after a reload (the new catalog applies to open documents)', async () => {
    const ws = tempDir();
    const c = await startWith({}, ws);
    const uri = docUri('reload-diags.syncml');
    c.open(uri, 'syncml', MESSAGE);
    const first = await c.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(wrongFamily(first.diagnostics)[0].range, rangeOf(MESSAGE, '1200'));
    writeFileSync(join(ws, 'c.json'), JSON.stringify({ codes: [] }));
    const n = c.diagnosticsHistory(uri).length;
    changeSettings(c, { customCodes: ['c.json'] });
    const again = await c.waitForDiagnostics(uri, () => true, { after: n });
    assert.deepEqual(wrongFamily(again.diagnostics)[0].range, rangeOf(MESSAGE, '1200'));
  });
});

describe('DDF files', () => {
  const ddfLog = (c: LspClient, pattern: RegExp) =>
    c.notificationsOf('window/logMessage').find((n) => n.params.message.startsWith('syncml.ddfFiles: ') && pattern.test(n.params.message));

  it('a folder is read; a broken file is one warning with its line and column; fixing it and adding a file reload', async () => {
    const ws = tempDir();
    const folder = join(ws, 'ddf');
    mkdirSync(join(folder, 'more'), { recursive: true });
    const broken = join(folder, 'broken.xml');
    writeFileSync(broken, BROKEN_DDF);
    writeFileSync(join(folder, 'contoso.xml'), contosoDdf('Mode'));
    const c = await startWith({ ddfFiles: ['ddf'] }, ws);
    await c.waitFor('first load', () => ddfLog(c, /2 DM tree nodes from 1 of 2 file\(s\)/));
    const shown = warnings(c, 'window/showMessage');
    assert.equal(shown.length, 1, shown.join('\n'));
    assert.ok(shown[0].startsWith(`SyncML DDF file ${broken}: line 7, column 3: not well-formed XML`), shown[0]);
    assert.ok(shown[0].endsWith('The other DDF files and the bundled Windows CSP index are still used.'), shown[0]);

    // The folder is watched by a pattern under it, so a file added there counts.
    const registration = await c.waitFor('watcher registration', () =>
      c.serverRequests
        .flatMap((r) => (r.method === 'client/registerCapability' ? r.params.registrations : []))
        .find((r: { method: string }) => r.method === 'workspace/didChangeWatchedFiles'),
    );
    assert.deepEqual(registration.registerOptions.watchers, [
      { globPattern: { baseUri: pathToFileURL(folder).href, pattern: '**/*.{xml,ddf}' }, kind: 7 },
    ]);

    writeFileSync(broken, contosoDdf('Level'));
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(broken).href, type: 2 }] });
    await c.waitFor('fixed file reloaded', () => ddfLog(c, /4 DM tree nodes from 2 of 2 file\(s\)/));
    const added = join(folder, 'more', 'fabrikam.ddf');
    writeFileSync(added, contosoDdf('Speed'));
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(added).href, type: 1 }] });
    await c.waitFor('added file loaded', () => ddfLog(c, /6 DM tree nodes from 3 of 3 file\(s\)/));
    assert.equal(warnings(c, 'window/showMessage').length, 1, 'no new warning');
    // Still serving, with the catalog intact.
    const e = await c.request('syncml/explain', { input: '404' });
    assert.equal(e.number, 404);
  });

  it('the Node server polls a folder itself when the client cannot watch: a file added below it is loaded', async () => {
    const ws = tempDir();
    const folder = join(ws, 'ddf');
    mkdirSync(folder);
    writeFileSync(join(folder, 'contoso.xml'), contosoDdf('Mode'));
    client = LspClient.start();
    client.settings = { ddfFiles: [folder] };
    await client.initialize({
      initializationOptions: { diagnosticsDelay: DELAY },
      capabilities: { workspace: { configuration: true } },
    });
    const c = client;
    await c.waitFor('first load', () => ddfLog(c, /2 DM tree nodes from 1 of 1 file\(s\)/));
    // Let the first poll record the folder, then add a file to it.
    await LspClient.sleep(1200);
    writeFileSync(join(folder, 'fabrikam.xml'), contosoDdf('Level'));
    await c.waitFor('reloaded', () => ddfLog(c, /4 DM tree nodes from 2 of 2 file\(s\)/), 8000);
  });
});
