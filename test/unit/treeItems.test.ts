/**
 * The context layer's view of the DM tree (context/treeItems.ts and DocumentAnalysis.resolveUri):
 * which items address a node, with the Format in force and the Data, and which URIs the product may
 * judge at all.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { asDocumentAnalysis } from '../../server/src/features/analysis';
import { analyze, dmMessage } from '../support/service';

const items = (text: string) => {
  const a = asDocumentAnalysis(analyze(text));
  return a.treeItems.map((t) => ({
    command: t.commandName,
    uri: t.uri,
    uriText: text.slice(t.uriStart, t.uriEnd),
    format: t.format >= 0 ? a.xml.value(t.format) : undefined,
    data: t.data >= 0 ? a.xml.value(t.data) : undefined,
  }));
};

describe('tree items', () => {
  it('lists each item of Add/Replace/Get/Delete/Exec/Copy by its Target, Results by its Source, nested in Atomic too', () => {
    const text = `<Atomic><CmdID>1</CmdID>
<Replace><CmdID>2</CmdID><Meta><Format xmlns="syncml:metinf">int</Format></Meta>
  <Item><Target><LocURI>
    ./Device/Vendor/MSFT/Policy/Config/Update/ActiveHoursStart
  </LocURI></Target><Data>27</Data></Item>
  <Item><Target><LocURI>./Vendor/MSFT/DeviceLock/DevicePasswordEnabled</LocURI></Target><Meta><Format>chr</Format></Meta><Data>1</Data></Item>
</Replace></Atomic>
<Get><CmdID>3</CmdID><Item><Target><LocURI>./DevDetail/SwV</LocURI></Target></Item></Get>
<Delete><CmdID>4</CmdID><Item><Target><LocURI>./User/Vendor/MSFT/Foo</LocURI></Target></Item></Delete>
<Exec><CmdID>5</CmdID><Item><Target><LocURI>./Vendor/MSFT/RemoteWipe/doWipe</LocURI></Target></Item></Exec>
<Copy><CmdID>6</CmdID><Item><Target><LocURI>./a</LocURI></Target><Source><LocURI>./b</LocURI></Source></Item></Copy>
<Results><CmdID>7</CmdID><Item><Source><LocURI>./DevDetail/SwV</LocURI></Source><Data>10.0</Data></Item></Results>
<Status><CmdID>8</CmdID><Item><Target><LocURI>./x</LocURI></Target></Item></Status>
<Add><CmdID>9</CmdID><Item><Target><LocURI><ProviderID/>/x</LocURI></Target></Item><Item><Target><LocURI> </LocURI></Target></Item></Add>`;
    assert.deepEqual(items(dmMessage(text)), [
      { command: 'Replace', uri: './Device/Vendor/MSFT/Policy/Config/Update/ActiveHoursStart', uriText: './Device/Vendor/MSFT/Policy/Config/Update/ActiveHoursStart', format: 'int', data: '27' },
      { command: 'Replace', uri: './Vendor/MSFT/DeviceLock/DevicePasswordEnabled', uriText: './Vendor/MSFT/DeviceLock/DevicePasswordEnabled', format: 'chr', data: '1' },
      { command: 'Get', uri: './DevDetail/SwV', uriText: './DevDetail/SwV', format: undefined, data: undefined },
      { command: 'Delete', uri: './User/Vendor/MSFT/Foo', uriText: './User/Vendor/MSFT/Foo', format: undefined, data: undefined },
      { command: 'Exec', uri: './Vendor/MSFT/RemoteWipe/doWipe', uriText: './Vendor/MSFT/RemoteWipe/doWipe', format: undefined, data: undefined },
      { command: 'Copy', uri: './a', uriText: './a', format: undefined, data: undefined },
      { command: 'Results', uri: './DevDetail/SwV', uriText: './DevDetail/SwV', format: undefined, data: '10.0' },
    ]);
  });

  it('judges the OMA standard objects by the Windows index only in a document that addresses a Windows tree', () => {
    const aosp = asDocumentAnalysis(analyze(dmMessage('<Get><CmdID>3</CmdID><Item><Target><LocURI>./DevDetail/Bearer/GSM</LocURI></Target></Item></Get>')));
    assert.equal(aosp.addressesWindows, false);
    assert.equal(aosp.resolveUri('./DevDetail/Bearer/GSM').kind, 'unknown-tree');
    assert.equal(aosp.resolveUri('./DevDetail/SwV').kind, 'unknown-tree');

    const windows = asDocumentAnalysis(
      analyze(dmMessage('<Get><CmdID>3</CmdID><Item><Target><LocURI>./DevDetail/Bearer/GSM</LocURI></Target></Item><Item><Target><LocURI>./Vendor/MSFT/DeviceLock/DevicePasswordEnabled</LocURI></Target></Item></Get>')),
    );
    assert.equal(windows.addressesWindows, true);
    assert.equal(windows.resolveUri('./DevDetail/SwV').kind, 'node');
    const r = windows.resolveUri('./DevDetail/Bearer/GSM');
    assert.equal(r.kind, 'unknown-node');
    // A leading '/' (malformed-uri's to report) reads as the same tree here, as the resolver reads it.
    const slash = asDocumentAnalysis(analyze(dmMessage('<Get><CmdID>3</CmdID><Item><Target><LocURI>/Vendor/MSFT/DeviceLock/Foo</LocURI></Target></Item></Get>')));
    assert.equal(slash.addressesWindows, true);
    assert.equal(slash.resolveUri('/DevDetail/Bearer/GSM').kind, 'unknown-node');
    assert.equal(aosp.resolveUri('/DevDetail/Bearer/GSM').kind, 'unknown-tree');
    // A Windows CSP is judged in any document.
    assert.equal(aosp.resolveUri('./Device/Vendor/MSFT/Policy/Config/DeviceLock/DevicePasswordEnabeld').kind, 'unknown-node');
  });
});
