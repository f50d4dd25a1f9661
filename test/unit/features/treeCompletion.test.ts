/**
 * Completion on the DM tree (server/src/features/treeCompletion.ts): URI segments in a command's
 * Target, a node's values in its Data, its DFFormat in Meta/Format.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import { asDocumentAnalysis } from '../../../server/src/features/analysis';
import { work } from '../../../server/src/workCounter';
import { analyze, cursor, dmMessage, service } from '../../support/service';

const DPE = './Device/Vendor/MSFT/Policy/Config/DeviceLock/DevicePasswordEnabled';

const command = (uri: string, data = '', cmd = 'Replace', meta = '') =>
  dmMessage(`    <${cmd}><CmdID>2</CmdID><Item><Target><LocURI>${uri}</LocURI></Target>${meta}<Data>${data}</Data></Item></${cmd}>`);

/** The list at the cursor, and what each item would put where (the text its edit replaces). */
function complete(fixture: string, opts = {}): { list: CompletionList; items: { label: string; detail?: string; replaced: string; newText: string }[] } {
  const { text, offset } = cursor(fixture);
  const a = analyze(text);
  const list = service.doComplete(a, a.document.positionAt(offset), opts);
  const items = list.items
    .slice()
    .sort((x, y) => (x.sortText ?? x.label).localeCompare(y.sortText ?? y.label))
    .map((i) => {
      const range = i.textEdit && 'range' in i.textEdit ? i.textEdit.range : list.itemDefaults!.editRange as { start: never; end: never };
      return {
        label: i.label,
        detail: i.detail ?? i.labelDetails?.description,
        replaced: text.slice(a.document.offsetAt(range.start), a.document.offsetAt(range.end)),
        newText: i.textEdit?.newText ?? i.textEditText ?? i.label,
      };
    });
  return { list, items };
}

const labels = (fixture: string) => complete(fixture).items.map((i) => i.label);

