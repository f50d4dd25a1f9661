/**
 * The DM tree diagnostics (server/src/features/treeChecks.ts) beyond the one sample per code of
 * diagnostics.test.ts: which commands, nodes and values each judges, what stays silent, and the
 * quick fixes, with and without diagnostic.data.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS } from '../../../server/src/api';
import { windowsCspSource } from '../../../server/src/catalog/csp/windowsCsp';
import { DmTree } from '../../../server/src/catalog/ddf/dmTree';
import { readDdf } from '../../../server/src/catalog/ddf/reader';
import { createLanguageService } from '../../../server/src/languageService';
import { analyze, dmMessage, findings, service } from '../../support/service';

const TREE_CODES = new Set(['unknown-node', 'command-not-allowed', 'format-mismatch', 'value-not-allowed', 'deprecated-node']);

/** One command of one item, as a profile holds it. */
function cmd(command: string, uri: string, format?: string, data?: string): string {
  const meta = format === undefined ? '' : `<Meta><Format xmlns="syncml:metinf">${format}</Format></Meta>`;
  const d = data === undefined ? '' : `<Data>${data}</Data>`;
  return `<${command}><CmdID>1</CmdID><Item><Target><LocURI>${uri}</LocURI></Target>${meta}${d}</Item></${command}>`;
}

/** The tree findings of a profile: `code [covered text] message`. */
function tree(text: string, languageId = 'xml'): string[] {
  return findings(text, languageId)
    .filter((f) => TREE_CODES.has(f.code))
    .map((f) => `${f.code} [${f.covered}] ${f.message}`);
}

const DPE = './Device/Vendor/MSFT/Policy/Config/DeviceLock/DevicePasswordEnabled';

