/**
 * A minimal JSON-RPC client over a child process's stdio with LSP Content-Length framing, for the
 * benchmark: vscode-jsonrpc's queues would be timed as the server's latency (docs/bench.md, the
 * latency section, says what this client leaves out). It answers the server's own requests
 * (workspace/configuration, client/registerCapability, window/workDoneProgress/create) so the
 * server never waits on us, and timestamps every incoming message on arrival.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { frame, FrameReader } from './lspFraming';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json } | object;

interface ServerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  method: string;
}

interface IncomingNotification {
  method: string;
  params: any;
  /** performance.now() when the message was decoded. */
  at: number;
}

export class LspClient {
  readonly child: ChildProcessWithoutNullStreams;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly reader = new FrameReader(
    (body, bytes) => this.dispatch(JSON.parse(body), performance.now(), bytes),
    () => this.framingErrors++,
  );
  private readonly waiters: { test: (n: IncomingNotification) => boolean; resolve: (n: IncomingNotification) => void }[] = [];
  private readonly stderrChunks: string[] = [];
  private exited: Promise<ServerExit>;
  /** Set once the server process has ended: by its exit code, or by a signal (a crash or a kill). */
  exit: ServerExit | undefined;
  /** Time the last response arrived (performance.now()), for latency measurement. */
  lastResponseAt = 0;
  /** Size of the last response's body in bytes. */
  lastResponseBytes = 0;
  readonly notifications: IncomingNotification[] = [];
  /** Bytes on stdout that were not LSP frames (a server must not print to stdout in --stdio mode). */
  framingErrors = 0;
  /** Keep notifications only for these methods (others are dropped to save memory). */
  keep = new Set(['textDocument/publishDiagnostics', 'window/logMessage', 'window/showMessage']);

  constructor(command: string, args: string[], cwd: string) {
    this.child = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk: Buffer) => this.reader.push(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderrChunks.push(chunk.toString('utf8'));
      if (this.stderrChunks.length > 200) this.stderrChunks.shift();
    });
    this.exited = new Promise((resolve) =>
      this.child.on('exit', (code, signal) => {
        this.exit = { code, signal };
        for (const p of this.pending.values()) p.reject(new Error(`server ended (${this.exitDescription()}) while waiting for ${p.method}`));
        this.pending.clear();
        resolve(this.exit);
      }),
    );
    this.child.stdin.on('error', () => {
      /* reported through exit */
    });
  }

  stderrTail(lines = 20): string {
    return this.stderrChunks.join('').split('\n').slice(-lines).join('\n');
  }

  private send(message: object): void {
    this.child.stdin.write(frame({ jsonrpc: '2.0', ...message }));
  }

  /** "exit code 3", "signal SIGABRT", or "running". */
  exitDescription(): string {
    if (!this.exit) return 'running';
    return this.exit.signal ? `signal ${this.exit.signal}` : `exit code ${this.exit.code}`;
  }

  /** Rejects on an error answer, when the server ends, and (with timeoutMs) with "<method>: no answer within N ms". */
  request<T = any>(method: string, params: Json | undefined, timeoutMs?: number): Promise<T> {
    const id = this.nextId++;
    if (this.exit) return Promise.reject(new Error(`server ended (${this.exitDescription()}) before ${method}`));
    return new Promise<T>((resolve, reject) => {
      const timer =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              this.pending.delete(id);
              reject(new Error(`${method}: no answer within ${timeoutMs} ms`));
            }, timeoutMs);
      const settle =
        <V>(f: (v: V) => void) =>
        (v: V) => {
          clearTimeout(timer);
          f(v);
        };
      this.pending.set(id, { resolve: settle(resolve as (v: unknown) => void), reject: settle(reject), method });
      this.send({ id, method, params });
    });
  }

  /** initialize (answered within timeoutMs) then initialized; resolves with the InitializeResult. */
  async initialize(capabilities: object, initializationOptions: unknown, timeoutMs = 15000): Promise<any> {
    const result = await this.request(
      'initialize',
      { processId: process.pid, clientInfo: { name: 'syncml-bench' }, rootUri: null, workspaceFolders: null, capabilities, initializationOptions: initializationOptions as Json },
      timeoutMs,
    );
    this.notify('initialized', {});
    return result;
  }

  notify(method: string, params: Json | undefined): void {
    this.send({ method, params });
  }

  /** Resolve with the first notification (already received after `since`, or future) that passes the test. */
  waitForNotification(test: (n: IncomingNotification) => boolean, timeoutMs: number, since = -Infinity): Promise<IncomingNotification | undefined> {
    const seen = this.notifications.find((n) => n.at >= since && test(n));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => {
      const waiter = {
        test,
        resolve: (n: IncomingNotification) => {
          clearTimeout(timer);
          resolve(n);
        },
      };
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        resolve(undefined);
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  clearNotifications(): void {
    this.notifications.length = 0;
  }

  private dispatch(msg: any, at: number, bytes: number): void {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      this.lastResponseAt = at;
      this.lastResponseBytes = bytes;
      if (msg.error) p.reject(Object.assign(new Error(`${p.method}: ${msg.error.message}`), { code: msg.error.code }));
      else p.resolve(msg.result);
      return;
    }
    if (msg.id !== undefined) {
      // A request from the server: answer at once so it never blocks on us.
      let result: unknown = null;
      if (msg.method === 'workspace/configuration') result = (msg.params?.items ?? []).map(() => null);
      else if (msg.method === 'workspace/workspaceFolders') result = [];
      this.send({ id: msg.id, result });
      return;
    }
    const n: IncomingNotification = { method: msg.method, params: msg.params, at };
    if (this.keep.has(n.method)) this.notifications.push(n);
    for (let i = 0; i < this.waiters.length; i++) {
      if (this.waiters[i].test(n)) {
        const [w] = this.waiters.splice(i, 1);
        w.resolve(n);
        break;
      }
    }
  }

  /** shutdown + exit, then wait for the process to end (kill it, by its own handle, if it does not). */
  async close(timeoutMs = 5000): Promise<ServerExit> {
    if (!this.exit) {
      try {
        await this.request('shutdown', null, timeoutMs);
      } catch {
        /* no answer (exit is still sent), or gone */
      }
      if (!this.exit) this.notify('exit', null);
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }
}
