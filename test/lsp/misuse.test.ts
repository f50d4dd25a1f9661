// Protocol misuse against the real server over stdio (dist/server-node.js): what a buggy or hostile
// client may send. Each case checks the server answers, stays up, keeps serving hover, and exits 0
// after shutdown + exit.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS } from '../../server/src/api';
import { createLanguageService } from '../../server/src/languageService';
import { Rng } from '../fuzz/mutate';
import { LspClient, ResponseErrorLike, defaultCapabilities, docUri, type Diagnostic, type Position } from '../support/lspClient';
import { RawChannel, frame } from '../support/lspMisuse';
import { MESSAGE } from '../support/lspSamples';
import { applyEdits, hoverText, positionAt, positionOf, rangeOf, textOf } from '../support/lspText';

const REQUEST_CANCELLED = -32800;
const METHOD_NOT_FOUND = -32601;
const WARNING = 2;

const clients: LspClient[] = [];
afterEach(async () => {
  // Every test ends with shutdown + exit and exit code 0; a server left running is killed.
  for (const c of clients.splice(0)) await c.dispose();
});

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'syncml-misuse-'));
  dirs.push(d);
  return d;
}

async function start(options: { settings?: Record<string, unknown>; workspace?: string; capabilities?: Record<string, unknown> } = {}): Promise<LspClient> {
  const c = LspClient.start();
  clients.push(c);
  if (options.settings) c.settings = options.settings;
  await c.initialize({
    initializationOptions: { diagnosticsDelay: 0 },
    workspaceFolders: options.workspace ? [{ uri: pathToFileURL(options.workspace).href, name: 'ws' }] : null,
    capabilities: options.capabilities,
  });
  return c;
}

/** Open MESSAGE and return a function that checks hover on its 404 still says Not found. */
function openMessage(c: LspClient): { uri: string; hoverStillWorks: () => Promise<void> } {
  const uri = docUri('misuse.syncml');
  c.open(uri, 'syncml', MESSAGE);
  return {
    uri,
    hoverStillWorks: async () => {
      const hover = await c.request('textDocument/hover', { textDocument: { uri }, position: positionOf(MESSAGE, '<Data>404', 7) });
      assert.match(hoverText(hover), /not found/i, 'hover on 404 still works');
      assert.deepEqual(hover.range, rangeOf(MESSAGE, '404'));
    },
  };
}

/** Send an ignorable notification every 200 ms until `done` settles. */
async function nudgedUntil<T>(c: LspClient, done: Promise<T>): Promise<T> {
  let settled = false;
  const timer = setInterval(() => {
    if (!settled) c.notify('$/syncmlTestNudge', null);
  }, 200);
  try {
    return await done;
  } finally {
    settled = true;
    clearInterval(timer);
  }
}

async function endCleanly(c: LspClient): Promise<void> {
  assert.ok(c.alive, `the server died: ${c.stderr.slice(-2000)}`);
  assert.deepEqual(await c.shutdown(), { code: 0, signal: null }, c.stderr);
}

const logged = (c: LspClient, type?: number): string[] =>
  c
    .notificationsOf('window/logMessage')
    .filter((n) => type === undefined || n.params.type === type)
    .map((n) => String(n.params.message));

/** Settle a request: its result, or the code of its error response. */
async function settle(p: Promise<unknown>): Promise<{ result?: unknown; code?: number }> {
  try {
    return { result: await p };
  } catch (e) {
    if (e instanceof ResponseErrorLike) return { code: e.code };
    throw e;
  }
}