describe('unknown-node', () => {
  it('a path of the other scope: the finding stands on the scope, and its quick fix flips it', () => {
    const text = cmd('Replace', './User/Vendor/MSFT/Policy/Config/Update/ActiveHoursStart', 'int', '8');
    assert.deepEqual(tree(text), [
      "unknown-node [User] 'Update' is not a node of ./User/Vendor/MSFT/Policy/Config: it exists under ./Device, not ./User: this policy is device-only",
    ]);
    const a = analyze(text, 'xml');
    const diagnostics = service.doValidation(a, DEFAULT_SETTINGS).filter((d) => d.code === 'unknown-node');
    const actions = service.getCodeActions(a, diagnostics[0].range, { diagnostics });
    assert.deepEqual(
      actions.map((x) => [x.title, x.edit!.changes!['file:///test.syncml'][0].newText]),
      [['Change ./User to ./Device', 'Device']],
    );
    // A user-only node written under ./Device: the other way round.
    assert.deepEqual(tree(cmd('Exec', './Device/Vendor/MSFT/EnterpriseModernAppManagement/AppManagement/RemovePackage', 'xml', '')).map((f) => f.split(' ').slice(0, 2).join(' ')), [
      'unknown-node [Device]',
    ]);
  });

  it('a policy written under the wrong area names the area that has it', () => {
    assert.deepEqual(tree(cmd('Replace', './Device/Vendor/MSFT/Policy/Config/Browser/AllowTelemetry', 'int', '1')), [
      "unknown-node [AllowTelemetry] 'AllowTelemetry' is not a node of ./Device/Vendor/MSFT/Policy/Config/Browser: a policy of that name is in another area: System (./Device/Vendor/MSFT/Policy/Config/System/AllowTelemetry)",
    ]);
    // A name no area has gets no such line; a near name in the same area is still the suggestion.
    assert.deepEqual(tree(cmd('Replace', './Device/Vendor/MSFT/Policy/Config/Browser/AllowTelemetryNowhere', 'int', '1')), [
      "unknown-node [AllowTelemetryNowhere] 'AllowTelemetryNowhere' is not a node of ./Device/Vendor/MSFT/Policy/Config/Browser",
    ]);
  });

  it('ADMX-ingested areas (with ~) resolve through the dynamic area; an area without ~ the index lacks is a typo', () => {
    assert.deepEqual(tree(cmd('Replace', './Device/Vendor/MSFT/Policy/Config/Contoso~Policy~Sales/ShowBanner', 'chr', '&lt;enabled/&gt;')), []);
    assert.deepEqual(tree(cmd('Replace', './Device/Vendor/MSFT/Policy/Config/DevicLock/DevicePasswordEnabled', 'int', '0')), [
      "unknown-node [DevicLock] 'DevicLock' is not a node of ./Device/Vendor/MSFT/Policy/Config: did you mean 'DeviceLock'?",
    ]);
  });

  it('trees nobody describes, and OMA standard objects outside a Windows document, get nothing', () => {
    assert.deepEqual(tree(cmd('Replace', './Vendor/Contoso/Agent/Mode', 'int', 'x')), []);
    assert.deepEqual(tree(cmd('Get', './Vendor/MSFT/NoSuchRetiredCsp/Thing')), []);
    // An Android client's DevDetail is right for its own tree.
    assert.deepEqual(tree(dmMessage(cmd('Get', './DevDetail/Bearer/GSM')), 'syncml'), []);
    // In a document that addresses Windows, Windows' DevDetail judges.
    assert.deepEqual(tree(cmd('Get', './DevDetail/Bearer/GSM') + cmd('Get', './Vendor/MSFT/DeviceStatus/OS/Edition')), [
      "unknown-node [Bearer] 'Bearer' is not a node of ./DevDetail",
    ]);
  });

  it('documentation placeholders, letter-case variants and URIs with whitespace are not judged', () => {
    assert.deepEqual(tree(cmd('Replace', './Device/Vendor/MSFT/Policy/Config/{AreaName}/{PolicyName}', 'int', '1')), []);
    // Microsoft's CertificateStore sample writes My for MY.
    assert.deepEqual(tree(cmd('Get', './Vendor/MSFT/CertificateStore/My/SCEP')), []);
    assert.deepEqual(
      findings(cmd('Replace', './Device/Vendor/MSFT/Policy/Config/DeviceLock /DevicePasswordEnabled', 'int', '0'), 'xml').map((f) => f.code),
      ['malformed-uri'],
    );
  });

  it('Results are a device report: never judged', () => {
    const results = '<Results><CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>3</CmdRef><Item><Source><LocURI>./Vendor/MSFT/Policy/Config/DeviceLock/NoSuchPolicy</LocURI></Source><Data>1</Data></Item></Results>';
    assert.deepEqual(tree(dmMessage(results), 'syncml'), []);
  });

  it('a command in a DDF Description (Microsoft\'s BitLocker DDF quotes one) is not judged', () => {
    const ddf = `<MgmtTree><VerDTD>1.2</VerDTD><Node><NodeName>X</NodeName><DFProperties><Description>${cmd('Replace', './Vendor/MSFT/Policy/Config/DeviceLock/NoSuchPolicy', 'int', '1')}</Description></DFProperties></Node></MgmtTree>`;
    assert.deepEqual(tree(ddf, 'dmtree'), []);
  });

  it('quick fixes: one per closest name, the first preferred, each replacing the segment', () => {
    const text = cmd('Replace', './Device/Vendor/MSFT/Policy/Config/DeviceLock/DevicePasswordEnabeld', 'int', '0');
    const a = analyze(text, 'xml');
    const [d] = service.doValidation(a, DEFAULT_SETTINGS);
    const actions = service.getCodeActions(a, d.range, { diagnostics: [d] });
    assert.deepEqual(
      actions.map((x) => [x.title, x.isPreferred]),
      [["Change to 'DevicePasswordEnabled'", true]],
    );
    const fixed = TextDocument.applyEdits(a.document, actions[0].edit!.changes![a.document.uri]);
    assert.equal(fixed, cmd('Replace', DPE, 'int', '0'));
    assert.deepEqual(tree(fixed), []);
  });

  it('quick fixes when the client drops diagnostic.data: recomputed for the diagnostic under the range', () => {
    const text = cmd('Replace', './Device/Vendor/MSFT/Policy/Config/DevicLock/DevicePasswordEnabled', 'int', '0');
    const a = analyze(text, 'xml');
    const [d] = service.doValidation(a, DEFAULT_SETTINGS);
    const { data: _data, ...bare } = d;
    const actions = service.getCodeActions(a, d.range, { diagnostics: [bare] });
    assert.deepEqual(actions.map((x) => x.title), ["Change to 'DeviceLock'"]);
    assert.match(TextDocument.applyEdits(a.document, actions[0].edit!.changes![a.document.uri]), /Config\/DeviceLock\/DevicePasswordEnabled</);
  });
});

