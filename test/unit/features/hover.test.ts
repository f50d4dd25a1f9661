/**
 * Hover (server/src/features/hover.ts): the code under the cursor, found wherever it stands, with what
 * it means there. Which family applies where is test/unit/context.test.ts.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dmMessage, genericAlert, hoverAt, status } from '../../support/service';

describe('hover', () => {
  it('the signed-decimal HRESULT decodes to its status in hover', () => {
    const hover = hoverAt(dmMessage(status('Get', '-20163457|08')));
    assert.match(hover!, /0x87D10194.*SyncML status \*\*404\*\*/);
  });

  it('hover on the type string says which MO and family it carries', () => {
    const hover = hoverAt(dmMessage(genericAlert('urn:oma:at:sca|mo:1.0:OperationComplete'.replace('sca|mo', 'sc|omo'), '1200')));
    assert.match(hover!, /SCOMO/);
  });

  it('HRESULT attributes between other code sites: every code and every HRESULT still answers hover', () => {
    const st = (id: number, data: string) => `<Status><CmdID>${id}</CmdID><MsgRef>1</MsgRef><CmdRef>${id}</CmdRef><Cmd>Replace</Cmd>${data}</Status>`;
    const body = [
      st(2, '<Data>2|00</Data>'),
      st(3, '<Data msft:originalerror="0x87D1|01F4">500</Data>'),
      st(4, '<Data>40|4</Data>'),
      st(5, '<Data msft:originalerror="0x87D1|0194">404</Data>'),
      st(6, '<Data>50|0</Data>'),
    ];
    const expected = [/200 — OK/, /status \*\*500\*\*/, /404 — Not found/i, /status \*\*404\*\*/, /500 — Command failed/i];
    for (let k = 0; k < body.length; k++) {
      const text = dmMessage(body.map((b, j) => (j === k ? b : b.replace('|', ''))).join('\n'));
      assert.match(hoverAt(text) ?? '(no hover)', expected[k], body[k]);
    }
  });

  it('msft:originalerror with a CFGMGR_E_* value names it, with the header as source', () => {
    const st = '<Status><CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>2</CmdRef><Cmd>Replace</Cmd><Data msft:originalerror="0x8600|0002">404</Data></Status>';
    const hover = hoverAt(dmMessage(st))!;
    assert.match(hover, /^\*\*0x86000002\*\* — Windows error 0x86000002 \(-2046820350\): CFGMGR_E_NODENOTFOUND, “The specified node doesn't exist\.”/);
    assert.match(hover, /\*Source:\* Windows SDK header cfgmgr2err\.h/);
    assert.doesNotMatch(hover, /SyncML status/);
  });

  it('an Intune error value in a Status, signed or hex, is named for what it is; a value in no table is said to be none', () => {
    assert.match(hoverAt(dmMessage(status('Replace', '-20162|81112')))!, /Windows error 0x87D1FDE8 \(-2016281112\): Intune's “Remediation failed”/);
    assert.match(hoverAt(dmMessage(status('Replace', '0x87D1|FDE8')))!, /Intune: Company resource access \(common errors\)/);
    const dcmo = hoverAt(dmMessage('<Status><CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>2</CmdRef><Cmd>Replace</Cmd><Data msft:originalerror="0x87D1|07D1">200</Data></Status>'))!;
    assert.match(dcmo, /carrying DCMO result code \*\*1201\*\*/);
    assert.match(dcmo, /\*Erratum:\* The table prints 0xF3FB4D95/);
    const unknown = hoverAt(dmMessage('<Status><CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>2</CmdRef><Cmd>Replace</Cmd><Data msft:originalerror="0x8007|0005">500</Data></Status>'))!;
    assert.match(unknown, /\*\*0x80070005\*\* — not a known Windows MDM value/);
  });
});