describe('requests about documents never opened', () => {
  it('answer null or empty for every feature, including after a didChange/didClose for that URI', async () => {
    const c = await start();
    const textDocument = { uri: 'file:///nowhere/never-opened.syncml' };
    // Notifications about a document that was never opened must not create it or kill the server.
    c.change(textDocument.uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '<SyncML>' }]);
    c.close(textDocument.uri);
    const position = { line: 3, character: 7 };
    const range = { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } };
    const diagnostic = { range, message: 'x', code: 'wrong-code-family', source: 'syncml', data: { fix: { title: 'Replace with 200', newText: '200' } } };
    assert.equal(await c.request('textDocument/hover', { textDocument, position }), null);
    assert.equal(await c.request('textDocument/completion', { textDocument, position }), null);
    assert.deepEqual(await c.request('textDocument/codeAction', { textDocument, range, context: { diagnostics: [diagnostic] } }), []);
    assert.deepEqual(await c.request('textDocument/inlayHint', { textDocument, range }), []);
    assert.deepEqual(await c.request('textDocument/documentSymbol', { textDocument }), []);
    assert.deepEqual(await c.request('textDocument/foldingRange', { textDocument }), []);
    assert.deepEqual(c.diagnosticsHistory(textDocument.uri).filter((p) => p.diagnostics.length > 0), []);
    await openMessage(c).hoverStillWorks();
    await endCleanly(c);
  });
});

describe('positions outside the document', () => {
  it('past the end of a line, past the last line, and at the largest line and character numbers', async () => {
    const c = await start();
    const { uri, hoverStillWorks } = openMessage(c);
    const lines = MESSAGE.split('\n').length;
    const U = 2 ** 31 - 1; // uinteger's maximum
    const positions: Position[] = [
      { line: 0, character: 100_000 },
      { line: lines + 5, character: 0 },
      { line: U, character: U },
      { line: 0, character: U },
      { line: U, character: 0 },
    ];
    for (const position of positions) {
      const what = JSON.stringify(position);
      const hover = await c.request('textDocument/hover', { textDocument: { uri }, position });
      assert.ok(hover === null || typeof hover === 'object', what);
      const completion = await c.request('textDocument/completion', { textDocument: { uri }, position });
      assert.ok(completion === null || Array.isArray(completion.items), what);
      const range = { start: { line: 0, character: 0 }, end: position };
      assert.ok(Array.isArray(await c.request('textDocument/inlayHint', { textDocument: { uri }, range })), what);
      assert.ok(Array.isArray(await c.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } })), what);
    }
    // Numbers that are not LSP uintegers (negative, fractional, beyond 2^31): an answer or an error, never silence.
    for (const position of [{ line: -1, character: -1 }, { line: 1.5, character: 0.25 }, { line: 2 ** 53, character: 1e300 }]) {
      const answer = await settle(c.request('textDocument/hover', { textDocument: { uri }, position }));
      assert.ok('result' in answer || typeof answer.code === 'number', JSON.stringify(position));
    }
    await hoverStillWorks();
    await endCleanly(c);
  });
});

