/**
 * The LSP client of the stdio tests: spawns a server with `--stdio` and speaks to it through
 * vscode-jsonrpc (the JSON-RPC layer under VS Code's own language client), so the server is read
 * as a real client reads it. It answers the server's requests (workspace/configuration from a
 * settings object the test controls), records every notification (publishDiagnostics,
 * logMessage, showMessage) for assertions, and waits for the child's exit at the end. Raw bytes
 * (for misuse tests) go through the same ordered writer, so they never split a message.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  Trace,
  type DataCallback,
  type Message,
  type MessageConnection,
  type MessageReader,
  type MessageWriter,
  type ResponseMessage,
} from 'vscode-jsonrpc/node';
import { frame } from './lspMisuse';

export const ROOT = resolve(__dirname, '..', '..', '..');
export const SERVER = join(ROOT, 'dist', 'server-node.js');

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface Diagnostic {
  range: Range;
  severity?: number;
  code?: string | number;
  source?: string;
  message: string;
}
export interface PublishDiagnosticsParams {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}
export interface Notification {
  method: string;
  params: any;
  at: number;
}

/** An error response (vscode-jsonrpc's ResponseError: code, message, data). */
export { ResponseError as ResponseErrorLike };

type ServerRequestHandler = (params: any) => unknown;

export interface StartOptions {
  /** Transport arguments (default `--stdio`). */
  transport?: string[];
  /** Extra server arguments after the transport. */
  args?: string[];
  cwd?: string;
  /** Print the traffic to stderr (or set LSP_TRACE=1). */
  trace?: boolean;
}

/**
 * vscode-jsonrpc's writer, with raw writes queued in the same order: it writes a message's header
 * and body in two writes a step apart, and a raw write in between would break that message.
 */
class OrderedWriter implements MessageWriter {
  private tail: Promise<void> = Promise.resolve();
  private readonly inner: StreamMessageWriter;
  constructor(private readonly stream: NodeJS.WritableStream) {
    this.inner = new StreamMessageWriter(stream);
  }
  get onError() {
    return this.inner.onError;
  }
  get onClose() {
    return this.inner.onClose;
  }
  write(msg: Message): Promise<void> {
    return this.enqueue(() => this.inner.write(msg));
  }
  raw(data: string | Buffer): Promise<void> {
    return this.enqueue(() => new Promise<void>((done, fail) => this.stream.write(data, (e) => (e ? fail(e) : done()))));
  }
  private enqueue(op: () => Promise<void>): Promise<void> {
    const p = this.tail.then(op);
    this.tail = p.catch(() => {});
    return p;
  }
  end(): void {
    this.inner.end();
  }
  dispose(): void {
    this.inner.dispose();
  }
}

/**
 * vscode-jsonrpc's reader, letting the client see responses to the string ids of raw requests
 * first (the connection ignores responses to ids it did not send).
 */
class TappedReader implements MessageReader {
  private readonly inner: StreamMessageReader;
  constructor(
    stream: NodeJS.ReadableStream,
    private readonly tap: (message: Message) => boolean,
  ) {
    this.inner = new StreamMessageReader(stream);
  }
  get onError() {
    return this.inner.onError;
  }
  get onClose() {
    return this.inner.onClose;
  }
  get onPartialMessage() {
    return this.inner.onPartialMessage;
  }
  listen(callback: DataCallback) {
    return this.inner.listen((message) => {
      if (!this.tap(message)) callback(message);
    });
  }
  dispose(): void {
    this.inner.dispose();
  }
}

