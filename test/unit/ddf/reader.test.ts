import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readDdf } from '../../../server/src/catalog/ddf/reader';
import type { DdfNode } from '../../../server/src/catalog/ddf/types';
import { readdirSync } from 'node:fs';
import { CORPUS_DDF, corpusDdf, dropFile } from '../../support/ddf';

function find(roots: readonly DdfNode[], path: string): DdfNode | undefined {
  for (const r of roots) {
    if (r.path === path) return r;
    const hit = find(r.children, path);
    if (hit) return hit;
  }
  return undefined;
}

describe('DDF reader: Microsoft DDF v2', () => {
  const devicelock = readDdf(dropFile('DeviceLock_AreaDDF.xml'), 'DeviceLock_AreaDDF.xml');

  it('reads a Windows file despite its DOCTYPE (an internal subset with a PI, a public id starting with a space)', () => {
    assert.equal(devicelock.problem, undefined);
    assert.deepEqual(
      devicelock.roots.map((r) => r.path),
      ['./Device/Vendor/MSFT/Policy/Config/DeviceLock'],
    );
  });

  it('gives a node its facts: format, access, occurrence, scope, default, ENUM labels, applicability', () => {
    const n = find(devicelock.roots, './Device/Vendor/MSFT/Policy/Config/DeviceLock/DevicePasswordEnabled');
    assert.ok(n);
    assert.deepEqual(n.facts, {
      access: ['Get', 'Add', 'Replace', 'Delete'],
      format: 'int',
      occurrence: 'ZeroOrOne',
      scope: 'Dynamic',
      defaultValue: '1',
      mime: 'text/plain',
      allowed: {
        kind: 'ENUM',
        values: [
          { value: '0', label: 'Enabled' },
          { value: '1', label: 'Disabled' },
        ],
      },
      osBuild: '10.0.10240',
      cspVersion: '1.0',
    });
  });

  it('keeps Description prose only when asked (a DDF the user loaded)', () => {
    const path = './Device/Vendor/MSFT/Policy/Config/DeviceLock/DevicePasswordEnabled';
    assert.equal(find(devicelock.roots, path)?.facts.description, undefined);
    const withProse = readDdf(dropFile('DeviceLock_AreaDDF.xml'), 'x', { descriptions: true });
    assert.equal(find(withProse.roots, path)?.facts.description, 'Specifies whether device lock is enabled.');
  });

  it('reads a Range, a deprecation, an ADMX-backed policy', () => {
    const update = readDdf(dropFile('Update_AreaDDF.xml'), 'Update_AreaDDF.xml');
    const start = find(update.roots, './Device/Vendor/MSFT/Policy/Config/Update/ActiveHoursStart');
    assert.deepEqual(start?.facts.allowed, { kind: 'Range', range: { text: '[0-23]', min: 0, max: 23 } });
    const arp = readDdf(dropFile('ADMX_AddRemovePrograms_AreaDDF.xml'), 'a');
    const noServices = find(arp.roots, './User/Vendor/MSFT/Policy/Config/ADMX_AddRemovePrograms/NoServices');
    assert.deepEqual(noServices?.facts.allowed, {
      kind: 'ADMX',
      admx: { area: 'AddRemovePrograms~AT~ControlPanel~Arp', name: 'NoServices', file: 'AddRemovePrograms.admx' },
    });
    assert.equal(noServices?.facts.format, 'chr');
    const experience = readDdf(dropFile('Experience_AreaDDF.xml'), 'e');
    const cortana = find(experience.roots, './Device/Vendor/MSFT/Policy/Config/Experience/AllowCortana');
    assert.ok(cortana);
    const deprecated: DdfNode[] = [];
    const walk = (n: DdfNode) => {
      if (n.facts.deprecated !== undefined) deprecated.push(n);
      n.children.forEach(walk);
    };
    for (const f of ['Experience_AreaDDF.xml', 'AboveLock_AreaDDF.xml']) readDdf(dropFile(f), f).roots.forEach(walk);
    assert.ok(deprecated.some((n) => n.facts.deprecated === '10.0.22000'), 'a node deprecated as of build 10.0.22000');
  });

  it('marks dynamic nodes, with their DFTitle and DynamicNodeNaming, a RegEx, a list delimiter and AtomicRequired', () => {
    const vpn = readDdf(dropFile('VPNv2.xml'), 'VPNv2.xml');
    const profile = find(vpn.roots, './Device/Vendor/MSFT/VPNv2/{ProfileName}');
    assert.ok(profile);
    assert.equal(profile.name, null);
    assert.equal(profile.facts.title, 'ProfileName');
    const policy = readDdf(dropFile('Policy.xml'), 'Policy.xml');
    const area = find(policy.roots, './Device/Vendor/MSFT/Policy/Config/{AreaName}');
    assert.equal(area?.facts.dynamicNaming, 'ClientInventory');
    const all: DdfNode[] = [];
    const walk = (n: DdfNode) => {
      all.push(n);
      n.children.forEach(walk);
    };
    for (const f of ['ActiveSync.xml', 'EMAIL2.xml', 'Defender.xml']) readDdf(dropFile(f), f).roots.forEach(walk);
    const regex = all.find((n) => n.facts.allowed?.kind === 'RegEx');
    assert.ok(regex?.facts.allowed?.pattern, 'a RegEx pattern');
    assert.ok(all.some((n) => n.facts.atomicRequired));
  });

  it('reads an OMA DDF 1.2 file (AOSP) with a root named "."', () => {
    const r = readDdf(corpusDdf('aosp-omadm-dmt-root.xml'), 'aosp-omadm-dmt-root.xml');
    assert.equal(r.problem, undefined);
    assert.equal(r.roots[0].path, '.');
    assert.ok(r.roots[0].children.length > 0);
    assert.ok(r.roots[0].children.every((c) => c.path === `./${c.name}`));
  });
});

