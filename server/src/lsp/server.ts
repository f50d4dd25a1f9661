/**
 * The language server, platform-neutral: `startServer(connection, options)` wires the pure language
 * service to LSP. The Node main (stdio, node-ipc, socket) and the browser main (web worker) differ
 * only in the connection and in what they inject (a file reader for custom codes, a file watcher).
 *
 * Shape after VS Code's json-language-features server: documents synced incrementally, one
 * analysis per document version, debounced diagnostics that are never published stale, every
 * handler behind `runSafe` so that an exception is logged and answered instead of killing the
 * server.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Connection,
  type Disposable,
  type DocumentSymbol,
  type FileSystemWatcher,
  type FoldingRange,
  type Hover,
  type InitializeParams,
  type InitializeResult,
  type InlayHint,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, CompletionOptions, LanguageService } from '../api';
import { formatCustomCodesProblem, parseCustomCodes } from '../catalog/custom';
import { createCatalog } from '../catalog/index';
import { FAMILY_IDS, type CustomCodesFile, type FamilyId } from '../catalog/types';
import { createLanguageService } from '../languageService';
import {
  customCodesWatcher,
  loadCustomCodes,
  pathToFileUri,
  resolveCustomCodesPath,
  sameUri,
  summarizeProblems,
  type FileReader,
  type ResolvedCustomFile,
} from './customCodes';
import { DocumentCache } from './documentCache';
import { EXPLAIN_REQUEST, type ExplainParams, type InitializationOptions } from './protocol';
import { formatError, runQuietly, runSafe } from './runner';
import {
  applySeverityOverrides,
  defaultServerSettings,
  parseSettings,
  sameCustomCodes,
  type ServerSettings,
} from './settings';
import { DiagnosticsScheduler, defaultTimers, type Timers } from './validation';

export interface ServerOptions {
  /** Shown in `serverInfo`. */
  name?: string;
  version?: string;
  /** Where the server runs, for messages ('Node', 'browser'). */
  platform?: string;
  /** Reads custom-codes files (Node: the file system; browser: the client, `syncml/readFile`). Absent: not supported. */
  readFile?: FileReader;
  /**
   * Watches files for change when the client cannot (no dynamic `workspace/didChangeWatchedFiles`
   * registration). Returns a disposable that stops watching.
   */
  watchFiles?: (uris: string[], onChange: (uri: string) => void) => Disposable;
  /** Base for relative custom-codes paths when the client sends no workspace folder (Node: the cwd). */
  defaultBaseUri?: string;
  /** Home directory, for `~/` in custom-codes paths. */
  homeDir?: string;
  /** Diagnostics debounce in ms (default 300); `initializationOptions.diagnosticsDelay` overrides it. */
  diagnosticsDelay?: number;
  timers?: Timers;
}

export const DEFAULT_DIAGNOSTICS_DELAY = 300;
/** Requests wait for the first settings at most this long (a client that never answers must not hang us). */
const SETTINGS_WAIT_MS = 5000;
const RELOAD_DEBOUNCE_MS = 100;
const SERVED_LANGUAGES = new Set(['syncml', 'dmtree']);
/** Top-level keys of the `syncml` section, to recognise an unwrapped section in pushed settings. */
const SECTION_KEYS = new Set(['diagnostics', 'inlayHints', 'customCodes', 'largeFileThreshold', 'trace']);

