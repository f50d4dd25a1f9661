// The Content-Length framing shared by the tests' and the bench's LSP peers (bench/lspFraming.ts).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { frame, FrameReader } from '../lspFraming';

describe('LSP framing', () => {
  const messages = [{ id: 1, result: null }, { method: 'x', params: { text: 'Zoë 📱 <Data>404</Data>' } }, { id: 2, result: [1, 2, 3] }];
  const stream = Buffer.concat(messages.map(frame));

  it('reads the same messages however the stream is cut, multi-byte characters included', () => {
    for (let size = 1; size <= stream.length; size += size < 8 ? 1 : 7) {
      const got: unknown[] = [];
      const bytes: number[] = [];
      const reader = new FrameReader((body, n) => {
        got.push(JSON.parse(body));
        bytes.push(n);
      });
      for (let at = 0; at < stream.length; at += size) reader.push(stream.subarray(at, at + size));
      assert.deepEqual(got, messages, `chunks of ${size}`);
      assert.deepEqual(bytes, messages.map((m) => Buffer.byteLength(JSON.stringify(m), 'utf8')));
    }
  });

  it('skips what is not a frame up to the next header, and says so', () => {
    const bad: string[] = [];
    const got: unknown[] = [];
    const reader = new FrameReader((body) => got.push(JSON.parse(body)), (header) => bad.push(header));
    reader.push(Buffer.concat([Buffer.from('debug: hello\r\n\r\n'), frame(messages[0]), Buffer.from('oops\r\n\r\n'), frame(messages[2])]));
    assert.deepEqual(got, [messages[0], messages[2]]);
    assert.deepEqual(bad, ['debug: hello', 'oops']);
  });
});