describe('DDF reader: the corpus of DDF files', () => {
  it('reads every one of them, but the docs page whose Description holds a raw <about:blank>', () => {
    const failing: string[] = [];
    let nodes = 0;
    const count = (n: DdfNode): number => 1 + n.children.reduce((a, c) => a + count(c), 0);
    for (const f of readdirSync(CORPUS_DDF)) {
      const r = readDdf(corpusDdf(f), f);
      if (r.problem) failing.push(f);
      nodes += r.roots.reduce((a, n) => a + count(n), 0);
    }
    assert.deepEqual(failing, ['msdocs-policy-ddf-file-01.xml']);
    assert.ok(nodes > 1000, `${nodes} nodes`);
  });
});

describe('DDF reader: broken files give one message with the file and place, never a throw', () => {
  it('a real DDF from the docs with an unclosed element', () => {
    const r = readDdf(corpusDdf('msdocs-policy-ddf-file-01.xml'), 'msdocs-policy-ddf-file-01.xml');
    assert.deepEqual(r.roots, []);
    assert.equal(r.problem?.line, 1404);
    assert.match(r.problem!.message, /^msdocs-policy-ddf-file-01\.xml:1404:\d+: not well-formed XML: /);
  });

  it('a truncated file, positions counted from the original text (DOCTYPE lines kept)', () => {
    const text = dropFile('DeviceLock_AreaDDF.xml').slice(0, 600);
    const r = readDdf(text, 'cut.xml');
    assert.ok(r.problem);
    assert.ok(r.problem.line >= 10, `line ${r.problem.line}`);
    assert.match(r.problem.message, /^cut\.xml:\d+:\d+: not well-formed XML: the file ends before <\w+> is closed$/);
  });

  it('well-formed XML that is not a DDF names its root element', () => {
    const r = readDdf('<?xml version="1.0"?>\n<SyncML><SyncHdr/></SyncML>', 'msg.xml');
    assert.equal(r.problem?.message, 'msg.xml:2:1: not a DDF file: the root element is <SyncML>, not <MgmtTree>');
  });

  it('empty text and garbage', () => {
    for (const text of ['', '\u0000\u0001', '<MgmtTree><Node><NodeName>x</NodeName>']) {
      const r = readDdf(text, 'f.xml');
      assert.ok(r.problem, JSON.stringify(text));
      assert.match(r.problem.message, /^f\.xml:\d+:\d+: /);
    }
  });
});
