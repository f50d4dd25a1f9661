// The DM tree diagnostics through the real server over stdio: a typo in a profile's policy name is
// published on the segment, and its quick fix (carried in diagnostic.data, or recomputed when a
// client sends the diagnostic back without it) writes the closest name.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { serverForSuite } from '../support/lspSuite';
import { docUri, type LspClient } from '../support/lspClient';
import { applyEdits, rangeOf } from '../support/lspText';

const PROFILE = [
  '<Replace>',
  '  <CmdID>1</CmdID>',
  '  <Item>',
  '    <Target><LocURI>./Device/Vendor/MSFT/Policy/Config/DeviceLock/DevicePasswordEnabeld</LocURI></Target>',
  '    <Meta><Format xmlns="syncml:metinf">int</Format></Meta>',
  '    <Data>0</Data>',
  '  </Item>',
  '</Replace>',
  '',
].join('\n');

describe('tree diagnostics over stdio', () => {
  const server = serverForSuite(20);
  let c: LspClient;
  beforeEach(() => {
    c = server();
  });

  it('unknown-node on the segment, with the closest name as a quick fix, with and without diagnostic.data', async () => {
    const uri = docUri('profile.xml');
    c.open(uri, 'xml', PROFILE, 1);
    const { diagnostics } = await c.waitForDiagnostics(uri);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.range, d.message]),
      [
        [
          'unknown-node',
          2,
          rangeOf(PROFILE, 'DevicePasswordEnabeld'),
          "'DevicePasswordEnabeld' is not a node of ./Device/Vendor/MSFT/Policy/Config/DeviceLock: did you mean 'DevicePasswordEnabled'?",
        ],
      ],
    );
    const withData = diagnostics[0] as typeof diagnostics[0] & { data?: unknown };
    assert.ok(withData.data, 'the fix travels in diagnostic.data');
    const { data: _data, ...bare } = withData;
    for (const sent of [withData, bare]) {
      const actions = await c.request('textDocument/codeAction', {
        textDocument: { uri },
        range: sent.range,
        context: { diagnostics: [sent], only: ['quickfix'] },
      });
      assert.deepEqual(
        actions.map((a: { title: string }) => a.title),
        ["Change to 'DevicePasswordEnabled'"],
      );
      const edits = actions[0].edit.changes[uri].map((e: { range: never; newText: string }) => ({ range: e.range, text: e.newText }));
      assert.match(applyEdits(PROFILE, edits), /DeviceLock\/DevicePasswordEnabled<\/LocURI>/);
    }
    c.close(uri);
  });
});
