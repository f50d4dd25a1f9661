/**
 * LanguageService.decode: every code site of a document with what it means there, where it stands
 * (in the words hover uses) and the finding on it, as a caller of the API gets them.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, type DecodedSite } from '../../../server/src/api';
import { analyze, dmMessage, genericAlert, hoverAt, service, status } from '../../support/service';

function decodeText(text: string, settings = DEFAULT_SETTINGS): { text: string; sites: DecodedSite[] } {
  return { text, sites: service.decode(analyze(text), settings) };
}

/** The text a site's range covers: the range must be exactly the code's characters. */
function covered(text: string, site: DecodedSite): string {
  const a = analyze(text);
  return text.slice(a.document.offsetAt(site.range.start), a.document.offsetAt(site.range.end));
}

describe('LanguageService.decode', () => {
  it('a Status 404 in a DM session decodes as syncml-status Not Found, with its place', () => {
    const body = `    <Replace><CmdID>5</CmdID><Item><Target><LocURI>./DevInfo/Lang</LocURI></Target><Data>fr</Data></Item></Replace>\n` +
      `    <Status><CmdID>9</CmdID><MsgRef>1</MsgRef><CmdRef>5</CmdRef><Cmd>Replace</Cmd><TargetRef>./DevInfo/Lang</TargetRef><Data> 404 </Data></Status>`;
    const { text, sites } = decodeText(dmMessage(body));
    assert.equal(sites.length, 1);
    const [s] = sites;
    assert.equal(covered(text, s), '404');
    assert.equal(s.text, '404');
    assert.equal(s.number, 404);
    assert.equal(s.kind, 'status');
    assert.equal(s.family, 'syncml-status');
    assert.equal(s.familyTitle, 'SyncML status code');
    assert.equal(s.entry?.name, 'Not found');
    assert.equal(s.entry?.family, 'syncml-status');
    assert.equal(s.place, 'Status for Replace (CmdRef 5, MsgRef 1) ./DevInfo/Lang');
    assert.equal(s.command?.name, 'Status');
    assert.equal(s.finding, undefined);
  });

  it('says where a Status stands in the same words as hover', () => {
    const fixture = dmMessage(status('Get', '40|4'));
    const here = /\*Here:\* (.*)/.exec(hoverAt(fixture)!)![1];
    const [s] = decodeText(fixture.replace('|', '')).sites;
    assert.equal(here, 'Status for Get (CmdRef 3, MsgRef 1)');
    assert.equal(s.place, here);
  });

  it('a FUMO Generic Alert 404 decodes as a FUMO result code, placed on its alert item', () => {
    const { text, sites } = decodeText(
      dmMessage(
        genericAlert(
          'org.openmobilealliance.dm.firmwareupdate.downloadandupdate',
          '404',
          '<Source><LocURI>./FUMO/Pkg1/DownloadAndUpdate</LocURI></Source>',
        ),
      ),
    );
    const item = sites.find((s) => s.kind === 'alert-item')!;
    assert.equal(covered(text, item), '404');
    assert.equal(item.family, 'fumo-result');
    assert.equal(item.familyTitle, 'FUMO result code');
    assert.equal(item.entry?.family, 'fumo-result');
    assert.match(item.entry!.name, /Validation/);
    assert.equal(item.place, 'Generic Alert from ./FUMO/Pkg1/DownloadAndUpdate (org.openmobilealliance.dm.firmwareupdate.downloadandupdate, Mark warning)');
    assert.equal(item.reason, 'Generic Alert of type org.openmobilealliance.dm.firmwareupdate.downloadandupdate');
    assert.equal(item.command?.name, 'Alert');
    assert.equal(item.finding, undefined);
    // The Alert's own code is a site too, and comes first in document order.
    assert.deepEqual(sites.map((s) => `${s.kind}:${s.text}`), ['alert:1226', 'alert-item:404']);
    assert.equal(sites[0].entry?.family, 'dm-alert');
  });

  it('an undefined code carries its finding, with the severity the settings give it', () => {
    const { text, sites } = decodeText(dmMessage(status('Exec', '1200')));
    const [s] = sites;
    assert.equal(covered(text, s), '1200');
    assert.equal(s.family, 'syncml-status');
    assert.equal(s.entry, undefined);
    assert.equal(s.finding?.code, 'wrong-code-family');
    assert.equal(s.finding?.severity, 2);
    assert.match(String(s.finding!.message), /^1200 is not a SyncML status code \(Status for Exec \(CmdRef 3, MsgRef 1\)\)/);
    assert.deepEqual(s.finding?.range, s.range);

    const quiet = decodeText(dmMessage(status('Exec', '1200')), {
      ...DEFAULT_SETTINGS,
      diagnostics: { enable: true, severity: { 'wrong-code-family': 'off' } },
    }).sites[0];
    assert.equal(quiet.finding, undefined, 'a diagnostic turned off is no finding');
    assert.equal(quiet.text, '1200', 'but the site is still decoded');
  });

  it('an HRESULT attribute carries the SyncML status it spells', () => {
    const { text, sites } = decodeText(
      dmMessage(`    <Status><CmdID>9</CmdID><MsgRef>1</MsgRef><CmdRef>3</CmdRef><Cmd>Get</Cmd><Data msft:originalerror="0x87D10194">404</Data></Status>`),
    );
    assert.deepEqual(sites.map((s) => `${s.kind}:${s.text}`), ['hresult:0x87D10194', 'status:404']);
    const [h] = sites;
    assert.equal(covered(text, h), '0x87D10194');
    assert.equal(h.number, 404);
    assert.equal(h.hresult?.status, 404);
    assert.equal(h.entry?.name, 'Not found');
    assert.equal(h.place, 'Status for Get (CmdRef 3, MsgRef 1)');
  });

  it('a Status whose Data holds an Intune error in signed decimal decodes as that error, with no status to replace it by', () => {
    const { text, sites } = decodeText(dmMessage(status('Replace', '-2016281112')));
    assert.equal(sites.length, 1);
    const [s] = sites;
    assert.equal(covered(text, s), '-2016281112');
    assert.equal(s.windowsError?.message, 'Remediation failed');
    assert.equal(s.windowsError?.hex, '0x87D1FDE8');
    assert.equal(s.hresult, undefined);
    assert.equal(s.entry, undefined);
    assert.equal(s.finding?.code, 'undefined-code');
    assert.equal(
      s.finding?.message,
      "-2016281112 is the signed form of Windows error 0x87D1FDE8 (Intune's “Remediation failed”), not a SyncML status code (Status for Replace (CmdRef 3, MsgRef 1))",
    );
    assert.equal((s.finding?.data as { fix?: unknown } | undefined)?.fix, undefined, 'no status to offer');
  });

  it('a DDF state default value is placed on its node', () => {
    const ddf = `<MgmtTree><Node><NodeName>FUMO</NodeName><Path>.</Path>
  <DFProperties><DFType><DDFName>urn:oma:mo:oma-fumo:1.0</DDFName></DFType></DFProperties>
  <Node><NodeName/><Node><NodeName>State</NodeName><DFProperties><DefaultValue>10</DefaultValue></DFProperties></Node></Node>
</Node></MgmtTree>`;
    const sites = service.decode(analyze(ddf, 'dmtree', 'file:///fumo.ddf'));
    assert.equal(sites.length, 1);
    assert.equal(sites[0].family, 'fumo-state');
    assert.equal(sites[0].entry?.name, 'Idle / Start');
    assert.equal(sites[0].place, 'Node ./FUMO/<x>/State DefaultValue');
    assert.equal(sites[0].command, undefined);
  });
});
