/**
 * Debounced push diagnostics. A change (re)starts a timer for its document; when it fires, the
 * diagnostics are computed for the version the timer was started for, and published only if that
 * is still the document's version. A newer change, a close, or a settings reload cancels or
 * supersedes a pending run, so a stale result is never published.
 */
import type { Diagnostic } from 'vscode-languageserver-types';

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const defaultTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface ValidationHost {
  /** The document's current version, or undefined when it is no longer open. */
  currentVersion(uri: string): number | undefined;
  /** Diagnostics for the current version; undefined when the document is not served. */
  compute(uri: string): Diagnostic[] | undefined | Promise<Diagnostic[] | undefined>;
  publish(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void;
  /** Runs before each computation (the initial settings); rejected promises are ignored. */
  ready?: () => Promise<unknown>;
  onError(message: string, err: unknown): void;
}

export class DiagnosticsScheduler {
  private readonly pending = new Map<string, unknown>();
  /** URIs with a non-empty publication on the client, to know when a clear is needed. */
  private readonly shown = new Set<string>();
  /** Bumped on every schedule/cancel per URI so an in-flight run can tell it was superseded. */
  private readonly generation = new Map<string, number>();

  constructor(
    private readonly host: ValidationHost,
    private delayMs: number,
    private readonly timers: Timers = defaultTimers,
  ) {}

  setDelay(ms: number): void {
    this.delayMs = Math.max(0, ms);
  }

  schedule(uri: string, version: number): void {
    this.cancel(uri);
    const gen = this.bump(uri);
    const handle = this.timers.setTimeout(() => {
      if (this.pending.get(uri) === handle) this.pending.delete(uri);
      void this.run(uri, version, gen);
    }, this.delayMs);
    this.pending.set(uri, handle);
  }

  /** Forget a pending run (the document changed again or closed). */
  cancel(uri: string): void {
    const handle = this.pending.get(uri);
    if (handle !== undefined) {
      this.timers.clearTimeout(handle);
      this.pending.delete(uri);
    }
    this.bump(uri);
  }

  /** The document closed: cancel, and clear what the client shows for it. */
  close(uri: string): void {
    this.cancel(uri);
    this.generation.delete(uri);
    if (this.shown.delete(uri)) this.host.publish(uri, undefined, []);
  }

  dispose(): void {
    for (const handle of this.pending.values()) this.timers.clearTimeout(handle);
    this.pending.clear();
  }

  private bump(uri: string): number {
    const gen = (this.generation.get(uri) ?? 0) + 1;
    this.generation.set(uri, gen);
    return gen;
  }

  private isCurrent(uri: string, version: number, gen: number): boolean {
    return this.generation.get(uri) === gen && this.host.currentVersion(uri) === version;
  }

  private async run(uri: string, version: number, gen: number): Promise<void> {
    try {
      if (this.host.ready) await this.host.ready().catch(() => undefined);
      if (!this.isCurrent(uri, version, gen)) return;
      const diagnostics = await this.host.compute(uri);
      if (!this.isCurrent(uri, version, gen)) return;
      if (diagnostics === undefined) {
        // Not served (e.g. an xml document whose root is neither SyncML nor MgmtTree): clear once if needed.
        if (this.shown.delete(uri)) this.host.publish(uri, version, []);
        return;
      }
      if (diagnostics.length > 0) this.shown.add(uri);
      else this.shown.delete(uri);
      this.host.publish(uri, version, diagnostics);
    } catch (err) {
      this.host.onError(`Error while validating ${uri}`, err);
    }
  }
}
