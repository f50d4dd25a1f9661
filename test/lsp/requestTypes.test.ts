// The custom requests as typed definitions shared by server and client: their methods, and the one
// check of their params (what the server answers with InvalidParams, what the client reads).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ResponseError } from 'vscode-languageserver-protocol';
import { ExplainRequest, ListFilesRequest, ReadFileRequest } from '../../server/src/lsp/protocol';

const INVALID_PARAMS = -32602;

function rejected(f: () => unknown): ResponseError<void> {
  try {
    f();
  } catch (err) {
    assert.ok(err instanceof ResponseError);
    return err;
  }
  return assert.fail('expected an InvalidParams error');
}

describe('typed requests', () => {
  it('name the methods the server and the clients use', () => {
    assert.equal(ExplainRequest.type.method, 'syncml/explain');
    assert.equal(ReadFileRequest.type.method, 'syncml/readFile');
    assert.equal(ListFilesRequest.type.method, 'syncml/listFiles');
  });

  it('syncml/explain: input is required, family is optional and must be known', () => {
    assert.deepEqual(ExplainRequest.check({ input: '404' }), { input: '404' });
    assert.deepEqual(ExplainRequest.check({ input: '404', family: '' }), { input: '404' });
    assert.deepEqual(ExplainRequest.check({ input: '404', family: null }), { input: '404' });
    assert.deepEqual(ExplainRequest.check({ input: '251', family: 'fumo-result' }), { input: '251', family: 'fumo-result' });
    for (const bad of [undefined, null, [], 'x', {}, { input: 404 }, { input: { toString: 1 } }]) {
      const err = rejected(() => ExplainRequest.check(bad));
      assert.equal(err.code, INVALID_PARAMS);
      assert.equal(err.message, 'syncml/explain expects { input: string, family?: string }');
    }
    const unknown = rejected(() => ExplainRequest.check({ input: '404', family: 'no-such-family' }));
    assert.equal(unknown.code, INVALID_PARAMS);
    assert.match(unknown.message, /unknown family "no-such-family"; known families: .*fumo-result/);
    assert.equal(rejected(() => ExplainRequest.check({ input: '404', family: 7 })).code, INVALID_PARAMS);
  });

  it('syncml/readFile: the URI asked for, the text answered, the reason of a failure', () => {
    assert.deepEqual(ReadFileRequest.check({ uri: 'vscode-test-web://mount/a.json' }), { uri: 'vscode-test-web://mount/a.json' });
    assert.deepEqual(ReadFileRequest.check({ uri: 3 }), { uri: '' });
    assert.deepEqual(ReadFileRequest.check(null), { uri: '' });
    assert.equal(ReadFileRequest.textOf({ text: '{}' }), '{}');
    assert.equal(ReadFileRequest.textOf({ text: '' }), '');
    assert.equal(ReadFileRequest.textOf(null), undefined);
    assert.equal(ReadFileRequest.textOf({ contents: 'x' }), undefined);
    assert.equal(ReadFileRequest.reasonOf({ uri: 'a', reason: 'no such file' }), 'no such file');
    assert.equal(ReadFileRequest.reasonOf({ reason: '' }), undefined);
    assert.equal(ReadFileRequest.reasonOf(undefined), undefined);
  });

  it('syncml/listFiles: the folder and extensions asked for, the listing answered (null: not a folder)', () => {
    assert.deepEqual(ListFilesRequest.check({ uri: 'vscode-test-web://mount/ddf', extensions: ['.XML', '.ddf', 3] }), {
      uri: 'vscode-test-web://mount/ddf',
      extensions: ['.xml', '.ddf'],
    });
    assert.deepEqual(ListFilesRequest.check(null), { uri: '', extensions: [] });
    assert.deepEqual(ListFilesRequest.listingOf({ files: ['a', 1], folders: ['b'] }), { files: ['a'], folders: ['b'] });
    assert.deepEqual(ListFilesRequest.listingOf({ files: [] }), { files: [], folders: [] });
    assert.equal(ListFilesRequest.listingOf(null), undefined);
    assert.equal(ListFilesRequest.listingOf({ folders: [] }), undefined);
  });
});