describe('command-not-allowed', () => {
  it('Exec on an Exec node, Get on a Get node, Add and Replace on a policy: allowed', () => {
    assert.deepEqual(tree(cmd('Exec', './Vendor/MSFT/RemoteWipe/doWipe', 'chr', '')), []);
    assert.deepEqual(tree(cmd('Get', './Vendor/MSFT/DeviceStatus/OS/Edition')), []);
    assert.deepEqual(tree(cmd('Add', DPE, 'int', '0') + cmd('Replace', DPE, 'int', '1') + cmd('Get', DPE) + cmd('Delete', DPE)), []);
  });

  it('Get on an Exec-only node, Copy on a policy, Exec on a setting: each named with the allowed types', () => {
    assert.deepEqual(tree(cmd('Get', './Vendor/MSFT/RemoteWipe/doWipe')), [
      'command-not-allowed [Get] Get is not allowed on doWipe: its access types are Exec (the device answers 405 Command not allowed)',
    ]);
    assert.deepEqual(tree(cmd('Copy', DPE)), [
      'command-not-allowed [Copy] Copy is not allowed on DevicePasswordEnabled: its access types are Get, Add, Replace, Delete (the device answers 405 Command not allowed)',
    ]);
    assert.deepEqual(tree(cmd('Exec', DPE)), [
      'command-not-allowed [Exec] Exec is not allowed on DevicePasswordEnabled: its access types are Get, Add, Replace, Delete (the device answers 405 Command not allowed)',
    ]);
  });

  it('a node that is only a step of a DDF Path (no access types) is never judged', () => {
    assert.deepEqual(tree(cmd('Add', './Vendor/MSFT', 'node') + cmd('Get', './Device/Vendor')), []);
  });

  it('one command with two items on the same node: said once', () => {
    const item = '<Item><Target><LocURI>./Vendor/MSFT/DeviceStatus/OS/Edition</LocURI></Target><Data>4</Data></Item>';
    assert.equal(tree(`<Replace><CmdID>1</CmdID>${item}${item}</Replace>`).length, 1);
  });
});

describe('format-mismatch', () => {
  it('the Format in force is the command\'s when the item has none; the fix writes the DDF\'s format', () => {
    const text = `<Replace><CmdID>1</CmdID><Meta><Format xmlns="syncml:metinf">bool</Format></Meta><Item><Target><LocURI>${DPE}</LocURI></Target><Data>0</Data></Item></Replace>`;
    const a = analyze(text, 'xml');
    const [d] = service.doValidation(a, DEFAULT_SETTINGS);
    assert.equal(d.code, 'format-mismatch');
    assert.equal(a.document.getText(d.range), 'bool');
    const actions = service.getCodeActions(a, d.range, { diagnostics: [d] });
    assert.deepEqual(actions.map((x) => x.title), ['Change the Format to int']);
    const fixed = TextDocument.applyEdits(a.document, actions[0].edit!.changes![a.document.uri]);
    assert.match(fixed, /<Format xmlns="syncml:metinf">int<\/Format>/);
    assert.deepEqual(tree(fixed), []);
    // A client that drops diagnostic.data gets the same fix.
    const { data: _data, ...bare } = d;
    assert.deepEqual(
      service.getCodeActions(a, d.range, { diagnostics: [bare] }).map((x) => [x.title, x.edit!.changes![a.document.uri][0].newText]),
      [['Change the Format to int', 'int']],
    );
  });

  it('not judged: chr against xml or b64 (text and binary payloads), Get and Delete, a missing Format on a chr node, an unknown Format word', () => {
    const pfx = './Device/Vendor/MSFT/ClientCertificateInstall/PFXCertInstall/A1/PFXCertBlob';
    assert.deepEqual(tree(cmd('Add', pfx, 'chr', 'TUlJ') + cmd('Add', pfx, 'b64', 'TUlJ')), []);
    assert.deepEqual(tree(cmd('Replace', './Device/Vendor/MSFT/Policy/Config/ADMX_PowerShellExecutionPolicy/EnableScripts', 'xml', '&lt;disabled/&gt;')), []);
    assert.deepEqual(tree(cmd('Get', DPE, 'chr')), []);
    assert.deepEqual(tree(cmd('Replace', './Vendor/MSFT/Personalization/CompanyName', undefined, 'Contoso')), []);
    assert.deepEqual(tree(cmd('Replace', DPE, 'integer', '0')), []);
  });

  it('a bool node sent as int, and a chr node sent as int: reported', () => {
    assert.deepEqual(tree(cmd('Replace', './Vendor/MSFT/Personalization/CompanyName', 'int', '1')), [
      "format-mismatch [int] Format int, but CompanyName is a chr node (its DDF's DFFormat): the device rejects a value in another format",
    ]);
  });
});