type DocumentState = { served: false } | { served: true; analysis: Analysis };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const timers = options.timers ?? defaultTimers;
  const log = {
    error: (m: string) => connection.console.error(m),
    warn: (m: string) => connection.console.warn(m),
    info: (m: string) => connection.console.info(m),
  };

  // ---- language service and catalog -------------------------------------------------------------

  function makeService(custom: CustomCodesFile[]): LanguageService | undefined {
    try {
      const catalog = createCatalog(custom.length > 0 ? custom : undefined);
      return createLanguageService({ catalog });
    } catch (err) {
      log.error(formatError('Could not build the code catalog', err));
      return undefined;
    }
  }
  let service: LanguageService | undefined = makeService([]);
  let customLoaded = false;

  function requireService(): LanguageService {
    if (!service) throw new Error('the language service is not available (see the earlier error)');
    return service;
  }

  // ---- client capabilities, settings ------------------------------------------------------------

  let hasConfiguration = false;
  let dynamicConfiguration = false;
  let dynamicWatchers = false;
  let relativePatterns = false;
  let inlayRefresh = false;
  let workspaceFolderEvents = false;
  let workspaceFolders: string[] = [];
  /** Documentation always waits for completionItem/resolve (resolveProvider below); the rest follows the client. */
  let completionShape: CompletionOptions = { lazy: true };
  let pushedSettings: unknown = undefined;

  let settings: ServerSettings = defaultServerSettings();
  let settingsLoadedOnce = false;
  let lastWarnings = '';

  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  // ---- documents, cache, diagnostics ------------------------------------------------------------

  const documents = new TextDocuments(TextDocument);

  const cache = new DocumentCache<DocumentState>((document) => {
    const svc = requireService();
    const served =
      SERVED_LANGUAGES.has(document.languageId) || svc.detectKind(document.getText(), document.languageId) !== 'other';
    return served ? { served: true, analysis: svc.analyze(document, document.languageId) } : { served: false };
  });

  function analysisFor(uri: string): Analysis | undefined {
    const document = documents.get(uri);
    if (!document) return undefined;
    const state = cache.get(document);
    return state.served ? state.analysis : undefined;
  }

  const scheduler = new DiagnosticsScheduler(
    {
      currentVersion: (uri) => documents.get(uri)?.version,
      ready: () => ready,
      compute: (uri) => {
        const analysis = analysisFor(uri);
        if (!analysis) return undefined;
        if (!settings.service.diagnostics.enable) return [];
        const diagnostics = requireService().doValidation(analysis, settings.service);
        return applySeverityOverrides(diagnostics, settings.service.diagnostics.severity);
      },
      publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }),
      onError: (message, err) => log.error(formatError(message, err)),
    },
    options.diagnosticsDelay ?? DEFAULT_DIAGNOSTICS_DELAY,
    timers,
  );

  function revalidateAll(): void {
    for (const document of documents.all()) scheduler.schedule(document.uri, document.version);
  }

  documents.onDidChangeContent((e) =>
    runQuietly(log, `scheduling diagnostics for ${e.document.uri}`, () =>
      scheduler.schedule(e.document.uri, e.document.version),
    ),
  );
  documents.onDidClose((e) =>
    runQuietly(log, `closing ${e.document.uri}`, () => {
      cache.delete(e.document.uri);
      scheduler.close(e.document.uri);
    }),
  );

  function refreshInlayHints(): void {
    if (!inlayRefresh) return;
    connection.languages.inlayHint.refresh().catch(() => undefined);
  }

  // ---- custom codes -----------------------------------------------------------------------------

  let reloadGeneration = 0;
  let watchedKey = '';
  let watchedUris: string[] = [];
  let watcher: Disposable | undefined;
  let watcherRegistration: Promise<Disposable | undefined> | undefined;
  let reloadTimer: unknown;
  let browserWarned = '';

  function baseUri(): string | undefined {
    return workspaceFolders[0] ?? options.defaultBaseUri;
  }

  function toWatcher(uri: string): FileSystemWatcher {
    return customCodesWatcher(uri, relativePatterns);
  }

  function stopWatching(): void {
    watcher?.dispose();
    watcher = undefined;
    const registration = watcherRegistration;
    watcherRegistration = undefined;
    void registration?.then((d) => d?.dispose()).catch(() => undefined);
  }

  function watch(files: readonly ResolvedCustomFile[]): void {
    const uris = files.map((f) => f.uri).filter((u): u is string => u !== undefined);
    const key = uris.join('\n');
    if (key === watchedKey) return;
    stopWatching();
    watchedKey = key;
    watchedUris = uris;
    if (uris.length === 0) return;
    if (dynamicWatchers) {
      watcherRegistration = connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: uris.map(toWatcher) })
        .then(
          (d) => d,
          (err) => {
            log.warn(formatError('Could not register file watchers for syncml.customCodes', err));
            return undefined;
          },
        );
    } else if (options.watchFiles) {
      try {
        watcher = options.watchFiles(uris, () => scheduleReload());
      } catch (err) {
        log.warn(formatError('Could not watch the syncml.customCodes files', err));
      }
    }
  }

  function scheduleReload(): void {
    if (reloadTimer !== undefined) timers.clearTimeout(reloadTimer);
    reloadTimer = timers.setTimeout(() => {
      reloadTimer = undefined;
      runQuietly(log, 'reloading custom codes', () => reloadCustomCodes());
    }, RELOAD_DEBOUNCE_MS);
  }

  function useService(custom: CustomCodesFile[]): void {
    const next = makeService(custom);
    if (next) service = next;
    customLoaded = custom.length > 0;
    cache.clear();
    revalidateAll();
    refreshInlayHints();
  }

  async function reloadCustomCodes(): Promise<void> {
    const generation = ++reloadGeneration;
    const files = settings.customCodes.map((s) => resolveCustomCodesPath(s, baseUri(), options.homeDir));
    watch(files);
    if (files.length === 0) {
      if (customLoaded) {
        log.info('syncml.customCodes is empty: using the built-in codes only.');
        useService([]);
      }
      return;
    }
    if (!options.readFile) {
      const key = settings.customCodes.join('\n');
      if (key !== browserWarned) {
        browserWarned = key;
        log.warn(
          `syncml.customCodes is not supported by the ${options.platform ?? 'browser'} server, which cannot read files: ` +
            `custom codes need the desktop (Node) language server. Ignored: ${settings.customCodes.join(', ')}.`,
        );
      }
      if (customLoaded) useService([]);
      return;
    }
    const result = await loadCustomCodes(files, options.readFile, parseCustomCodes);
    if (generation !== reloadGeneration) return; // a newer reload is under way
    for (const p of result.problems) log.warn(`syncml.customCodes: ${formatCustomCodesProblem(p)}`);
    // A notification, not window/showMessageRequest: nothing to answer, nothing to wait for.
    for (const message of summarizeProblems(result.problems)) {
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    }
    const count = result.files.reduce((n, f) => n + f.entries.length, 0);
    log.info(
      `syncml.customCodes: ${count} custom code entr${count === 1 ? 'y' : 'ies'} from ${result.files.length} of ${files.length} file(s)` +
        (result.files.length ? `: ${result.files.map((f) => f.file).join(', ')}` : ''),
    );
    useService(result.files);
  }

  // ---- settings ---------------------------------------------------------------------------------

  /** The `syncml` section: pulled when the client can answer, else (or when it has none) what was pushed. */
  async function pullSettings(): Promise<{ ok: boolean; raw: unknown }> {
    if (!hasConfiguration) return { ok: true, raw: pushedSettings };
    try {
      const pulled: unknown = await connection.workspace.getConfiguration('syncml');
      return { ok: true, raw: pulled === null || pulled === undefined ? pushedSettings : pulled };
    } catch (err) {
      log.warn(formatError('Could not read the syncml settings from the client; keeping the previous ones', err));
      return { ok: false, raw: pushedSettings };
    }
  }

  async function refreshSettings(): Promise<void> {
    const { ok, raw } = await pullSettings();
    if (!ok && settingsLoadedOnce) return; // keep what we have
    const parsed = parseSettings(raw);
    const key = parsed.warnings.join('\n');
    if (key !== lastWarnings) {
      lastWarnings = key;
      for (const w of parsed.warnings) log.warn(w);
    }
    const previous = settings;
    settings = parsed.settings;
    const first = !settingsLoadedOnce;
    settingsLoadedOnce = true;
    if (first || !sameCustomCodes(previous.customCodes, settings.customCodes)) {
      if (settings.customCodes.length > 0 || customLoaded) {
        await reloadCustomCodes();
        return; // reload revalidates
      }
      watch([]);
    }
    if (!first) {
      revalidateAll();
      refreshInlayHints();
    }
  }

  let settingsQueue: Promise<void> = Promise.resolve();
  function queueSettingsRefresh(): Promise<void> {
    settingsQueue = settingsQueue.then(refreshSettings).catch((err) => log.error(formatError('Error while applying settings', err)));
    return settingsQueue;
  }

  // ---- lifecycle --------------------------------------------------------------------------------

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities ?? {};
    hasConfiguration = caps.workspace?.configuration === true;
    dynamicConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    dynamicWatchers = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    relativePatterns = caps.workspace?.didChangeWatchedFiles?.relativePatternSupport === true;
    inlayRefresh = caps.workspace?.inlayHint?.refreshSupport === true;
    workspaceFolderEvents = caps.workspace?.workspaceFolders === true;
    const codeActionLiterals = caps.textDocument?.codeAction?.codeActionLiteralSupport !== undefined;
    const completionCaps = caps.textDocument?.completion;
    // Read as strictly as the other capabilities: a malformed one must not fail initialize.
    const announced: unknown = completionCaps?.completionList?.itemDefaults;
    const itemDefaults = Array.isArray(announced) ? announced : [];
    completionShape = {
      lazy: true,
      defaultEditRange: itemDefaults.includes('editRange'),
      defaultData: itemDefaults.includes('data'),
      labelDetails: completionCaps?.completionItem?.labelDetailsSupport === true,
    };

    if (params.workspaceFolders && params.workspaceFolders.length > 0) {
      workspaceFolders = params.workspaceFolders.map((f) => f.uri);
    } else if (params.rootUri) {
      workspaceFolders = [params.rootUri];
    } else if (params.rootPath) {
      workspaceFolders = [pathToFileUri(params.rootPath)];
    }

    const init: InitializationOptions = isObject(params.initializationOptions) ? params.initializationOptions : {};
    if (init.diagnosticsDelay !== undefined) {
      if (typeof init.diagnosticsDelay === 'number' && Number.isFinite(init.diagnosticsDelay) && init.diagnosticsDelay >= 0) {
        scheduler.setDelay(init.diagnosticsDelay);
      } else {
        log.warn(`initializationOptions.diagnosticsDelay should be a number of milliseconds; using ${DEFAULT_DIAGNOSTICS_DELAY}.`);
      }
    }
    // Settings for clients that push rather than answer workspace/configuration (or answer null):
    // `initializationOptions.settings` or `initializationOptions.syncml` (as Helix sends its `config`).
    const initial = init.settings !== undefined ? init.settings : (init as { syncml?: unknown }).syncml;
    if (initial !== undefined) pushedSettings = unwrapSection(initial);

    // A client that never sends `initialized` or never answers the configuration request must not block requests.
    timers.setTimeout(() => markReady(), SETTINGS_WAIT_MS);

    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        // '>' closes a start tag: `<Data>|` is where a code is typed. Digits need no trigger (they are word characters).
        completionProvider: { triggerCharacters: ['>'], resolveProvider: true },
        codeActionProvider: codeActionLiterals ? { codeActionKinds: [CodeActionKind.QuickFix] } : true,
        inlayHintProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: options.name ?? 'syncml-language-server', version: options.version },
    };
  });

  /**
   * Pushed settings usually wrap the section (`{ syncml: {...} }`, as VS Code's push model, eglot and
   * nvim-lspconfig send them); an object without it counts only if it looks like the section itself.
   */
  function unwrapSection(s: unknown): unknown {
    if (!isObject(s)) return s;
    if ('syncml' in s) return s.syncml;
    return Object.keys(s).some((k) => SECTION_KEYS.has(k.split('.')[0])) ? s : undefined;
  }

  connection.onInitialized(() => {
    if (hasConfiguration && dynamicConfiguration) {
      connection.client
        .register(DidChangeConfigurationNotification.type, { section: 'syncml' })
        .catch((err) => log.warn(formatError('Could not register for configuration changes', err)));
    }
    if (workspaceFolderEvents) {
      try {
        connection.workspace.onDidChangeWorkspaceFolders((e) =>
          runQuietly(log, 'updating workspace folders', () => {
            const removed = new Set(e.removed.map((f) => f.uri));
            const before = workspaceFolders[0];
            workspaceFolders = workspaceFolders.filter((u) => !removed.has(u)).concat(e.added.map((f) => f.uri));
            if (workspaceFolders[0] !== before && settings.customCodes.length > 0) return reloadCustomCodes();
            return undefined;
          }),
        );
      } catch (err) {
        log.warn(formatError('Workspace folder changes are not tracked', err));
      }
    }
    void queueSettingsRefresh().finally(() => markReady());
  });

  connection.onDidChangeConfiguration((params) =>
    runQuietly(log, 'reading changed settings', () => {
      const pushed = unwrapSection(params?.settings);
      // VS Code's pull model sends `settings: null`; keep what initializationOptions gave then.
      if (pushed !== null && pushed !== undefined) pushedSettings = pushed;
      return queueSettingsRefresh();
    }),
  );

  connection.onDidChangeWatchedFiles((params) =>
    runQuietly(log, 'handling changed files', () => {
      if (params.changes.some((c) => watchedUris.some((u) => sameUri(u, c.uri)))) scheduleReload();
    }),
  );

  connection.onShutdown(() => {
    scheduler.dispose();
    if (reloadTimer !== undefined) timers.clearTimeout(reloadTimer);
    stopWatching();
  });

  // ---- features ---------------------------------------------------------------------------------

  connection.onHover((params, token) =>
    runSafe<Hover | null>(log, 'hover', token, null, () => {
      const analysis = analysisFor(params.textDocument.uri);
      return analysis ? requireService().doHover(analysis, params.position) : null;
    }, ready),
  );

  connection.onCompletion((params, token) =>
    runSafe<CompletionList | null>(log, 'completion', token, null, () => {
      const analysis = analysisFor(params.textDocument.uri);
      return analysis ? requireService().doComplete(analysis, params.position, completionShape) : null;
    }, ready),
  );

  connection.onCompletionResolve((item, token) =>
    runSafe<CompletionItem>(log, 'completion resolve', token, item, () => requireService().resolveCompletionItem(item), ready),
  );

  connection.onCodeAction((params, token) =>
    runSafe<CodeAction[]>(log, 'code actions', token, [], () => {
      const only = params.context.only;
      if (only && only.length > 0 && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k + '.') || k === ''))
        return [];
      const analysis = analysisFor(params.textDocument.uri);
      return analysis ? requireService().getCodeActions(analysis, params.range, params.context) : [];
    }, ready),
  );

  connection.languages.inlayHint.on((params, token) =>
    runSafe<InlayHint[]>(log, 'inlay hints', token, [], () => {
      if (!settings.service.inlayHints.enable) return [];
      const analysis = analysisFor(params.textDocument.uri);
      return analysis ? requireService().getInlayHints(analysis, params.range, settings.service) : [];
    }, ready),
  );

  connection.onDocumentSymbol((params, token) =>
    runSafe<DocumentSymbol[]>(log, 'document symbols', token, [], () => {
      const analysis = analysisFor(params.textDocument.uri);
      return analysis ? requireService().findDocumentSymbols(analysis, settings.service) : [];
    }, ready),
  );

  connection.onFoldingRanges((params, token) =>
    runSafe<FoldingRange[]>(log, 'folding ranges', token, [], () => {
      const analysis = analysisFor(params.textDocument.uri);
      return analysis ? requireService().getFoldingRanges(analysis, settings.service) : [];
    }, ready),
  );

  connection.onRequest(EXPLAIN_REQUEST, (params: ExplainParams, token) =>
    runSafe(log, EXPLAIN_REQUEST, token, null, () => {
      if (!isObject(params) || typeof params.input !== 'string') {
        throw new ResponseError(ErrorCodes.InvalidParams, `${EXPLAIN_REQUEST} expects { input: string, family?: string }`);
      }
      let family: FamilyId | undefined;
      if (params.family !== undefined && params.family !== null && params.family !== '') {
        if (typeof params.family !== 'string' || !(FAMILY_IDS as readonly string[]).includes(params.family)) {
          throw new ResponseError(
            ErrorCodes.InvalidParams,
            `${EXPLAIN_REQUEST}: unknown family ${JSON.stringify(params.family)}; known families: ${FAMILY_IDS.join(', ')}`,
          );
        }
        family = params.family as FamilyId;
      }
      return requireService().explain(params.input, family);
    }, ready),
  );

  documents.listen(connection);
  connection.listen();
}
