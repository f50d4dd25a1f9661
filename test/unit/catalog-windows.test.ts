/**
 * Windows error values in the catalog (server/src/catalog/data/windowsErrors.ts and its two
 * sources): each table's first and last rows and the values just outside them, the rows the
 * sources misprint, and the SyncML span of 0x87D1xxxx that decodes to the status inside.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { createCatalog } from '../../server/src/catalog';

const catalog = createCatalog();
const message = (text: string): string | undefined => catalog.windowsError(text)?.message;

test('Intune common errors: 0x87D1FDE8 "Remediation failed" to 0x87D1FDF3 "MDM CRP request not found", nothing either side', () => {
  const first = catalog.windowsError('0x87D1FDE8');
  assert.ok(first);
  assert.equal(first.message, 'Remediation failed');
  assert.equal(first.signed, -2016281112);
  assert.equal(first.summary, "Intune's \u201cRemediation failed\u201d");
  assert.match(first.source, /Common error codes and descriptions in Microsoft Intune.*Company resource access \(common errors\)/);
  assert.equal(message('0x87D1FDF3'), 'MDM CRP request not found');
  assert.equal(message('0x87D1FDEE'), 'Not applicable because it lost in conflict resolution');
  assert.equal(message('0x87D1FDE7'), undefined);
  assert.equal(message('0x87D1FDF4'), undefined);
});

test('Intune app rows 0x87D13B60-0x87D13B67 and iOS device rows from 0x87D11388', () => {
  assert.equal(message('0x87D13B60'), 'The app is scheduled for installation, but needs a redemption code to complete the transaction');
  assert.equal(message('-2016330912'), message('0x87D13B60'));
  assert.equal(message('0x87D13B67'), 'The app state is unknown');
  assert.equal(message('0x87D13B5F'), undefined);
  assert.equal(message('0x87D13B68'), undefined);
  assert.equal(message('0x87D11388'), 'iOS device is currently busy');
  assert.equal(message('-2016341112'), 'iOS device is currently busy');
  assert.equal(message('0x87D1138B'), 'iOS device has returned an error');
  assert.equal(message('0x87D11387'), undefined);
  assert.equal(message('0x87D1138C'), undefined);
});

test('Intune iOS/iPadOS service errors: 1000 to 36001 and the two coded "Internal error" rows, each at 0x87D10000 + 10000 + code', () => {
  const ios = catalog.windowsErrors().filter((e) => /iOS\/iPadOS devices, Service errors/.test(e.table));
  assert.equal(ios.length, 205);
  for (const e of ios) {
    if (e.code !== undefined) assert.equal(e.value, 0x87d10000 + 10000 + e.code, `${e.code} ${e.message}`);
  }
  const first = catalog.windowsError('0x87D12AF8');
  assert.deepEqual([first?.code, first?.message, first?.signed], [1000, 'Malformed profile', -2016335112]);
  assert.equal(first?.summary, "Intune's iOS/iPadOS error 1000, \u201cMalformed profile\u201d");
  assert.equal(catalog.windowsError('0x87D1B3B1')?.code, 36001);
  assert.deepEqual(
    ['0x87D1B798', '0x87D1B799'].map((h) => [catalog.windowsError(h)?.code, message(h)]),
    [[undefined, 'Internal error'], [undefined, 'Internal error']],
  );
  // Outside the rows the page lists: below 1000, the unlisted 27xxx and 33xxx, beyond 0x87D1B799.
  for (const h of ['0x87D12AF7', '0x87D19088', '0x87D1A7F8', '0x87D1B79A']) assert.equal(catalog.windowsError(h), undefined, h);
  // Rows with a code but no text.
  assert.equal(catalog.windowsError('0x87D19859')?.message, '');
  assert.match(catalog.windowsError('0x87D19859')!.summary, /29001 \(the table gives no message\)/);
});

test('errata: the iOS passcode rows are keyed by their decimals, not by the hex the page misprints', () => {
  // The page leaves 5011 and 5010 without hex, prints 5012's hex for 5009 and 5011's for 5006.
  const at = (h: string) => catalog.windowsError(h);
  assert.deepEqual([at('0x87D13AA3')?.code, at('0x87D13AA3')?.message], [5011, 'Wrong passcode']);
  assert.deepEqual([at('0x87D13AA2')?.code, at('0x87D13AA2')?.message], [5010, 'Device locked']);
  assert.deepEqual([at('0x87D13AA1')?.code, at('0x87D13AA1')?.misprinted], [5009, '0x87D13AA4']);
  assert.deepEqual([at('0x87D13AA4')?.code, at('0x87D13AA4')?.erratum], [5012, undefined]);
  assert.deepEqual([at('0x87D13A9E')?.code, at('0x87D13A9E')?.message], [5006, 'Passcode requires alpha characters']);
  assert.equal(at('0x87D13A9E')?.misprinted, '0x87D13AA3');
  for (const h of ['0x87D13AA3', '0x87D13AA2', '0x87D13AA1', '0x87D13A9E']) assert.match(at(h)!.erratum!, /the table/i, h);
});

test('DCMO rows: explicit rows carrying the DCMO result, 1201 at 0x87D107D1 despite the page printing 0xF3FB4D95', () => {
  const dcmo = new Map<number, string>([
    [0x87d107d0, '1200'], [0x87d107d1, '1201'], [0x87d107d2, '1202'], [0x87d107d3, '1203'], [0x87d107d4, '1204'],
    [0x87d10834, '1400'], [0x87d10835, '1401'], [0x87d10836, '1402'],
  ]);
  for (const [value, code] of dcmo) {
    const e = catalog.windowsError(`0x${value.toString(16)}`);
    assert.ok(e, code);
    assert.deepEqual(e.carries, { family: 'dcmo-result', code: Number(code) });
    // The DCMO family's entry is the same row of the same table.
    assert.equal(catalog.lookup('dcmo-result', Number(code))?.name, e.message, code);
  }
  const r1201 = catalog.windowsError('-2016344111');
  assert.equal(r1201?.hex, '0x87D107D1');
  assert.equal(r1201?.misprinted, '0xF3FB4D95');
  assert.match(r1201!.erratum!, /0xF3FB4D95.*typo/);
  assert.equal(catalog.windowsError('0xF3FB4D95'), undefined);
  // 1403 and 1404 are certificate errors without the DCMO label: no DCMO result inside.
  for (const [h, m] of [['0x87D10837', 'Certificate not found'], ['0x87D10838', 'Certificate access denied']]) {
    assert.equal(message(h), m);
    assert.equal(catalog.windowsError(h)?.carries, undefined);
  }
  for (const h of ['0x87D107CF', '0x87D107D5', '0x87D10833', '0x87D10839']) assert.equal(catalog.windowsError(h), undefined, h);
});

test('cfgmgr2err.h: CFGMGR_E_INVALIDNODEOPTIONS 0x86000000 to RESOURCEMGR_E_RESOURCEALREADYOWNED 0x86000023, with the header\'s gap', () => {
  const cfg = catalog.windowsErrors().filter((e) => /cfgmgr2err\.h/.test(e.source));
  assert.equal(cfg.length, 30);
  assert.equal(catalog.windowsError('0x86000000')?.symbol, 'CFGMGR_E_INVALIDNODEOPTIONS');
  const notAllowed = catalog.windowsError('0x86000011');
  assert.deepEqual(
    [notAllowed?.symbol, notAllowed?.message, notAllowed?.signed],
    ['CFGMGR_E_COMMANDNOTALLOWED', 'The requested command is not allowed on the target.', -2046820335],
  );
  assert.equal(catalog.windowsError('-2046820335'), notAllowed);
  assert.equal(catalog.windowsError('0x86000002')?.message, "The specified node doesn't exist.");
  assert.equal(catalog.windowsError('0x86000023')?.symbol, 'RESOURCEMGR_E_RESOURCEALREADYOWNED');
  // The one success code has the severity bit clear; 0x86000007 is not defined.
  assert.equal(catalog.windowsError('0x06000007')?.symbol, 'CFGMGR_S_COMMANDFAILEDDUETOTRANSACTIONROLLBACK');
  assert.equal(catalog.windowsError('0x86000007'), undefined);
  for (let v = 0x8600001a; v <= 0x8600001f; v++) assert.equal(catalog.windowsError(`0x${v.toString(16)}`), undefined, v.toString(16));
  assert.equal(catalog.windowsError('0x86000024'), undefined);
});

test('only 0x87D10065 (101) to 0x87D10205 (517) decode to a SyncML status; the Windows rows lie outside it, each once', () => {
  assert.equal(catalog.decodeHresult('0x87D10065')?.status, 101);
  assert.equal(catalog.decodeHresult('0x87D10205')?.status, 517);
  for (const h of ['0x87D10064', '0x87D10206', '0x87D1FDE8', '-2016281112', '0x87D107D0', '0x87D1FFFF', '0x86000011']) {
    assert.equal(catalog.decodeHresult(h), undefined, h);
  }
  const seen = new Set<number>();
  for (const e of catalog.windowsErrors()) {
    assert.ok(!seen.has(e.value), `${e.hex} listed twice`);
    seen.add(e.value);
    assert.ok(e.value < 0x87d10065 || e.value > 0x87d10205, `${e.hex} is in the SyncML span`);
    assert.equal(e.hex, `0x${e.value.toString(16).toUpperCase().padStart(8, '0')}`);
    assert.equal(e.signed, e.value | 0);
    assert.ok(e.source !== '' && e.table !== '' && e.summary !== '', e.hex);
  }
  // Spellings: hex in either case with surrounding space, the signed decimal; not the unsigned decimal.
  for (const t of ['0x87d1fde8', ' 0X87D1FDE8\n', '-2016281112']) assert.equal(message(t), 'Remediation failed', JSON.stringify(t));
  assert.equal(catalog.windowsError('2278686184'), undefined);
});
