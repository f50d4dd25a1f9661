/** Explain (LanguageService.explain): every meaning of a number, for the CLI and the look-up command. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { service } from '../../support/service';

describe('explain', () => {
  it('every meaning of a number, and the status inside an HRESULT', () => {
    const e = service.explain('404');
    assert.deepEqual(e.meanings.map((m) => m.family), ['syncml-status', 'fumo-result', 'healthattestation-status']);
    const h = service.explain('-2016345708');
    assert.equal(h.number, 404);
    assert.equal(h.hresult?.hex, '0x87D10194');
    assert.deepEqual(service.explain('1403', 'sacmo-result').meanings.map((m) => m.name), ['Transaction failed due to Device is out of memory']);
    assert.match(service.explain('abc').note!, /not a number/);
  });

  it('an Intune error value is named for what it is, in hex or signed decimal, not as a SyncML status', () => {
    for (const input of ['0x87D1FDE8', '-2016281112']) {
      const e = service.explain(input);
      assert.equal(e.hresult, undefined, input);
      assert.equal(e.number, undefined, input);
      assert.deepEqual(e.meanings, []);
      assert.equal(e.windowsError?.summary, "Intune's \u201cRemediation failed\u201d");
      assert.equal(e.windowsError?.signed, -2016281112);
      assert.equal(e.note, undefined);
    }
  });

  it('a CFGMGR_E_* value gives its symbol and the header\'s message', () => {
    const e = service.explain('0x86000011');
    assert.equal(e.windowsError?.symbol, 'CFGMGR_E_COMMANDNOTALLOWED');
    assert.equal(e.windowsError?.message, 'The requested command is not allowed on the target.');
    assert.equal(service.explain('-2046820335').windowsError, e.windowsError);
  });

  it('a DCMO HRESULT is looked up as the DCMO result it carries', () => {
    const e = service.explain('0x87D107D1');
    assert.equal(e.number, 1201);
    assert.equal(e.windowsError?.carries?.code, 1201);
    assert.ok(e.meanings.some((m) => m.family === 'dcmo-result' && m.code === 1201));
  });

  it('the SyncML span still gives the status inside', () => {
    assert.equal(service.explain('0x87D10065').hresult?.status, 101);
    assert.equal(service.explain('0x87D10205').number, 517);
  });

  it('a value in no table is said plainly to be no known Windows MDM value', () => {
    for (const [input, other] of [['0x87D1FFFF', '-2016280577'], ['0x8600001A', '-2046820326'], ['-2016281000', '0x87D1FE58']]) {
      const e = service.explain(input);
      assert.equal(e.windowsError, undefined, input);
      assert.equal(e.hresult, undefined, input);
      assert.deepEqual(e.meanings, []);
      assert.equal(e.note, `${input} (${other}) is not a known Windows MDM value: it is no SyncML status HRESULT (0x87D10065\u20130x87D10205), and neither Intune's error tables nor cfgmgr2err.h list it.`);
    }
    // The hex Intune's table misprints for DCMO 1201 points at the row it means.
    assert.match(service.explain('0xF3FB4D95').note!, /not a known Windows MDM value.*misprints it as 0xF3FB4D95: DCMO result 1201/);
  });
});
