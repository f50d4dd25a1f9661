/**
 * markup-in-data (server/src/features/dataMarkup.ts): raw XML inside a Data whose value is text.
 * Sources (see /work/research-14.md §4): OMA DM RepPro §4.1.3.1 (escape the markup or use CDATA);
 * Microsoft's ADMX note ("Format chr", "must be XML-encoded … you can use CDATA"), Wi-Fi CSP ("The
 * profile XML must be escaped"), AssignedAccess CSP (escaped or CDATA, nested CDATA split as
 * `]]]]><![CDATA[>`); Fleet #16316 (unescaped XML kept profiles "Pending"), PR #16563 (escape or
 * CDATA); SyncML RepPro / [MS-MDM] §2.2.5.1 and DM TNDS §9.1.3 (markup with Format xml).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS } from '../../support/corpus';
import { dmMessage, findings } from '../../support/service';
import { wrapInCData } from '../../../server/src/features/dataMarkup';
import { escapeXmlText } from '../../../server/src/model/xmlText';

/** A Replace of one item (Fleet's and Microsoft's profile shape) with this Meta and Data content. */
function replace(uri: string, meta: string, data: string): string {
  return [
    '<Replace>',
    '  <CmdID>2</CmdID>',
    '  <Item>',
    `    <Target><LocURI>${uri}</LocURI></Target>`,
    `    <Meta>${meta}</Meta>`,
    `    <Data>${data}</Data>`,
    '  </Item>',
    '</Replace>',
    '',
  ].join('\n');
}

const CHR = '<Format xmlns="syncml:metinf">chr</Format><Type xmlns="syncml:metinf">text/plain</Type>';
const WLAN = '<WLANProfile xmlns="http://www.microsoft.com/networking/WLAN/profile/v1"><name>MARGROUP</name><SSIDConfig><SSID><name>MARGROUP</name></SSID></SSIDConfig></WLANProfile>';
const WIFI_URI = './Device/Vendor/MSFT/WiFi/Profile/MARGROUP/WlanXml';
const ADMX_URI = './Device/Vendor/MSFT/Policy/Config/WindowsPowerShell/TurnOnScriptExecution';
const ADMX = '<enabled/><data id="ExecutionPolicy" value="AllSigned"/>';

const markup = (text: string, languageId = 'xml') =>
  findings(text, languageId)
    .filter((f) => f.code === 'markup-in-data')
    .map((f) => f.covered);

describe('markup-in-data: reported', () => {
  it("a raw Wi-Fi profile in a chr WlanXml (Fleet #16316's profile): the range is the Data's markup", () => {
    const f = findings(replace(WIFI_URI, CHR, `\n      ${WLAN}\n    `), 'xml');
    assert.deepEqual(f, [
      {
        code: 'markup-in-data',
        covered: WLAN,
        message:
          'Raw XML (<WLANProfile>) inside a Data whose Format is chr: the node takes its value as text, so the markup must be escaped or wrapped in CDATA (OMA DM RepPro §4.1.3.1)',
        severity: 2,
      },
    ]);
  });

  it('a raw ADMX payload in a chr Data, and one with no Format at all (chr by default)', () => {
    assert.deepEqual(markup(replace(ADMX_URI, CHR, ADMX)), [ADMX]);
    const noFormat = findings(replace('./Vendor/MSFT/VPNv2/Contoso/ProfileXML', '<Type xmlns="syncml:metinf">text/plain</Type>', '<VPNProfile><AlwaysOn>true</AlwaysOn></VPNProfile>'), 'xml');
    assert.deepEqual(noFormat.map((f) => f.message), [
      'Raw XML (<VPNProfile>) inside a Data with no Format (chr, text, by default): the node takes its value as text, so the markup must be escaped or wrapped in CDATA (OMA DM RepPro §4.1.3.1)',
    ]);
  });

  it("the command's Meta applies to its items", () => {
    const text = `<Replace><CmdID>3</CmdID><Meta>${CHR}</Meta><Item><Target><LocURI>${ADMX_URI}</LocURI></Target><Data>${ADMX}</Data></Item></Replace>`;
    assert.deepEqual(markup(text), [ADMX]);
  });

  it("Microsoft's own samples with a raw policy are reported (the corpus test lists every one)", () => {
    const text = readFileSync(join(CORPUS, 'syncml', 'msdocs-understanding-admx-backed-policies-07.xml'), 'utf8');
    assert.deepEqual(markup(text, 'syncml'), ['<disabled/>']);
  });
});

