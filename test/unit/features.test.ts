import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, CompletionList } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS } from '../../server/src/api';
import { createCatalog, parseCustomCodes } from '../../server/src/catalog';
import { createLanguageService } from '../../server/src/languageService';
import { analyze, dmMessage, genericAlert, service, status } from '../support/service';

function applyFix(text: string): { titles: string[]; fixed: string } {
  const a = analyze(text);
  const diags = service.doValidation(a, DEFAULT_SETTINGS);
  const actions: CodeAction[] = service.getCodeActions(a, diags[0].range, { diagnostics: diags });
  const edits = actions[0]?.edit?.changes?.[a.document.uri] ?? [];
  return { titles: actions.map((x) => x.title), fixed: TextDocument.applyEdits(a.document, edits) };
}

describe('quick fixes keyed to diagnostic codes', () => {
  it('wrong family: 1200 in a Status becomes 200', () => {
    const { titles, fixed } = applyFix(dmMessage(status('Replace', '1200')));
    assert.deepEqual(titles, ['Replace with 200 (OK)']);
    assert.match(fixed, /<Cmd>Replace<\/Cmd><Data>200<\/Data>/);
  });

  it('undefined: SACMO 1418 becomes 1413', () => {
    const { titles, fixed } = applyFix(dmMessage(genericAlert('urn:oma:at:sacmo:1.0:OperationReport', '1418')));
    assert.equal(titles.length, 1);
    assert.match(titles[0], /^Replace with 1413 \(Workflow aborted – authorization failure\)$/);
    assert.match(fixed, /<Data>1413<\/Data>/);
  });

  it('an HRESULT in a Status becomes the status inside it', () => {
    const { fixed } = applyFix(dmMessage(status('Get', '0x87D10194')));
    assert.match(fixed, /<Data>404<\/Data>/);
  });

  it('no fix where no replacement is grounded (SCOMO 1420)', () => {
    const { titles } = applyFix(dmMessage(genericAlert('urn:oma:at:scomo:1.0:OperationComplete', '1420')));
    assert.deepEqual(titles, []);
  });

  it('the fix is recomputed when a client drops diagnostic.data', () => {
    const text = dmMessage(status('Replace', '1200'));
    const a = analyze(text);
    const diags = service.doValidation(a, DEFAULT_SETTINGS).map(({ data: _data, ...d }) => d);
    const actions = service.getCodeActions(a, diags[0].range, { diagnostics: diags });
    assert.equal(actions[0]?.title, 'Replace with 200 (OK)');
  });
});

describe('positions are UTF-16 code units, with astral characters and CRLF', () => {
  it('a diagnostic after emoji on a CRLF line covers exactly the number', () => {
    const body = '    <!-- 📱🔥 device says: -->' + status('Replace', '1200');
    const text = dmMessage(body).replace(/\n/g, '\r\n');
    const a = analyze(text);
    const [d] = service.doValidation(a, DEFAULT_SETTINGS);
    const line = text.split('\r\n')[d.range.start.line];
    assert.equal(line.slice(d.range.start.character, d.range.end.character), '1200');
    assert.equal(d.range.start.line, d.range.end.line);
    // The emoji are two code units each: the column counts them so.
    assert.equal(d.range.start.character, line.indexOf('1200'));
  });

  it('hover at a UTF-16 position after an emoji finds the code', () => {
    const text = dmMessage('    <Status><CmdID>🙂</CmdID><MsgRef>1</MsgRef><CmdRef>3</CmdRef><Cmd>Get</Cmd><Data>404</Data></Status>').replace(/\n/g, '\r\n');
    const a = analyze(text);
    const lineNo = text.split('\r\n').findIndex((l) => l.includes('🙂'));
    const character = text.split('\r\n')[lineNo].indexOf('404') + 1;
    const hover = service.doHover(a, { line: lineNo, character });
    assert.ok(hover);
    assert.equal(hover.range!.start.character, character - 1);
  });
});

