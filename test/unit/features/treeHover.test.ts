/**
 * Hover on the DM tree (server/src/features/treeHover.ts): a URI segment shows the node the URI names
 * up to it, or the closest names when it names none; an item's Data shows the label of its value.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { windowsCspSource } from '../../../server/src/catalog/csp/windowsCsp';
import { DmTree } from '../../../server/src/catalog/ddf/dmTree';
import { readDdf } from '../../../server/src/catalog/ddf/reader';
import { createLanguageService } from '../../../server/src/languageService';
import { analyze, cursor, dmMessage, hoverAt, service } from '../../support/service';

const DPE = './Device/Vendor/MSFT/Policy/Config/DeviceLock/DevicePasswordEnabled';

/** A Replace of one item; `data` and `uri` may hold the `|` cursor. */
const replace = (uri: string, data = '1') =>
  dmMessage(`    <Replace><CmdID>2</CmdID><Item><Target><LocURI>${uri}</LocURI></Target><Meta><Format xmlns="syncml:metinf">int</Format></Meta><Data>${data}</Data></Item></Replace>`);

/** A device's Results of one item. */
const results = (uri: string, data: string) =>
  dmMessage(`    <Results><CmdID>4</CmdID><MsgRef>1</MsgRef><CmdRef>2</CmdRef><Item><Source><LocURI>${uri}</LocURI></Source><Data>${data}</Data></Item></Results>`);

/** The hover's text and the text its range covers. */
function hover(fixture: string, svc = service): { value: string; covered: string } | undefined {
  const { text, offset } = cursor(fixture);
  const a = svc.analyze(TextDocument.create('file:///t.syncml', 'syncml', 1, text), 'syncml');
  const h = svc.doHover(a, a.document.positionAt(offset));
  if (!h) return undefined;
  return { value: (h.contents as { value: string }).value, covered: text.slice(a.document.offsetAt(h.range!.start), a.document.offsetAt(h.range!.end)) };
}