describe('a storm of incremental edits', () => {
  it('1,000 didChange notifications sent without waiting: the final diagnostics are those of the final text', async () => {
    const c = await start();
    const uri = docUri('storm.syncml');
    let text = MESSAGE;
    c.open(uri, 'syncml', text);
    const rng = new Rng(1000);
    // Line ends, astral and accented characters, digits: edits that move positions but keep the markup.
    const INSERTS = ['', ' ', '\r\n', '\n', '\r\n\r\n', '\u{1F600}', '\u{1F468}\u200d\u{1F469}', 'é', 'x', '0', '7'];
    /**
     * A random offset in text content (not inside a tag), and not between the CR and LF of a line
     * end (LSP positions cannot address it).
     */
    const offset = (): number => {
      let o = rng.int(text.length + 1);
      if (text.lastIndexOf('<', o - 1) > text.lastIndexOf('>', o - 1)) o = text.indexOf('>', o) + 1 || text.length;
      if (text[o - 1] === '\r' && text[o] === '\n') o++;
      return o;
    };
    let version = 1;
    for (let k = 0; k < 1000; k++) {
      let a: number;
      let b: number;
      let insert: string;
      const digits = /\d+/g;
      digits.lastIndex = rng.int(text.length);
      const number = rng.chance(0.5) ? digits.exec(text) : null;
      if (number) {
        // Retype a number (codes stay where they are, with other values).
        [a, b, insert] = [number.index, number.index + number[0].length, rng.pick(['200', '404', '1200', '418', '1226', '1403', '', 'x'])];
      } else {
        a = offset();
        b = a;
        if (rng.chance(0.5)) {
          b = Math.min(text.length, a + rng.int(6));
          if (text[b - 1] === '\r' && text[b] === '\n') b++;
          if (/[<>]/.test(text.slice(a, b))) b = a; // delete text, not markup
        }
        insert = rng.pick(INSERTS);
      }
      const change = { range: { start: positionAt(text, a), end: positionAt(text, b) }, text: insert };
      text = applyEdits(text, [change]);
      c.change(uri, ++version, [change]);
    }
    const final = await c.waitForDiagnostics(uri, (p) => p.version === version, { timeoutMs: 60_000 });
    // The pure service on the text we think the server has.
    const service = createLanguageService();
    const analysis = service.analyze(TextDocument.create(uri, 'syncml', version, text), 'syncml');
    const expected = JSON.parse(JSON.stringify(service.doValidation(analysis, DEFAULT_SETTINGS))) as Diagnostic[];
    assert.deepEqual(final.diagnostics, expected);
    // The edits left codes to judge, not only broken XML.
    assert.ok(expected.some((d) => d.code !== 'xml-syntax'), JSON.stringify(expected.map((d) => d.code)));
    // No diagnostics were published for a version after... well, after the last.
    assert.ok(c.diagnosticsHistory(uri).every((p) => p.version === undefined || p.version <= version));
    // And the server's text is ours: a whole-document request agrees with the pure service.
    const symbols = await c.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols, JSON.parse(JSON.stringify(service.findDocumentSymbols(analysis, DEFAULT_SETTINGS))));
    await endCleanly(c);
  });
});

describe('cancellation', () => {
  it('$/cancelRequest for in-flight requests: each answers RequestCancelled or a result, and the server keeps serving', async () => {
    const c = await start();
    const { hoverStillWorks } = openMessage(c);
    // A large document, so that the requests are not all answered before their cancellation arrives.
    const big = docUri('big.syncml');
    const bigText = MESSAGE.replace('<Final/>', MESSAGE.slice(MESSAGE.indexOf('<Status>'), MESSAGE.indexOf('<Final/>')).repeat(5000) + '<Final/>');
    c.open(big, 'syncml', bigText);
    const end = positionAt(bigText, bigText.length);
    const kinds: [string, unknown][] = [
      ['textDocument/hover', { textDocument: { uri: big }, position: positionOf(bigText, '<Data>404', 7, 4000) }],
      ['textDocument/completion', { textDocument: { uri: big }, position: positionOf(bigText, '<Data>404', 7, 100) }],
      ['textDocument/documentSymbol', { textDocument: { uri: big } }],
      ['textDocument/foldingRange', { textDocument: { uri: big } }],
      ['textDocument/inlayHint', { textDocument: { uri: big }, range: { start: { line: 0, character: 0 }, end } }],
      ['textDocument/codeAction', { textDocument: { uri: big }, range: { start: { line: 0, character: 0 }, end }, context: { diagnostics: [] } }],
    ];
    const raw = new RawChannel(c);
    const sent: { id: string; cancelled: boolean }[] = [];
    for (let k = 0; k < 60; k++) {
      const [method, params] = kinds[k % kinds.length];
      const id = `misuse-${k}`;
      raw.request(id, method, params);
      const cancelled = k % 2 === 0;
      if (cancelled) raw.cancel(id);
      sent.push({ id, cancelled });
    }
    // Cancelling what does not exist, or twice, is harmless.
    raw.cancel(987654);
    raw.cancel('no-such-request');
    raw.cancel(sent[0].id);
    let cancelledAnswers = 0;
    for (const s of sent) {
      const answer = await raw.response(s.id, 60_000);
      if (s.cancelled) {
        assert.ok('result' in answer || answer.error?.code === REQUEST_CANCELLED, JSON.stringify(answer));
        if (answer.error?.code === REQUEST_CANCELLED) cancelledAnswers++;
      } else {
        assert.ok('result' in answer, `request ${s.id} was not cancelled but answered ${JSON.stringify(answer)}`);
      }
    }
    // Cancelling a request already answered changes nothing.
    raw.cancel(sent[1].id);
    assert.ok(cancelledAnswers > 0, 'a request cancelled in the same write as itself is answered RequestCancelled');
    await hoverStillWorks();
    await endCleanly(c);
  });
});

