/**
 * LSP base-protocol framing (`Content-Length: N\r\n\r\n` + N bytes of UTF-8 JSON), for the bench's
 * peers over stdio: its latency client and its null server. Minimal on purpose (docs/bench.md says
 * what it leaves out and why); the tests speak to the server through vscode-jsonrpc instead.
 */

/** One message as a frame. */
export function frame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

/** Cuts a byte stream into message bodies; a chunk may hold part of a frame or several. */
export class FrameReader {
  private pending: Buffer = Buffer.alloc(0);

  /**
   * @param onBody a complete body, decoded, and its length in bytes
   * @param onBadHeader a header without Content-Length (something else wrote to the stream); the
   *   reader then skips to the next `Content-Length:`
   */
  constructor(
    private readonly onBody: (body: string, bytes: number) => void,
    private readonly onBadHeader: (header: string) => void = () => {},
  ) {}

  push(chunk: Buffer): void {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    for (;;) {
      const headerEnd = this.pending.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.pending.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length:\s*(\d+)/i.exec(header);
      if (!m) {
        const next = this.pending.indexOf('Content-Length:', 1);
        this.pending = next < 0 ? Buffer.alloc(0) : this.pending.subarray(next);
        this.onBadHeader(header);
        continue;
      }
      const length = Number(m[1]);
      const start = headerEnd + 4;
      if (this.pending.length < start + length) return;
      const body = this.pending.subarray(start, start + length).toString('utf8');
      this.pending = this.pending.subarray(start + length);
      this.onBody(body, length);
    }
  }
}