describe('inlay hints, symbols and folding', () => {
  it('inlay hints name each code after it, and the setting turns them off', () => {
    const text = dmMessage(status('Get', '404') + '\n' + genericAlert('urn:oma:at:scomo:1.0:OperationComplete', '1405'));
    const a = analyze(text);
    const all = { start: { line: 0, character: 0 }, end: a.document.positionAt(text.length) };
    const labels = service.getInlayHints(a, all, DEFAULT_SETTINGS).map((h) => h.label);
    assert.deepEqual(labels, ['Not found', 'GENERIC ALERT', 'Install Failed']);
    const off = { ...DEFAULT_SETTINGS, inlayHints: { enable: false } };
    assert.deepEqual(service.getInlayHints(a, all, off), []);
  });

  it('document symbols outline the commands of a message', () => {
    const text = dmMessage(status('Get', '404') + '\n    <Replace><CmdID>5</CmdID><Item><Target><LocURI>./DevInfo/Lang</LocURI></Target><Data>en</Data></Item></Replace>');
    const [msg] = service.findDocumentSymbols(analyze(text));
    assert.equal(msg.name, 'SyncML message 2');
    const body = msg.children!.find((c) => c.name === 'SyncBody')!;
    assert.deepEqual(body.children!.map((c) => `${c.name} ${c.detail}`), ['Status 404 Get CmdRef 3', 'Replace #5 ./DevInfo/Lang']);
  });

  it('document symbols show the node tree of a MgmtTree', () => {
    const ddf = '<MgmtTree><Node><NodeName>FUMO</NodeName><Node><NodeName/><Node><NodeName>State</NodeName></Node></Node></Node></MgmtTree>';
    const [tree] = service.findDocumentSymbols(analyze(ddf, 'dmtree'));
    assert.equal(tree.name, 'MgmtTree');
    assert.equal(tree.children![0].name, 'FUMO');
    assert.equal(tree.children![0].children![0].name, '(dynamic node)');
    assert.equal(tree.children![0].children![0].children![0].name, 'State');
  });

  it('the outline nests at most 64 levels; deeper nodes are listed under the deepest shown', () => {
    const depth = 100;
    const ddf = '<MgmtTree>' + '<Node><NodeName>n</NodeName>'.repeat(depth) + '</Node>'.repeat(depth) + '</MgmtTree>';
    let level = service.findDocumentSymbols(analyze(ddf, 'dmtree'));
    let levels = 0;
    let total = 0;
    while (level.length) {
      levels++;
      total += level.length;
      level = level.flatMap((s) => s.children ?? []);
    }
    assert.equal(levels, 64);
    assert.equal(total, depth + 1);
  });

  it('folding ranges follow multi-line elements', () => {
    const ranges = service.getFoldingRanges(analyze(dmMessage(status('Get', '404'))));
    assert.ok(ranges.some((r) => r.startLine === 0));
    assert.ok(ranges.every((r) => r.endLine > r.startLine));
  });

  it('a document above the large-file threshold skips symbols and folding but keeps diagnostics', () => {
    const text = dmMessage(status('Replace', '1200'));
    const small = { ...DEFAULT_SETTINGS, largeFileThreshold: 100 };
    const a = analyze(text);
    assert.deepEqual(service.findDocumentSymbols(a, small), []);
    assert.deepEqual(service.getFoldingRanges(a, small), []);
    assert.deepEqual(service.getInlayHints(a, { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } }, small), []);
    assert.equal(service.doValidation(a, small).length, 1);
    assert.ok(service.doHover(a, a.document.positionAt(a.document.getText().indexOf('1200') + 1)));
  });
});

describe('completion documentation on demand', () => {
  it('a lazy list has none; resolving an item adds the same documentation the full list has', () => {
    const text = dmMessage('    <Status><CmdID>9</CmdID><MsgRef>1</MsgRef><CmdRef>3</CmdRef><Cmd>Get</Cmd><Data></Data></Status>');
    const a = analyze(text);
    const pos = a.document.positionAt(text.indexOf('<Data></Data>') + 6);
    const full = service.doComplete(a, pos).items.find((i) => i.label === '404')!;
    const lazy = service.doComplete(a, pos, { lazy: true }).items.find((i) => i.label === '404')!;
    assert.equal(lazy.documentation, undefined);
    assert.deepEqual(service.resolveCompletionItem(lazy).documentation, full.documentation);
    const typeText = '<Alert><Data>1226</Data><Item><Meta><Type></Type></Meta></Item></Alert>';
    const t = analyze(typeText);
    const typeItem = service.doComplete(t, t.document.positionAt(typeText.indexOf('</Type>')), { lazy: true }).items[0];
    assert.match(String((service.resolveCompletionItem(typeItem).documentation as { value: string }).value), /\S/);
  });
});