describe('completion of URI segments', () => {
  it('an empty LocURI offers the trees to start from', () => {
    assert.deepEqual(
      complete(command('|')).items.map(({ label, detail, replaced }) => ({ label, detail, replaced })),
      [
        { label: './Device/Vendor/MSFT/', detail: 'the device tree', replaced: '' },
        { label: './User/Vendor/MSFT/', detail: 'the user tree', replaced: '' },
        { label: './Vendor/MSFT/', detail: 'the device tree', replaced: '' },
      ],
    );
    assert.deepEqual(complete(command('./Us|er')).items[1].replaced, './User', 'the first segment is replaced whole');
  });

  it('the children of the node typed so far, with format and access, replacing the segment being typed', () => {
    const { items } = complete(command('./Device/Vendor/MSFT/Policy/Config/DeviceLock/DevicePass|'));
    const dpe = items.find((i) => i.label === 'DevicePasswordEnabled')!;
    assert.deepEqual(dpe, { label: 'DevicePasswordEnabled', detail: 'int · Get, Add, Replace, Delete', replaced: 'DevicePass', newText: 'DevicePasswordEnabled' });
    // In the middle of a segment, the whole segment up to the next / is replaced.
    const mid = complete(command('./Device/Vendor/MSFT/Poli|cy/Config'));
    assert.equal(mid.items.find((i) => i.label === 'Policy')!.replaced, 'Policy');
    assert.equal(mid.items.find((i) => i.label === 'Policy')!.detail, 'node · Get');
  });

  it('while the LocURI is being typed, before its end tag', () => {
    const open = dmMessage('<Replace><CmdID>2</CmdID><Item><Target><LocURI>./Device/Vendor/MSFT/Policy/Config/DeviceLock/DevicePass|');
    assert.deepEqual(complete(open).items.find((i) => i.label === 'DevicePasswordEnabled')?.replaced, 'DevicePass');
    // A closed LocURI with markup inside holds no URI to complete.
    assert.deepEqual(labels(command('<ProviderID/>/Vendor/MSFT/|')), []);
  });

  it('the areas of Policy/Config, in the scope written, and the ADMX-ingested area as a placeholder last', () => {
    const device = labels(command('./Device/Vendor/MSFT/Policy/Config/|'));
    const user = labels(command('./User/Vendor/MSFT/Policy/Config/|'));
    assert.ok(device.includes('Update') && device.includes('DeviceLock'));
    assert.ok(!user.includes('Update'), 'Update is a device-only area');
    assert.equal(device.at(-1), '{AreaName}');
    const area = complete(command('./Device/Vendor/MSFT/Policy/Config/|')).items.at(-1)!;
    assert.equal(area.detail, 'dynamic node: an ADMX-ingested area, named App~Policy~Category (a name with ~)');
  });

  it('a dynamic node is offered as its placeholder, explained, inserting its title to rename', () => {
    const { items } = complete(command('./Vendor/MSFT/VPNv2/|'));
    assert.deepEqual(items, [
      {
        label: '{ProfileName}',
        detail: 'dynamic node: a name the server makes up, unique among its siblings (ServerGeneratedUniqueIdentifier)',
        replaced: '',
        newText: 'ProfileName',
      },
    ]);
    // Below a dynamic segment as written, its children.
    assert.ok(labels(command('./Vendor/MSFT/VPNv2/Contoso%20VPN/|')).includes('ProfileXML'));
  });

  it('nothing under a node nobody describes, in a query, in a Results item or a Status', () => {
    assert.deepEqual(labels(command('./Vendor/Contoso/|')), []);
    assert.deepEqual(labels(command('./Device/Vendor/MSFT/Policy/Config/DeviceLokc/|')), []);
    assert.deepEqual(labels(command(`${DPE}?list=|`)), []);
    assert.deepEqual(labels(dmMessage('<Results><CmdID>4</CmdID><Item><Source><LocURI>./Device/Vendor/MSFT/|</LocURI></Source></Item></Results>')), []);
    assert.deepEqual(labels(dmMessage('<Status><CmdID>4</CmdID><Item><Target><LocURI>./Device/Vendor/MSFT/|</LocURI></Target></Item></Status>')), []);
  });

  it('documentation: in the full list, or on resolve from the node\'s path in a lazy one, the same', () => {
    const fixture = command('./Vendor/MSFT/VPNv2/x/Prof|');
    const full = complete(fixture).list.items.find((i) => i.label === 'ProfileXML')!;
    const lazy = complete(fixture, { lazy: true, labelDetails: true, defaultEditRange: true, defaultData: true }).list;
    const item = lazy.items.find((i) => i.label === 'ProfileXML')!;
    assert.equal(item.documentation, undefined);
    assert.deepEqual(item.data, { treeNode: './Device/Vendor/MSFT/VPNv2/{ProfileName}/ProfileXML' });
    assert.equal(item.labelDetails?.description, 'chr · Get, Add, Replace, Delete');
    const resolved = service.resolveCompletionItem({ ...item } as CompletionItem);
    assert.deepEqual(resolved.documentation, full.documentation);
    assert.match((resolved.documentation as { value: string }).value, /^`\.\/Device\/Vendor\/MSFT\/VPNv2\/\{ProfileName\}\/ProfileXML`\n/);
    assert.deepEqual(service.resolveCompletionItem({ label: 'X', data: { treeNode: './No/Such' } }), { label: 'X', data: { treeNode: './No/Such' } });
  });

  it('a client that takes itemDefaults gets one edit range', () => {
    const fixture = command('./Device/Vendor/MSFT/Policy/Config/DeviceLock/Dev|');
    const plain = complete(fixture).items;
    const compact = complete(fixture, { lazy: true, labelDetails: true, defaultEditRange: true, defaultData: true });
    assert.ok(compact.list.itemDefaults?.editRange);
    assert.ok(compact.list.items.every((i) => i.textEdit === undefined));
    assert.deepEqual(compact.items, plain);
  });

  it('ranges are UTF-16, in a CRLF document, after a segment with a character outside the BMP', () => {
    const fixture = command('./Vendor/MSFT/VPNv2/\u{1F600}x/Prof|').replace(/\n/g, '\r\n');
    const { items } = complete(fixture);
    const xml = items.find((i) => i.label === 'ProfileXML')!;
    assert.equal(xml.replaced, 'Prof');
    const { text, offset } = cursor(fixture);
    const a = analyze(text);
    const list = service.doComplete(a, a.document.positionAt(offset));
    const range = (list.items[0].textEdit as { range: { start: { line: number; character: number } } }).range;
    const line = text.split('\r\n').findIndex((l) => l.includes('VPNv2'));
    assert.deepEqual(range.start, { line, character: text.split('\r\n')[line].indexOf('Prof') });
  });
});

