/**
 * Watching workspace data files: the client watches them when it takes dynamic
 * `workspace/didChangeWatchedFiles` registrations (its events then arrive as notifications, which
 * the server hands to every data-file controller); otherwise the platform's own watcher does, when
 * it has one (the Node main polls the file system).
 */
import { DidChangeWatchedFilesNotification, type Connection, type Disposable } from 'vscode-languageserver';
import type { ClientFeatures } from './clientCapabilities';
import { formatError } from './runner';
import type { DataFileHost } from './dataFiles';
import { fileWatcher, folderWatcher, isInFolder } from './workspacePaths';

/**
 * A platform watcher: calls `onChange` with the URI that changed; returns how to stop. A folder among
 * the URIs changes when an entry is added to it or removed from it.
 */
export type PlatformWatcher = (uris: string[], onChange: (uri: string) => void) => Disposable;

export function createFileWatching(
  connection: Connection,
  client: () => ClientFeatures,
  platformWatcher: PlatformWatcher | undefined,
  log: { warn(message: string): void },
): DataFileHost['watch'] {
  return (setting, uris, onChange, folders) => {
    const features = client();
    if (features.dynamicWatchers) {
      // A folder's glob covers the files found below it; the files named alone get their own.
      const roots = folders?.roots ?? [];
      const watchers = [
        ...uris.filter((u) => !roots.some((r) => isInFolder(u, r))).map((u) => fileWatcher(u, features.relativePatterns)),
        ...roots.map((r) => folderWatcher(r, folders!.pattern, features.relativePatterns)),
      ];
      const registration = connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers })
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
      return platformWatcher(folders ? [...uris, ...folders.roots, ...folders.inside] : [...uris], onChange);
    } catch (err) {
      log.warn(formatError(`Could not watch the ${setting} files`, err));
      return undefined;
    }
  };
}
