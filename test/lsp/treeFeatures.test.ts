// The DM tree through the real server over stdio: hover on a URI segment and on a value, the value's
// inlay hint, and URI completion after a '/' as a client that applies item defaults asks for it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { serverForSuite } from '../support/lspSuite';
import { defaultCapabilities, docUri } from '../support/lspClient';
import { hoverText, positionOf, rangeOf, withCursor } from '../support/lspText';

const DPE = './Device/Vendor/MSFT/Policy/Config/DeviceLock/DevicePasswordEnabled';
const PROFILE = `<Replace>
  <CmdID>2</CmdID>
  <Item>
    <Target><LocURI>${DPE}</LocURI></Target>
    <Meta><Format xmlns="syncml:metinf">int</Format></Meta>
    <Data>1</Data>
  </Item>
</Replace>
`;

describe('the DM tree over stdio', () => {
  const caps = defaultCapabilities() as { textDocument: Record<string, unknown> };
  caps.textDocument.completion = {
    completionItem: { documentationFormat: ['markdown'], labelDetailsSupport: true, resolveSupport: { properties: ['documentation', 'detail'] } },
    completionList: { itemDefaults: ['editRange', 'data'] },
  };
  const server = serverForSuite(20, caps);

  it('hover on a segment and on the value, and the value\'s label as an inlay hint', async () => {
    const c = server();
    const uri = docUri('profile.syncml');
    c.open(uri, 'syncml', PROFILE, 1);
    const segment = await c.request('textDocument/hover', { textDocument: { uri }, position: positionOf(PROFILE, 'DeviceLock', 3) });
    assert.match(hoverText(segment), /^`\.\/Device\/Vendor\/MSFT\/Policy\/Config\/DeviceLock`/);
    assert.deepEqual(segment.range, rangeOf(PROFILE, 'DeviceLock'));
    const value = await c.request('textDocument/hover', { textDocument: { uri }, position: positionOf(PROFILE, '<Data>1', 6) });
    assert.match(hoverText(value), /^\*\*1 — Disabled\*\*/);
    const hints = await c.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } } });
    assert.deepEqual(
      hints.map((h: { label: string; position: unknown }) => [h.label, h.position]),
      [['Disabled', positionOf(PROFILE, '1</Data>', 1)]],
    );
    c.close(uri);
  });

  it('after a /, the children of the node so far; resolving one documents it', async () => {
    const c = server();
    const { text, position } = withCursor(PROFILE.replace(DPE, './Device/Vendor/MSFT/Policy/Config/DeviceLock/|'));
    const uri = docUri('complete.syncml');
    c.open(uri, 'syncml', text, 1);
    const list = await c.request('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 2, triggerCharacter: '/' } });
    assert.deepEqual(list.itemDefaults.editRange, { start: position, end: position });
    const dpe = list.items.find((i: { label: string }) => i.label === 'DevicePasswordEnabled');
    assert.deepEqual(dpe.labelDetails, { description: 'int · Get, Add, Replace, Delete' });
    const resolved = await c.request('completionItem/resolve', dpe);
    assert.match(resolved.documentation.value, /\| `1` \| Disabled \|/);
    c.close(uri);
  });
});
