/** Completion (server/src/features/completion.ts): what is offered where, and its documentation on demand. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import { createCatalog, parseCustomCodes } from '../../../server/src/catalog';
import { createLanguageService } from '../../../server/src/languageService';
import { analyze, completionsAt, dmMessage, genericAlert, service } from '../../support/service';

describe('completion at code places', () => {
  it('for a Status, the codes the protocol lists for its command come first', () => {
    const items = completionsAt(dmMessage('    <Status><CmdID>9</CmdID><MsgRef>1</MsgRef><CmdRef>3</CmdRef><Cmd>Get</Cmd><Data>|</Data></Status>'));
    assert.deepEqual(items.slice(0, 3), ['200', '215', '217']);
    assert.ok(items.includes('404'));
    assert.ok(items.indexOf('201') > items.indexOf('500'));
  });

  it('a half-typed code in a SCOMO alert offers SCOMO codes, even in a truncated document', () => {
    const full = dmMessage(genericAlert('urn:oma:at:scomo:1.0:OperationComplete', '14|'));
    const items = completionsAt(full.slice(0, full.indexOf('14|') + 3));
    assert.ok(items.includes('1405'));
    assert.ok(!items.includes('404'));
  });

  it('Meta/Type, Meta/Format, Meta/Mark and Status/Cmd', () => {
    assert.ok(completionsAt('<Alert><Data>1226</Data><Item><Meta><Type>|</Type></Meta></Item></Alert>').includes('urn:oma:at:scomo:1.0:OperationComplete'));
    assert.deepEqual(completionsAt('<Item><Meta><Format>|</Format></Meta></Item>').slice(0, 2), ['int', 'chr']);
    assert.equal(completionsAt('<Item><Meta><Mark>|</Mark></Meta></Item>')[0], 'fatal');
    assert.ok(completionsAt('<Status><Cmd>|</Cmd></Status>').includes('Replace'));
  });

  it('a DDF FUMO State DefaultValue offers FUMO states', () => {
    const ddf = `<MgmtTree><Node><NodeName>FUMO</NodeName><Path>.</Path><Node><NodeName>x</NodeName><Node><NodeName>State</NodeName><DFProperties><DefaultValue>|</DefaultValue></DFProperties></Node></Node></Node></MgmtTree>`;
    assert.deepEqual(completionsAt(ddf, 'dmtree').slice(0, 3), ['10', '20', '30']);
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