describe('value-not-allowed', () => {
  const ADMX = './Device/Vendor/MSFT/Policy/Config/ADMX_PowerShellExecutionPolicy/EnableScripts';

  it('ADMX-backed payloads: <enabled/> or <disabled/> and <data/> elements, escaped or in CDATA, pass', () => {
    assert.deepEqual(tree(cmd('Replace', ADMX, 'chr', '&lt;enabled/&gt;&lt;data id="ExecutionPolicy" value="AllSigned"/&gt;')), []);
    assert.deepEqual(tree(cmd('Replace', ADMX, 'chr', '<![CDATA[<disabled/>]]>')), []);
    assert.deepEqual(tree(cmd('Replace', ADMX, 'chr', "<![CDATA[ <enabled /> <data id='A' value='1'/> ]]>")), []);
  });

  it('ADMX-backed: a word or a wrong element is reported on the Data text', () => {
    assert.deepEqual(tree(cmd('Replace', ADMX, 'chr', 'enabled')), [
      `value-not-allowed [enabled] 'enabled' is not an ADMX policy payload: EnableScripts is ADMX-backed and takes <enabled/> or <disabled/>, optionally followed by <data id="…" value="…"/> elements, escaped or in CDATA`,
    ]);
    assert.equal(tree(cmd('Replace', ADMX, 'chr', '&lt;enable/&gt;')).length, 1);
    // Inside CDATA, &lt; is four characters, not a '<'.
    assert.equal(tree(cmd('Replace', ADMX, 'chr', '<![CDATA[&lt;enabled/&gt;]]>')).length, 1);
  });

  it('enumerations: an int compared as a number; a value outside listed with its labels', () => {
    assert.deepEqual(tree(cmd('Replace', DPE, 'int', '1')), []);
    assert.deepEqual(tree(cmd('Replace', DPE, 'int', '2')), [
      "value-not-allowed [2] '2' is not an allowed value of DevicePasswordEnabled: 0 (Enabled), 1 (Disabled)",
    ]);
  });

  it('an enumerated list (MSFT:List): each item must be a value', () => {
    const devices = './Vendor/MSFT/Defender/Configuration/SecuredDevicesConfiguration';
    assert.deepEqual(tree(cmd('Replace', devices, 'chr', 'RemovableMediaDevices|CdRomDevices')), []);
    assert.deepEqual(tree(cmd('Replace', devices, 'chr', 'RemovableMediaDevices|Floppy')), [
      "value-not-allowed [RemovableMediaDevices|Floppy] 'Floppy' is not an allowed value of SecuredDevicesConfiguration: RemovableMediaDevices, CdRomDevices, WpdDevices, PrinterDevices",
    ]);
  });

  it('int and bool nodes: integer text, true or false, and not empty', () => {
    assert.deepEqual(tree(cmd('Replace', DPE, 'int', 'yes')), ["value-not-allowed [yes] 'yes' is not an integer: DevicePasswordEnabled is an int node"]);
    assert.deepEqual(tree(cmd('Replace', DPE, 'int', '')), ['value-not-allowed [] Empty Data: DevicePasswordEnabled is an int node and takes an integer']);
    const bio = './Device/Vendor/MSFT/PassportForWork/Biometrics/UseBiometrics';
    assert.deepEqual(tree(cmd('Replace', bio, 'bool', 'true') + cmd('Replace', bio, 'bool', 'False')), []);
    assert.deepEqual(tree(cmd('Replace', bio, 'bool', '1')), ["value-not-allowed [1] '1' is not a boolean: UseBiometrics is a bool node and takes true or false"]);
  });

  it('ranges: the bounds are inclusive', () => {
    const hours = './Device/Vendor/MSFT/Policy/Config/Update/ActiveHoursStart';
    assert.deepEqual(tree(cmd('Replace', hours, 'int', '0') + cmd('Replace', hours, 'int', '23')), []);
    assert.deepEqual(tree(cmd('Replace', hours, 'int', '-1')), ['value-not-allowed [-1] -1 is outside the allowed range of ActiveHoursStart: 0 to 23']);
  });

  it('patterns: judged when JavaScript reads them as .NET does, each item of a list on its own', () => {
    const name = './Vendor/MSFT/Personalization/CompanyName';
    assert.deepEqual(tree(cmd('Replace', name, 'chr', 'Contoso')), []);
    assert.deepEqual(tree(cmd('Replace', name, 'chr', 'C'.repeat(31))), [
      `value-not-allowed [${'C'.repeat(31)}] '${'C'.repeat(31)}' does not match the pattern CompanyName takes: ^.{1,30}$`,
    ]);
    const ports = './Vendor/MSFT/Firewall/MdmStore/FirewallRules/Web/LocalPortRanges';
    assert.deepEqual(tree(cmd('Replace', ports, 'chr', '80,443,8000-8080')), []);
    assert.deepEqual(tree(cmd('Replace', ports, 'chr', '80,https')), [
      "value-not-allowed [80,https] 'https' does not match the pattern LocalPortRanges takes: ^[0-9,-]+$",
    ]);
    // (?i) is .NET's inline option, which JavaScript does not read: not judged.
    const source = './Vendor/MSFT/EnterpriseModernAppManagement/AppManagement/System/App_1/AppUpdateSettings/AutoUpdateSettings/PackageSource';
    assert.deepEqual(tree(cmd('Replace', source, 'chr', 'no-installer-here')), []);
  });

  it('empty Data on a text node is an empty string; raw markup is markup-in-data\'s; Get, Delete and Results are not judged', () => {
    assert.deepEqual(tree(cmd('Replace', './Vendor/MSFT/Personalization/CompanyName', 'chr', '')), []);
    assert.deepEqual(
      findings(cmd('Replace', ADMX, 'chr', '<enabled/>'), 'xml').map((f) => f.code),
      ['markup-in-data'],
    );
    assert.deepEqual(tree(cmd('Delete', DPE, 'int', '7')), []);
  });
});

