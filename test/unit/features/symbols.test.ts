/** Document symbols (server/src/features/symbols.ts): the outline of a message or a DM tree. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../../server/src/api';
import { analyze, dmMessage, service, status } from '../../support/service';
import { SERVER_COMMANDS, TRACE } from '../../support/sessionSamples';

describe('document symbols', () => {
  it('document symbols outline the commands of a message', () => {
    const text = dmMessage(status('Get', '404') + '\n    <Replace><CmdID>5</CmdID><Item><Target><LocURI>./DevInfo/Lang</LocURI></Target><Data>en</Data></Item></Replace>');
    const [msg] = service.findDocumentSymbols(analyze(text));
    assert.equal(msg.name, 'SyncML message 2');
    const body = msg.children!.find((c) => c.name === 'SyncBody')!;
    assert.deepEqual(body.children!.map((c) => `${c.name} ${c.detail}`), ['Status 404 Get CmdRef 3', 'Replace #5 ./DevInfo/Lang']);
  });

  it('document symbols show the node tree of a MgmtTree', () => {
    const ddf = '<MgmtTree><Node><NodeName>FUMO</NodeName><Node><NodeName/><Node><NodeName>State</NodeName></Node></Node></Node></MgmtTree>';
    const [tree] = service.findDocumentSymbols(analyze(ddf, 'dmtree'));
    assert.equal(tree.name, 'MgmtTree');
    assert.equal(tree.children![0].name, 'FUMO');
    assert.equal(tree.children![0].children![0].name, '(dynamic node)');
    assert.equal(tree.children![0].children![0].children![0].name, 'State');
  });

  it('the outline nests at most 64 levels; deeper nodes are listed under the deepest shown', () => {
    const depth = 100;
    const ddf = '<MgmtTree>' + '<Node><NodeName>n</NodeName>'.repeat(depth) + '</Node>'.repeat(depth) + '</MgmtTree>';
    let level = service.findDocumentSymbols(analyze(ddf, 'dmtree'));
    let levels = 0;
    let total = 0;
    while (level.length) {
      levels++;
      total += level.length;
      level = level.flatMap((s) => s.children ?? []);
    }
    assert.equal(levels, 64);
    assert.equal(total, depth + 1);
  });

  it('a document above the large-file threshold gets no outline', () => {
    const small = { ...DEFAULT_SETTINGS, largeFileThreshold: 100 };
    assert.deepEqual(service.findDocumentSymbols(analyze(dmMessage(status('Replace', '1200'))), small), []);
  });
});

describe('document symbols: outcomes', () => {
  it("each command's detail ends with its outcome when the reply is known", () => {
    const [request] = service.findDocumentSymbols(analyze(TRACE));
    const hdr = request.children!.find((c) => c.name === 'SyncHdr')!;
    assert.equal(hdr.detail, '212 Authentication accepted');
    const body = request.children!.find((c) => c.name === 'SyncBody')!;
    assert.deepEqual(body.children!.map((c) => `${c.name} ${c.detail}`), [
      'Get #4 ./DevDetail/SwV \u2192 200 OK \u00b7 1 Results',
      'Replace #5 ./Vendor/X \u2192 404 Not found \u00b7 Status 4 in message 2',
      'Exec #6 ./FUMO/P/Update \u2192 202 Accepted for processing',
      'Add #7 ./Vendor/Y \u2192 no Status in this session',
    ]);
    const [alone] = service.findDocumentSymbols(analyze(SERVER_COMMANDS));
    const aloneBody = alone.children!.find((c) => c.name === 'SyncBody')!;
    assert.equal(aloneBody.children![0].detail, '#4 ./DevDetail/SwV', 'no reply known: the detail as before');
  });
});
