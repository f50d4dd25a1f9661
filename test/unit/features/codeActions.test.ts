/** Code actions (server/src/features/codeActions.ts): the quick fixes keyed to diagnostic codes. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS } from '../../../server/src/api';
import { analyze, dmMessage, genericAlert, service, status } from '../../support/service';

function applyFix(text: string, languageId?: string): { titles: string[]; fixed: string } {
  const a = analyze(text, languageId);
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

  it('malformed-uri: the repairs that are certain (remove a line break, collapse //, drop a trailing /, ./ for a leading /)', () => {
    const replace = (uri: string) => `<Replace><CmdID>1</CmdID><Item><Target><LocURI>${uri}</LocURI></Target><Data>1</Data></Item></Replace>`;
    const fixes = (uri: string) => {
      const { titles, fixed } = applyFix(replace(uri), 'xml');
      return [titles, /<LocURI>([^<]*)<\/LocURI>/.exec(fixed)![1]];
    };
    assert.deepEqual(fixes('./Device/Vendor/MSFT/Policy/Config/\n    Camera/AllowCamera'), [['Remove the line break'], './Device/Vendor/MSFT/Policy/Config/Camera/AllowCamera']);
    assert.deepEqual(fixes('./Vendor/MSFT//Policy'), [["Collapse to one '/'"], './Vendor/MSFT/Policy']);
    assert.deepEqual(fixes('./Vendor/MSFT/Policy/'), [["Remove the trailing '/'"], './Vendor/MSFT/Policy']);
    assert.deepEqual(fixes('/Vendor/MSFT/Policy'), [["Replace the leading '/' with './'"], './Vendor/MSFT/Policy']);
    // A space between two characters may be a name's own (%20) or a stray: no fix.
    assert.deepEqual(fixes('./Device /Vendor/MSFT/Policy'), [[], './Device /Vendor/MSFT/Policy']);
  });

  it('markup-in-data: escape it (preferred), or wrap it in CDATA', () => {
    const text = [
      '<Replace><CmdID>1</CmdID><Item>',
      '  <Target><LocURI>./Device/Vendor/MSFT/Policy/Config/ADMX_PowerShellExecutionPolicy/EnableScripts</LocURI></Target>',
      '  <Meta><Format xmlns="syncml:metinf">chr</Format></Meta>',
      '  <Data><enabled/><data id="ExecutionPolicy" value="AllSigned"/></Data>',
      '</Item></Replace>',
    ].join('\n');
    const a = analyze(text, 'xml');
    const diags = service.doValidation(a, DEFAULT_SETTINGS);
    const actions = service.getCodeActions(a, diags[0].range, { diagnostics: diags });
    assert.deepEqual(
      actions.map((x) => [x.title, x.isPreferred]),
      [
        ['Escape the markup (&lt; &gt; &amp;)', true],
        ['Wrap the markup in CDATA', false],
      ],
    );
    const applied = actions.map((x) => TextDocument.applyEdits(a.document, x.edit!.changes![a.document.uri]));
    assert.match(applied[0], /<Data>&lt;enabled\/&gt;&lt;data id="ExecutionPolicy" value="AllSigned"\/&gt;<\/Data>/);
    assert.match(applied[1], /<Data><!\[CDATA\[<enabled\/><data id="ExecutionPolicy" value="AllSigned"\/>\]\]><\/Data>/);
    // Either way the document is then clean.
    for (const fixed of applied) assert.deepEqual(service.doValidation(analyze(fixed, 'xml'), DEFAULT_SETTINGS), []);
  });

  it('the URI and Data fixes are recomputed when a client drops diagnostic.data', () => {
    const text = '<Replace><CmdID>1</CmdID><Item><Target><LocURI>./Vendor//MSFT</LocURI></Target><Meta><Format xmlns="syncml:metinf">chr</Format></Meta><Data><a/></Data></Item></Replace>';
    const a = analyze(text, 'xml');
    const diags = service.doValidation(a, DEFAULT_SETTINGS).map(({ data: _data, ...d }) => d);
    assert.deepEqual(diags.map((d) => d.code), ['malformed-uri', 'markup-in-data']);
    const titles = diags.map((d) => service.getCodeActions(a, d.range, { diagnostics: [d] }).map((x) => x.title));
    assert.deepEqual(titles, [["Collapse to one '/'"], ['Escape the markup (&lt; &gt; &amp;)', 'Wrap the markup in CDATA']]);
  });
});