describe('custom-codes files that are broken', () => {
  it('invalid JSON, the wrong shape, binary bytes, an empty file, a directory: one warning naming each file, and hover still works', async () => {
    const ws = tempDir();
    const files: Record<string, string | Buffer> = {
      'truncated.json': '{ "codes": [ { "family": "fumo-result", "code": 4',
      'not-an-object.json': '[1, 2, 3]',
      'codes-not-a-list.json': '{ "codes": 42 }',
      'bad-entries.json': JSON.stringify({ codes: [{ family: 'no-such-family', code: 'x', name: 5 }, { family: 'fumo-result', from: 460, to: 450, name: 'backwards' }] }),
      'binary.json': Buffer.from([0x00, 0xff, 0xfe, 0x7b, 0x00, 0x22, 0xc3, 0x28, 0x0a]),
      'empty.json': '',
    };
    for (const [name, content] of Object.entries(files)) writeFileSync(join(ws, name), content);
    mkdirSync(join(ws, 'a-directory.json'));
    const names = [...Object.keys(files), 'a-directory.json'];
    const c = await start({ settings: { customCodes: names }, workspace: ws });
    const shown = await c.waitFor('a warning per file', () => {
      const w = c.notificationsOf('window/showMessage').filter((n) => n.params.type === WARNING).map((n) => String(n.params.message));
      return names.every((n) => w.some((m) => m.includes(join(ws, n)))) ? w : undefined;
    }, 20_000);
    // 'bad-entries.json' breaks the schema but its message says so; no file is silently ignored.
    for (const name of names) {
      const mine = shown.filter((m) => m.includes(join(ws, name)));
      assert.equal(mine.length, 1, `one message for ${name}: ${shown.join(' | ')}`);
    }
    assert.ok(names.every((n) => logged(c, WARNING).some((m) => m.includes(join(ws, n)))), 'the log names each file too');
    const { hoverStillWorks } = openMessage(c);
    await hoverStillWorks();
    await endCleanly(c);
  });
});

