import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../server/src/model/lineIndex';

describe('LineIndex', () => {
  it('gives the same positions and offsets as TextDocument, on LF, CRLF, lone CR and astral text', () => {
    const pieces = ['a', '<Data>', '404', '\n', '\r\n', '\r', '📱', 'é', '\r\r\n', '\n\r', ' '];
    let seed = 7;
    const rnd = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      let text = '';
      const len = rnd(40);
      for (let k = 0; k < len; k++) text += pieces[rnd(pieces.length)];
      const doc = TextDocument.create('file:///x', 'xml', 1, text);
      const idx = new LineIndex(text);
      assert.equal(idx.lineCount, doc.lineCount, JSON.stringify(text));
      for (let off = -1; off <= text.length + 1; off++) {
        assert.deepEqual(idx.positionAt(off), doc.positionAt(off), `${JSON.stringify(text)} @${off}`);
      }
      for (let line = -1; line <= doc.lineCount + 1; line++) {
        for (let character = -1; character < 12; character++) {
          assert.equal(idx.offsetAt({ line, character }), doc.offsetAt({ line, character }), `${JSON.stringify(text)} ${line}:${character}`);
        }
      }
    }
  });
});