describe('deprecated-node', () => {
  it('a hint on the last segment (before a query or a trailing slash); not on a Delete', () => {
    const node = './Device/Vendor/MSFT/Policy/Config/AboveLock/AllowActionCenterNotifications';
    assert.deepEqual(tree(cmd('Get', `${node}?list=Struct`)), [
      'deprecated-node [AllowActionCenterNotifications] AllowActionCenterNotifications is deprecated as of Windows 10.0.22000 (its DDF marks it Deprecated)',
    ]);
    assert.equal(findings(cmd('Get', node), 'xml')[0].severity, 4);
    assert.deepEqual(tree(cmd('Delete', node)), []);
    assert.deepEqual(tree(cmd('Get', './Vendor/MSFT/BitLocker/RequireStorageCardEncryption')), [
      'deprecated-node [RequireStorageCardEncryption] RequireStorageCardEncryption is deprecated (its DDF marks it Deprecated)',
    ]);
  });
});

describe('a user DDF (LanguageServiceOptions.dmTree)', () => {
  const ddf = readDdf(
    `<MgmtTree><VerDTD>1.2</VerDTD>
      <Node><NodeName>Contoso</NodeName><Path>./Vendor</Path>
        <DFProperties><AccessType><Get/></AccessType><DFFormat><node/></DFFormat></DFProperties>
        <Node><NodeName>Mode</NodeName>
          <DFProperties><AccessType><Get/><Replace/></AccessType><DFFormat><int/></DFFormat></DFProperties>
        </Node>
      </Node></MgmtTree>`,
    'contoso.xml',
  );
  const merged = new DmTree([windowsCspSource(), { roots: ddf.roots, origin: 'contoso.xml' }]);
  const withDdf = createLanguageService({ dmTree: () => merged });
  const check = (text: string) => {
    const a = withDdf.analyze(TextDocument.create('file:///p.xml', 'xml', 1, text), 'xml');
    return withDdf.doValidation(a, DEFAULT_SETTINGS).map((d) => `${d.code} ${a.document.getText(d.range)}`);
  };

  it('judges the tree it describes, beside the bundled index', () => {
    assert.deepEqual(check(cmd('Replace', './Vendor/Contoso/Mode', 'int', '2')), []);
    assert.deepEqual(check(cmd('Replace', './Vendor/Contoso/Mdoe', 'int', '2')), ['unknown-node Mdoe']);
    assert.deepEqual(check(cmd('Add', './Vendor/Contoso/Mode', 'chr', 'fast')), ['command-not-allowed Add', 'format-mismatch chr']);
    assert.deepEqual(check(cmd('Replace', DPE, 'int', '5')), ['value-not-allowed 5']);
  });
});

