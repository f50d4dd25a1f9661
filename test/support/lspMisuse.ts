/**
 * Raw JSON-RPC for misuse tests, beside the LspClient: requests with ids the test chooses (to
 * cancel them, cancel them twice, or cancel them after their answer), written as raw frames, and
 * the responses to those ids, which the client's vscode-jsonrpc reader hands over (its connection
 * ignores responses to ids it did not send, so the two never interfere).
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
  private readonly responses = new Map<string | number, RawResponse>();
  private readonly waiters = new Set<() => void>();

  constructor(private readonly client: LspClient) {}

  /** Send a request with this id (a string id keeps clear of the LspClient's numeric ones). */
  request(id: string | number, method: string, params: unknown): void {
    this.client.onRawResponse(id, (response) => {
      this.responses.set(id, response as RawResponse);
      for (const w of [...this.waiters]) w();
    });
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
}