export class LspClient {
  readonly notifications: Notification[] = [];
  readonly serverRequests: { method: string; params: any }[] = [];
  /** The `syncml` section returned to workspace/configuration; tests mutate it. */
  settings: Record<string, unknown> = {};
  stderr = '';
  private readonly pending = new Set<{ reject: (e: Error) => void; method: string }>();
  private readonly rawWaiters = new Map<string | number, (response: ResponseMessage) => void>();
  private readonly handlers = new Map<string, ServerRequestHandler>();
  private readonly waiters = new Set<() => void>();
  private readonly writer: OrderedWriter;
  private readonly connection: MessageConnection;
  private nextRawId = 1;
  private exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  private constructor(readonly child: ChildProcessWithoutNullStreams, trace: boolean) {
    this.writer = new OrderedWriter(child.stdin);
    const reader = new TappedReader(child.stdout, (message) => this.tapResponse(message));
    this.connection = createMessageConnection(reader, this.writer);
    child.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
      if (trace) process.stderr.write(`[server stderr] ${chunk}`);
    });
    this.exited = new Promise((resolveExit) => {
      child.on('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        for (const p of this.pending) p.reject(new Error(`server exited (code ${code}, signal ${signal}) before answering ${p.method}`));
        this.pending.clear();
        this.wake();
        resolveExit({ code, signal });
      });
    });
    // Stop reading once the child and its pipes are gone (pending requests were rejected at exit).
    child.on('close', () => this.connection.dispose());
    // Writes after the child is gone fail with EPIPE: expected, as the old pipe simply dropped them.
    child.stdin.on('error', () => {});
    this.connection.onError(([error]) => {
      if (!this.alive || !this.child.stdin.writable) return;
      // A server in --stdio mode must write nothing but well-formed messages to stdout.
      setImmediate(() => {
        throw new Error(`protocol error from the server: ${error.message}`);
      });
    });
    this.connection.onRequest((method, params) => {
      this.serverRequests.push({ method, params });
      this.wake();
      const handler = this.handlers.get(method);
      if (!handler) return new ResponseError(-32601, `test client: no handler for ${method}`);
      return handler(params) ?? null;
    });
    this.connection.onNotification((method, params) => this.record(method, params));
    // vscode-jsonrpc keeps $/progress for progress handlers; the tests see it as a notification.
    this.connection.onUnhandledProgress((params) => this.record('$/progress', params));
    this.handlers.set('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'syncml' || item.section === undefined ? this.settings : null)),
    );
    for (const m of ['client/registerCapability', 'client/unregisterCapability', 'window/workDoneProgress/create', 'workspace/inlayHint/refresh', 'window/showMessageRequest']) {
      this.handlers.set(m, () => null);
    }
    if (trace) void this.connection.trace(Trace.Verbose, { log: (m: string, data?: string) => process.stderr.write(`${m} ${data?.slice(0, 500) ?? ''}\n`) });
    this.connection.listen();
  }

  static start(options: StartOptions = {}): LspClient {
    const child = spawn(process.execPath, [SERVER, ...(options.transport ?? ['--stdio']), ...(options.args ?? [])], {
      cwd: options.cwd ?? ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return new LspClient(child, options.trace ?? process.env.LSP_TRACE === '1');
  }

  get alive(): boolean {
    return this.exitInfo === undefined;
  }

  onRequest(method: string, handler: ServerRequestHandler): void {
    this.handlers.set(method, handler);
  }

  request<T = any>(method: string, params: unknown, timeoutMs = 10000): Promise<T> {
    return this.settleBy(method, timeoutMs, (resolveIt, reject) => {
      this.connection.sendRequest<T>(method, params).then(resolveIt, reject);
    });
  }

  /**
   * Send a request and its `$/cancelRequest` in ONE write, so the server reads the cancellation
   * before it can run the request (vscode-jsonrpc writes each message on its own, so the server
   * could read and answer the request alone). Raw, with a string id the connection never uses.
   */
  requestAndCancel<T = any>(method: string, params: unknown, timeoutMs = 10000): Promise<T> {
    const id = `cancelled-${this.nextRawId++}`;
    return this.settleBy(method, timeoutMs, (resolveIt, reject) => {
      this.rawWaiters.set(id, (response) => {
        if (response.error) reject(new ResponseError(response.error.code, response.error.message, response.error.data));
        else resolveIt(response.result as T);
      });
      const request = frame(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
      const cancel = frame(JSON.stringify({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id } }));
      this.writer.raw(Buffer.concat([request, cancel])).catch(reject);
    });
  }

  /**
   * A promise that `start` settles; rejected after `timeoutMs`, or when the server exits first.
   */
  private settleBy<T>(method: string, timeoutMs: number, start: (resolveIt: (v: T) => void, reject: (e: Error) => void) => void): Promise<T> {
    return new Promise<T>((resolvePromise, rejectPromise) => {
      if (!this.alive) {
        rejectPromise(new Error(`server exited (code ${this.exitInfo!.code}, signal ${this.exitInfo!.signal}) before ${method} was sent`));
        return;
      }
      const entry = {
        method,
        reject: (e: Error) => {
          clearTimeout(timer);
          this.pending.delete(entry);
          rejectPromise(e);
        },
      };
      const timer = setTimeout(() => entry.reject(new Error(`timeout after ${timeoutMs} ms waiting for ${method}`)), timeoutMs);
      this.pending.add(entry);
      start((v) => {
        clearTimeout(timer);
        this.pending.delete(entry);
        resolvePromise(v);
      }, entry.reject);
    });
  }

  /** Wait for the response to a raw request with this id (see lspMisuse's RawChannel). */
  onRawResponse(id: string | number, callback: (response: ResponseMessage) => void): void {
    this.rawWaiters.set(id, callback);
  }

  private tapResponse(message: Message): boolean {
    const m = message as Partial<ResponseMessage> & { method?: string };
    if (m.method !== undefined || m.id === undefined || m.id === null) return false;
    const waiter = this.rawWaiters.get(m.id);
    if (!waiter) return false;
    this.rawWaiters.delete(m.id);
    waiter(m as ResponseMessage);
    return true;
  }

  notify(method: string, params: unknown): void {
    // The old pipe dropped writes to a closed stdin; so does this (a test may notify after exit).
    if (!this.alive || !this.child.stdin.writable) return;
    this.connection.sendNotification(method, params).catch(() => {});
  }

  /** Write raw bytes (for malformed-input tests), after every message sent before. */
  writeRaw(data: string | Buffer): void {
    this.writer.raw(data).catch(() => {});
  }

  private record(method: string, params: unknown): void {
    this.notifications.push({ method, params, at: Date.now() });
    this.wake();
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }

  /** Resolve when `check` returns a value other than undefined (checked now and after every message). */
  waitFor<T>(what: string, check: () => T | undefined, timeoutMs = 10000): Promise<T> {
    return new Promise<T>((resolvePromise, reject) => {
      const first = check();
      if (first !== undefined) return resolvePromise(first);
      const waiter = (): void => {
        let value: T | undefined;
        try {
          value = check();
        } catch (e) {
          done();
          reject(e as Error);
          return;
        }
        if (value !== undefined) {
          done();
          resolvePromise(value);
        } else if (!this.alive) {
          done();
          reject(new Error(`server exited while waiting for ${what}; stderr: ${this.stderr.slice(-2000)}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timeout after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      this.waiters.add(waiter);
    });
  }

  notificationsOf(method: string): Notification[] {
    return this.notifications.filter((n) => n.method === method);
  }

  /** Every publishDiagnostics received for this URI, in order. */
  diagnosticsHistory(uri: string): PublishDiagnosticsParams[] {
    return this.notificationsOf('textDocument/publishDiagnostics')
      .map((n) => n.params as PublishDiagnosticsParams)
      .filter((p) => p.uri === uri);
  }

  /** Wait for a publishDiagnostics for `uri` (after the `after`-th one) that satisfies `accept`. */
  waitForDiagnostics(
    uri: string,
    accept: (p: PublishDiagnosticsParams) => boolean = () => true,
    options: { after?: number; timeoutMs?: number } = {},
  ): Promise<PublishDiagnosticsParams> {
    const after = options.after ?? 0;
    return this.waitFor(
      `publishDiagnostics for ${uri}`,
      () => this.diagnosticsHistory(uri).slice(after).find(accept),
      options.timeoutMs,
    );
  }

  /** Resolve after `ms` of wall time (to check that something did NOT happen). */
  static sleep(ms: number): Promise<void> {
    return new Promise((r) => setTimeout(r, ms));
  }

  async initialize(options: {
    initializationOptions?: unknown;
    capabilities?: Record<string, unknown>;
    workspaceFolders?: { uri: string; name: string }[] | null;
    rootUri?: string | null;
  } = {}): Promise<any> {
    const result = await this.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'syncml-test-client' },
      rootUri: options.rootUri ?? null,
      workspaceFolders: options.workspaceFolders ?? null,
      initializationOptions: options.initializationOptions,
      capabilities: options.capabilities ?? defaultCapabilities(),
    });
    this.notify('initialized', {});
    return result;
  }

  open(uri: string, languageId: string, text: string, version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: ({ range: Range; text: string } | { text: string })[]): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** The polite end: shutdown, exit, and the child's exit status. */
  async shutdown(timeoutMs = 10000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (!this.alive) return this.exited;
    await this.request('shutdown', null, timeoutMs);
    this.notify('exit', null);
    return this.waitExit(timeoutMs);
  }

  waitExit(timeoutMs = 10000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return new Promise((resolveExit, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not exit within ${timeoutMs} ms`)), timeoutMs);
      void this.exited.then((info) => {
        clearTimeout(timer);
        resolveExit(info);
      });
    });
  }

  /** For `after` hooks: end the child however it is, and wait for it. */
  async dispose(): Promise<void> {
    if (!this.alive) return;
    try {
      await this.shutdown(3000);
    } catch {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}

export function defaultCapabilities(): Record<string, unknown> {
  return {
    workspace: {
      configuration: true,
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
      workspaceFolders: true,
      inlayHint: { refreshSupport: true },
    },
    textDocument: {
      synchronization: { dynamicRegistration: false, didSave: false },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } } },
      publishDiagnostics: { relatedInformation: true, versionSupport: true },
      inlayHint: {},
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      foldingRange: {},
    },
    window: { workDoneProgress: true },
  };
}

let uriCounter = 0;
/** A unique file URI for a test document (the file need not exist). */
export function docUri(name: string): string {
  uriCounter++;
  return pathToFileURL(join(ROOT, 'test', 'fixtures', 'lsp', `${uriCounter}-${name}`)).href;
}
