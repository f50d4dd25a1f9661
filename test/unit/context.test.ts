/**
 * The context layer (server/src/context): which family applies at each code site, seen through the
 * findings and hover a user gets there. What hover, completion and diagnostics show as features is
 * test/unit/features/.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mayNameStateNode, moFromPath, stateFamily } from '../../server/src/context/moPaths';
import { dmMessage, findings, genericAlert, hoverAt, status } from '../support/service';

const codes = (text: string, lang = 'syncml') => findings(text, lang).map((f) => `${f.code}:${f.covered}`);

describe('context: Status/Data is a SyncML status checked against Status/Cmd', () => {
  it('404 in a Status for Get is Not Found, and not flagged', () => {
    const text = dmMessage(status('Get', '404'));
    assert.deepEqual(codes(text), []);
    const hover = hoverAt(dmMessage(status('Get', '40|4')));
    assert.match(hover!, /404 — Not found/i);
    assert.match(hover!, /Here:\* Status for Get \(CmdRef 3, MsgRef 1\)/);
    assert.match(hover!, /Elsewhere:.*FUMO.*Failed Firmware Update Package Validation/);
  });

  it('1200 in a Status is a wrong-family code, fixed to 200', () => {
    const f = findings(dmMessage(status('Replace', '1200')));
    assert.equal(f.length, 1);
    assert.equal(f[0].code, 'wrong-code-family');
    assert.equal(f[0].covered, '1200');
    assert.match(f[0].message, /1200 is not a SyncML status code .*SCOMO result code \("Successful"\)/);
  });

  it('201 on a Replace and 212 on an Add are unexpected for the command (information)', () => {
    const f = findings(dmMessage(status('Replace', '201') + '\n' + status('Add', '212', 4)));
    assert.deepEqual(f.map((x) => `${x.code}:${x.covered}:${x.severity}`), [
      'unexpected-status-for-command:201:3',
      'unexpected-status-for-command:212:3',
    ]);
    assert.match(f[0].message, /201 \(Item added\) is not among the statuses the DM protocol lists for Replace/);
  });

  it('212 for SyncHdr and 507 for Atomic are expected', () => {
    assert.deepEqual(codes(dmMessage(status('SyncHdr', '212', 0) + '\n' + status('Atomic', '507', 5))), []);
  });

  it('a non-integer, an empty Data and an HRESULT where a status belongs', () => {
    const f = findings(dmMessage(status('Get', 'OK') + '\n' + status('Get', '', 4) + '\n' + status('Get', '0x87D10194', 5)));
    assert.deepEqual(f.map((x) => `${x.code}:${x.covered}`), ['not-a-code:OK', 'not-a-code:', 'not-a-code:0x87D10194']);
    assert.match(f[2].message, /Windows HRESULT carrying SyncML status 404/);
  });

  it('a status answering a Generic Alert in the same trace may only be 200, 202, 401, 407, 412, 415, 500', () => {
    const client = dmMessage(genericAlert('urn:oma:at:scomo:1.0:OperationComplete', '1200'), { msgId: 3 });
    const server = dmMessage(
      '    <Status><CmdID>1</CmdID><MsgRef>3</MsgRef><CmdRef>4</CmdRef><Cmd>Alert</Cmd><Data>406</Data></Status>',
      { msgId: 3, source: 'server' },
    );
    const f = findings(client + server);
    assert.deepEqual(f.map((x) => `${x.code}:${x.covered}`), ['unexpected-status-for-command:406']);
    assert.match(f[0].message, /a Generic Alert \(1226\): 200, 202, 401, 407, 412, 415, 500/);
  });

  it('in a longer trace, a Status finds the command it answers in any earlier message', () => {
    // 1 (server): an Exec. 2 (client): its Status, the first to need the command index.
    // 3 (client): a Generic Alert. 4 (server): the Status answering it, whose command came later.
    const m1 = dmMessage(
      '    <Exec><CmdID>7</CmdID><Item><Target><LocURI>./SCOMO/Inventory/Delivered/App1/Operations/Install</LocURI></Target></Item></Exec>',
      { msgId: 1, source: 'server' },
    );
    const m2 = dmMessage(status('Exec', '1405', 7), { msgId: 2 });
    const m3 = dmMessage(genericAlert('urn:oma:at:scomo:1.0:OperationComplete', '1200'), { msgId: 3 });
    const m4 = dmMessage(
      '    <Status><CmdID>1</CmdID><MsgRef>3</MsgRef><CmdRef>4</CmdRef><Cmd>Alert</Cmd><Data>406</Data></Status>',
      { msgId: 2, source: 'server' },
    );
    const f = findings(m1 + m2 + m3 + m4);
    assert.deepEqual(f.map((x) => `${x.code}:${x.covered}`), ['unexpected-status-for-command:406']);
    assert.match(f[0].message, /a Generic Alert \(1226\)/);
  });

  it('a Status finds a Generic Alert nested in Sequence and Atomic, past a later command with the same CmdID', () => {
    // 3 (client): the Generic Alert inside Sequence/Atomic, then a Get that reuses its CmdID (4).
    const m3 = dmMessage(
      `    <Sequence><CmdID>2</CmdID><Atomic><CmdID>3</CmdID>\n${genericAlert('urn:oma:at:scomo:1.0:OperationComplete', '1200')}\n    </Atomic></Sequence>\n` +
        '    <Get><CmdID>4</CmdID><Item><Target><LocURI>./DevInfo/Mod</LocURI></Target></Item></Get>',
      { msgId: 3 },
    );
    // 2 (server): its Status for the Alert; 406 is not among a Generic Alert's answers.
    const m4 = dmMessage(
      '    <Status><CmdID>1</CmdID><MsgRef>3</MsgRef><CmdRef>4</CmdRef><Cmd>Alert</Cmd><Data>406</Data></Status>',
      { msgId: 2, source: 'server' },
    );
    const f = findings(m3 + m4);
    assert.deepEqual(f.map((x) => `${x.code}:${x.covered}`), ['unexpected-status-for-command:406']);
    assert.match(f[0].message, /a Generic Alert \(1226\)/);
  });

  it('a synchronous Exec on a SCOMO node is answered with a SCOMO result code, decoded as such', () => {
    const server = dmMessage(
      '    <Exec><CmdID>7</CmdID><Item><Target><LocURI>./SCOMO/Inventory/Delivered/App1/Operations/Install</LocURI></Target></Item></Exec>',
      { msgId: 1, source: 'server' },
    );
    const client = dmMessage(status('Exec', '1405', 7), { msgId: 2 });
    assert.deepEqual(codes(server + client), []);
    const hover = hoverAt(server + dmMessage(status('Exec', '14|05', 7), { msgId: 2 }));
    assert.match(hover!, /1405 — Install Failed/);
    assert.match(hover!, /SCOMO result code/);
  });

  it('a TargetRef names the Exec target when the command is not in the file', () => {
    const text = dmMessage(
      '    <Status><CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>7</CmdRef><Cmd>Exec</Cmd><TargetRef>./SACMO/Workflow/W1/Operations/Start</TargetRef><Data>1413</Data></Status>',
    );
    assert.deepEqual(codes(text), []);
  });
});

describe('context: Alert/Data is a DM or DS alert code', () => {
  it('a DM alert code is fine; a DS alert code in a DM message is the wrong family', () => {
    const f = findings(dmMessage('    <Alert><CmdID>1</CmdID><Data>1201</Data></Alert>\n    <Alert><CmdID>2</CmdID><Data>201</Data></Alert>'));
    assert.deepEqual(f.map((x) => `${x.code}:${x.covered}`), ['wrong-code-family:201']);
    assert.match(f[0].message, /201 is not an OMA DM alert code .*DS alert code \("SLOW SYNC"\)/);
  });

  it('a reserved DM alert code is undefined', () => {
    assert.deepEqual(codes(dmMessage('    <Alert><CmdID>1</CmdID><Data>1105</Data></Alert>')), ['undefined-code:1105']);
  });

  it('a DS message (VerProto SyncML/1.2) reads DS alerts and gets no DM-only warnings', () => {
    const text = dmMessage(
      '    <Alert><CmdID>1</CmdID><Data>201</Data></Alert>\n' + status('Replace', '201') + '\n' + status('Add', '419', 4),
      { proto: 'SyncML/1.2' },
    );
    assert.deepEqual(codes(text), []);
    assert.match(hoverAt(text.replace('<Data>201</Data></Alert>', '<Data>2|01</Data></Alert>'))!, /SLOW SYNC/);
  });
});

describe('context: Generic Alert items carry the result code of the MO their type names', () => {
  it('404 in a FUMO Generic Alert is Failed Firmware Update Package Validation', () => {
    const hover = hoverAt(dmMessage(genericAlert('org.openmobilealliance.dm.firmwareupdate.downloadandupdate', '4|04')));
    assert.match(hover!, /404 — Failed Firmware Update Package Validation/);
    assert.match(hover!, /Generic Alert of type org\.openmobilealliance\.dm\.firmwareupdate\.downloadandupdate/);
    assert.match(hover!, /Elsewhere:.*SyncML status code 404/);
  });

  it('404 in a SCOMO alert is the wrong family; 1420 is undefined; 1403 means authentication failure', () => {
    const t = 'urn:oma:at:scomo:1.0:OperationComplete';
    assert.deepEqual(codes(dmMessage(genericAlert(t, '404'))), ['wrong-code-family:404']);
    assert.deepEqual(codes(dmMessage(genericAlert(t, '1420'))), ['undefined-code:1420']);
    assert.match(hoverAt(dmMessage(genericAlert(t, '14|03')))!, /Alternate Download Authentication Failure/);
  });

  it('1403 in a SACMO alert is out of memory; 1418 is the obsolete number of 1413', () => {
    const t = 'urn:oma:at:sacmo:1.0:OperationReport';
    assert.match(hoverAt(dmMessage(genericAlert(t, '140|3')))!, /Transaction failed due to Device is out of memory/);
    const f = findings(dmMessage(genericAlert(t, '1418')));
    assert.deepEqual(f.map((x) => `${x.code}:${x.covered}`), ['undefined-code:1418']);
    assert.match(f[0].message, /1413/);
  });

  it('tolerates the Reversed-Domain-Name prefix, spaces, case and a prefixed Meta/Type', () => {
    const text = dmMessage(`    <Alert><CmdID>4</CmdID><Data>1226</Data><Item>
      <m:Meta xmlns:m="syncml:metinf"><m:Type> Reversed-Domain-Name: ORG.OpenMobileAlliance.DM.FirmwareUpdate.Update </m:Type><m:Format>int</m:Format></m:Meta>
      <Data>402</Data></Item></Alert>`);
    assert.deepEqual(codes(text), []);
    assert.match(hoverAt(text.replace('<Data>402', '<Data>40|2'))!, /Corrupted Firmware Update Package/);
  });

  it('without a type, the Source/LocURI names the MO', () => {
    const text = dmMessage(`    <Alert><CmdID>4</CmdID><Data>1226</Data><Item><Source><LocURI>./FUMO/x/DownloadAndUpdate</LocURI></Source><Data>41|0</Data></Item></Alert>`);
    assert.match(hoverAt(text)!, /410 — Firmware Update Failed/);
  });

  it('a non-int Meta/Format means the data is not a code', () => {
    const text = dmMessage(`    <Alert><CmdID>4</CmdID><Data>1226</Data><Item><Meta><Type>urn:oma:at:scomo:1.0:OperationComplete</Type><Format>chr</Format></Meta><Data>hello</Data></Item></Alert>`);
    assert.deepEqual(codes(text), []);
  });

  it('an unknown Generic Alert type is reported on the type string', () => {
    const f = findings(dmMessage(genericAlert('com.example.unknown', '1')));
    assert.deepEqual(f.map((x) => `${x.code}:${x.covered}`), ['unknown-alert-type:com.example.unknown']);
  });

  it('a vendor-range FUMO code is a hint', () => {
    const f = findings(dmMessage(genericAlert('org.openmobilealliance.dm.firmwareupdate.update', '260')));
    assert.deepEqual(f.map((x) => `${x.code}:${x.covered}:${x.severity}`), ['vendor-code:260:4']);
  });
});

describe('context: state nodes in messages and DM tree files', () => {
  it('a Results item from a FUMO State node is a FUMO state value', () => {
    const text = dmMessage(`    <Results><CmdID>5</CmdID><MsgRef>1</MsgRef><CmdRef>3</CmdRef><Item><Source><LocURI>./FUMO/Pkg1/State</LocURI></Source><Meta><Format>int</Format></Meta><Data>4|0</Data></Item></Results>`);
    assert.match(hoverAt(text)!, /40 — Download Complete/);
  });

  it('SCOMO Download, Delivered and Deployed Status/State nodes and LAWMO State are told apart', () => {
    const rep = (uri: string, v: string) => `<Replace><CmdID>3</CmdID><Item><Target><LocURI>${uri}</LocURI></Target><Data>${v}</Data></Item></Replace>`;
    assert.match(hoverAt(dmMessage(rep('./SCOMO/Download/P1/Status', '5|0')))!, /Install Progressing/);
    assert.match(hoverAt(dmMessage(rep('./SCOMO/Inventory/Delivered/P1/Status', '5|0')))!, /Install Failed With Data/);
    assert.match(hoverAt(dmMessage(rep('./SCOMO/Inventory/Deployed/C1/Status', '5|0')))!, /Activate Progressing/);
    assert.match(hoverAt(dmMessage(rep('./SCOMO/Inventory/Deployed/C1/State', '2|0')))!, /Active/);
    assert.match(hoverAt(dmMessage(rep('./LAWMO/State', '3|0')))!, /Unlocked/);
    assert.deepEqual(codes(dmMessage(rep('./LAWMO/State', '40'))), ['undefined-code:40']);
  });

  it('a state URI with a trailing slash, a query, odd case, CDATA or white space is still a state node', () => {
    const rep = (uri: string, v: string) => `<Replace><CmdID>3</CmdID><Item><Target><LocURI>${uri}</LocURI></Target><Data>${v}</Data></Item></Replace>`;
    for (const uri of ['./FUMO/Pkg1/State/', './FUMO/Pkg1/State?list=Struct', './fumo/pkg1/STATE', '<![CDATA[./FUMO/Pkg1/State]]>', ' ./FUMO/Pkg1/State/. ', './FUMO/Pkg1/State\u00a0']) {
      assert.match(hoverAt(dmMessage(rep(uri, '4|0')))!, /40 — Download Complete/, uri);
    }
    // Not state nodes: the code is not decoded as a state value there.
    for (const uri of ['./FUMO/Pkg1/State.', './FUMO/Pkg1/Stat', './FUMO/Pkg1/PkgURL', './Vendor/MSFT/Policy/Config/State']) {
      assert.equal(hoverAt(dmMessage(rep(uri, '4|0'))), undefined, uri);
    }
  });

  it('the quick state-URI test never passes over a URI that the full path rules make a state node', () => {
    const roots = ['./FUMO', 'FUMO', './Vendor/X/SCOMO', './SCOMO', './LAWMO', './Vendor/MSFT/HealthAttestation', './DevDetail'];
    const rels = ['x/State', 'State', 'Download/P1/Status', 'Inventory/Delivered/P1/Status', 'Inventory/Deployed/C1/State', 'Status', 'x/Ext'];
    const suffixes = ['', '/', '/.', '?list=Struct', ' ', '\u3000', '/ ', '.', '..', '/..', '\u00a0/'];
    let states = 0;
    for (const root of roots) {
      for (const rel of rels) {
        for (const suffix of suffixes) {
          for (const spell of [(u: string) => u, (u: string) => u.toUpperCase(), (u: string) => u.toLowerCase()]) {
            const uri = spell(`${root}/${rel}${suffix}`);
            const mo = moFromPath(uri);
            if (mo !== undefined && stateFamily(mo.mo, mo.rel) !== undefined) {
              states++;
              assert.ok(mayNameStateNode(uri), uri);
            }
          }
        }
      }
    }
    assert.ok(states > 100, `only ${states} state URIs generated`);
    assert.equal(mayNameStateNode('./Vendor/MSFT/Policy/Config/Camera/AllowCamera'), false);
  });

  it('a DDF FUMO State node: DefaultValue decoded, MO found by DDFName', () => {
    const ddf = `<MgmtTree xmlns="syncml:dmddf1.2"><VerDTD>1.2</VerDTD>
  <Node><NodeName>FwUpd</NodeName><Path>./Vendor</Path>
    <DFProperties><AccessType><Get/></AccessType><DFFormat><node/></DFFormat><DFType><DDFName>urn:oma:mo:oma-fumo:1.0</DDFName></DFType></DFProperties>
    <Node><NodeName/>
      <DFProperties><AccessType><Get/></AccessType><DFFormat><node/></DFFormat><DFType><DDFName/></DFType></DFProperties>
      <Node><NodeName>State</NodeName>
        <DFProperties><AccessType><Get/></AccessType><DefaultValue>1|0</DefaultValue><DFFormat><int/></DFFormat><DFType><MIME>text/plain</MIME></DFType></DFProperties>
      </Node>
    </Node>
  </Node>
</MgmtTree>`;
    const hover = hoverAt(ddf, 'dmtree');
    assert.match(hover!, /10 — Idle/);
    assert.match(hover!, /FUMO node \.\/Vendor\/FwUpd\/<x>\/State/);
    assert.deepEqual(codes(ddf.replace('1|0', '15'), 'dmtree'), ['undefined-code:15']);
  });

  it('a TNDS LAWMO State Value is decoded', () => {
    const tnds = `<MgmtTree><VerDTD>1.2</VerDTD><Node><NodeName>LAWMO</NodeName><Path>.</Path><RTProperties><Type><DDFName>urn:oma:mo:oma-lawmo:1.0</DDFName></Type></RTProperties>
      <Node><NodeName>State</NodeName><RTProperties><Format><int/></Format></RTProperties><Value>2|0</Value></Node></Node></MgmtTree>`;
    assert.match(hoverAt(tnds, 'dmtree')!, /20 — Partially Locked/);
  });

  it('Windows HealthAttestation Status node and msft:originalerror', () => {
    const text = dmMessage(`    <Results><CmdID>5</CmdID><CmdRef>3</CmdRef><Item><Source><LocURI>./Vendor/MSFT/HealthAttestation/Status</LocURI></Source><Data>|3</Data></Item></Results>
    <Status><CmdID>6</CmdID><MsgRef>1</MsgRef><CmdRef>4</CmdRef><Cmd>Replace</Cmd><Data msft:originalerror="0x87D101F4">500</Data></Status>`);
    assert.match(hoverAt(text)!, /COMPLETE/);
    const { text: t2 } = { text: text.replace('|3', '3').replace('0x87D101F4', '0x87D1|01F4') };
    assert.match(hoverAt(t2)!, /status \*\*500\*\*/);
  });
});

