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
});
