/**
 * Inlay hints on the DM tree (server/src/features/treeInlayHints.ts): the label of a node's value
 * after its Data, like a code's name after the code.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS } from '../../../server/src/api';
import { windowsCspSource } from '../../../server/src/catalog/csp/windowsCsp';
import { DmTree } from '../../../server/src/catalog/ddf/dmTree';
import { readDdf } from '../../../server/src/catalog/ddf/reader';
import { createLanguageService } from '../../../server/src/languageService';
import { analyze, dmMessage, findings, service, status } from '../../support/service';

const DPE = './Device/Vendor/MSFT/Policy/Config/DeviceLock/DevicePasswordEnabled';
const FLAGS = './Device/Vendor/MSFT/Policy/Config/Cryptography/ConfigureSystemCryptographyForceStrongKeyProtection';

const item = (uri: string, data: string) => `<Item><Target><LocURI>${uri}</LocURI></Target><Data>${data}</Data></Item>`;
const replace = (...items: string[]) => `    <Replace><CmdID>2</CmdID>${items.join('')}</Replace>`;

function hints(text: string, settings = DEFAULT_SETTINGS, range?: { from: string; to: string }) {
  const a = analyze(text);
  const whole = { start: { line: 0, character: 0 }, end: a.document.positionAt(text.length) };
  const r = range ? { start: a.document.positionAt(text.indexOf(range.from)), end: a.document.positionAt(text.indexOf(range.to)) } : whole;
  return service.getInlayHints(a, r, settings).map((h) => ({ label: h.label, after: text.slice(0, a.document.offsetAt(h.position)).replace(/^[^]*<Data>/, ''), tooltip: h.tooltip }));
}

describe('inlay hints on tree values', () => {
  it('the label after an ENUM value, in document order among the codes\' names', () => {
    const text = dmMessage(replace(item(DPE, ' 1 ')) + '\n' + status('Replace', '404') + '\n' + replace(item(DPE, '0')));
    const all = hints(text);
    assert.deepEqual(
      all.map(({ label, after }) => ({ label, after })),
      [
        { label: 'Disabled', after: ' 1' },
        { label: 'Not found', after: '404' },
        { label: 'Enabled', after: '0' },
      ],
    );
    assert.equal(all[0].tooltip, `ENUM value of ${DPE}`);
  });

  it('a value is read as value-not-allowed reads it: an int by its number, text in any case', () => {
    assert.deepEqual(hints(dmMessage(replace(item(DPE, '01')))).map((h) => h.label), ['Disabled']);
    assert.deepEqual(findings(dmMessage(replace(item(DPE, '01')))).filter((f) => f.code === 'value-not-allowed'), []);
  });

  it('a sum of flags by the flags it adds up, cut when long, whole in the tooltip', () => {
    const [h] = hints(dmMessage(replace(item(FLAGS, '3'))));
    assert.equal(h.label, 'Force high protection + Display the str…');
    assert.equal(h.tooltip, `Force high protection + Display the strong key user interface as needed\nFlag value of ${FLAGS}`);
  });

  it('a label that goes on to explain the value shows its first sentence, the tooltip the whole', () => {
    const uri = './Device/Vendor/MSFT/Policy/Config/Bluetooth/AllowAdvertising';
    const [h] = hints(dmMessage(replace(item(uri, '0'))));
    assert.equal(h.label, 'Not allowed');
    assert.match(String(h.tooltip), new RegExp(`^Not allowed\\. When set to 0, .* not received by the peripheral\\.\\nENUM value of ${uri.replace(/\./g, '\\.')}$`));
    const [once] = hints(dmMessage(replace(item('./Device/Vendor/MSFT/Policy/Config/AboveLock/AllowActionCenterNotifications', '0'))));
    assert.deepEqual([once.label, once.tooltip], ['Not allowed', 'ENUM value of ./Device/Vendor/MSFT/Policy/Config/AboveLock/AllowActionCenterNotifications']);
  });

  it('a Results value from the device is labelled too', () => {
    const text = dmMessage(`<Results><CmdID>4</CmdID><MsgRef>1</MsgRef><CmdRef>2</CmdRef><Item><Source><LocURI>${DPE}</LocURI></Source><Data>0</Data></Item></Results>`);
    assert.deepEqual(hints(text).map((h) => h.label), ['Enabled']);
  });

  it('no hint where the label adds nothing, for an unlisted value, a value of no listed kind, an unknown node', () => {
    const text = dmMessage(
      replace(
        item('./Device/Vendor/MSFT/Defender/Configuration/SecuredDevicesConfiguration', 'RemovableMediaDevices|CdRomDevices'),
        item('./Device/Vendor/MSFT/CertificateStore/MY/WSTEP/Renew/ROBOSupport', 'true'),
        item(DPE, '5'),
        item(DPE, ''),
        item('./Vendor/MSFT/Policy/Config/Update/ActiveHoursStart', '8'),
        item('./Vendor/Contoso/Thing', '1'),
        item(DPE.replace('Enabled', 'Enabeld'), '1'),
      ),
    );
    assert.deepEqual(hints(text), []);
  });

  it('a list of values is labelled item by item, only when every item is listed', () => {
    const ddf = `<MgmtTree xmlns:MSFT="http://schemas.microsoft.com/MobileDevice/DM"><VerDTD>1.2</VerDTD>
<Node><NodeName>Contoso</NodeName><Path>./Vendor</Path><DFProperties><AccessType><Get/></AccessType><DFFormat><node/></DFFormat></DFProperties>
<Node><NodeName>Channels</NodeName><DFProperties><AccessType><Get/><Replace/></AccessType><DFFormat><chr/></DFFormat>
<MSFT:AllowedValues ValueType="ENUM"><MSFT:Enum><MSFT:Value>1</MSFT:Value><MSFT:ValueDescription>Email</MSFT:ValueDescription></MSFT:Enum>
<MSFT:Enum><MSFT:Value>2</MSFT:Value><MSFT:ValueDescription>SMS</MSFT:ValueDescription></MSFT:Enum><MSFT:List Delimiter=";"/></MSFT:AllowedValues>
</DFProperties></Node></Node></MgmtTree>`;
    const read = readDdf(ddf, 'contoso.xml');
    assert.equal(read.problem, undefined);
    const tree = new DmTree([windowsCspSource(), { roots: read.roots, origin: 'contoso.xml' }]);
    const svc = createLanguageService({ dmTree: () => tree });
    const labelsOf = (data: string) => {
      const text = dmMessage(replace(item('./Vendor/Contoso/Channels', data)));
      const a = svc.analyze(TextDocument.create('file:///t.syncml', 'syncml', 1, text), 'syncml');
      return svc.getInlayHints(a, { start: { line: 0, character: 0 }, end: a.document.positionAt(text.length) }, DEFAULT_SETTINGS).map((h) => h.label);
    };
    assert.deepEqual(labelsOf('2; 1'), ['SMS, Email']);
    assert.deepEqual(labelsOf('2;'), ['SMS']);
    assert.deepEqual(labelsOf('2;3'), []);
  });

  it('a list whose DDF writes its delimiter as a code point (0xF000) is split at that character', () => {
    const ddf = `<MgmtTree xmlns:MSFT="http://schemas.microsoft.com/MobileDevice/DM"><VerDTD>1.2</VerDTD>
<Node><NodeName>Contoso</NodeName><Path>./Vendor</Path><DFProperties><AccessType><Get/></AccessType><DFFormat><node/></DFFormat></DFProperties>
<Node><NodeName>Channels</NodeName><DFProperties><AccessType><Get/><Replace/></AccessType><DFFormat><chr/></DFFormat>
<MSFT:AllowedValues ValueType="ENUM"><MSFT:Enum><MSFT:Value>1</MSFT:Value><MSFT:ValueDescription>Email</MSFT:ValueDescription></MSFT:Enum>
<MSFT:Enum><MSFT:Value>2</MSFT:Value><MSFT:ValueDescription>SMS</MSFT:ValueDescription></MSFT:Enum><MSFT:List Delimiter="0xF000"/></MSFT:AllowedValues>
</DFProperties></Node></Node></MgmtTree>`;
    const read = readDdf(ddf, 'contoso.xml');
    assert.equal(read.problem, undefined);
    const tree = new DmTree([windowsCspSource(), { roots: read.roots, origin: 'contoso.xml' }]);
    const svc = createLanguageService({ dmTree: () => tree });
    const text = dmMessage(replace(item('./Vendor/Contoso/Channels', '2\uF0001')));
    const a = svc.analyze(TextDocument.create('file:///t.syncml', 'syncml', 1, text), 'syncml');
    const labels = svc.getInlayHints(a, { start: { line: 0, character: 0 }, end: a.document.positionAt(text.length) }, DEFAULT_SETTINGS).map((h) => h.label);
    assert.deepEqual(labels, ['SMS, Email']);
  });

  it('no label for the Data of a property (?prop=), which is not the node\'s value', () => {
    assert.deepEqual(hints(dmMessage(replace(item(`${DPE}?prop=Title`, '1')))), []);
  });

  it('only the values in the range asked for', () => {
    const text = dmMessage(replace(item(DPE, '1')) + '\n<!-- mid -->\n' + replace(item(DPE, '0')));
    assert.deepEqual(hints(text, DEFAULT_SETTINGS, { from: '<!-- mid -->', to: '</SyncML>' }).map((h) => h.label), ['Enabled']);
    assert.deepEqual(hints(text, DEFAULT_SETTINGS, { from: '<SyncML', to: '<!-- mid -->' }).map((h) => h.label), ['Disabled']);
  });

  it('the setting and the large-file threshold turn them off', () => {
    const text = dmMessage(replace(item(DPE, '1')));
    assert.deepEqual(hints(text, { ...DEFAULT_SETTINGS, inlayHints: { enable: false } }), []);
    assert.deepEqual(hints(text, { ...DEFAULT_SETTINGS, largeFileThreshold: 100 }), []);
  });
});