describe('a user DDF pattern that backtracks without bound', () => {
  it('is not judged, so a near-miss value cannot stall the analysis', () => {
    const ddf = readDdf(
      `<MgmtTree xmlns:MSFT="http://schemas.microsoft.com/MobileDevice/DM"><VerDTD>1.2</VerDTD>
        <Node><NodeName>Fabrikam</NodeName><Path>./Vendor</Path>
          <DFProperties><AccessType><Get/></AccessType><DFFormat><node/></DFFormat></DFProperties>
          <Node><NodeName>Slow</NodeName>
            <DFProperties><AccessType><Get/><Replace/></AccessType><DFFormat><chr/></DFFormat>
              <MSFT:AllowedValues ValueType="RegEx"><MSFT:Value>^(a+)+$</MSFT:Value></MSFT:AllowedValues></DFProperties>
          </Node>
          <Node><NodeName>Fine</NodeName>
            <DFProperties><AccessType><Get/><Replace/></AccessType><DFFormat><chr/></DFFormat>
              <MSFT:AllowedValues ValueType="RegEx"><MSFT:Value>^a+$</MSFT:Value></MSFT:AllowedValues></DFProperties>
          </Node>
        </Node></MgmtTree>`,
      'fabrikam.xml',
    );
    assert.equal(ddf.problem, undefined);
    const svc = createLanguageService({ dmTree: () => new DmTree([windowsCspSource(), { roots: ddf.roots, origin: 'fabrikam.xml' }]) });
    // 40 characters: the nested pattern would take minutes here before answering no match.
    const nearMiss = `${'a'.repeat(39)}b`;
    const a = svc.analyze(
      TextDocument.create('file:///p.xml', 'xml', 1, cmd('Replace', './Vendor/Fabrikam/Slow', 'chr', nearMiss) + cmd('Replace', './Vendor/Fabrikam/Fine', 'chr', nearMiss)),
      'xml',
    );
    assert.deepEqual(
      svc.doValidation(a, DEFAULT_SETTINGS).map((d) => `${d.code} ${String(d.message).split(':')[0]}`),
      [`value-not-allowed '${nearMiss}' does not match the pattern Fine takes`],
    );
  });
});

describe('a property of a node (?prop=)', () => {
  it('its Data is the property\'s, not the node\'s value, and its commands are the property\'s: only the node is judged', () => {
    assert.deepEqual(tree(cmd('Replace', `${DPE}?prop=ACL`, undefined, 'Get=*&amp;Replace=*') + cmd('Get', './Vendor/MSFT/RemoteWipe/doWipe?prop=ACL')), []);
    assert.deepEqual(tree(cmd('Get', `${DPE.replace('Enabled', 'Enabeld')}?prop=Type`)), [
      "unknown-node [DevicePasswordEnabeld] 'DevicePasswordEnabeld' is not a node of ./Device/Vendor/MSFT/Policy/Config/DeviceLock: did you mean 'DevicePasswordEnabled'?",
    ]);
  });
});
