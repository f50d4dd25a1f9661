/**
 * syncml-check explain: every meaning of a number across families; HRESULTs; --family; json.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../support/cliRun';

test('explain 404: the SyncML status "Not found" and the FUMO result "Failed Firmware Update Package Validation"', () => {
  const r = runCli(['explain', '404']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^404: \d+ meanings, by family/);
  assert.match(r.stdout, /SyncML status code \(syncml-status\)\n\s+404\s+Not found/);
  assert.match(r.stdout, /FUMO result code \(fumo-result\)\n\s+404\s+Failed Firmware Update Package Validation/);
  assert.match(r.stdout, /Source: /);
  assert.ok(r.stdout.indexOf('syncml-status') < r.stdout.indexOf('fumo-result'), 'SyncML status first');
});

test('explain of an HRESULT (hex or signed decimal) gives the SyncML status inside', () => {
  for (const input of ['0x87D10194', '0x87d10194', '-2016345708']) {
    const r = runCli(['explain', input]);
    assert.equal(r.status, 0, `${input}: ${r.stderr}`);
    assert.match(r.stdout, /is a Windows MDM HRESULT: 0x87D10194 = -2016345708, SyncML status 404/);
    assert.match(r.stdout, /SyncML status code \(syncml-status\)\n\s+404\s+Not found/);
    assert.match(r.stdout, /As a bare number, 404 also means: Failed Firmware Update Package Validation \(FUMO result code\)/);
  }
});

test('explain --family limits the answer to one family', () => {
  const r = runCli(['explain', '404', '--family', 'fumo-result']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^404: 1 meaning in fumo-result/);
  assert.match(r.stdout, /Failed Firmware Update Package Validation/);
  assert.doesNotMatch(r.stdout, /Not found/);
});

test('explain shows the kind of an entry: obsolete with its replacement, vendor ranges', () => {
  const obsolete = runCli(['explain', '1418', '--family', 'sacmo-result']);
  assert.equal(obsolete.status, 0);
  assert.match(obsolete.stdout, /1418\s+Workflow aborted.*obsolete, use 1413/);
  const vendor = runCli(['explain', '260', '--family', 'fumo-result']);
  assert.match(vendor.stdout, /250\u2013299\s+Successful.*Vendor Specified.*vendor-specified range/);
});

test('explain --format json: the meanings with their family titles', () => {
  const r = runCli(['explain', '404', '--format', 'json']);
  assert.equal(r.status, 0);
  const report = JSON.parse(r.stdout) as { input: string; number: number; meanings: { family: string; familyTitle: string; code: number; name: string; source: string }[] };
  assert.equal(report.input, '404');
  assert.equal(report.number, 404);
  const byFamily = new Map(report.meanings.map((m) => [m.family, m]));
  assert.equal(byFamily.get('syncml-status')?.name, 'Not found');
  assert.equal(byFamily.get('fumo-result')?.name, 'Failed Firmware Update Package Validation');
  assert.equal(byFamily.get('fumo-result')?.familyTitle, 'FUMO result code');
  const hr = JSON.parse(runCli(['explain', '-2016345708', '--format=json']).stdout) as { hresult: { status: number; hex: string } };
  assert.deepEqual([hr.hresult.status, hr.hresult.hex], [404, '0x87D10194']);
});

test('explain of a number with no meaning, or of something that is not a number: a sentence, exit 1', () => {
  const none = runCli(['explain', '99999']);
  assert.equal(none.status, 1);
  assert.match(none.stdout, /99999/);
  assert.equal(none.stderr, '');
  const word = runCli(['explain', 'abc']);
  assert.equal(word.status, 1);
  assert.match(word.stdout, /abc/);
});

test('explain 0x87D1FDE8: Intune\'s "Remediation failed", not a SyncML status, in hex or signed decimal', () => {
  for (const args of [['explain', '0x87D1FDE8'], ['explain', '-2016281112'], ['explain', '--', '-2016281112']]) {
    const r = runCli(args);
    assert.equal(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stdout, /^\S+ is a Windows error value: 0x87D1FDE8 = -2016281112, Intune's “Remediation failed”\n/);
    assert.match(r.stdout, /Source: Microsoft Intune, “Common error codes and descriptions in Microsoft Intune”/);
    assert.doesNotMatch(r.stdout, /SyncML status|65000/);
  }
});

test('explain 0x86000011: CFGMGR_E_COMMANDNOTALLOWED with the header\'s message', () => {
  const r = runCli(['explain', '0x86000011']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /0x86000011 = -2046820335, CFGMGR_E_COMMANDNOTALLOWED, “The requested command is not allowed on the target\.”/);
  assert.match(r.stdout, /Source: Windows SDK header cfgmgr2err\.h/);
  const json = JSON.parse(runCli(['explain', '-2046820335', '--format', 'json']).stdout) as { windowsError: { symbol: string; hex: string }; hresult: unknown };
  assert.deepEqual([json.windowsError.symbol, json.windowsError.hex, json.hresult], ['CFGMGR_E_COMMANDNOTALLOWED', '0x86000011', null]);
});

test('explain of a DCMO HRESULT leads with the DCMO result inside and notes the page\'s misprint of 1201', () => {
  const r = runCli(['explain', '0x87D107D1']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /DCMO result 1201, “Enable operation is performed successfully and the Device Capability is currently attached”/);
  assert.match(r.stdout, /Erratum: The table prints 0xF3FB4D95/);
  assert.match(r.stdout, /DCMO result code 1201: 1 meaning\n\n\s+DCMO result code \(dcmo-result\)/);
  assert.match(r.stdout, /As a bare number, 1201 also means: /);
});

test('explain of a value in no table says it is not a known Windows MDM value, exit 1', () => {
  for (const input of ['0x87D1FFFF', '0x8600001A', '-2016281000']) {
    const r = runCli(['explain', input]);
    assert.equal(r.status, 1, input);
    assert.match(r.stdout, /is not a known Windows MDM value/, input);
    assert.doesNotMatch(r.stdout, /SyncML status \d/, input);
  }
});