describe('markup-in-data: not reported', () => {
  it('the same payloads escaped, or in CDATA (Fleet PR #16563: the two ways)', () => {
    assert.deepEqual(markup(replace(WIFI_URI, CHR, escapeXmlText(WLAN))), []);
    assert.deepEqual(markup(replace(WIFI_URI, CHR, wrapInCData(WLAN))), []);
    assert.deepEqual(markup(replace(ADMX_URI, CHR, '&lt;enabled/&gt;&lt;data id="ExecutionPolicy" value="AllSigned"/&gt;')), []);
  });

  it("AssignedAccess's nested CDATA, split as ]]]]><![CDATA[>", () => {
    const config = '<![CDATA[<AssignedAccessConfiguration><Config><![CDATA[x]]]]><![CDATA[></Config></AssignedAccessConfiguration>]]>';
    assert.deepEqual(markup(replace('./Vendor/MSFT/AssignedAccess/Configuration', CHR, config)), []);
  });

  it('Format xml: SyncML lets Data carry markup, as DM TNDS §9.1.3 sends a raw MgmtTree', () => {
    const tnds = [
      '<Add><CmdID>2</CmdID><Item>',
      '  <Target><LocURI>./OperatorX</LocURI></Target>',
      "  <Meta><Format xmlns='syncml:metinf'>xml</Format><Type xmlns='syncml:metinf'>application/vnd.syncml.dmtnds+xml</Type></Meta>",
      "  <Data><MgmtTree xmlns='syncml:dmddf1.2'><VerDTD>1.2</VerDTD><Node><NodeName>OperatorX</NodeName></Node></MgmtTree></Data>",
      '</Item></Add>',
    ].join('\n');
    assert.deepEqual(markup(dmMessage(tnds, { source: 'server' }), 'syncml'), []);
    // Format xml with a Windows payload too: the Format says the value is markup.
    assert.deepEqual(markup(replace('./Vendor/MSFT/EnterpriseModernAppManagement/AppInstallation/x/HostedInstall', '<Format xmlns="syncml:metinf">xml</Format>', '<Application PackageUri="https://example.com/x.appx"/>')), []);
  });

  it("SyncML DS's own markup in Data: device information and sync anchors (syncml:devinf, syncml:metinf)", () => {
    const ds = [
      '<Results><CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>1</CmdRef>',
      '  <Meta><Type xmlns="syncml:metinf">application/vnd.syncml-devinf+xml</Type></Meta>',
      '  <Item><Source><LocURI>./devinf12</LocURI></Source><Data><DevInf xmlns="syncml:devinf"><VerDTD>1.2</VerDTD></DevInf></Data></Item>',
      '</Results>',
      '<Status><CmdID>3</CmdID><MsgRef>1</MsgRef><CmdRef>1</CmdRef><Cmd>Alert</Cmd><Data>200</Data>',
      '  <Item><Data><Anchor xmlns="syncml:metinf"><Next>276</Next></Anchor></Data></Item>',
      '</Status>',
    ].join('\n');
    assert.deepEqual(markup(ds, 'syncml'), []);
  });

  it('b64 and other non-text formats, and Data outside an item', () => {
    assert.deepEqual(markup(replace('./Vendor/MSFT/x', '<Format xmlns="syncml:metinf">b64</Format>', '<x/>')), []);
    assert.deepEqual(markup('<Alert><CmdID>1</CmdID><Data><x/></Data></Alert>'), []);
  });

  it("Fleet's profiles in the corpus (escaped ADMX, a CDATA payload) are clean", () => {
    for (const name of ['fleet-pin-start-menu-apps.xml', 'fleet-windows-defender-compliance-settings.xml']) {
      assert.deepEqual(markup(readFileSync(join(CORPUS, 'fragments', name), 'utf8')), [], name);
    }
  });
});

describe('markup-in-data: the two repairs keep the text the node receives', () => {
  it('escape: every <, & and > of the text as written', () => {
    assert.equal(escapeXmlText('<a b="x&amp;y">1 > 0</a>'), '&lt;a b="x&amp;amp;y"&gt;1 &gt; 0&lt;/a&gt;');
  });

  it("CDATA: one section, a ']]>' inside split across two", () => {
    assert.equal(wrapInCData('<a/>'), '<![CDATA[<a/>]]>');
    assert.equal(wrapInCData('<c><![CDATA[x]]></c>'), '<![CDATA[<c><![CDATA[x]]]]><![CDATA[></c>]]>');
  });
});
