/**
 * Raw JSON-RPC for misuse tests, beside the LspClient: requests with ids the test chooses (to
 * cancel them, cancel them twice, or cancel them after their answer), and the responses to those
 * ids, read from the server's stdout by a Content-Length parser of our own. The LspClient ignores
 * responses to ids it did not send, so the two never interfere.
 */
import type { LspClient } from './lspClient';

/** Content-Length framing of raw bytes (the body need not be JSON). */
export function frame(body: string | Buffer): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]);
}

export interface RawResponse {
  id: string | number;
  result?: unknown;
  error?: { code: number; message: string };
}

export class RawChannel {
  private buffer = Buffer.alloc(0);
  private readonly responses = new Map<string | number, RawResponse>();
  private readonly waiters = new Set<() => void>();

  constructor(private readonly client: LspClient) {
    client.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
  }

  /** Send a request with this id (a string id keeps clear of the LspClient's numeric ones). */
  request(id: string | number, method: string, params: unknown): void {
    this.client.writeRaw(frame(JSON.stringify({ jsonrpc: '2.0', id, method, params })));
  }

  cancel(id: string | number): void {
    this.client.writeRaw(frame(JSON.stringify({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id } })));
  }

  /** The response to `id`, when it comes. */
  response(id: string | number, timeoutMs = 30000): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const r = this.responses.get(id);
        if (!r) return false;
        done();
        resolve(r);
        return true;
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no response to request ${JSON.stringify(id)} within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      const waiter = (): void => void check();
      if (!check()) this.waiters.add(waiter);
    });
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const match = /Content-Length:\s*(\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'));
      const length = match ? Number(match[1]) : 0;
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) return;
      const body = this.buffer.subarray(start, start + length).toString('utf8');
      this.buffer = this.buffer.subarray(start + length);
      let message: { id?: string | number; method?: string; result?: unknown; error?: RawResponse['error'] };
      try {
        message = JSON.parse(body);
      } catch {
        continue;
      }
      if (message.id !== undefined && message.id !== null && message.method === undefined) {
        this.responses.set(message.id, message as RawResponse);
        for (const w of [...this.waiters]) w();
      }
    }
  }
}
