// Reading a session through the real server over stdio: Go to Definition, Find All References,
// document highlight, code lens (and its click), the outline's outcomes; in a trace and across the
// open files of one folder.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { serverForSuite } from '../support/lspSuite';
import { LspClient, defaultCapabilities, docUri } from '../support/lspClient';
import { positionOf, textOf } from '../support/lspText';
import { ATOMIC_TRACE, CLIENT_ANSWERS, SERVER_COMMANDS, TRACE } from '../support/sessionSamples';

const DELAY = 20;

function capabilities(): Record<string, unknown> {
  const caps = defaultCapabilities() as { window: Record<string, unknown> };
  caps.window.showDocument = { support: true };
  return caps;
}

describe('session navigation over stdio', () => {
  const server = serverForSuite(DELAY, capabilities());
  let c: LspClient;
  beforeEach(() => {
    c = server();
  });

  async function open(name: string, text: string): Promise<string> {
    const uri = docUri(name);
    c.open(uri, 'syncml', text, 1);
    await c.waitForDiagnostics(uri);
    return uri;
  }

  /** Each resolved lens as `Name: title`. */
  async function lensTitles(uri: string, text: string): Promise<string[]> {
    const lenses = await c.request('textDocument/codeLens', { textDocument: { uri } });
    const out: string[] = [];
    for (const lens of lenses) {
      assert.equal(lens.command, undefined, 'titles come in codeLens/resolve');
      const resolved = await c.request('codeLens/resolve', lens);
      out.push(`${textOf(text, resolved.range)}: ${resolved.command.title}`);
    }
    return out;
  }

  it('a two-message trace: definition, references, highlight and code lens', async () => {
    const uri = await open('trace.syncml', TRACE);
    const td = { textDocument: { uri } };

    const def = await c.request('textDocument/definition', { ...td, position: positionOf(TRACE, '<CmdRef>5', 8) });
    assert.equal(def.length, 1);
    assert.equal(def[0].uri, uri);
    assert.deepEqual(def[0].range.start, positionOf(TRACE, '<CmdID>5', 7), 'the Replace that the Status answers');

    const refs = await c.request('textDocument/references', { ...td, position: positionOf(TRACE, '<CmdID>4', 7), context: { includeDeclaration: false } });
    assert.deepEqual(
      refs.map((r: { range: { start: unknown } }) => r.range.start),
      [positionOf(TRACE, '<CmdRef>4</CmdRef><Cmd>', 8), positionOf(TRACE, '<CmdRef>4</CmdRef><Item>', 8)],
      'the Status and the Results of the Get',
    );

    const highlights = await c.request('textDocument/documentHighlight', { ...td, position: positionOf(TRACE, '<CmdRef>6', 8) });
    assert.deepEqual(
      highlights.map((h: { range: { start: unknown }; kind: number }) => [h.kind, h.range.start]),
      [
        [1, positionOf(TRACE, '<CmdID>6', 7)],
        [2, positionOf(TRACE, '<CmdRef>6', 8)],
      ],
    );

    assert.deepEqual(await lensTitles(uri, TRACE), [
      'SyncHdr: 212 Authentication accepted',
      'Get: 200 OK',
      'Get: 1 Results',
      'Replace: 404 Not found \u00b7 Status 4 in message 2',
      'Exec: 202 Accepted for processing',
      'Add: no Status in this session',
    ]);
    c.close(uri);
  });

  it('a command with no answer: "no Status in this session", and nowhere to go', async () => {
    const uri = await open('unanswered.syncml', TRACE);
    const lenses = await c.request('textDocument/codeLens', { textDocument: { uri } });
    const add = lenses.find((l: { range: { start: unknown } }) => JSON.stringify(l.range.start) === JSON.stringify(positionOf(TRACE, '<Add>', 1)));
    const resolved = await c.request('codeLens/resolve', add);
    assert.deepEqual(resolved.command, { title: 'no Status in this session', command: '' });
    const refs = await c.request('textDocument/references', { textDocument: { uri }, position: positionOf(TRACE, '<CmdID>7', 7), context: { includeDeclaration: false } });
    assert.deepEqual(refs, []);
    c.close(uri);
  });

  it('an Atomic answered 507 whose commands got 215', async () => {
    const uri = await open('atomic.syncml', ATOMIC_TRACE);
    assert.deepEqual(await lensTitles(uri, ATOMIC_TRACE), [
      'SyncHdr: 200 OK',
      'Atomic: 507 Atomic failed \u00b7 Status 2 in message 2',
      'Replace: 215 Not executed',
      'Delete: 215 Not executed',
    ]);
    const def = await c.request('textDocument/definition', { textDocument: { uri }, position: positionOf(ATOMIC_TRACE, '<CmdRef>4', 8) });
    assert.deepEqual(def[0].range.start, positionOf(ATOMIC_TRACE, '<CmdID>4', 7), 'the Delete inside the Atomic');
    c.close(uri);
  });

  it('a split session: the open files of one folder pair by SessionID and direction', async () => {
    const serverUri = await open('1-server.xml', SERVER_COMMANDS);
    const clientUri = await open('2-client.xml', CLIENT_ANSWERS);

    const def = await c.request('textDocument/definition', { textDocument: { uri: clientUri }, position: positionOf(CLIENT_ANSWERS, '<CmdRef>6', 8) });
    assert.deepEqual(def, [{ uri: serverUri, range: { start: positionOf(SERVER_COMMANDS, '<CmdID>6', 7), end: positionOf(SERVER_COMMANDS, '<CmdID>6', 8) } }]);

    const msg = await c.request('textDocument/definition', { textDocument: { uri: clientUri }, position: positionOf(CLIENT_ANSWERS, '<MsgRef>1', 8) });
    assert.deepEqual(msg[0].range.start, positionOf(SERVER_COMMANDS, '<MsgID>1', 7), "MsgRef goes to the server message's MsgID");

    const refs = await c.request('textDocument/references', { textDocument: { uri: serverUri }, position: positionOf(SERVER_COMMANDS, '<CmdID>5', 7), context: { includeDeclaration: true } });
    assert.deepEqual(
      refs.map((r: { uri: string }) => r.uri),
      [serverUri, clientUri],
    );

    const titles = await lensTitles(serverUri, SERVER_COMMANDS);
    assert.equal(titles[3], `Replace: 404 Not found \u00b7 Status 4 in message 2 (${decodeURIComponent(clientUri.slice(clientUri.lastIndexOf('/') + 1))})`);

    const symbols = await c.request('textDocument/documentSymbol', { textDocument: { uri: serverUri } });
    const body = symbols[0].children.find((s: { name: string }) => s.name === 'SyncBody');
    assert.equal(body.children[2].detail, '#6 ./FUMO/P/Update \u2192 202 Accepted for processing');

    // Closed, the answers are gone with it: the server knows only open documents.
    c.close(clientUri);
    assert.deepEqual(await c.request('textDocument/codeLens', { textDocument: { uri: serverUri } }), []);
    c.close(serverUri);
  });

  it("clicking a lens runs syncml.showLocation, which asks the client to show the answer", async () => {
    const uri = await open('click.syncml', TRACE);
    const lenses = await c.request('textDocument/codeLens', { textDocument: { uri } });
    const replace = await c.request('codeLens/resolve', lenses[3]);
    assert.equal(replace.command.command, 'syncml.showLocation');
    let shown: any;
    c.onRequest('window/showDocument', (params) => {
      shown = params;
      return { success: true };
    });
    await c.request('workspace/executeCommand', { command: replace.command.command, arguments: replace.command.arguments });
    assert.equal(shown.uri, uri);
    assert.deepEqual(shown.selection.start, positionOf(TRACE, '<CmdRef>5', 8));
    assert.equal(shown.takeFocus, true);
    c.close(uri);
  });

  it('opening or closing a file asks a client that can to refresh its code lenses (another file\'s may change)', async () => {
    const other = LspClient.start();
    try {
      const caps = capabilities() as { workspace: Record<string, unknown> };
      caps.workspace.codeLens = { refreshSupport: true };
      await other.initialize({ initializationOptions: { diagnosticsDelay: DELAY }, capabilities: caps });
      const refreshes = () => other.serverRequests.filter((r) => r.method === 'workspace/codeLens/refresh').length;
      const uri = docUri('refresh.syncml');
      other.open(uri, 'syncml', CLIENT_ANSWERS, 1);
      await other.waitFor('a code lens refresh after open', () => refreshes() >= 1 || undefined);
      other.close(uri);
      await other.waitFor('a code lens refresh after close', () => refreshes() >= 2 || undefined);
    } finally {
      await other.shutdown();
    }
  });

  it('announces the capabilities and the command', async () => {
    const other = LspClient.start();
    try {
      const init = await other.initialize({ initializationOptions: { diagnosticsDelay: DELAY } });
      const caps = init.capabilities;
      assert.equal(caps.definitionProvider, true);
      assert.equal(caps.referencesProvider, true);
      assert.equal(caps.documentHighlightProvider, true);
      assert.deepEqual(caps.codeLensProvider, { resolveProvider: true });
      assert.deepEqual(caps.executeCommandProvider.commands, ['syncml.showLocation']);
      // A client without window/showDocument gets an error saying where the answer is, not a crash.
      await assert.rejects(
        other.request('workspace/executeCommand', { command: 'syncml.showLocation', arguments: ['file:///x.syncml', { start: { line: 4, character: 0 }, end: { line: 4, character: 1 } }] }),
        /cannot show documents.*line 5/,
      );
    } finally {
      await other.shutdown();
    }
  });
});
