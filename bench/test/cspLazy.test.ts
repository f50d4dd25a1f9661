// The budget "the Windows CSP index loads only when a document needs it": starting the server and
// serving a document that addresses no tree node (a DS message, a DM message of Statuses) never
// decodes the bundled index; the first URI a feature resolves does. The bench times the load itself
// (bench/csp.ts); this checks when it happens. The tests run in order, in a process of their own
// (node --test), and share the module's state: the index, once decoded, stays, so the one test that
// loads it comes last.
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, describe, it } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { createConnection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS } from '../../server/src/api';
import { windowsCspLoaded } from '../../server/src/catalog/csp/windowsCsp';
import { asDocumentAnalysis } from '../../server/src/features/analysis';
import { createLanguageService } from '../../server/src/languageService';
import { startServer } from '../../server/src/lsp/server';
import { MESSAGE } from '../../test/support/lspSamples';

/** A DS client message: a Status for the server's Alert, and a Sync whose items carry the phone's record ids. */
const DS_MESSAGE = `<?xml version="1.0" encoding="UTF-8"?>
<SyncML xmlns="SYNCML:SYNCML1.2">
  <SyncHdr>
    <VerDTD>1.2</VerDTD>
    <VerProto>SyncML/1.2</VerProto>
    <SessionID>7</SessionID>
    <MsgID>2</MsgID>
    <Target><LocURI>http://sync.example.com/sync</LocURI></Target>
    <Source><LocURI>IMEI:493005100592800</LocURI></Source>
  </SyncHdr>
  <SyncBody>
    <Status>
      <CmdID>1</CmdID><MsgRef>1</MsgRef><CmdRef>0</CmdRef><Cmd>SyncHdr</Cmd>
      <TargetRef>IMEI:493005100592800</TargetRef><SourceRef>http://sync.example.com/sync</SourceRef>
      <Data>212</Data>
    </Status>
    <Status>
      <CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>3</CmdRef><Cmd>Alert</Cmd>
      <TargetRef>./contacts</TargetRef><SourceRef>card</SourceRef>
      <Data>200</Data>
    </Status>
    <Sync>
      <CmdID>3</CmdID>
      <Target><LocURI>card</LocURI></Target>
      <Source><LocURI>./contacts</LocURI></Source>
      <Replace>
        <CmdID>4</CmdID>
        <Meta><Type xmlns="syncml:metinf">text/x-vcard</Type></Meta>
        <Item><Source><LocURI>1012</LocURI></Source><Data>BEGIN:VCARD
VERSION:2.1
N:Doe;Jane
END:VCARD</Data></Item>
      </Replace>
      <Delete><CmdID>5</CmdID><Item><Source><LocURI>1009</LocURI></Source></Item></Delete>
    </Sync>
    <Final/>
  </SyncBody>
</SyncML>
`;

/** A Windows profile item: it addresses a node of the bundled index. */
const WINDOWS_MESSAGE = MESSAGE.replace(
  '<Final/>',
  `<Replace>
      <CmdID>5</CmdID>
      <Item>
        <Target><LocURI>./Vendor/MSFT/Policy/Config/DeviceLock/DevicePasswordEnabled</LocURI></Target>
        <Meta><Format xmlns="syncml:metinf">int</Format></Meta>
        <Data>0</Data>
      </Item>
    </Replace>
    <Final/>`,
);

const NO_TREE_DOCUMENTS = [
  { name: 'a DS message', uri: 'file:///ds.xml', text: DS_MESSAGE },
  { name: 'a DM message of Statuses', uri: 'file:///statuses.xml', text: MESSAGE },
];

/** Every place a user can point at: the start and the middle of each element's content. */
function positions(doc: TextDocument): Position[] {
  const text = doc.getText();
  const out: Position[] = [];
  for (const m of text.matchAll(/>([^<]*)</g)) {
    const start = m.index + 1;
    out.push(doc.positionAt(start), doc.positionAt(start + (m[1].length >> 1)));
  }
  return out;
}

