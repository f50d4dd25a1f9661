import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { windowsCspSource, windowsCspTree } from '../../../server/src/catalog/csp/windowsCsp';
import { DmTree, learnUrl, type Resolution, type TreeNode } from '../../../server/src/catalog/ddf/dmTree';
import { readDdf } from '../../../server/src/catalog/ddf/reader';

const tree = windowsCspTree();

function node(uri: string): TreeNode {
  const r = tree.resolve(uri);
  assert.equal(r.kind, 'node', `${uri}: ${r.kind === 'unknown-node' ? `${r.segment} unknown under ${r.parent.path}` : r.kind}`);
  return (r as Extract<Resolution, { kind: 'node' }>).node;
}

function unknown(uri: string): Extract<Resolution, { kind: 'unknown-node' }> {
  const r = tree.resolve(uri);
  assert.equal(r.kind, 'unknown-node', uri);
  return r as Extract<Resolution, { kind: 'unknown-node' }>;
}

const DPE = './Device/Vendor/MSFT/Policy/Config/DeviceLock/DevicePasswordEnabled';

describe('resolving an OMA-URI against the Windows CSP index', () => {
  it('a policy with its reversed labels: 0 = Enabled, 1 = Disabled', () => {
    const n = node(DPE);
    assert.equal(n.path, DPE);
    assert.deepEqual(n.facts.allowed?.values, [
      { value: '0', label: 'Enabled' },
      { value: '1', label: 'Disabled' },
    ]);
    assert.equal(n.facts.defaultValue, '1');
    assert.equal(learnUrl(n.path), 'https://learn.microsoft.com/windows/client-management/mdm/policy-csp-devicelock');
  });

  it('a range: ActiveHoursStart 0–23', () => {
    const r = node('./Device/Vendor/MSFT/Policy/Config/Update/ActiveHoursStart').facts.allowed?.range;
    assert.deepEqual(r, { text: '[0-23]', min: 0, max: 23 });
  });

  it('./Vendor/MSFT/… is the device tree; the scope is reported', () => {
    const r = tree.resolve('./Vendor/MSFT/Policy/Config/Update/ActiveHoursStart');
    assert.equal(r.kind, 'node');
    if (r.kind !== 'node') return;
    assert.equal(r.node.path, './Device/Vendor/MSFT/Policy/Config/Update/ActiveHoursStart');
    assert.equal(r.scope, 'device');
    const u = tree.resolve('./User/Vendor/MSFT/Policy/Config/ADMX_AddRemovePrograms');
    assert.equal(u.kind === 'node' && u.scope, 'user');
  });

  it('a trailing slash, a ?list= query and percent-encoded segments', () => {
    assert.equal(node(DPE + '/').path, DPE);
    assert.equal(node('./Device/Vendor/MSFT/Policy/Config/DeviceLock?list=Struct').path, './Device/Vendor/MSFT/Policy/Config/DeviceLock');
    assert.equal(node('./Device/Vendor/MSFT/Policy/Config/Device%4Cock/DevicePasswordEnabled').path, DPE);
    assert.equal(node('./Vendor/MSFT/VPNv2/My%20VPN/ProfileXML').path, './Device/Vendor/MSFT/VPNv2/{ProfileName}/ProfileXML');
  });

  it('a dynamic node matches any segment', () => {
    const n = node('./User/Vendor/MSFT/VPNv2/ContosoVPN/NativeProfile/Servers');
    assert.equal(n.path, './User/Vendor/MSFT/VPNv2/{ProfileName}/NativeProfile/Servers');
    assert.equal(n.parent?.parent?.name, null);
  });

  it('an ADMX-backed policy', () => {
    const n = node('./User/Vendor/MSFT/Policy/Config/ADMX_AddRemovePrograms/NoServices');
    assert.deepEqual(n.facts.allowed?.admx, { area: 'AddRemovePrograms~AT~ControlPanel~Arp', name: 'NoServices', file: 'AddRemovePrograms.admx' });
    assert.equal(learnUrl(n.path), 'https://learn.microsoft.com/windows/client-management/mdm/policy-csp-admx-addremoveprograms');
  });

  it('an ADMX-ingested area (a name with ~) is the dynamic area; a name without ~ the index lacks is a typo', () => {
    assert.equal(node('./Device/Vendor/MSFT/Policy/Config/Contoso~Policy~Sales/ShowBanner').path, './Device/Vendor/MSFT/Policy/Config/{AreaName}/{PolicyName}');
    const typo = unknown('./Device/Vendor/MSFT/Policy/Config/DeviceLok/DevicePasswordEnabled');
    assert.equal(typo.segment, 'DeviceLok');
    assert.deepEqual(typo.suggestions, ['DeviceLock']);
  });

  it('a typo: the segment, its offsets and the closest sibling names', () => {
    const uri = './Device/Vendor/MSFT/Policy/Config/DeviceLock/DevicePasswordEnabeld';
    const r = unknown(uri);
    assert.equal(r.segment, 'DevicePasswordEnabeld');
    assert.equal(uri.slice(r.start, r.end), 'DevicePasswordEnabeld');
    assert.equal(r.parent.path, './Device/Vendor/MSFT/Policy/Config/DeviceLock');
    assert.deepEqual(r.suggestions, ['DevicePasswordEnabled']);
    assert.equal(r.otherScope, undefined);
  });

  it('closest names: a deletion, a swap with a case slip, nothing for a name far from all', () => {
    const base = './Device/Vendor/MSFT/Policy/Config/DeviceLock/';
    assert.deepEqual(unknown(base + 'MaxInactivityTimeDevLock').suggestions, ['MaxInactivityTimeDeviceLock']);
    assert.deepEqual(unknown(base + 'minDevicePasswordLenght').suggestions, ['MinDevicePasswordLength']);
    assert.deepEqual(unknown(base + 'Zzzzzzzzzzzz').suggestions, []);
    assert.deepEqual(unknown('./Device/Vendor/MSFT/Policy/Config/Updat/ActiveHoursStart').suggestions, ['Update']);
  });

  it('a User-only policy under ./Device, a Device-only policy under ./User: the scope where it exists', () => {
    const userOnly = unknown('./Device/Vendor/MSFT/Policy/Config/ADMX_AddRemovePrograms/NoServices');
    assert.equal(userOnly.otherScope, 'user');
    const deviceOnly = unknown('./User/Vendor/MSFT/Policy/Config/Update/ActiveHoursStart');
    assert.equal(deviceOnly.otherScope, 'device');
    assert.equal(deviceOnly.segment, 'Update');
    const deviceCsp = unknown('./User/Vendor/MSFT/BitLocker/RequireDeviceEncryption');
    assert.equal(deviceCsp.segment, 'BitLocker');
    assert.equal(deviceCsp.otherScope, 'device');
  });

  it('a tree the index does not know gets no verdict', () => {
    for (const uri of ['./Device/Vendor/MSFT/RetiredPhoneCsp/Setting', './Vendor/Contoso/Thing', './Device/Vendor/Contoso/X', './Acme/Thing', '', './']) {
      assert.deepEqual(tree.resolve(uri), { kind: 'unknown-tree' }, uri);
    }
  });

  it('node names are case-sensitive unless the DDF says CIS', () => {
    assert.equal(unknown(DPE.replace('DevicePasswordEnabled', 'devicepasswordenabled')).suggestions[0], 'DevicePasswordEnabled');
    const ddf = `<MgmtTree><Node><NodeName>Acme</NodeName><Path>./Vendor</Path><DFProperties><AccessType><Get/></AccessType><DFFormat><node/></DFFormat></DFProperties>
      <Node><NodeName>Loose</NodeName><DFProperties><AccessType><Get/></AccessType><DFFormat><chr/></DFFormat><CaseSense><CIS/></CaseSense></DFProperties></Node>
      <Node><NodeName>Strict</NodeName><DFProperties><AccessType><Get/></AccessType><DFFormat><chr/></DFFormat><CaseSense><CS/></CaseSense></DFProperties></Node>
    </Node></MgmtTree>`;
    const t = new DmTree([windowsCspSource(), { roots: readDdf(ddf, 'acme.xml').roots, origin: 'acme.xml' }]);
    const r = t.resolve('./Vendor/Acme/LOOSE');
    assert.equal(r.kind === 'node' && r.node.path, './Device/Vendor/Acme/Loose');
    assert.equal(t.resolve('./Vendor/Acme/STRICT').kind, 'unknown-node');
    assert.equal(t.resolve('./Vendor/Acme/Strict').kind === 'node' && (t.resolve('./Vendor/Acme/Strict') as { node: TreeNode }).node.origin, 'acme.xml');
  });

  it("a user's DDF merges with the index: its nodes resolve beside the CSPs", () => {
    const ddf = `<MgmtTree><Node><NodeName>Contoso</NodeName><Path>./Device/Vendor/MSFT</Path><DFProperties><AccessType><Get/></AccessType><DFFormat><node/></DFFormat></DFProperties>
      <Node><NodeName>Mode</NodeName><DFProperties><AccessType><Get/><Replace/></AccessType><DFFormat><int/></DFFormat><Description>How it runs.</Description></DFProperties></Node>
    </Node></MgmtTree>`;
    const t = new DmTree([windowsCspSource(), { roots: readDdf(ddf, 'contoso.xml', { descriptions: true }).roots, origin: 'contoso.xml' }]);
    const r = t.resolve('./Vendor/MSFT/Contoso/Mode');
    assert.equal(r.kind, 'node');
    if (r.kind === 'node') assert.deepEqual([r.node.facts.access, r.node.facts.description], [['Get', 'Replace'], 'How it runs.']);
    assert.equal(t.resolve(DPE).kind, 'node');
    assert.equal(tree.resolve('./Vendor/MSFT/Contoso/Mode').kind, 'unknown-tree', 'the bundled tree alone is unchanged');
  });
});
