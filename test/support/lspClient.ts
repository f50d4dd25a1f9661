/**
 * A small LSP client for tests: spawns a server with `--stdio`, frames JSON-RPC with
 * Content-Length headers, sends requests and notifications, answers the server's requests
 * (workspace/configuration from a settings object the test controls), and records every
 * notification (publishDiagnostics, logMessage, showMessage) for assertions. No dependencies.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { frame, FrameReader } from '../../bench/lspFraming';

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

export class ResponseErrorLike extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
  }
}

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

export class LspClient {
  readonly notifications: Notification[] = [];
  readonly serverRequests: { method: string; params: any }[] = [];
  /** The `syncml` section returned to workspace/configuration; tests mutate it. */
  settings: Record<string, unknown> = {};
  stderr = '';
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void; method: string }>();
  private readonly handlers = new Map<string, ServerRequestHandler>();
  private readonly waiters = new Set<() => void>();
  private readonly reader = new FrameReader(
    (body) => {
      if (this.trace) process.stderr.write(`<-- ${body.slice(0, 500)}\n`);
      this.dispatch(JSON.parse(body));
    },
    (header) => {
      // A server in --stdio mode must write nothing but frames to stdout.
      throw new Error(`bad header from server: ${header}`);
    },
  );
  private exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private readonly trace: boolean;

  private constructor(readonly child: ChildProcessWithoutNullStreams, trace: boolean) {
    this.trace = trace;
    child.stdout.on('data', (chunk: Buffer) => this.reader.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
      if (this.trace) process.stderr.write(`[server stderr] ${chunk}`);
    });
    this.exited = new Promise((resolveExit) => {
      child.on('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        for (const [, p] of this.pending) p.reject(new Error(`server exited (code ${code}, signal ${signal}) before answering ${p.method}`));
        this.pending.clear();
        this.wake();
        resolveExit({ code, signal });
      });
    });
    this.handlers.set('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'syncml' || item.section === undefined ? this.settings : null)),
    );
    for (const m of ['client/registerCapability', 'client/unregisterCapability', 'window/workDoneProgress/create', 'workspace/inlayHint/refresh', 'window/showMessageRequest']) {
      this.handlers.set(m, () => null);
    }
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
    const id = this.nextId++;
    return this.requestWithId<T>(id, method, params, timeoutMs);
  }

  /**
   * Send a request and its `$/cancelRequest` in ONE write, so the server reads the cancellation
   * before it can run the request (separate writes may arrive in separate reads).
   */
  requestAndCancel<T = any>(method: string, params: unknown, timeoutMs = 10000): Promise<T> {
    const id = this.nextId++;
    this.batching = [];
    const result = this.requestWithId<T>(id, method, params, timeoutMs);
    this.send({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id } });
    const frames = Buffer.concat(this.batching);
    this.batching = undefined;
    this.child.stdin.write(frames);
    return result;
  }

  private batching: Buffer[] | undefined;

  private requestWithId<T>(id: number, method: string, params: unknown, timeoutMs: number): Promise<T> {
    return new Promise<T>((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`timeout after ${timeoutMs} ms waiting for ${method}`));
      }, timeoutMs);
      this.pending.set(id, {
        method,
        resolve: (v) => {
          clearTimeout(timer);
          resolvePromise(v);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Write raw bytes (for malformed-input tests). */
  writeRaw(data: string | Buffer): void {
    this.child.stdin.write(data);
  }

  private send(message: unknown): void {
    if (this.trace) process.stderr.write(`--> ${JSON.stringify(message).slice(0, 500)}\n`);
    const bytes = frame(message);
    if (this.batching) this.batching.push(bytes);
    else if (this.child.stdin.writable) this.child.stdin.write(bytes);
  }

  private dispatch(message: any): void {
    if (message.id !== undefined && message.method === undefined) {
      const p = this.pending.get(message.id);
      if (!p) return;
      this.pending.delete(message.id);
      if (message.error) p.reject(new ResponseErrorLike(message.error.code, message.error.message, message.error.data));
      else p.resolve(message.result);
    } else if (message.id !== undefined) {
      this.serverRequests.push({ method: message.method, params: message.params });
      const handler = this.handlers.get(message.method);
      if (!handler) {
        this.send({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: `test client: no handler for ${message.method}` } });
      } else {
        let result: unknown;
        try {
          result = handler(message.params);
        } catch (e) {
          this.send({ jsonrpc: '2.0', id: message.id, error: { code: -32603, message: String(e) } });
          return;
        }
        this.send({ jsonrpc: '2.0', id: message.id, result: result ?? null });
      }
    } else {
      this.notifications.push({ method: message.method, params: message.params, at: Date.now() });
    }
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