describe('the bundled Windows CSP index loads only when a document needs it', () => {
  it('is not decoded by starting the server and serving documents that address no tree node', async () => {
    assert.equal(windowsCspLoaded(), false, 'loaded on import');
    const toServer = new PassThrough();
    const fromServer = new PassThrough();
    const server = createConnection(toServer, fromServer);
    // The server's timers, cleared after the test: its 5 s wait for settings must not hold this process.
    const pending = new Set<NodeJS.Timeout>();
    const timers = {
      setTimeout: (f: () => void, ms: number) => {
        const h = setTimeout(() => (pending.delete(h), f()), ms);
        pending.add(h);
        return h;
      },
      clearTimeout: (h: unknown) => (pending.delete(h as NodeJS.Timeout), clearTimeout(h as NodeJS.Timeout)),
    };
    startServer(server, { name: 'test', platform: 'test', diagnosticsDelay: 0, timers });
    const client: MessageConnection = createMessageConnection(new StreamMessageReader(fromServer), new StreamMessageWriter(toServer));
    const published = new Map<string, () => void>();
    client.onNotification('textDocument/publishDiagnostics', (p: { uri: string }) => published.get(p.uri)?.());
    client.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    client.onRequest(() => null);
    client.listen();
    after(() => {
      pending.forEach(clearTimeout);
      client.dispose();
      server.dispose();
    });

    await client.sendRequest('initialize', {
      processId: null,
      rootUri: null,
      capabilities: { workspace: { configuration: true }, textDocument: { inlayHint: {}, codeLens: {} } },
      initializationOptions: { diagnosticsDelay: 0 },
    });
    await client.sendNotification('initialized', {});
    assert.equal(windowsCspLoaded(), false, 'loaded at initialize');

    for (const d of NO_TREE_DOCUMENTS) {
      const diagnosed = new Promise<void>((resolve) => published.set(d.uri, resolve));
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri: d.uri, languageId: 'xml', version: 1, text: d.text } });
      await diagnosed;
      const textDocument = { uri: d.uri };
      const doc = TextDocument.create(d.uri, 'xml', 1, d.text);
      for (const position of positions(doc)) {
        await client.sendRequest('textDocument/hover', { textDocument, position });
        await client.sendRequest('textDocument/completion', { textDocument, position });
      }
      const range = { start: { line: 0, character: 0 }, end: doc.positionAt(d.text.length) };
      await client.sendRequest('textDocument/inlayHint', { textDocument, range });
      await client.sendRequest('textDocument/documentSymbol', { textDocument });
      await client.sendRequest('textDocument/foldingRange', { textDocument });
      await client.sendRequest('textDocument/codeLens', { textDocument });
      await client.sendRequest('textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } });
      assert.equal(windowsCspLoaded(), false, `loaded by ${d.name}`);
    }
    // A request the server answers proves every one before it was handled.
    await client.sendRequest('shutdown');
    assert.equal(windowsCspLoaded(), false);
  });

  it('is not decoded by the language service on such documents, whatever feature runs', () => {
    const service = createLanguageService();
    for (const d of NO_TREE_DOCUMENTS) {
      const doc = TextDocument.create(d.uri, 'xml', 1, d.text);
      const a = service.analyze(doc);
      assert.equal(asDocumentAnalysis(a).treeItems.length, 0, `${d.name} addresses a tree node`);
      const diagnostics = service.doValidation(a, DEFAULT_SETTINGS);
      const range = { start: { line: 0, character: 0 }, end: doc.positionAt(d.text.length) };
      service.getCodeActions(a, range, { diagnostics });
      for (const p of positions(doc)) {
        service.doHover(a, p);
        service.doComplete(a, p);
      }
      service.getInlayHints(a, range, DEFAULT_SETTINGS);
      service.findDocumentSymbols(a, DEFAULT_SETTINGS);
      service.getFoldingRanges(a, DEFAULT_SETTINGS);
      for (const lens of service.findCodeLenses(a, DEFAULT_SETTINGS)) service.resolveCodeLens(a, lens);
      service.decode(a, DEFAULT_SETTINGS);
      assert.equal(windowsCspLoaded(), false, `loaded by ${d.name}`);
    }
  });

  it('is decoded by the first URI a feature resolves (this test comes last: the index then stays)', () => {
    const service = createLanguageService();
    const a = asDocumentAnalysis(service.analyze(TextDocument.create('file:///windows.xml', 'xml', 1, WINDOWS_MESSAGE)));
    assert.equal(windowsCspLoaded(), false, 'loaded by analyze');
    const [item] = a.treeItems;
    assert.equal(a.resolveUri(item.uri).kind, 'node');
    assert.equal(windowsCspLoaded(), true);
  });
});
