// A WBXML capture as the VS Code client opens it: the decoded XML (client/src/wbxmlView.ts) as a
// read-only document of the `syncml-wbxml` scheme. The server serves it like any SyncML document.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { decodedUriParts, wbxmlView } from '../../client/src/wbxmlView';
import { ROOT } from '../support/lspClient';
import { serverForSuite } from '../support/lspSuite';
import { hoverText, positionOf, textOf } from '../support/lspText';

describe('a decoded WBXML capture over stdio', () => {
  const server = serverForSuite(30);

  it('gets diagnostics on the decoded text and hovers by context', async () => {
    const c = server();
    const file = join(ROOT, 'test', 'e2e', 'workspace', 'capture.wbxml');
    const view = wbxmlView(readFileSync(file), 'capture.wbxml');
    assert.ok(view.ok);
    const parts = decodedUriParts({ path: file, toString: () => `file://${file}` });
    const uri = `${parts.scheme}:${parts.path}?${encodeURIComponent(parts.query)}`;
    c.open(uri, view.languageId, view.text);
    const published = await c.waitForDiagnostics(uri);
    const wrong = published.diagnostics.filter((d) => d.code === 'wrong-code-family');
    assert.equal(wrong.length, 1);
    assert.equal(textOf(view.text, wrong[0].range), '1200');
    const hover = await c.request('textDocument/hover', { textDocument: { uri }, position: positionOf(view.text, '<Data>404', 7) });
    assert.match(hoverText(hover), /not found/i);
    c.close(uri);
  });
});
