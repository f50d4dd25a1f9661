/**
 * Every request handler runs through `runSafe`: a cancelled request is answered with the
 * RequestCancelled error, an exception is logged and answered with the handler's empty value,
 * so one bad request never takes the server down.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

export interface ErrorLog {
  error(message: string): void;
}

export function formatError(message: string, err: unknown): string {
  if (err instanceof Error) return `${message}: ${err.message}\n${err.stack ?? ''}`.trimEnd();
  if (typeof err === 'string') return `${message}: ${err}`;
  if (err !== undefined && err !== null) return `${message}: ${String(err)}`;
  return message;
}

function cancelled<E = void>(): ResponseError<E> {
  return new ResponseError<E>(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

/** Yield to the event loop so that a `$/cancelRequest` that is already queued is seen first. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}

/**
 * Run `work` after `before` (e.g. the initial settings) and a turn of the event loop, unless
 * cancelled. Errors are logged and answered with `errorValue`.
 */
export async function runSafe<T>(
  log: ErrorLog,
  what: string,
  token: CancellationToken | undefined,
  errorValue: T,
  work: () => T | Promise<T>,
  before?: Promise<unknown>,
): Promise<T | ResponseError<void>> {
  try {
    if (before) await before;
    await yieldToEventLoop();
    if (token?.isCancellationRequested) return cancelled();
    const result = await work();
    if (token?.isCancellationRequested) return cancelled();
    return result;
  } catch (err) {
    if (err instanceof ResponseError) return err as ResponseError<void>;
    log.error(formatError(`Error while computing ${what}`, err));
    return errorValue;
  }
}

/** For notifications and timers: run, log any error, never throw. */
export function runQuietly(log: ErrorLog, what: string, work: () => unknown): void {
  try {
    const r = work();
    if (r && typeof (r as Promise<unknown>).then === 'function') {
      (r as Promise<unknown>).then(undefined, (err) => log.error(formatError(`Error while ${what}`, err)));
    }
  } catch (err) {
    log.error(formatError(`Error while ${what}`, err));
  }
}
