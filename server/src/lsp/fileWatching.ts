/**
 * Watching workspace data files: the client watches them when it takes dynamic
 * `workspace/didChangeWatchedFiles` registrations (its events then arrive as notifications, which
 * the server hands to every data-file controller); otherwise the platform's own watcher does, when
 * it has one (the Node main polls the file system).
 */
import { DidChangeWatchedFilesNotification, type Connection, type Disposable } from 'vscode-languageserver';
import type { ClientFeatures } from './clientCapabilities';
import { formatError } from './runner';
import { fileWatcher } from './workspacePaths';

/** A platform watcher: calls `onChange` with the URI that changed; returns how to stop. */
export type PlatformWatcher = (uris: string[], onChange: (uri: string) => void) => Disposable;

type WatchFiles = (setting: string, uris: readonly string[], onChange: (uri: string) => void) => { dispose(): void } | undefined;

export function createFileWatching(
  connection: Connection,
  client: () => ClientFeatures,
  platformWatcher: PlatformWatcher | undefined,
  log: { warn(message: string): void },
): WatchFiles {
  return (setting, uris, onChange) => {
    const features = client();
    if (features.dynamicWatchers) {
      const registration = connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: uris.map((u) => fileWatcher(u, features.relativePatterns)) })
        .then(
          (d) => d,
          (err) => {
            log.warn(formatError(`Could not register file watchers for ${setting}`, err));
            return undefined;
          },
        );
      return { dispose: () => void registration.then((d) => d?.dispose()).catch(() => undefined) };
    }
    if (!platformWatcher) return undefined;
    try {
      return platformWatcher([...uris], onChange);
    } catch (err) {
      log.warn(formatError(`Could not watch the ${setting} files`, err));
      return undefined;
    }
  };
}
