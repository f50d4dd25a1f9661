/** Folding ranges (server/src/features/folding.ts). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../../server/src/api';
import { analyze, dmMessage, service, status } from '../../support/service';

describe('folding ranges', () => {
  it('folding ranges follow multi-line elements', () => {
    const ranges = service.getFoldingRanges(analyze(dmMessage(status('Get', '404'))));
    assert.ok(ranges.some((r) => r.startLine === 0));
    assert.ok(ranges.every((r) => r.endLine > r.startLine));
  });

  it('a document above the large-file threshold gets no folding ranges', () => {
    const small = { ...DEFAULT_SETTINGS, largeFileThreshold: 100 };
    assert.deepEqual(service.getFoldingRanges(analyze(dmMessage(status('Replace', '1200'))), small), []);
  });
});