describe('settings with values of the wrong kind', () => {
  it('diagnostics.enable "yes", diagnostics.severity 42, largeFileThreshold -1: a warning for each, and the server answers', async () => {
    const c = await start({ settings: { diagnostics: { enable: 'yes', severity: 42 }, largeFileThreshold: -1, inlayHints: null } });
    const warnings = await c.waitFor('three warnings', () => {
      const w = logged(c, WARNING);
      return ['syncml.diagnostics.enable', 'syncml.diagnostics.severity', 'syncml.largeFileThreshold'].every((k) => w.some((m) => m.includes(k)))
        ? w
        : undefined;
    });
    assert.ok(warnings.length >= 3);
    const { uri, hoverStillWorks } = openMessage(c);
    // The defaults apply: diagnostics enabled, the 1200 flagged.
    const published = await c.waitForDiagnostics(uri);
    assert.deepEqual(
      published.diagnostics.filter((d) => d.code === 'wrong-code-family').map((d) => textOf(MESSAGE, d.range)),
      ['1200'],
    );
    await hoverStillWorks();
    await endCleanly(c);
  });

  it('a settings section that is not an object, or is nested 100,000 deep, is survived', async () => {
    // Without workspace/configuration the server reads the settings pushed in didChangeConfiguration.
    const capabilities = defaultCapabilities();
    capabilities.workspace = { ...(capabilities.workspace as object), configuration: false };
    const c = await start({ capabilities });
    const { hoverStillWorks } = openMessage(c);
    for (const settings of [42, 'syncml', [1, 2], null]) {
      c.notify('workspace/didChangeConfiguration', { settings });
    }
    await c.waitFor('a warning per bad section', () => (logged(c, WARNING).filter((m) => /settings section should be an object/.test(m)).length === 3 ? true : undefined));
    // Written by hand: JSON.stringify itself cannot nest that deep.
    const depth = 100_000;
    c.writeRaw(frame(`{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{"syncml":{"diagnostics":${'{"x":'.repeat(depth)}{}${'}'.repeat(depth)}}}}}`));
    // Then a good one: it must apply (diagnostics off clears the 1200).
    c.notify('workspace/didChangeConfiguration', { settings: { syncml: { diagnostics: { enable: false } } } });
    await hoverStillWorks();
    const uri = docUri('after-settings.syncml');
    c.open(uri, 'syncml', MESSAGE);
    const published = await c.waitForDiagnostics(uri);
    assert.deepEqual(published.diagnostics, [], 'the last settings (diagnostics disabled) apply');
    // The deep one is read or refused with a warning, not an error with a stack trace.
    assert.deepEqual(logged(c, 1), [], 'no error logged');
    await endCleanly(c);
  });
});

describe('client capabilities of the wrong kind', () => {
  it('completionList.itemDefaults as an object or a string: initialize answers and completion works', async () => {
    for (const itemDefaults of [{ editRange: true }, 'editRange,data', 7, null]) {
      const capabilities = defaultCapabilities() as { textDocument: Record<string, unknown> };
      capabilities.textDocument.completion = { completionItem: { labelDetailsSupport: 'yes' }, completionList: { itemDefaults } };
      const c = await start({ capabilities });
      const { uri, hoverStillWorks } = openMessage(c);
      const list = await c.request('textDocument/completion', { textDocument: { uri }, position: positionOf(MESSAGE, '<Data>404', 7) });
      const item404 = list.items.find((i: { label: string }) => i.label === '404');
      // Nothing announced properly: every item says everything itself.
      assert.equal(list.itemDefaults, undefined, JSON.stringify(itemDefaults));
      assert.equal(item404.detail, 'Not found');
      assert.ok(item404.textEdit, 'the item carries its own range');
      await hoverStillWorks();
      await endCleanly(c);
    }
  });
});

