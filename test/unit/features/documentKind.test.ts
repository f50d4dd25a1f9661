/** Document kind (LanguageService.detectKind): which documents the features answer for. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { service } from '../../support/service';

describe('document kind', () => {
  it('decides from the root element, and from the language for fragments', () => {
    assert.equal(service.detectKind('\uFEFF<?xml version="1.0"?><!-- x --><SyncML/>', 'xml'), 'syncml');
    assert.equal(service.detectKind('<!DOCTYPE MgmtTree><MgmtTree/>', 'xml'), 'dmtree');
    assert.equal(service.detectKind('<project/>', 'xml'), 'other');
    assert.equal(service.detectKind('<Replace/>', 'syncml'), 'syncml');
  });
});