describe('hover on a URI segment', () => {
  it('the whole node the URI names, with a table of its values and labels, its default, OS build, docs and source', () => {
    const h = hover(replace(DPE.replace('DevicePassword', 'DevicePass|word')))!;
    assert.equal(h.covered, 'DevicePasswordEnabled');
    assert.equal(
      h.value,
      [
        '`./Device/Vendor/MSFT/Policy/Config/DeviceLock/DevicePasswordEnabled`',
        '',
        '*Format:* `int` · *Access:* Get, Add, Replace, Delete · *Occurrence:* ZeroOrOne · *Scope:* Dynamic',
        '',
        '*Allowed:*',
        '',
        '| Value | Label |\n|---|---|\n| `0` | Enabled |\n| `1` | Disabled |',
        '',
        '*Default:* `1` · *Min OS build:* 10.0.10240 (CSP version 1.0)',
        '',
        '*Docs:* [policy-csp-devicelock](https://learn.microsoft.com/windows/client-management/mdm/policy-csp-devicelock)',
        '',
        '*Source:* Microsoft Windows CSP DDF, windows-2026-01',
      ].join('\n'),
    );
  });

  it('a segment in the middle describes the node up to it', () => {
    const h = hover(replace(DPE.replace('DeviceLock', 'Device|Lock')))!;
    assert.equal(h.covered, 'DeviceLock');
    assert.match(h.value, /^`\.\/Device\/Vendor\/MSFT\/Policy\/Config\/DeviceLock`\n\n\*Format:\* `node` · \*Access:\* Get · \*Occurrence:\* One · \*Scope:\* Permanent\n/);
    assert.doesNotMatch(h.value, /Allowed/);
    // The first and last characters of a segment belong to it.
    assert.equal(hover(replace(DPE.replace('DeviceLock', '|DeviceLock')))!.covered, 'DeviceLock');
    assert.equal(hover(replace(DPE.replace('DeviceLock', 'DeviceLock|')))!.covered, 'DeviceLock');
  });

  it('a step of the path that no DDF describes, and the device tree', () => {
    assert.equal(hover(replace('./Device/Vendor/MS|FT/Policy'))!.value.split('\n\n')[0], '`./Device/Vendor/MSFT`');
    assert.match(hover(replace('./Device/Vendor/MS|FT/Policy'))!.value, /\n\nA step of the tree's path that no DDF describes\. \d+ nodes below it\.$/);
    assert.equal(hover(replace('./Dev|ice/Vendor/MSFT/Policy'))!.value, '`./Device`\n\nThe device tree. One node below it.');
    assert.equal(hover(replace('.|/Device/Vendor/MSFT/Policy')), undefined, 'the leading ./ is no segment');
  });

  it('./Vendor/MSFT is the device tree', () => {
    const h = hover(replace('./Vendor/MSFT/Policy/Config/Update/ActiveHours|Start', '27'))!;
    assert.match(h.value, /^`\.\/Device\/Vendor\/MSFT\/Policy\/Config\/Update\/ActiveHoursStart`\n/);
    assert.match(h.value, /\n\n\*Allowed:\* 0 to 23\n\n/);
  });

  it('a dynamic node: its placeholder and what it stands for; an ADMX-ingested area', () => {
    const h = hover(replace('./Vendor/MSFT/VPNv2/Contoso%20V|PN/ProfileXML'))!;
    assert.equal(h.covered, 'Contoso%20VPN');
    assert.match(h.value, /^`\.\/Device\/Vendor\/MSFT\/VPNv2\/\{ProfileName\}`\n/);
    assert.match(h.value, /\n\n\*Naming:\* \{ProfileName\} stands for a name the server makes up, unique among its siblings \(ServerGeneratedUniqueIdentifier\)\n\n\*Atomic:\* required: set it inside an Atomic command\n\n/);
    const area = hover(replace('./Device/Vendor/MSFT/Policy/Config/Contoso~Pol|icy~Sales/ShowBanner'))!;
    assert.match(area.value, /\*Naming:\* \{AreaName\} stands for an ADMX-ingested area, named App\\~Policy\\~Category \(a name with \\~\)/);
  });

  it('an ADMX-backed policy: the payload it takes and its ADMX file', () => {
    const h = hover(replace('./User/Vendor/MSFT/Policy/Config/ADMX_AddRemovePrograms/NoSer|vices'))!;
    assert.match(
      h.value,
      /\n\n\*Allowed:\* ADMX-backed: payload `<enabled\/>` or `<disabled\/>`, with `<data id="…" value="…"\/>` elements, escaped or in CDATA\n\nPolicy `NoServices` of `AddRemovePrograms\.admx` \(category `AddRemovePrograms~AT~ControlPanel~Arp`\)\n\n/,
    );
  });

  it('a deprecated node says so', () => {
    const h = hover(replace('./Device/Vendor/MSFT/Policy/Config/AboveLock/AllowActionCenter|Notifications'))!;
    assert.match(h.value, /\n\n\*\*Deprecated\*\* as of Windows 10\.0\.22000\n\n/);
  });

  it('a segment that names no node: the closest names; the scope where the path exists', () => {
    const typo = hover(replace(DPE.replace('DevicePasswordEnabled', 'DevicePass|wordEnabeld')))!;
    assert.equal(typo.covered, 'DevicePasswordEnabeld');
    assert.equal(typo.value, '`DevicePasswordEnabeld` names no node under `./Device/Vendor/MSFT/Policy/Config/DeviceLock`.\n\nDid you mean `DevicePasswordEnabled`?');
    const scope = hover(replace('./User/Vendor/MSFT/Policy/Config/Upd|ate/ActiveHoursStart'))!;
    assert.equal(
      scope.value,
      '`Update` names no node under `./User/Vendor/MSFT/Policy/Config`.\n\nIt exists in the device tree: `./Device/Vendor/MSFT/Policy/Config/Update`',
    );
    // A later segment: the one that names no node is the news, with the path of the hovered one.
    const later = hover(replace('./User/Vendor/MSFT/Policy/Config/Update/Active|HoursStart'))!;
    assert.equal(later.covered, 'ActiveHoursStart');
    assert.match(later.value, /^`Update` names no node under `\.\/User\/Vendor\/MSFT\/Policy\/Config`\.\n\nIt exists in the device tree: `\.\/Device\/Vendor\/MSFT\/Policy\/Config\/Update\/ActiveHoursStart`$/);
    const far = hover(replace('./Device/Vendor/MSFT/Policy/Config/DeviceLock/Zz|zzzzzzzzzz'))!;
    assert.match(far.value, /\n\nNo child of it has a close name\.$/);
  });

  it('silent for a tree nobody describes, for the OMA objects of a non-Windows session, for the query', () => {
    assert.equal(hover(replace('./Vendor/Contoso/Th|ing')), undefined);
    assert.equal(hoverAt(dmMessage('<Get><CmdID>3</CmdID><Item><Target><LocURI>./DevDetail/Bearer/G|SM</LocURI></Target></Item></Get>')), undefined);
    assert.equal(hover(replace(`${DPE}?list=St|ruct`)), undefined);
    // A LocURI outside a tree item (the header's, a Status's) is no node.
    assert.equal(hoverAt(dmMessage('<Status><CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>1</CmdRef><Cmd>Replace</Cmd><TargetRef>./Device/Vendor/MSFT/Policy/Config/Device|Lock</TargetRef><Data>200</Data></Status>')), undefined);
  });

  it('a Results item (a device report) is described by its Source', () => {
    assert.match(hover(results(DPE.replace('Enabled', 'Ena|bled'), '0'))!.value, /^`\.\/Device\/Vendor\/MSFT\/Policy\/Config\/DeviceLock\/DevicePasswordEnabled`\n/);
  });

  it('a node from the user\'s DDF shows its Description and the file it comes from', () => {
    const ddf = `<MgmtTree><VerDTD>1.2</VerDTD><Node><NodeName>Contoso</NodeName><Path>./Vendor</Path><DFProperties><AccessType><Get/></AccessType><DFFormat><node/></DFFormat></DFProperties>
<Node><NodeName>Mode</NodeName><DFProperties><AccessType><Get/><Replace/></AccessType><DFFormat><int/></DFFormat><Description>How the *agent* runs.</Description></DFProperties></Node></Node></MgmtTree>`;
    const read = readDdf(ddf, 'ddf/contoso.xml', { descriptions: true });
    assert.equal(read.problem, undefined);
    const tree = new DmTree([windowsCspSource(), { roots: read.roots, origin: 'ddf/contoso.xml' }]);
    const svc = createLanguageService({ dmTree: () => tree });
    const h = hover(replace('./Vendor/Contoso/Mo|de'), svc)!;
    assert.equal(
      h.value,
      '`./Device/Vendor/Contoso/Mode`\n\nHow the \\*agent\\* runs.\n\n*Format:* `int` · *Access:* Get, Replace\n\n*Source:* ddf/contoso.xml',
    );
    // The bundled index never carries a description.
    assert.doesNotMatch(hover(replace(DPE.replace('Enabled', 'Ena|bled')), svc)!.value, /Description/);
  });

  it('ranges are UTF-16 positions, in a CRLF document, after characters outside the BMP', () => {
    const fixture = replace('./Vendor/MSFT/VPNv2/Caf\u00e9\u{1F600}V|PN/ProfileXML').replace(/\n/g, '\r\n');
    const { text, offset } = cursor(fixture);
    const a = analyze(text);
    const h = service.doHover(a, a.document.positionAt(offset))!;
    const line = text.split('\r\n').findIndex((l) => l.includes('VPNv2'));
    const col = text.split('\r\n')[line].indexOf('Caf');
    // é is one UTF-16 unit, the emoji two: the segment is 9 units long.
    assert.deepEqual(h.range, { start: { line, character: col }, end: { line, character: col + 9 } });
    const profileXml = service.doHover(a, { line, character: col + 11 })!;
    assert.match((profileXml.contents as { value: string }).value, /^`\.\/Device\/Vendor\/MSFT\/VPNv2\/\{ProfileName\}\/ProfileXML`/);
  });
});

describe('hover on a Data value', () => {
  it('the label of an ENUM value, like a code, with the node and the other values', () => {
    const h = hover(replace(DPE, '|1'))!;
    assert.equal(h.covered, '1');
    assert.equal(
      h.value,
      [
        '**1 — Disabled**',
        '',
        'Value of `./Device/Vendor/MSFT/Policy/Config/DeviceLock/DevicePasswordEnabled` (`int`)',
        '',
        '*Other values:* `0` Enabled',
        '',
        '*Source:* Microsoft Windows CSP DDF, windows-2026-01',
      ].join('\n'),
    );
    assert.match(hover(replace(DPE, ' 0|  '))!.value, /^\*\*0 — Enabled\*\*\n/);
  });

  it('a label that goes on to explain the value: its first sentence in the head, the whole below', () => {
    const h = hover(replace('./Device/Vendor/MSFT/Policy/Config/Bluetooth/AllowAdvertising', '|1'))!;
    assert.match(h.value, /^\*\*1 — Allowed\*\*\n\nAllowed\. When set to 1, the device will send out advertisements\. To verify, .* received by the peripheral\.\n\nValue of /);
    // A one-sentence label is not said twice.
    const once = hover(replace('./Device/Vendor/MSFT/Policy/Config/AboveLock/AllowActionCenterNotifications', '|1'))!;
    assert.match(once.value, /^\*\*1 — Allowed\*\*\n\nValue of /);
  });

  it('a value the node does not list says so and lists the allowed ones', () => {
    const h = hover(replace(DPE, '5|'))!;
    assert.match(h.value, /^\*\*5\*\* — not a value listed for this node\n\n.*\n\n\*Allowed:\* `0` Enabled · `1` Disabled\n/);
  });

  it('Flag values: a sum of flags is named by the flags it adds up', () => {
    const h = hover(replace('./Device/Vendor/MSFT/Policy/Config/Cryptography/ConfigureSystemCryptographyForceStrongKeyProtection', '|3'))!;
    assert.match(h.value, /^\*\*3 — Force high protection \+ Display the strong key user interface as needed\*\*\n/);
  });

  it('a list value: the item under the cursor', () => {
    // The list's delimiter is |, the fixtures' cursor: the cursor is placed by offset here.
    const text = replace('./Device/Vendor/MSFT/Defender/Configuration/SecuredDevicesConfiguration', 'RemovableMediaDevices|CdRomDevices|Nope');
    const a = analyze(text);
    const at = (s: string) => {
      const h = service.doHover(a, a.document.positionAt(text.indexOf(s) + 2))!;
      return { value: (h.contents as { value: string }).value, covered: text.slice(a.document.offsetAt(h.range!.start), a.document.offsetAt(h.range!.end)) };
    };
    assert.deepEqual(at('CdRomDevices').covered, 'CdRomDevices');
    // Its label only repeats it: said once.
    assert.match(at('CdRomDevices').value, /^\*\*CdRomDevices\*\* — a value listed for this node\n/);
    assert.match(at('Nope').value, /^\*\*Nope\*\* — not a value listed for this node/);
  });

  it('a bool: true or false, anything else is said not to be one', () => {
    const uri = './Device/Vendor/MSFT/ApplicationControl/Policies/1234/PolicyInfo/IsBasePolicy';
    assert.match(hover(results(uri, 'tr|ue'))!.value, /^\*\*true\*\* — a bool\n/);
    assert.match(hover(results(uri, '|1'))!.value, /^\*\*1\*\* — not a bool: the node takes `true` or `false`\n/);
  });

  it('a Results value from the device is labelled as well; a value of a node with no labelled values has no hover', () => {
    assert.match(hover(results(DPE, '|0'))!.value, /^\*\*0 — Enabled\*\*/);
    assert.equal(hover(replace('./Vendor/MSFT/Policy/Config/Update/ActiveHoursStart', '2|7')), undefined);
    assert.equal(hover(replace('./Vendor/Contoso/Thing', '|1')), undefined);
  });
});
