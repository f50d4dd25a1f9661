// What a user sees through the real server over stdio: hover, diagnostics, quick fixes, completion,
// inlay hints, symbols, folding, incremental edits, UTF-16 positions, explain.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { serverForSuite } from '../support/lspSuite';
import { LspClient, defaultCapabilities, docUri, type Diagnostic } from '../support/lspClient';
import { CLEAN_MESSAGE, FUMO_ALERT, MESSAGE, OTHER_XML } from '../support/lspSamples';
import { applyEdits, flattenSymbols, hoverText, positionOf, rangeOf, textOf, withCursor } from '../support/lspText';

const DELAY = 20;

function byCode(diagnostics: Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

describe('features', () => {
  const server = serverForSuite(DELAY);
  let c: LspClient;
  beforeEach(() => {
    c = server();
  });

  async function openAndWait(name: string, languageId: string, text: string) {
    const uri = docUri(name);
    c.open(uri, languageId, text, 1);
    const published = await c.waitForDiagnostics(uri);
    return { uri, diagnostics: published.diagnostics };
  }

  it('hover on 404 in a Status for a Get says Not Found', async () => {
    const { uri } = await openAndWait('hover.syncml', 'syncml', MESSAGE);
    const hover = await c.request('textDocument/hover', { textDocument: { uri }, position: positionOf(MESSAGE, '<Data>404', 7) });
    assert.match(hoverText(hover), /not found/i);
    assert.deepEqual(hover.range, rangeOf(MESSAGE, '404'), 'the hover range is the number');
    c.close(uri);
  });

  it('hover on 404 in a FUMO Generic Alert says Failed Firmware Update Package Validation', async () => {
    const { uri } = await openAndWait('fumo.syncml', 'syncml', FUMO_ALERT);
    const hover = await c.request('textDocument/hover', { textDocument: { uri }, position: positionOf(FUMO_ALERT, '<Data>404', 8) });
    const text = hoverText(hover);
    assert.match(text, /Failed Firmware Update Package Validation/);
    assert.doesNotMatch(text, /^\**not found/im);
    c.close(uri);
  });

  it('flags 1200 in a Status as wrong-code-family, exactly on the four digits, and offers 200', async () => {
    const { uri, diagnostics } = await openAndWait('family.syncml', 'syncml', MESSAGE);
    const wrong = byCode(diagnostics, 'wrong-code-family');
    assert.equal(wrong.length, 1, JSON.stringify(diagnostics));
    assert.deepEqual(wrong[0].range, rangeOf(MESSAGE, '1200'));
    assert.equal(wrong[0].source, 'syncml');
    assert.equal(wrong[0].severity, 2);
    assert.equal(byCode(diagnostics, 'undefined-code').length, 0, 'the defined codes are not flagged');

    const actions = await c.request('textDocument/codeAction', {
      textDocument: { uri },
      range: wrong[0].range,
      context: { diagnostics: wrong, only: ['quickfix'] },
    });
    assert.ok(actions.length >= 1, 'a quick fix is offered');
    const fix = actions[0];
    assert.equal(fix.kind, 'quickfix');
    const edits = fix.edit.changes[uri];
    assert.equal(edits.length, 1);
    assert.deepEqual(edits[0].range, rangeOf(MESSAGE, '1200'));
    assert.equal(edits[0].newText, '200');

    const refactors = await c.request('textDocument/codeAction', {
      textDocument: { uri },
      range: wrong[0].range,
      context: { diagnostics: wrong, only: ['refactor'] },
    });
    assert.deepEqual(refactors, [], 'only quick fixes are offered');
    c.close(uri);
  });

  it('completes status codes inside <Data>|</Data> of a Status, after the > trigger', async () => {
    const { text, position } = withCursor(MESSAGE.replace('<Data>404</Data>', '<Data>|</Data>'));
    const uri = docUri('complete.syncml');
    c.open(uri, 'syncml', text, 1);
    const list = await c.request('textDocument/completion', {
      textDocument: { uri },
      position,
      context: { triggerKind: 2, triggerCharacter: '>' },
    });
    const labels: string[] = (Array.isArray(list) ? list : list.items).map((i: { label: string }) => i.label);
    assert.ok(labels.includes('404'), labels.slice(0, 20).join(' '));
    assert.ok(labels.includes('200'));
    assert.ok(!labels.includes('1200'), 'only statuses are offered in a Status');
    // The list carries no documentation; completionItem/resolve adds it for the item shown.
    const items = Array.isArray(list) ? list : list.items;
    const item404 = items.find((i: { label: string }) => i.label === '404');
    assert.equal(item404.documentation, undefined);
    assert.equal(item404.detail, 'Not found');
    const resolved = await c.request('completionItem/resolve', item404);
    assert.match(resolved.documentation.value, /does not exist[\s\S]*SyncML status code/);
    c.close(uri);
  });

  it('shows the decoded name as an inlay hint after a code', async () => {
    const { uri } = await openAndWait('inlay.syncml', 'syncml', MESSAGE);
    const hints = await c.request('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: positionOf(MESSAGE, '</SyncML>') },
    });
    const at404 = hints.find((h: { position: unknown }) => JSON.stringify(h.position) === JSON.stringify(positionOf(MESSAGE, '404', 3)));
    assert.ok(at404, JSON.stringify(hints));
    const label = typeof at404.label === 'string' ? at404.label : at404.label.map((p: { value: string }) => p.value).join('');
    assert.match(label, /not found/i);
    c.close(uri);
  });

  it('outlines the commands and folds the elements', async () => {
    const { uri } = await openAndWait('outline.syncml', 'syncml', MESSAGE);
    const symbols = flattenSymbols(await c.request('textDocument/documentSymbol', { textDocument: { uri } }));
    const names = symbols.map((s) => s.name);
    assert.ok(names.some((n) => /Status 404/.test(n)), names.join(', '));
    assert.ok(names.some((n) => /Status 1200/.test(n)));
    const folds = await c.request('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds.length >= 4, JSON.stringify(folds));
    const body = positionOf(MESSAGE, '<SyncBody>').line;
    assert.ok(folds.some((f: { startLine: number; endLine: number }) => f.startLine === body && f.endLine > body));
    c.close(uri);
  });

  it('follows incremental edits: diagnostics describe the final text', async () => {
    const uri = docUri('incremental.syncml');
    let text = CLEAN_MESSAGE;
    c.open(uri, 'syncml', text, 1);
    const first = await c.waitForDiagnostics(uri, (p) => p.version === 1);
    assert.deepEqual(byCode(first.diagnostics, 'wrong-code-family'), []);

    // v2: the Replace's 200 (the second <Data>200) becomes 1200: a one-character insertion.
    const at = positionOf(text, '<Data>200', 6, 1);
    const e2 = [{ range: { start: at, end: at }, text: '1' }];
    text = applyEdits(text, e2);
    c.change(uri, 2, e2);
    // v3: two edits in one notification, applied in order: a new line at the top of SyncBody, then a
    // multi-line deletion of the first Status (positions of the second edit are after the first).
    const e3a = { range: { start: positionOf(text, '<SyncBody>', 10), end: positionOf(text, '<SyncBody>', 10) }, text: '\n    <!-- edited -->' };
    text = applyEdits(text, [e3a]);
    const e3b = { range: { start: positionOf(text, '<Status>', 0, 0), end: positionOf(text, '<Status>', 0, 1) }, text: '' };
    text = applyEdits(text, [e3b]);
    assert.ok(!text.includes('<Cmd>SyncHdr</Cmd>'));
    c.change(uri, 3, [e3a, e3b]);
    const final = await c.waitForDiagnostics(uri, (p) => p.version === 3);
    const wrong = byCode(final.diagnostics, 'wrong-code-family');
    assert.equal(wrong.length, 1, JSON.stringify(final.diagnostics));
    assert.deepEqual(wrong[0].range, rangeOf(text, '1200'));
    assert.equal(textOf(text, wrong[0].range), '1200');

    // v4: fix it; the diagnostic goes away.
    const e4 = [{ range: rangeOf(text, '1200'), text: '200' }];
    text = applyEdits(text, e4);
    c.change(uri, 4, e4);
    const fixed = await c.waitForDiagnostics(uri, (p) => p.version === 4);
    assert.deepEqual(byCode(fixed.diagnostics, 'wrong-code-family'), []);
    c.close(uri);
  });

  it('counts positions in UTF-16 code units on the wire, after astral characters and with every line-end style', async () => {
    const cases: Record<string, (t: string) => string> = {
      'CRLF, emoji before each code': (t) =>
        t.replace('<Data>1200</Data>', '<!-- 📱 device -->  <Data>1200</Data>').replace('<Data>404</Data>', '<!-- 😀 -->  <Data>404</Data>').replace(/\n/g, '\r\n'),
      'CRLF, emoji before the code': (t) => t.replace('<Data>1200</Data>', '\u{1F4F1}<Data>1200</Data>').replace(/\n/g, '\r\n'),
      'CRLF, family emoji (ZWJ sequence) and U+10FFFF before the code': (t) =>
        t.replace('<Data>1200</Data>', '<!--\u{1F468}\u200d\u{1F469}\u200d\u{1F467}-->\u{10FFFF}<Data>1200</Data>').replace(/\n/g, '\r\n'),
      'CR only, emoji before the code': (t) => t.replace('<Data>1200</Data>', '\u{1F600}\u{1F600}<Data>1200</Data>').replace(/\n/g, '\r'),
      'mixed line ends, astral characters on the lines before': (t) => {
        let k = 0;
        return t.replace('<Cmd>Replace</Cmd>', '<Cmd>Replace</Cmd>\u{1D11E}').replace(/\n/g, () => ['\r\n', '\n', '\r'][k++ % 3]);
      },
    };
    let n = 0;
    for (const [name, make] of Object.entries(cases)) {
      const text = make(MESSAGE);
      const { uri, diagnostics } = await openAndWait(`utf16-${n++}.syncml`, 'syncml', text);
      const wrong = byCode(diagnostics, 'wrong-code-family');
      assert.equal(wrong.length, 1, `${name}: ${JSON.stringify(diagnostics)}`);
      assert.deepEqual(wrong[0].range, rangeOf(text, '1200'), name);
      assert.equal(textOf(text, wrong[0].range), '1200', name);
      // The column is in UTF-16 code units: the astral characters before it count two each.
      const at = text.indexOf('1200');
      const lineStart = Math.max(text.lastIndexOf('\n', at), text.lastIndexOf('\r', at)) + 1;
      assert.equal(wrong[0].range.start.character, at - lineStart, name);
      const hover1200 = await c.request('textDocument/hover', { textDocument: { uri }, position: positionOf(text, '1200', 3) });
      assert.deepEqual(hover1200.range, wrong[0].range, name);

      const hover = await c.request('textDocument/hover', { textDocument: { uri }, position: positionOf(text, '<Data>404', 6) });
      assert.match(hoverText(hover), /not found/i, name);
      assert.deepEqual(hover.range, rangeOf(text, '404'), name);
      // On the last digit (the position after it belongs to '<').
      const last = await c.request('textDocument/hover', { textDocument: { uri }, position: positionOf(text, '<Data>404', 8) });
      assert.match(hoverText(last), /not found/i, name);
      c.close(uri);
    }
  });

  it('clears the diagnostics of an xml document whose root stops being SyncML', async () => {
    const { uri, diagnostics } = await openAndWait('was-syncml.xml', 'xml', MESSAGE);
    assert.ok(byCode(diagnostics, 'wrong-code-family').length > 0);
    c.change(uri, 2, [{ text: OTHER_XML }]);
    const cleared = await c.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.deepEqual(cleared.diagnostics, []);
    const hover = await c.request('textDocument/hover', { textDocument: { uri }, position: positionOf(OTHER_XML, '1200', 1) });
    assert.equal(hover, null);
    c.close(uri);
  });

  it('syncml/explain lists every meaning of a number', async () => {
    const e = await c.request('syncml/explain', { input: '404' });
    assert.equal(e.number, 404);
    const families = e.meanings.map((m: { family: string }) => m.family);
    assert.ok(families.includes('syncml-status'), families.join(', '));
    assert.ok(families.includes('fumo-result'));
    const fumo = e.meanings.find((m: { family: string }) => m.family === 'fumo-result');
    assert.equal(fumo.name, 'Failed Firmware Update Package Validation');
    const scoped = await c.request('syncml/explain', { input: '404', family: 'fumo-result' });
    assert.deepEqual(
      scoped.meanings.map((m: { family: string }) => m.family),
      ['fumo-result'],
    );
    const hresult = await c.request('syncml/explain', { input: '0x87D10194' });
    assert.equal(hresult.number, 404);
  });

  it('syncml/explain (the look-up command) names a Windows error value for what it is, in hex or signed decimal', async () => {
    for (const input of ['0x87D1FDE8', '-2016281112']) {
      const e = await c.request('syncml/explain', { input });
      assert.equal(e.windowsError?.message, 'Remediation failed', input);
      assert.equal(e.windowsError?.signed, -2016281112);
      assert.equal(e.hresult, undefined, `${input} carries no SyncML status`);
      assert.deepEqual(e.meanings, []);
    }
    const cfg = await c.request('syncml/explain', { input: '0x86000011' });
    assert.equal(cfg.windowsError?.symbol, 'CFGMGR_E_COMMANDNOTALLOWED');
    const unknown = await c.request('syncml/explain', { input: '0x87D1FFFF' });
    assert.equal(unknown.windowsError, undefined);
    assert.match(unknown.note, /not a known Windows MDM value/);
  });
});

describe('completion for a client that applies item defaults and shows label details (as VS Code does)', () => {
  const caps = defaultCapabilities() as { textDocument: Record<string, unknown> };
  caps.textDocument.completion = {
    completionItem: { documentationFormat: ['markdown'], labelDetailsSupport: true, resolveSupport: { properties: ['documentation', 'detail'] } },
    completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] },
  };
  const server = serverForSuite(DELAY, caps);

  it('sends the range and family once; resolving an item still documents it', async () => {
    const c = server();
    const { text, position } = withCursor(MESSAGE.replace('<Data>404</Data>', '<Data>4|</Data>'));
    const uri = docUri('complete-defaults.syncml');
    c.open(uri, 'syncml', text, 1);
    const list = await c.request('textDocument/completion', { textDocument: { uri }, position });
    assert.deepEqual(list.itemDefaults.editRange, { start: positionOf(text, '<Data>4</Data>', 6), end: positionOf(text, '<Data>4</Data>', 7) }, 'the digit typed so far is replaced');
    assert.deepEqual(list.itemDefaults.data, { family: 'syncml-status' });
    const item404 = list.items.find((i: { label: string }) => i.label === '404');
    assert.deepEqual(item404.labelDetails, { description: 'Not found' });
    assert.equal(item404.textEdit, undefined);
    assert.equal(item404.detail, undefined);
    // The client resolves the item with the list's data applied.
    const resolved = await c.request('completionItem/resolve', { ...item404, data: list.itemDefaults.data });
    assert.equal(resolved.detail, 'Not found');
    assert.match(resolved.documentation.value, /does not exist[\s\S]*SyncML status code/);
    c.close(uri);
  });
});
