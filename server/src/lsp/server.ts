/**
 * The language server, platform-neutral: `startServer(connection, options)` wires the pure language
 * service to LSP. The Node main (stdio, node-ipc, socket) and the browser main (web worker) differ
 * only in the connection and in what they inject (a file reader for workspace data files, a file
 * watcher).
 *
 * Shape after VS Code's json-language-features server: documents synced incrementally, one
 * analysis per document version, debounced diagnostics that are never published stale, every
 * handler behind `runSafe` so that an exception is logged and answered instead of killing the
 * server. The parts, each with its own state: the client's features (`clientCapabilities.ts`), the
 * documents and their analyses (`analysisStore.ts`), the settings (`settingsSource.ts`), the
 * workspace data files (`dataFiles.ts`, one controller per kind), the feature handlers
 * (`features.ts`); this file only connects them.
 */
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { isObject } from '../isObject';
import { AnalysisStore } from './analysisStore';
import { initialWorkspaceFolders, noClientFeatures, readClientFeatures, type ClientFeatures } from './clientCapabilities';
import { customCodesKind } from './customCodes';
import { DataFileController, type DataFileHost, type FolderLister } from './dataFiles';
import { ddfFilesKind } from './ddfFiles';
import { registerFeatures, SERVER_COMMANDS } from './features';
import { createFileWatching, type PlatformWatcher } from './fileWatching';
import type { InitializationOptions } from './protocol';
import { formatError, runQuietly } from './runner';
import type { ServerSettings } from './settings';
import { SettingsSource } from './settingsSource';
import { DiagnosticsScheduler, defaultTimers, type Timers } from './validation';
import type { FileReader } from './workspacePaths';

export interface ServerOptions {
  /** Shown in `serverInfo`. */
  name?: string;
  version?: string;
  /** Where the server runs, for messages ('Node', 'browser'). */
  platform?: string;
  /** Reads workspace data files (Node: the file system; browser: the client, `syncml/readFile`). Absent: not supported. */
  readFile?: FileReader;
  /** Lists a folder named in `syncml.ddfFiles` (Node: the file system; browser: the client, `syncml/listFiles`). */
  listFolder?: FolderLister;
  /**
   * Watches files for change when the client cannot (no dynamic `workspace/didChangeWatchedFiles`
   * registration). Returns a disposable that stops watching.
   */
  watchFiles?: PlatformWatcher;
  /** Base for relative data-file paths when the client sends no workspace folder (Node: the cwd). */
  defaultBaseUri?: string;
  /** Home directory, for `~/` in data-file paths. */
  homeDir?: string;
  /** Diagnostics debounce in ms (default 300); `initializationOptions.diagnosticsDelay` overrides it. */
  diagnosticsDelay?: number;
  timers?: Timers;
}

const DEFAULT_DIAGNOSTICS_DELAY = 300;
/** Requests wait for the first settings at most this long (a client that never answers must not hang us). */
const SETTINGS_WAIT_MS = 5000;

/** The workspace folders, in the client's order; the first is the base of relative data-file paths. */
class WorkspaceFolders {
  private folders: string[] = [];

  constructor(private readonly fallback: string | undefined) {}

  get base(): string | undefined {
    return this.folders[0] ?? this.fallback;
  }

  set(folders: string[]): void {
    this.folders = folders;
  }

  /** Apply a change; true when the first folder (the base) moved. */
  change(added: readonly string[], removed: readonly string[]): boolean {
    const before = this.folders[0];
    const gone = new Set(removed);
    this.folders = this.folders.filter((u) => !gone.has(u)).concat(added);
    return this.folders[0] !== before;
  }
}

/** A promise that settles once, when `open()` is first called. */
class Gate {
  open: () => void = () => undefined;
  readonly opened = new Promise<void>((resolve) => (this.open = resolve));
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const timers = options.timers ?? defaultTimers;
  const log = {
    error: (m: string) => connection.console.error(m),
    warn: (m: string) => connection.console.warn(m),
    info: (m: string) => connection.console.info(m),
  };
  /** Requests and diagnostics wait for the first settings (and the data files they name). */
  const ready = new Gate();
  let client: ClientFeatures = noClientFeatures();
  const folders = new WorkspaceFolders(options.defaultBaseUri);
  const store = new AnalysisStore(log);

  // ---- diagnostics --------------------------------------------------------------------------------

  const diagnostics = new DiagnosticsScheduler(
    {
      currentVersion: (uri) => store.documents.get(uri)?.version,
      ready: () => ready.opened,
      compute: (uri) => {
        const analysis = store.analysisFor(uri);
        return analysis ? store.requireService().doValidation(analysis, settings.current.service) : undefined;
      },
      publish: (uri, version, list) => void connection.sendDiagnostics({ uri, version, diagnostics: list }),
      onError: (message, err) => log.error(formatError(message, err)),
    },
    options.diagnosticsDelay ?? DEFAULT_DIAGNOSTICS_DELAY,
    timers,
  );

  /** After anything that changes every document's results: diagnostics again, inlay hints refreshed. */
  function refreshAll(): void {
    for (const document of store.documents.all()) diagnostics.schedule(document.uri, document.version);
    if (client.inlayRefresh) connection.languages.inlayHint.refresh().catch(() => undefined);
  }

  store.documents.onDidChangeContent((e) =>
    runQuietly(log, `scheduling diagnostics for ${e.document.uri}`, () => diagnostics.schedule(e.document.uri, e.document.version)),
  );
  store.documents.onDidClose((e) =>
    runQuietly(log, `closing ${e.document.uri}`, () => {
      store.forget(e.document.uri);
      diagnostics.close(e.document.uri);
      refreshCodeLenses();
    }),
  );
  // A document opened or closed may hold the rest of another's session: that one's lenses change.
  store.documents.onDidOpen(() => runQuietly(log, 'refreshing code lenses', refreshCodeLenses));
  function refreshCodeLenses(): void {
    if (client.codeLensRefresh) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  }

