/**
 * syncml-check explain <OMA-URI>: a node's facts from the bundled Windows CSP index and --ddf files.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { runCli, tempTree } from '../support/cliRun';

const DPE = './Device/Vendor/MSFT/Policy/Config/DeviceLock/DevicePasswordEnabled';

test('explain <OMA-URI>: format, access, the values with their labels, default, OS build, docs link, source', () => {
  const r = runCli(['explain', DPE]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(
    r.stdout,
    [
      DPE,
      '  Format       int',
      '  Access       Get, Add, Replace, Delete',
      '  Occurrence   ZeroOrOne',
      '  Scope        Dynamic',
      '  Default      1',
      '  Allowed      0 = Enabled',
      '               1 = Disabled',
      '  Min OS build 10.0.10240 (CSP version 1.0)',
      '  Docs         https://learn.microsoft.com/windows/client-management/mdm/policy-csp-devicelock',
      '  Source: Microsoft Windows CSP DDF, windows-2026-01',
      '',
    ].join('\n'),
  );
});

test('explain shows a range, the device tree for ./Vendor/MSFT, an ADMX-backed policy, a deprecation', () => {
  const range = runCli(['explain', './Vendor/MSFT/Policy/Config/Update/ActiveHoursStart']);
  assert.equal(range.status, 0);
  assert.match(range.stdout, /^\.\/Device\/Vendor\/MSFT\/Policy\/Config\/Update\/ActiveHoursStart {2}\(for \.\/Vendor\/MSFT\/Policy\/Config\/Update\/ActiveHoursStart\)\n/);
  assert.match(range.stdout, /\n {2}Allowed {6}0 to 23\n/);
  const admx = runCli(['explain', './User/Vendor/MSFT/Policy/Config/ADMX_AddRemovePrograms/NoServices']);
  assert.match(admx.stdout, /Allowed {6}ADMX-backed: <enabled\/> or <disabled\/>/);
  assert.match(admx.stdout, /policy NoServices of AddRemovePrograms\.admx/);
  const deprecated = runCli(['explain', './Device/Vendor/MSFT/Policy/Config/AboveLock/AllowActionCenterNotifications']);
  assert.match(deprecated.stdout, /\n {2}Deprecated {3}as of Windows 10\.0\.22000\n/);
});

test('explain of a dynamic node names its placeholder, and what the placeholder stands for', () => {
  const r = runCli(['explain', './Vendor/MSFT/VPNv2/Contoso%20VPN/ProfileXML']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^\.\/Device\/Vendor\/MSFT\/VPNv2\/\{ProfileName\}\/ProfileXML/);
  const profile = runCli(['explain', './Vendor/MSFT/VPNv2/Contoso%20VPN']);
  assert.match(
    profile.stdout,
    /\n {2}Naming {7}\{ProfileName\} stands for a name the server makes up, unique among its siblings \(ServerGeneratedUniqueIdentifier\)\n/,
  );
  const area = runCli(['explain', './Device/Vendor/MSFT/Policy/Config/Contoso~Policy~Sales']);
  assert.match(area.stdout, /\n {2}Naming {7}\{AreaName\} stands for an ADMX-ingested area, named App~Policy~Category \(a name with ~\)\n/);
});

test('explain of an unknown node: the segment, the closest names, the scope where it exists; exit 1', () => {
  const typo = runCli(['explain', './Device/Vendor/MSFT/Policy/Config/DeviceLock/DevicePasswordEnabeld']);
  assert.equal(typo.status, 1);
  assert.match(typo.stdout, /no such node in the device tree: 'DevicePasswordEnabeld' is not a child of \.\/Device\/Vendor\/MSFT\/Policy\/Config\/DeviceLock\.\nDid you mean: DevicePasswordEnabled\?\n$/);
  const scope = runCli(['explain', './User/Vendor/MSFT/Policy/Config/Update/ActiveHoursStart']);
  assert.equal(scope.status, 1);
  assert.match(scope.stdout, /It exists in the device tree: \.\/Device\/Vendor\/MSFT\/Policy\/Config\/Update\/ActiveHoursStart\n/);
});

test('explain of a tree nobody describes says so without a verdict', () => {
  const r = runCli(['explain', './Vendor/Contoso/Thing']);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^\.\/Vendor\/Contoso\/Thing: not in any tree known here, so nothing to check it against/);
});

test('explain --format json', () => {
  const r = runCli(['explain', DPE, '--format', 'json']);
  assert.equal(r.status, 0);
  const j = JSON.parse(r.stdout);
  assert.equal(j.kind, 'node');
  assert.equal(j.scope, 'device');
  assert.deepEqual(j.node.allowed, { kind: 'ENUM', values: [{ value: '0', label: 'Enabled' }, { value: '1', label: 'Disabled' }] });
  assert.equal(j.node.docs, 'https://learn.microsoft.com/windows/client-management/mdm/policy-csp-devicelock');
});

const CONTOSO_DDF = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE MgmtTree PUBLIC " -//OMA//DTD-DM-DDF 1.2//EN" "http://www.openmobilealliance.org/tech/DTD/DM_DDF-V1_2.dtd" [<?oma-dm-ddf-ver supported-versions="1.2"?>]>
<MgmtTree>
  <VerDTD>1.2</VerDTD>
  <Node>
    <NodeName>Contoso</NodeName>
    <Path>./Vendor</Path>
    <DFProperties><AccessType><Get/></AccessType><DFFormat><node/></DFFormat></DFProperties>
    <Node>
      <NodeName>Mode</NodeName>
      <DFProperties>
        <AccessType><Get/><Replace/></AccessType>
        <DFFormat><int/></DFFormat>
        <Description>How the agent runs.</Description>
        <DefaultValue>2</DefaultValue>
      </DFProperties>
    </Node>
  </Node>
</MgmtTree>
`;

test('explain --ddf: a folder of user DDFs, with their descriptions; a broken one warns and the rest still work', () => {
  const t = tempTree({ 'ddf/contoso.xml': CONTOSO_DDF, 'ddf/broken.xml': '<MgmtTree>\n  <Node>\n    <NodeName>X</Node>\n</MgmtTree>\n' });
  try {
    const r = runCli(['explain', './Vendor/Contoso/Mode', '--ddf', 'ddf'], { cwd: t.dir });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^\.\/Device\/Vendor\/Contoso\/Mode {2}\(for \.\/Vendor\/Contoso\/Mode\)\n {2}Format {7}int\n {2}Access {7}Get, Replace\n/);
    assert.match(r.stdout, /\n {2}Description {2}How the agent runs\.\n/);
    assert.match(r.stdout, /Source: ddf\/contoso\.xml\n$/);
    assert.match(r.stderr, /^syncml-check: warning: ddf\/broken\.xml:3:\d+: not well-formed XML: .+\n$/);
    const csp = runCli(['explain', DPE, '--ddf', 'ddf/contoso.xml'], { cwd: t.dir });
    assert.equal(csp.status, 0, 'the bundled index still answers');
    assert.equal(csp.stderr, '');
  } finally {
    t.cleanup();
  }
});

test('explain --ddf with a path that does not exist: exit 2', () => {
  const r = runCli(['explain', DPE, '--ddf', 'no/such/dir']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /syncml-check: no\/such\/dir: no such file or directory/);
});

test('--ddf and --family are rejected where they do not apply', () => {
  const a = runCli(['explain', '404', '--ddf', 'x']);
  assert.equal(a.status, 2);
  assert.match(a.stderr, /--ddf applies to explain of an OMA-URI/);
  const b = runCli(['explain', DPE, '--family', 'fumo-result']);
  assert.equal(b.status, 2);
  assert.match(b.stderr, /--family applies to a number, not to an OMA-URI/);
  const c = runCli(['explain', '--ddf']);
  assert.equal(c.status, 2);
  assert.match(c.stderr, /option --ddf needs a value/);
});
