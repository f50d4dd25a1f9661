// Document handling over stdio: which documents are served, diagnostics per version, debounce,
// stale results, close. These assert the protocol, not what the diagnostics say.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { serverForSuite } from '../support/lspSuite';
import { LspClient, docUri } from '../support/lspClient';
import { DDF, MESSAGE, OTHER_XML } from '../support/lspSamples';
import { positionOf } from '../support/lspText';

const DELAY = 60;

describe('documents', () => {
  const server = serverForSuite(DELAY);
  let c: LspClient;
  beforeEach(() => {
    c = server();
  });

  it('publishes diagnostics for each version, tagged with that version', async () => {
    const uri = docUri('versions.syncml');
    c.open(uri, 'syncml', MESSAGE, 1);
    const first = await c.waitForDiagnostics(uri);
    assert.equal(first.version, 1);
    assert.ok(Array.isArray(first.diagnostics));
    c.change(uri, 2, [{ text: MESSAGE.replace('MsgID>2', 'MsgID>3') }]);
    const second = await c.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.ok(Array.isArray(second.diagnostics));
    c.close(uri);
  });

  it('debounces: a burst of changes gets one publication, for the last version only', async () => {
    const uri = docUri('burst.syncml');
    c.open(uri, 'syncml', MESSAGE, 1);
    for (let v = 2; v <= 6; v++) {
      const at = positionOf(MESSAGE, '</SessionID>');
      c.change(uri, v, [{ range: { start: at, end: at }, text: String(v) }]);
    }
    const published = await c.waitForDiagnostics(uri);
    assert.equal(published.version, 6, 'the first publication is for the final version');
    await LspClient.sleep(DELAY * 4);
    const versions = c.diagnosticsHistory(uri).map((p) => p.version);
    assert.deepEqual(versions, [6], 'nothing was published for a superseded version');
    c.close(uri);
  });

  it('never publishes a result for a version that changed while it was pending', async () => {
    const uri = docUri('stale.syncml');
    c.open(uri, 'syncml', MESSAGE, 1);
    // Change just before the first timer would fire.
    await LspClient.sleep(DELAY - 20);
    c.change(uri, 2, [{ text: MESSAGE + '\n' }]);
    await c.waitForDiagnostics(uri, (p) => p.version === 2);
    await LspClient.sleep(DELAY * 3);
    for (const p of c.diagnosticsHistory(uri)) {
      assert.ok(p.version === 1 || p.version === 2);
    }
    // Whatever went out for version 1 went out before version 2's, never after.
    const versions = c.diagnosticsHistory(uri).map((p) => p.version);
    assert.equal(versions[versions.length - 1], 2);
    c.close(uri);
  });

  it('clears diagnostics when a document is closed', async () => {
    const uri = docUri('close.syncml');
    c.open(uri, 'syncml', MESSAGE, 1);
    await c.waitForDiagnostics(uri);
    const n = c.diagnosticsHistory(uri).length;
    c.close(uri);
    const cleared = await c.waitForDiagnostics(uri, () => true, { after: n });
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('serves an xml document whose root element is SyncML', async () => {
    const uri = docUri('message.xml');
    c.open(uri, 'xml', MESSAGE, 1);
    const published = await c.waitForDiagnostics(uri);
    assert.equal(published.version, 1);
    c.close(uri);
  });

  it('serves an xml document whose root element is MgmtTree', async () => {
    const uri = docUri('tree.xml');
    c.open(uri, 'xml', DDF, 1);
    const published = await c.waitForDiagnostics(uri);
    assert.equal(published.version, 1);
    c.close(uri);
  });

  it('serves an xml profile of bare commands (Fleet, Intune), decided from its text', async () => {
    const uri = docUri('profile.xml');
    const profile = '<!-- Camera -->\n<Replace>\n  <CmdID>1</CmdID>\n  <Item><Target><LocURI>./Vendor/MSFT/Policy/Config/Camera/AllowCamera</LocURI></Target><Meta><Format xmlns="syncml:metinf">int</Format></Meta><Data>0</Data>\n</Replace>\n';
    c.open(uri, 'xml', profile, 1);
    const published = await c.waitForDiagnostics(uri);
    assert.equal(published.version, 1);
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['xml-syntax'], 'the unclosed <Item> is reported');
    c.close(uri);
  });

  it('leaves an xml document with another root alone: no diagnostics, empty answers', async () => {
    const uri = docUri('project.xml');
    c.open(uri, 'xml', OTHER_XML, 1);
    const position = positionOf(OTHER_XML, '1200', 2);
    const range = { start: { line: 0, character: 0 }, end: { line: 7, character: 0 } };
    assert.equal(await c.request('textDocument/hover', { textDocument: { uri }, position }), null);
    assert.equal(await c.request('textDocument/completion', { textDocument: { uri }, position }), null);
    assert.deepEqual(await c.request('textDocument/inlayHint', { textDocument: { uri }, range }), []);
    assert.deepEqual(await c.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
    assert.deepEqual(await c.request('textDocument/foldingRange', { textDocument: { uri } }), []);
    assert.deepEqual(await c.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } }), []);
    await LspClient.sleep(DELAY * 4);
    assert.deepEqual(c.diagnosticsHistory(uri), [], 'no publishDiagnostics for a non-SyncML xml document');
    c.close(uri);
    await LspClient.sleep(DELAY);
    assert.deepEqual(c.diagnosticsHistory(uri), [], 'nor on close');
  });

  it('re-decides on change: an xml document that becomes SyncML is served from then on', async () => {
    const uri = docUri('becomes.xml');
    c.open(uri, 'xml', OTHER_XML, 1);
    await LspClient.sleep(DELAY * 3);
    assert.deepEqual(c.diagnosticsHistory(uri), []);
    c.change(uri, 2, [{ text: MESSAGE }]);
    const published = await c.waitForDiagnostics(uri);
    assert.equal(published.version, 2);
    c.close(uri);
  });

  it('serves a fragment opened as syncml (no SyncML root)', async () => {
    const uri = docUri('fragment.syncml');
    const fragment = '<Replace>\n  <CmdID>4</CmdID>\n  <Item><Target><LocURI>./Vendor/MSFT/Policy/Config/Camera/AllowCamera</LocURI></Target><Data>0</Data></Item>\n</Replace>\n';
    c.open(uri, 'syncml', fragment, 1);
    const published = await c.waitForDiagnostics(uri);
    assert.equal(published.version, 1);
    c.close(uri);
  });
});
