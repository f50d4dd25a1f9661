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

  it('a document above the large-file threshold gets no inlay hints', () => {
    const small = { ...DEFAULT_SETTINGS, largeFileThreshold: 100 };
    const a = analyze(dmMessage(status('Replace', '1200')));
    assert.deepEqual(service.getInlayHints(a, { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } }, small), []);
  });
});
