import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from './lspClient';

/**
 * One real server for the enclosing describe(): started and initialized before its tests (with the
 * given diagnostics debounce and client capabilities), shut down after them, and asserted to exit with code 0.
 * Returns a getter, since the client exists only once `before` has run.
 */
export function serverForSuite(diagnosticsDelay: number, capabilities?: Record<string, unknown>): () => LspClient {
  let c: LspClient | undefined;
  before(async () => {
    c = LspClient.start();
    await c.initialize({ initializationOptions: { diagnosticsDelay }, capabilities });
  });
  after(async () => {
    const exit = await c!.shutdown();
    assert.deepEqual(exit, { code: 0, signal: null }, c!.stderr);
  });
  return () => c!;
}