describe('completion shaped for the client', () => {
  // What a client that applies CompletionList.itemDefaults does with an item (LSP 3.17).
  const effective = (list: CompletionList, item: CompletionItem) => ({
    label: item.label,
    sortText: item.sortText,
    range: item.textEdit && 'range' in item.textEdit ? item.textEdit.range : list.itemDefaults?.editRange,
    newText: item.textEdit?.newText ?? item.label,
    data: item.data ?? list.itemDefaults?.data,
  });
  const ALL = { lazy: true, defaultEditRange: true, defaultData: true, labelDetails: true };
  // An Exec on a FUMO node may be answered with a FUMO result: two families in one list.
  const text = dmMessage('    <Status><CmdID>9</CmdID><MsgRef>1</MsgRef><CmdRef>3</CmdRef><Cmd>Exec</Cmd><TargetRef>./FUMO/Pkg1/Update</TargetRef><Data>4</Data></Status>');
  const a = analyze(text);
  const pos = a.document.positionAt(text.indexOf('4</Data>') + 1);

  it('says the range and the family once, and a client that applies the defaults sees the same items', () => {
    const plain = service.doComplete(a, pos);
    const compact = service.doComplete(a, pos, ALL);
    assert.ok(compact.itemDefaults?.editRange, 'one range for the list');
    assert.deepEqual(compact.itemDefaults?.data, { family: 'syncml-status' });
    assert.ok(compact.items.every((i) => i.textEdit === undefined && i.detail === undefined && i.documentation === undefined));
    assert.ok(compact.items.some((i) => (i.data as { family?: string } | undefined)?.family === 'fumo-result'), 'the other family is said per item');
    assert.deepEqual(
      compact.items.map((i) => effective(compact, i)),
      plain.items.map((i) => effective(plain, i)),
    );
    const i404 = compact.items.find((i) => i.label === '404')!;
    assert.equal(i404.labelDetails?.description, 'Not found');
    assert.ok(JSON.stringify(compact).length * 2 < JSON.stringify(plain).length, 'under half the JSON');
  });

  it('resolves an item whose family comes from the list defaults, or from the item', () => {
    const full = service.doComplete(a, pos);
    const compact = service.doComplete(a, pos, ALL);
    for (const label of ['404', '500']) {
      const fromDefaults = { ...compact.items.find((i) => i.label === label && !i.data)!, data: compact.itemDefaults!.data };
      const resolved = service.resolveCompletionItem(fromDefaults);
      const reference = service.resolveCompletionItem({ ...full.items.find((i) => i.label === label && (i.data as { family: string }).family === 'syncml-status')! });
      assert.equal(resolved.detail, reference.detail);
      assert.deepEqual(resolved.documentation, reference.documentation);
    }
    const fumo = compact.items.find((i) => (i.data as { family?: string } | undefined)?.family === 'fumo-result')!;
    assert.match(String((service.resolveCompletionItem({ ...fumo }).documentation as { value: string }).value), /FUMO|firmware/i);
  });

  it('a custom code of ten digits resolves like any other', () => {
    const file = parseCustomCodes(JSON.stringify({ codes: [{ family: 'syncml-status', code: 2147483647, name: 'Vendor maximum', class: 'recipient-error' }] }), 'file:///vendor.json');
    assert.deepEqual(file.problems, []);
    const custom = createLanguageService({ catalog: createCatalog([file.codes!]) });
    const b = custom.analyze(a.document);
    const list = custom.doComplete(b, pos, ALL);
    const item = list.items.find((i) => i.label === '2147483647');
    assert.ok(item, 'the custom code is offered');
    const resolved = custom.resolveCompletionItem({ ...item, data: item.data ?? list.itemDefaults?.data });
    assert.equal(resolved.detail, 'Vendor maximum');
    assert.match(String((resolved.documentation as { value: string }).value), /vendor\.json/);
  });

  it('an item with data the server never sent is returned as it came', () => {
    for (const data of [undefined, null, 7, 'x', { family: 'no-such-family' }, { family: 'syncml-status' }, { alertType: 'yes' }]) {
      const item: CompletionItem = { label: data && typeof data === 'object' && 'family' in data && data.family === 'syncml-status' ? '99999' : '404', data };
      assert.deepEqual(service.resolveCompletionItem({ ...item }), item);
    }
  });
});

describe('settings', () => {
  it('severity overrides and off', () => {
    const a = analyze(dmMessage(status('Replace', '1200')));
    const asError = service.doValidation(a, { ...DEFAULT_SETTINGS, diagnostics: { enable: true, severity: { 'wrong-code-family': 'error' } } });
    assert.equal(asError[0].severity, 1);
    assert.deepEqual(service.doValidation(a, { ...DEFAULT_SETTINGS, diagnostics: { enable: true, severity: { 'wrong-code-family': 'off' } } }), []);
    assert.deepEqual(service.doValidation(a, { ...DEFAULT_SETTINGS, diagnostics: { enable: false, severity: {} } }), []);
  });
});

describe('explain', () => {
  it('every meaning of a number, and the status inside an HRESULT', () => {
    const e = service.explain('404');
    assert.deepEqual(e.meanings.map((m) => m.family), ['syncml-status', 'fumo-result', 'healthattestation-status']);
    const h = service.explain('-2016345708');
    assert.equal(h.number, 404);
    assert.equal(h.hresult?.hex, '0x87D10194');
    assert.deepEqual(service.explain('1403', 'sacmo-result').meanings.map((m) => m.name), ['Transaction failed due to Device is out of memory']);
    assert.match(service.explain('abc').note!, /not a number/);
  });
});

describe('document kind', () => {
  it('decides from the root element, and from the language for fragments', () => {
    assert.equal(service.detectKind('\uFEFF<?xml version="1.0"?><!-- x --><SyncML/>', 'xml'), 'syncml');
    assert.equal(service.detectKind('<!DOCTYPE MgmtTree><MgmtTree/>', 'xml'), 'dmtree');
    assert.equal(service.detectKind('<project/>', 'xml'), 'other');
    assert.equal(service.detectKind('<Replace/>', 'syncml'), 'syncml');
  });
});
