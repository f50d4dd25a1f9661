/**
 * malformed-uri (server/src/features/uriChecks.ts): which LocURIs the device cannot resolve as
 * written, with the rule each one breaks. The rules and their sources: OMA DM 1.2 TND §8.1
 * ("MUST be a relative URI", "MUST NOT end with the delimiter "/"", "MUST NOT be constructed using
 * the character sequence "../"", "./" only at the beginning), §8.3-8.4 (?prop=, ?list=); Microsoft's
 * OMA DM protocol support page ("LocURI can't start with `/`", "The node name can't be empty",
 * "can't be only the asterisk (`*`) character", URL-encoding). See /work/research-14.md §3.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS } from '../../support/corpus';
import { dmMessage, findings } from '../../support/service';
import { mulberry32 } from '../../../bench/prng';
import type { Finding } from '../../../server/src/features/assess';
import { allUriProblems, mayBeMalformed } from '../../../server/src/features/uriChecks';

/** A profile of one Replace whose Target/LocURI content is `uri` (Fleet's shape), opened as xml. */
function profile(uri: string): string {
  return [
    '<Replace>',
    '  <!-- a setting -->',
    '  <CmdID>1</CmdID>',
    '  <Item>',
    '    <Meta><Format xmlns="syncml:metinf">int</Format></Meta>',
    `    <Target><LocURI>${uri}</LocURI></Target>`,
    '    <Data>1</Data>',
    '  </Item>',
    '</Replace>',
    '',
  ].join('\n');
}

const uriFindings = (text: string, languageId = 'xml') =>
  findings(text, languageId)
    .filter((f) => f.code === 'malformed-uri')
    .map((f) => [f.covered, f.message]);

describe('malformed-uri: what is reported, on the offending characters', () => {
  it('a line break inside the URI (a paste accident), with the indentation after it', () => {
    assert.deepEqual(uriFindings(profile('./Device/Vendor/MSFT/Policy/Config/\n      DeviceLock/MinDevicePasswordLength')), [
      ['\n      ', 'A line break inside the LocURI: the device reads it as part of the URI and answers 404'],
    ]);
  });

  it('a space inside the URI: no fix, since it may be a node name\'s own (%20) or a stray', () => {
    assert.deepEqual(uriFindings(profile('./Device /Vendor/MSFT/Policy/Config/Camera/AllowCamera')), [
      [' ', "A space inside the LocURI: a URI escapes it as %20 (Microsoft's OMA DM docs: characters other than letters and digits must be URL-encoded)"],
    ]);
  });

  it('an empty segment, a leading and a trailing slash', () => {
    assert.deepEqual(uriFindings(profile('./Vendor/MSFT//Policy/Config/Camera/AllowCamera')), [
      ['//', "Empty segment ('//') in the LocURI: a node name can't be empty"],
    ]);
    assert.deepEqual(uriFindings(profile('/Vendor/MSFT/Policy/Config/Camera/AllowCamera')), [
      ['/', "The LocURI starts with '/': OMA DM addresses a node relative to the tree root (./Vendor/MSFT/… or Vendor/MSFT/…), and Windows rejects a leading '/'"],
    ]);
    assert.deepEqual(uriFindings(profile('./Vendor/MSFT/Policy/Config/Camera/')), [
      ['/', "The LocURI ends with '/': OMA DM forbids a trailing delimiter (the root itself is '.', not './')"],
    ]);
    // The root is '.', not './' (TND §8.1).
    assert.deepEqual(uriFindings(profile('./')).map(([covered]) => covered), ['/']);
  });

  it("'.' and '..' segments other than the leading './', a '*' segment, and a query other than ?prop= and ?list=", () => {
    assert.deepEqual(uriFindings(profile('./Vendor/./MSFT/../Policy')), [
      ['.', "A '.' segment inside the LocURI: OMA DM allows './' only at the start of a URI"],
      ['..', "A '..' segment in the LocURI: OMA DM URIs may not contain '../' (there is no parent step)"],
    ]);
    assert.deepEqual(uriFindings(profile('./Vendor/MSFT/Policy/Config/*')), [
      ['*', "A '*' segment in the LocURI: a node name can't be only the asterisk"],
    ]);
    assert.deepEqual(uriFindings(profile('./DevDetail?version=2')), [
      ['?version=2', 'OMA DM defines two URI queries, ?prop=<property> and ?list=<attribute>; this is neither'],
    ]);
  });

  it('no-break spaces copied from a web page around the URI (Microsoft\'s TpmPolicy sample in the corpus)', () => {
    const text = readFileSync(join(CORPUS, 'fragments', 'msdocs-tpmpolicy-csp-01.xml'), 'utf8');
    const found = uriFindings(text);
    assert.equal(found.length, 2);
    assert.match(found[0][0], /^[\u00a0 ]+$/);
    assert.match(found[0][1], /^A no-break space \(U\+00A0\) before the URI: XML does not trim it/);
    assert.match(found[1][0], /^\n[\u00a0 ]+$/);
  });

  it('Target and Source of items and of commands, in messages too', () => {
    const results = '    <Results><CmdID>3</CmdID><MsgRef>1</MsgRef><CmdRef>2</CmdRef><Item><Source><LocURI>./DevDetail//SwV</LocURI></Source><Data>1.0</Data></Item></Results>';
    assert.deepEqual(uriFindings(dmMessage(results), 'syncml').map(([covered]) => covered), ['//']);
  });
});

