/** Inlay hints (server/src/features/inlayHints.ts): a code's name after it. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../../server/src/api';
import { analyze, dmMessage, genericAlert, service, status } from '../../support/service';

describe('inlay hints', () => {
  it('inlay hints name each code after it, and the setting turns them off', () => {
    const text = dmMessage(status('Get', '404') + '\n' + genericAlert('urn:oma:at:scomo:1.0:OperationComplete', '1405'));
    const a = analyze(text);
    const all = { start: { line: 0, character: 0 }, end: a.document.positionAt(text.length) };
    const labels = service.getInlayHints(a, all, DEFAULT_SETTINGS).map((h) => h.label);
    assert.deepEqual(labels, ['Not found', 'GENERIC ALERT', 'Install Failed']);
    const off = { ...DEFAULT_SETTINGS, inlayHints: { enable: false } };
    assert.deepEqual(service.getInlayHints(a, all, off), []);
  });

  it('a Windows error value is labelled by its symbol or message, a DCMO HRESULT by the result inside', () => {
    const st = (id: number, data: string) => `<Status><CmdID>${id}</CmdID><MsgRef>1</MsgRef><CmdRef>${id}</CmdRef><Cmd>Replace</Cmd>${data}</Status>`;
    const text = dmMessage(
      [st(2, '<Data msft:originalerror="0x86000002">404</Data>'), st(3, '<Data>-2016281112</Data>'), st(4, '<Data msft:originalerror="0x87D107D0">200</Data>')].join('\n'),
    );
    const a = analyze(text);
    const all = { start: { line: 0, character: 0 }, end: a.document.positionAt(text.length) };
    const hints = service.getInlayHints(a, all, DEFAULT_SETTINGS);
    assert.deepEqual(hints.map((h) => h.label), ['CFGMGR_E_NODENOTFOUND', 'Not found', 'Remediation failed', '1200 Operation is performed successfully', 'OK']);
    assert.match(String(hints[0].tooltip), /^Windows configuration manager \(cfgmgr2err\.h\) — /);
  });

  it('a document above the large-file threshold gets no inlay hints', () => {
    const small = { ...DEFAULT_SETTINGS, largeFileThreshold: 100 };
    const a = analyze(dmMessage(status('Replace', '1200')));
    assert.deepEqual(service.getInlayHints(a, { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } }, small), []);
  });
});
