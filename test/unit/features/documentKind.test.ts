/** Document kind (LanguageService.detectKind) and analysis objects: which documents the features answer for. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS } from '../../support/corpus';
import { service } from '../../support/service';

describe('document kind', () => {
  it('decides from the root element, and from the language for fragments', () => {
    assert.equal(service.detectKind('\uFEFF<?xml version="1.0"?><!-- x --><SyncML/>', 'xml'), 'syncml');
    assert.equal(service.detectKind('<!DOCTYPE MgmtTree><MgmtTree/>', 'xml'), 'dmtree');
    assert.equal(service.detectKind('<project/>', 'xml'), 'other');
    assert.equal(service.detectKind('<Replace/>', 'syncml'), 'syncml');
  });

  it('an xml profile of bare commands is SyncML: the first element a command, its first child a part of one', () => {
    assert.equal(service.detectKind('<Replace>\n  <CmdID>1</CmdID>\n</Replace>', 'xml'), 'syncml');
    // Fleet's shape: a comment before the first command and inside it, before <Item>.
    assert.equal(service.detectKind('<!-- Enable Real-Time Protection -->\n<Add>\n  <!-- why -->\n  <Item/>\n</Add>\n<Add/>', 'xml'), 'syncml');
    assert.equal(service.detectKind('<?xml version="1.0"?>\n<Atomic><CmdID>1</CmdID><Add><CmdID>2</CmdID></Add></Atomic>', 'xml'), 'syncml');
    assert.equal(service.detectKind('<Alert><Data>1226</Data></Alert>', 'xml'), 'syncml');
  });

  it('an xml file whose first element only shares a command name is not: a generic file still gets nothing', () => {
    assert.equal(service.detectKind('<Status><code>500</code></Status>', 'xml'), 'other');
    assert.equal(service.detectKind('<Add/>', 'xml'), 'other');
    assert.equal(service.detectKind('<Get></Get>', 'xml'), 'other');
    assert.equal(service.detectKind('<Replace attr="a > b">text only</Replace>', 'xml'), 'other');
    // A SyncBody fragment is not a list of commands; opened as syncml it is still analysed as one.
    assert.equal(service.detectKind('<SyncBody><Get><CmdID>2</CmdID></Get></SyncBody>', 'xml'), 'other');
  });

  it('reads the prolog and two start tags, nothing after them', () => {
    // What follows the first child cannot change the answer: not even text that never parses.
    const tail = '<'.repeat(10_000) + '<SyncML>';
    assert.equal(service.detectKind(`<Exec><CmdID>3</CmdID>${tail}`, 'xml'), 'syncml');
    assert.equal(service.detectKind(`<Exec></Exec>${tail}`, 'xml'), 'other');
  });

  it("Fleet's profiles and Microsoft's fragments in the corpus are profiles", () => {
    for (const name of [
      'fleet-gitops-windows-password.xml',
      'fleet-gitops-windows-bluetooth-settings.xml',
      'fleet-pin-start-menu-apps.xml',
      'fleet-windows-defender-compliance-settings.xml',
      'msdocs-devicelock-csp-01.xml',
      'msdocs-dynamicmanagement-csp-05.xml',
    ]) {
      const text = readFileSync(join(CORPUS, 'fragments', name), 'utf8');
      assert.equal(service.detectKind(text, 'xml'), 'syncml', name);
    }
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
