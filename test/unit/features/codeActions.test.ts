/** Code actions (server/src/features/codeActions.ts): the quick fixes keyed to diagnostic codes. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS } from '../../../server/src/api';
import { analyze, dmMessage, genericAlert, service, status } from '../../support/service';

function applyFix(text: string): { titles: string[]; fixed: string } {
  const a = analyze(text);
  const diags = service.doValidation(a, DEFAULT_SETTINGS);
  const actions: CodeAction[] = service.getCodeActions(a, diags[0].range, { diagnostics: diags });
  const edits = actions[0]?.edit?.changes?.[a.document.uri] ?? [];
  return { titles: actions.map((x) => x.title), fixed: TextDocument.applyEdits(a.document, edits) };
}

describe('quick fixes keyed to diagnostic codes', () => {
  it('wrong family: 1200 in a Status becomes 200', () => {
    const { titles, fixed } = applyFix(dmMessage(status('Replace', '1200')));
    assert.deepEqual(titles, ['Replace with 200 (OK)']);
    assert.match(fixed, /<Cmd>Replace<\/Cmd><Data>200<\/Data>/);
  });

  it('undefined: SACMO 1418 becomes 1413', () => {
    const { titles, fixed } = applyFix(dmMessage(genericAlert('urn:oma:at:sacmo:1.0:OperationReport', '1418')));
    assert.equal(titles.length, 1);
    assert.match(titles[0], /^Replace with 1413 \(Workflow aborted – authorization failure\)$/);
    assert.match(fixed, /<Data>1413<\/Data>/);
  });

  it('an HRESULT in a Status becomes the status inside it', () => {
    const { fixed } = applyFix(dmMessage(status('Get', '0x87D10194')));
    assert.match(fixed, /<Data>404<\/Data>/);
  });

  it('an Intune or CFGMGR error value in a Status carries no status: no fix is offered', () => {
    for (const code of ['0x87D1FDE8', '-2016281112', '0x86000011', '-2046820335', '0x87D107D0']) {
      const { titles } = applyFix(dmMessage(status('Replace', code)));
      assert.deepEqual(titles, [], code);
    }
    // Before, the 0x87D1 prefix alone made these "statuses" 65000 and 65112; no table grounds that.
    const { titles } = applyFix(dmMessage(status('Replace', '-2016281000')));
    assert.deepEqual(titles, []);
  });

  it('a DCMO HRESULT where a DCMO result belongs becomes the result inside it', () => {
    const { titles, fixed } = applyFix(dmMessage(genericAlert('urn:oma:at:dcmo:1.0:OperationComplete', '0x87D107D0')));
    assert.deepEqual(titles, ['Replace with 1200 (Operation is performed successfully)']);
    assert.match(fixed, /<Data>1200<\/Data>/);
    // A Status answering a synchronous Exec on a DCMO node accepts DCMO results too.
    const exec = dmMessage('    <Exec><CmdID>7</CmdID><Item><Target><LocURI>./DCMO/Camera/Operations/Disable</LocURI></Target></Item></Exec>', {
      msgId: 1,
      source: 'server',
    });
    const answer = applyFix(exec + dmMessage(status('Exec', '-2016344109', 7), { msgId: 2 }));
    assert.deepEqual(answer.titles, ['Replace with 1203 (Device Capability is disabled and User is not allowed to re-enable it)']);
  });

  it('no fix where no replacement is grounded (SCOMO 1420)', () => {
    const { titles } = applyFix(dmMessage(genericAlert('urn:oma:at:scomo:1.0:OperationComplete', '1420')));
    assert.deepEqual(titles, []);
  });

  it('the fix is recomputed when a client drops diagnostic.data', () => {
    const text = dmMessage(status('Replace', '1200'));
    const a = analyze(text);
    const diags = service.doValidation(a, DEFAULT_SETTINGS).map(({ data: _data, ...d }) => d);
    const actions = service.getCodeActions(a, diags[0].range, { diagnostics: diags });
    assert.equal(actions[0]?.title, 'Replace with 200 (OK)');
  });
});