describe('completion of Data values and Meta/Format', () => {
  it('an ENUM node: its values with their labels, the default marked', () => {
    assert.deepEqual(
      complete(command(DPE, '|')).items.map(({ label, detail, newText }) => ({ label, detail, newText })),
      [
        { label: '0', detail: 'Enabled', newText: '0' },
        { label: '1', detail: 'Disabled (default)', newText: '1' },
      ],
    );
    assert.equal(complete(command(DPE, ' 1|')).items[0].replaced, '1', 'the value written is replaced');
  });

  it('a list (MSFT:List): only the item at the cursor is replaced, the others stay', () => {
    const types = './Vendor/MSFT/Firewall/MdmStore/FirewallRules/Rule1/InterfaceTypes';
    assert.deepEqual(labels(command(types, 'Lan,Wire|')), ['RemoteAccess', 'Wireless', 'Lan', 'MBB', 'All']);
    assert.equal(complete(command(types, 'Lan,Wi|re')).items[0].replaced, 'Wire');
    assert.equal(complete(command(types, 'Lan,|')).items[0].replaced, '');
    assert.equal(complete(command(types, ' Wire|less ,Lan')).items[0].replaced, 'Wireless');
  });

  it('a bool: true and false; a Range node: its default', () => {
    const bool = './Device/Vendor/MSFT/CertificateStore/MY/WSTEP/Renew/ROBOSupport';
    assert.deepEqual(labels(command(bool, '|')), ['true', 'false']);
    assert.deepEqual(complete(command('./Vendor/MSFT/Policy/Config/Update/ActiveHoursStart', '|')).items.map((i) => [i.label, i.detail]), [['8', 'default']]);
  });

  it('an ADMX-backed policy: the payload skeletons, in CDATA or, inside one, bare', () => {
    const uri = './User/Vendor/MSFT/Policy/Config/ADMX_AddRemovePrograms/NoServices';
    assert.deepEqual(
      complete(command(uri, '|')).items.map(({ label, detail }) => ({ label, detail })),
      [
        { label: '<![CDATA[<enabled/>]]>', detail: 'ADMX policy NoServices (AddRemovePrograms.admx)' },
        { label: '<![CDATA[<disabled/>]]>', detail: 'ADMX policy NoServices (AddRemovePrograms.admx)' },
      ],
    );
    assert.deepEqual(labels(command(uri, '<![CDATA[|]]>')), ['<enabled/>', '<disabled/>']);
  });

  it('no values for a Results item, or a node nobody describes', () => {
    assert.deepEqual(labels(dmMessage(`<Results><CmdID>4</CmdID><Item><Source><LocURI>${DPE}</LocURI></Source><Data>|</Data></Item></Results>`)), []);
    assert.deepEqual(labels(command('./Vendor/Contoso/Thing', '|')), []);
  });

  it('Meta/Format: the node\'s DFFormat first, for the item\'s own Meta or the command\'s', () => {
    const own = complete(command(DPE, '1', 'Replace', '<Meta><Format>|</Format></Meta>')).items;
    assert.deepEqual(own.slice(0, 2).map((i) => [i.label, i.detail]), [
      ['int', `DFFormat of ${DPE}`],
      ['chr', 'Meta/Format'],
    ]);
    assert.equal(own.length, 11, 'every format, the node\'s once');
    const bool = './Device/Vendor/MSFT/CertificateStore/MY/WSTEP/Renew/ROBOSupport';
    const cmd = dmMessage(
      `<Replace><CmdID>2</CmdID><Meta><Format>|</Format></Meta><Item><Target><LocURI>${bool}</LocURI></Target><Data>true</Data></Item><Item><Target><LocURI>${DPE}</LocURI></Target><Meta><Format>int</Format></Meta><Data>1</Data></Item></Replace>`,
    );
    assert.deepEqual(labels(cmd).slice(0, 2), ['bool', 'int'], 'the item with a Format of its own does not count');
    // No node known: the formats in their usual order.
    assert.deepEqual(labels(command('./Vendor/Contoso/Thing', '1', 'Replace', '<Meta><Format>|</Format></Meta>')).slice(0, 2), ['int', 'chr']);
  });
});

describe('completion in a large document stays local', () => {
  it('after the first request, the work of completing a URI does not grow with the number of items', () => {
    const steps = (n: number) => {
      const items = Array.from({ length: n }, (_, k) => `<Replace><CmdID>${k + 2}</CmdID><Item><Target><LocURI>${DPE}</LocURI></Target><Data>1</Data></Item></Replace>`);
      items.splice(n >> 1, 0, `<Replace><CmdID>1</CmdID><Item><Target><LocURI>./Device/Vendor/MSFT/Policy/Config/DeviceLock/Dev|</LocURI></Target></Item><Item><Target><LocURI>${DPE}</LocURI></Target><Meta><Format>|</Format></Meta><Data>|</Data></Item></Replace>`);
      const fixture = dmMessage(items.join('\n'));
      const text = fixture.replace(/\|/g, '');
      const cursors = [...fixture.matchAll(/\|/g)].map((m, k) => m.index! - k);
      const a = analyze(text);
      // Built once per analysis, by whichever request comes first: the tree items and the line index.
      void asDocumentAnalysis(a).treeItems;
      asDocumentAnalysis(a).offsetAt({ line: 0, character: 0 });
      const before = work.steps;
      for (const offset of cursors) assert.ok(service.doComplete(a, a.document.positionAt(offset)).items.length > 0);
      return work.steps - before;
    };
    const small = steps(200);
    const large = steps(3200);
    assert.ok(large < small * 1.5, `completion work ${small} steps with 200 items, ${large} with 3200`);
  });
});