  // ---- workspace data files -----------------------------------------------------------------------

  const dataHost: DataFileHost = {
    readFile: options.readFile,
    listFolder: options.listFolder,
    watch: createFileWatching(connection, () => client, options.watchFiles, log),
    baseUri: () => folders.base,
    homeDir: options.homeDir,
    platform: options.platform,
    log,
    // A notification, not window/showMessageRequest: nothing to answer, nothing to wait for.
    showWarning: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }),
    timers,
  };
  function rebuildService(): void {
    store.rebuild({ customCodes: customCodes.current.files, ddfSources: ddfFiles.current.files });
    refreshAll();
  }
  const customCodes = new DataFileController(customCodesKind(), dataHost, rebuildService);
  const ddfFiles = new DataFileController(ddfFilesKind(), dataHost, rebuildService);
  /** Every kind of data file, with the setting's entries it follows. */
  const dataFiles: { controller: DataFileController<unknown>; entries: (s: ServerSettings) => readonly string[] }[] = [
    { controller: customCodes, entries: (s) => s.customCodes },
    { controller: ddfFiles, entries: (s) => s.ddfFiles },
  ];

  // ---- settings -----------------------------------------------------------------------------------

  async function applySettings(next: ServerSettings, first: boolean): Promise<void> {
    // Each kind loads at once; the service is rebuilt once for all of them.
    const changed = await Promise.all(dataFiles.map((d) => d.controller.update(d.entries(next))));
    if (changed.some(Boolean)) rebuildService();
    else if (!first) refreshAll();
  }
  const settings = new SettingsSource(
    { canPull: () => client.configuration, pull: () => connection.workspace.getConfiguration('syncml') },
    log,
    applySettings,
  );

  // ---- lifecycle ----------------------------------------------------------------------------------

  connection.onInitialize((params): InitializeResult => {
    client = readClientFeatures(params);
    folders.set(initialWorkspaceFolders(params));

    const init: InitializationOptions = isObject(params.initializationOptions) ? params.initializationOptions : {};
    if (init.diagnosticsDelay !== undefined) {
      if (typeof init.diagnosticsDelay === 'number' && Number.isFinite(init.diagnosticsDelay) && init.diagnosticsDelay >= 0) {
        diagnostics.setDelay(init.diagnosticsDelay);
      } else {
        log.warn(`initializationOptions.diagnosticsDelay should be a number of milliseconds; using ${DEFAULT_DIAGNOSTICS_DELAY}.`);
      }
    }
    // Settings for clients that push rather than answer workspace/configuration (or answer null):
    // `initializationOptions.settings` or `initializationOptions.syncml` (as Helix sends its `config`).
    const initial = init.settings !== undefined ? init.settings : (init as { syncml?: unknown }).syncml;
    if (initial !== undefined) settings.pushInitial(initial);

    // A client that never sends `initialized` or never answers the configuration request must not block requests.
    timers.setTimeout(() => ready.open(), SETTINGS_WAIT_MS);

    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        // '>' closes a start tag: `<Data>|` is where a code is typed; '/' ends a URI segment, after which its
        // children are offered. Digits need no trigger (they are word characters).
        completionProvider: { triggerCharacters: ['>', '/'], resolveProvider: true },
        codeActionProvider: client.codeActionLiterals ? { codeActionKinds: [CodeActionKind.QuickFix] } : true,
        inlayHintProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        codeLensProvider: { resolveProvider: true },
        executeCommandProvider: { commands: SERVER_COMMANDS },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: options.name ?? 'syncml-language-server', version: options.version },
    };
  });

  connection.onInitialized(() => {
    if (client.configuration && client.dynamicConfiguration) {
      connection.client
        .register(DidChangeConfigurationNotification.type, { section: 'syncml' })
        .catch((err) => log.warn(formatError('Could not register for configuration changes', err)));
    }
    if (client.workspaceFolderEvents) {
      try {
        connection.workspace.onDidChangeWorkspaceFolders((e) =>
          runQuietly(log, 'updating workspace folders', () => {
            const moved = folders.change(
              e.added.map((f) => f.uri),
              e.removed.map((f) => f.uri),
            );
            return moved ? Promise.all(dataFiles.map((d) => d.controller.baseChanged())) : undefined;
          }),
        );
      } catch (err) {
        log.warn(formatError('Workspace folder changes are not tracked', err));
      }
    }
    void settings.refresh().finally(() => ready.open());
  });

  connection.onDidChangeConfiguration((params) =>
    runQuietly(log, 'reading changed settings', () => {
      // VS Code's pull model sends `settings: null`; keep what initializationOptions gave then.
      settings.push(params?.settings);
      return settings.refresh();
    }),
  );

  connection.onDidChangeWatchedFiles((params) =>
    runQuietly(log, 'handling changed files', () => {
      const uris = params.changes.map((c) => c.uri);
      for (const d of dataFiles) d.controller.filesChanged(uris);
    }),
  );

  connection.onShutdown(() => {
    diagnostics.dispose();
    for (const d of dataFiles) d.controller.dispose();
  });

  registerFeatures(connection, {
    store,
    settings: () => settings.current.service,
    completion: () => client.completion,
    ready: ready.opened,
    log,
    showDocument: () => client.showDocument,
  });

  store.documents.listen(connection);
  connection.listen();
}
