/** Document kind (LanguageService.detectKind) and analysis objects: which documents the features answer for. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { service } from '../../support/service';

describe('document kind', () => {
  it('decides from the root element, and from the language for fragments', () => {
    assert.equal(service.detectKind('\uFEFF<?xml version="1.0"?><!-- x --><SyncML/>', 'xml'), 'syncml');
    assert.equal(service.detectKind('<!DOCTYPE MgmtTree><MgmtTree/>', 'xml'), 'dmtree');
    assert.equal(service.detectKind('<project/>', 'xml'), 'other');
    assert.equal(service.detectKind('<Replace/>', 'syncml'), 'syncml');
  });
});

describe('analysis objects', () => {
  it('a feature given an analysis the service did not make says so, instead of failing inside', () => {
    const document = TextDocument.create('file:///a.syncml', 'syncml', 1, '<SyncML/>');
    const foreign = { document, kind: 'syncml' as const };
    assert.throws(() => service.doHover(foreign, { line: 0, character: 1 }), {
      name: 'TypeError',
      message: /not an Analysis made by this language service/,
    });
    assert.doesNotThrow(() => service.doHover(service.analyze(document), { line: 0, character: 1 }));
  });
});