describe('malformed-uri: what is not reported', () => {
  it('correct URIs, Microsoft\'s and OMA\'s forms alike', () => {
    for (const uri of [
      './Device/Vendor/MSFT/Policy/Config/DeviceLock/DevicePasswordEnabled',
      './User/Vendor/MSFT/Policy/Config/Start/HideAppList',
      'Vendor/MSFT/Policy/Config/Camera/AllowCamera',
      '.',
      './DevDetail/Ext/Microsoft.Example',
      './DMAcc/xyzInc?prop=ACL',
      './Vendor/MSFT?list=Struct',
      './Vendor/MSFT/WiFi/Profile/My%20Network/WlanXml',
      // A documentation placeholder is a node name like any other.
      './Vendor/MSFT/VPNv2/{ProfileName}/EdpModeId',
    ]) {
      assert.deepEqual(uriFindings(profile(uri)), [], uri);
    }
  });

  it('whitespace around the URI is layout, as Microsoft\'s samples write it (the URI on its own line)', () => {
    assert.deepEqual(uriFindings(profile('\n        ./Vendor/MSFT/Policy/Config/Camera/AllowCamera\n      ')), []);
  });

  it('the SyncHdr\'s Target and Source (a device id, a server URL), and URIs with a scheme', () => {
    const msg = dmMessage('    <Alert><CmdID>3</CmdID><Data>1226</Data><Item><Source><LocURI>urn:oma:mo:oma-fumo:1.0//x/</LocURI></Source><Data>200</Data></Item></Alert>');
    assert.deepEqual(uriFindings(msg, 'syncml'), []);
  });

  it("Fleet's profiles in the corpus are clean", () => {
    for (const name of ['fleet-gitops-windows-password.xml', 'fleet-gitops-windows-bluetooth-settings.xml', 'fleet-gitops-windows-screenlock.xml', 'fleet-gitops-windows-password-settings.xml', 'fleet-pin-start-menu-apps.xml', 'fleet-windows-defender-compliance-settings.xml']) {
      assert.deepEqual(uriFindings(readFileSync(join(CORPUS, 'fragments', name), 'utf8')), [], name);
    }
  });

  it('a LocURI past eight problems stops there', () => {
    assert.equal(uriFindings(profile('./a//b//c//d//e//f//g//h//i//j//k')).length, 8);
  });
});

describe('malformed-uri pre-filter', () => {
  it('never passes over a URI that the full rules flag (random URIs of the characters the rules read)', () => {
    const pieces = ['a', 'Vendor', 'MSFT', '/', '/', '.', '..', './', '?', 'list=', 'prop=', '*', ' ', '\u00A0', '\n', '\t', '%20', ':', 'http', '~', '\u2003'];
    const next = mulberry32(20261204);
    const random = () => next() / 2 ** 32;
    let flagged = 0;
    for (let n = 0; n < 20000; n++) {
      let uri = '';
      const len = 1 + Math.floor(random() * 8);
      for (let k = 0; k < len; k++) uri += pieces[Math.floor(random() * pieces.length)];
      const trimmed = uri.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
      if (!trimmed) continue;
      // In place, as the check reads a LocURI in its document, the text around it changes nothing.
      assert.equal(mayBeMalformed(`../${trimmed}/ /`, 3, 3 + trimmed.length), mayBeMalformed(trimmed, 0, trimmed.length), `in place: ${JSON.stringify(trimmed)}`);
      const out: Finding[] = [];
      allUriProblems(trimmed, 0, trimmed.length, out);
      if (out.length === 0) continue;
      flagged++;
      assert.ok(mayBeMalformed(trimmed, 0, trimmed.length), `the pre-filter passes over ${JSON.stringify(trimmed)}, which has: ${out.map((f) => f.message).join('; ')}`);
    }
    assert.ok(flagged > 5000, `only ${flagged} flagged URIs were generated`);
  });
});