describe('malformed JSON-RPC', () => {
  it('garbage bodies, unknown methods, bad params: answered or logged, and the server keeps serving', async () => {
    const c = await start();
    const { uri, hoverStillWorks } = openMessage(c);
    // Framed bodies that are not JSON-RPC messages.
    c.writeRaw(frame('{garbage!!!}'));
    c.writeRaw(frame(Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0x7d])));
    c.writeRaw(frame('null'));
    c.writeRaw(frame('[{"jsonrpc":"2.0","method":"initialized","params":{}}]'));
    c.writeRaw(frame('{"jsonrpc":"2.0","id":999999,"result":42}'));
    c.writeRaw(frame('{"jsonrpc":"2.0","id":{"an":"object"},"method":"textDocument/hover","params":{}}'));
    // A Content-Length that is not a number. The reader (vscode-jsonrpc) reports it and stops reading
    // that chunk: a message that came in the same read waits for the next input. A busy pipe can
    // merge these writes with the hover below into one read, so the client keeps sending an
    // ignorable notification until the hover is answered, as any real client's traffic would.
    c.writeRaw('Content-Length: abc\r\n\r\n');
    await nudgedUntil(c, hoverStillWorks());

    // An unknown method: MethodNotFound.
    await assert.rejects(c.request('syncml/noSuchThing', {}), (e: ResponseErrorLike) => e.code === METHOD_NOT_FOUND);
    await assert.rejects(c.request('textDocument/noSuchThing', { textDocument: { uri } }), (e: ResponseErrorLike) => e.code === METHOD_NOT_FOUND);
    // An unknown notification ($/ ones may be ignored silently; others too, but never fatally).
    c.notify('$/noSuchNotification', { x: 1 });
    c.notify('syncml/noSuchNotification', null);

    // Notifications with bad params.
    c.notify('textDocument/didOpen', null);
    c.notify('textDocument/didOpen', { textDocument: { uri: docUri('no-text.syncml'), languageId: 'syncml', version: 1 } });
    c.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: 42 });
    c.notify('textDocument/didChange', { textDocument: { uri }, contentChanges: [{ range: null, text: 5 }] });
    c.notify('textDocument/didClose', { textDocument: null });
    c.notify('workspace/didChangeWatchedFiles', { changes: 'all of them' });
    c.notify('workspace/didChangeWorkspaceFolders', { event: null });
    c.notify('$/setTrace', { value: 'loud' });

    // Requests with bad params: an answer each (a result or an error), none fatal.
    const answers = await Promise.all(
      [
        ['textDocument/hover', { textDocument: 42, position: 'here' }],
        ['textDocument/completion', null],
        ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, context: { diagnostics: [null, 7, { range: null }] } }],
        ['textDocument/inlayHint', { textDocument: { uri }, range: 'everything' }],
        ['textDocument/foldingRange', []],
        ['syncml/explain', { input: { toString: 1 } }],
      ].map(([method, params]) => settle(c.request(method as string, params))),
    );
    assert.equal(answers.length, 6);
    await hoverStillWorks();
    await endCleanly(c);
  });
});

describe('pathological documents over stdio', () => {
  it('a DM tree 200,000 deep: the outline request gets an outline (not a stack overflow), and the server keeps serving', async () => {
    const c = await start();
    const { hoverStillWorks } = openMessage(c);
    const uri = docUri('deep.ddf');
    const depth = 200_000;
    c.open(uri, 'dmtree', '<MgmtTree>' + '<Node>'.repeat(depth) + '</Node>'.repeat(depth) + '</MgmtTree>');
    const answer = await settle(c.request('textDocument/documentSymbol', { textDocument: { uri } }, 60_000));
    assert.ok(Array.isArray(answer.result), `documentSymbol answered ${JSON.stringify(answer).slice(0, 300)}`);
    await hoverStillWorks();
    await endCleanly(c);
  });

  it('text that is not text (NUL, lone surrogates, U+FFFF) gets diagnostics inside the document', async () => {
    const c = await start();
    const uri = docUri('binary.syncml');
    let text = MESSAGE.replace('<SyncBody>', '<SyncBody>\u0000\u0001\ud800\udfff\uffff\u0000');
    for (let k = 0; k < 200; k++) text += String.fromCharCode((k * 7919) % 0xffff);
    c.open(uri, 'syncml', text);
    const published = await c.waitForDiagnostics(uri);
    assert.ok(published.diagnostics.length > 0);
    const lines = text.split(/\r\n|\r|\n/);
    for (const d of published.diagnostics) {
      for (const p of [d.range.start, d.range.end]) {
        assert.ok(p.line < lines.length && p.character <= lines[p.line].length, JSON.stringify(d));
      }
    }
    const hover = await c.request('textDocument/hover', { textDocument: { uri }, position: positionOf(text, '<Data>404', 7) });
    assert.match(hoverText(hover), /not found/i);
    await endCleanly(c);
  });
});