describe('broken input: codes before and after an error are still decoded', () => {
  it('a mismatched tag in the middle and a truncation at the end', () => {
    const text = dmMessage(status('Get', '1200') + '\n    <Get><CmdID>5</CmdID><Item><Target><LocURI>./a/<Id>/b</LocURI></Target></Item></Get>\n' + status('Replace', '1200', 6)).slice(0, -40);
    const f = codes(text);
    assert.deepEqual(f.filter((x) => x.startsWith('wrong')), ['wrong-code-family:1200', 'wrong-code-family:1200']);
    assert.ok(f.filter((x) => x.startsWith('xml-syntax')).length >= 2);
  });

  it('a fragment (bare commands) opened as syncml is analysed as a message body', () => {
    const text = '<Replace><CmdID>1</CmdID><Item><Target><LocURI>./LAWMO/State</LocURI></Target><Data>30</Data></Item></Replace>\n<Alert><CmdID>2</CmdID><Data>1226</Data></Alert>';
    assert.deepEqual(codes(text), []);
  });
});

describe('issue 15: the second fidelity pass', () => {
  it('FUMO user- and device-request alerts carry vendor data, not a result code (FUMO §10.3.1.4)', () => {
    for (const t of ['org.openmobilealliance.dm.firmwareupdate.userrequest', 'org.openmobilealliance.dm.firmwareupdate.devicerequest']) {
      const source = '<Source><LocURI>./FUMO/fw1</LocURI></Source>';
      assert.deepEqual(codes(dmMessage(genericAlert(t, '0', source))), [], `${t} with Data 0`);
      assert.deepEqual(codes(dmMessage(genericAlert(t, 'please check for an update', source))), [], `${t} with vendor text`);
    }
  });

  it('the HealthAttestation.Result Generic Alert carries a HealthAttestation Status value (Microsoft sample, Data 3)', () => {
    // The sample of ../shared/corpus/fragments/msdocs-healthattestation-csp-*.xml (HealthAttestation CSP docs).
    const t = 'com.microsoft.mdm:HealthAttestation.Result';
    const source = '<Source><LocURI>./Vendor/MSFT/HealthAttestation/VerifyHealth</LocURI></Source>';
    assert.deepEqual(codes(dmMessage(genericAlert(t, '3', source))), []);
    assert.match(hoverAt(dmMessage(genericAlert(t, '|3', source)))!, /3 — HEALTHATTESTATION_CERT_RETRIEVAL_COMPLETE/);
    assert.deepEqual(codes(dmMessage(genericAlert(t, '37', source))), ['undefined-code:37']);
  });

  it('SACMO 1414 and 1416 were removed from the SACMO table before approval; no SCOMO meaning is offered (codes.md §3.3)', () => {
    const t = 'urn:oma:at:sacmo:1.0:OperationReport';
    for (const n of ['1414', '1416']) {
      const f = findings(dmMessage(genericAlert(t, n)));
      assert.deepEqual(f.map((x) => `${x.code}:${x.covered}`), [`undefined-code:${n}`]);
      assert.match(f[0].message, /removed from the SACMO table before approval/);
      assert.doesNotMatch(f[0].message, /Corrupted Package|Firmware Update In Progress|SCOMO/);
      const hover = hoverAt(dmMessage(genericAlert(t, `${n.slice(0, 3)}|${n.slice(3)}`)))!;
      assert.match(hover, /removed from the SACMO table before approval/);
      assert.doesNotMatch(hover, /Corrupted Package|Firmware Update In Progress/);
    }
  });

  it('DS alert 250 names the Funambol meaning the catalog knows (codes.md §2.3)', () => {
    const text = dmMessage('    <Alert><CmdID>1</CmdID><Data>250</Data></Alert>', { proto: 'SyncML/1.2' });
    const f = findings(text);
    assert.deepEqual(f.map((x) => `${x.code}:${x.covered}`), ['vendor-code:250']);
    assert.match(f[0].message, /Funambol/);
    assert.match(f[0].message, /one-way sync from the client without a slow sync/);
    assert.doesNotMatch(f[0].message, /device maker's/);
  });

  it('a LAWMO Generic Alert sent with Meta/Format text/plain (Symbian) is still checked', () => {
    const alert = (data: string) =>
      dmMessage(`    <Alert><CmdID>4</CmdID><Data>1226</Data><Item><Source><LocURI>./LAWMO/Operations/FullyLock</LocURI></Source>
      <Meta><Type xmlns="syncml:metinf">urn:oma:at:lawmo:1.0:OperationComplete</Type><Format xmlns="syncml:metinf">text/plain</Format></Meta>
      <Data>${data}</Data></Item></Alert>`);
    assert.deepEqual(codes(alert('1499999')), ['undefined-code:1499999']);
    assert.deepEqual(codes(alert('1200')), []);
  });

  it('DM alert 1221 is not in the DM 1.2 table (which reserves 1202–1220 and continues at 1222); Symbian uses it', () => {
    const f = findings(dmMessage('    <Alert><CmdID>1</CmdID><Data>1221</Data></Alert>'));
    assert.deepEqual(f.map((x) => `${x.code}:${x.covered}`), ['undefined-code:1221']);
    assert.match(f[0].message, /1202–1220/);
    assert.match(f[0].message, /1222/);
    assert.match(f[0].message, /Symbian/);
    assert.doesNotMatch(f[0].message, /is reserved|Reserved in the DM 1\.2 table/);
  });

  it('DCMO results are decoded in a DCMO Generic Alert and in a synchronous Exec on a DCMO node (Intune "OMA response codes")', () => {
    const t = 'urn:oma:at:dcmo:1.0:OperationComplete';
    assert.match(hoverAt(dmMessage(genericAlert(t, '120|2')))!, /1202 — Enable operation is performed successfully but the Device Capability is currently detached/);
    assert.deepEqual(codes(dmMessage(genericAlert(t, '1401'))), []);
    assert.deepEqual(codes(dmMessage(genericAlert(t, '1420'))), ['undefined-code:1420']);
    const exec = dmMessage(
      '    <Exec><CmdID>7</CmdID><Item><Target><LocURI>./DCMO/Camera/Operations/Disable</LocURI></Target></Item></Exec>',
      { msgId: 1, source: 'server' },
    );
    const answer = dmMessage(status('Exec', '1203', 7), { msgId: 2 });
    assert.deepEqual(codes(exec + answer), []);
    assert.match(hoverAt(exec + answer.replace('<Data>1203', '<Data>12|03'))!, /Device Capability is disabled and User is not allowed to re-enable it/);
  });
});
