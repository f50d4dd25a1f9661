/**
 * The LSP feature handlers: each finds the document's analysis and asks the language service,
 * which applies the settings itself (diagnostics on/off and severities, the inlay-hint switch, the
 * large-file threshold, the code-action `only` filter). Every handler runs behind `runSafe` and
 * waits for the first settings.
 */
import {
  ErrorCodes,
  ResponseError,
  ShowDocumentRequest,
  type CodeAction,
  type CodeLens,
  type CompletionItem,
  type CompletionList,
  type Connection,
  type DocumentHighlight,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type InlayHint,
  type Location,
  type Range,
} from 'vscode-languageserver';
import type { Analysis, CompletionOptions, ServiceSettings } from '../api';
import { SHOW_LOCATION_COMMAND } from '../features/codeLens';
import type { AnalysisStore } from './analysisStore';
import { ExplainRequest } from './protocol';
import { runSafe, type ErrorLog } from './runner';

interface FeatureContext {
  store: AnalysisStore;
  settings(): ServiceSettings;
  completion(): CompletionOptions;
  /** Resolves once the first settings are in (or after a time-out). */
  ready: Promise<void>;
  log: ErrorLog;
  /** The client answers `window/showDocument`. */
  showDocument(): boolean;
}

/** The commands the server runs for the client (`workspace/executeCommand`). */
export const SERVER_COMMANDS = [SHOW_LOCATION_COMMAND];

/** The folder part of a URI, for telling which open documents may hold the rest of a session. */
function folderOf(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  return path.slice(0, path.lastIndexOf('/') + 1);
}

function isRange(v: unknown): v is Range {
  const r = v as Range | undefined;
  const isPos = (p: unknown) => typeof (p as { line?: unknown })?.line === 'number' && typeof (p as { character?: unknown })?.character === 'number';
  return typeof r === 'object' && r !== null && isPos(r.start) && isPos(r.end);
}

export function registerFeatures(connection: Connection, ctx: FeatureContext): void {
  const { store, log, ready } = ctx;
  const service = () => store.requireService();

  /**
   * The other open documents a session may continue in: those of the same folder (a session split
   * into one file per message is saved side by side). Only documents the editor has open are known.
   */
  const peersOf = (uri: string): Analysis[] => {
    const folder = folderOf(uri);
    const out: Analysis[] = [];
    for (const d of store.documents.all()) {
      if (d.uri === uri || folderOf(d.uri) !== folder) continue;
      const a = store.analysisFor(d.uri);
      if (a && a.kind === 'syncml') out.push(a);
    }
    return out;
  };

  connection.onDefinition((params, token) =>
    runSafe<Location[]>(log, 'definition', token, [], () => {
      const analysis = store.analysisFor(params.textDocument.uri);
      return analysis ? service().findDefinition(analysis, params.position, peersOf(params.textDocument.uri)) : [];
    }, ready),
  );

  connection.onReferences((params, token) =>
    runSafe<Location[]>(log, 'references', token, [], () => {
      const analysis = store.analysisFor(params.textDocument.uri);
      const include = params.context?.includeDeclaration === true;
      return analysis ? service().findReferences(analysis, params.position, include, peersOf(params.textDocument.uri)) : [];
    }, ready),
  );

  connection.onDocumentHighlight((params, token) =>
    runSafe<DocumentHighlight[]>(log, 'document highlight', token, [], () => {
      const analysis = store.analysisFor(params.textDocument.uri);
      return analysis ? service().findDocumentHighlights(analysis, params.position) : [];
    }, ready),
  );

  connection.onCodeLens((params, token) =>
    runSafe<CodeLens[]>(log, 'code lens', token, [], () => {
      const uri = params.textDocument.uri;
      const analysis = store.analysisFor(uri);
      if (!analysis) return [];
      // The uri rides along in data: codeLens/resolve names no document.
      return service()
        .findCodeLenses(analysis, ctx.settings(), undefined, peersOf(uri))
        .map((lens) => ({ range: lens.range, data: { ...(lens.data as object), uri } }));
    }, ready),
  );

  connection.onCodeLensResolve((lens, token) =>
    runSafe<CodeLens>(log, 'code lens resolve', token, lens, () => {
      const uri = (lens.data as { uri?: unknown } | undefined)?.uri;
      const analysis = typeof uri === 'string' ? store.analysisFor(uri) : undefined;
      if (!analysis || typeof uri !== 'string') return { ...lens, command: { title: '', command: '' } };
      return service().resolveCodeLens(analysis, lens, peersOf(uri));
    }, ready),
  );

  connection.onExecuteCommand((params, token) =>
    runSafe<null>(log, 'execute command', token, null, async () => {
      if (params.command !== SHOW_LOCATION_COMMAND) throw new ResponseError(ErrorCodes.InvalidParams, `unknown command ${params.command}`);
      const [uri, range] = params.arguments ?? [];
      if (typeof uri !== 'string' || !isRange(range)) throw new ResponseError(ErrorCodes.InvalidParams, `${SHOW_LOCATION_COMMAND} takes a uri and a range`);
      if (!ctx.showDocument()) {
        throw new ResponseError(ErrorCodes.InvalidRequest, `the client cannot show documents (window/showDocument); the answer is at ${uri} line ${range.start.line + 1}`);
      }
      await connection.sendRequest(ShowDocumentRequest.type, { uri, selection: range, takeFocus: true });
      return null;
    }, ready),
  );

  connection.onHover((params, token) =>
    runSafe<Hover | null>(log, 'hover', token, null, () => {
      const analysis = store.analysisFor(params.textDocument.uri);
      return analysis ? service().doHover(analysis, params.position) : null;
    }, ready),
  );

  connection.onCompletion((params, token) =>
    runSafe<CompletionList | null>(log, 'completion', token, null, () => {
      const analysis = store.analysisFor(params.textDocument.uri);
      return analysis ? service().doComplete(analysis, params.position, ctx.completion()) : null;
    }, ready),
  );

  connection.onCompletionResolve((item, token) =>
    runSafe<CompletionItem>(log, 'completion resolve', token, item, () => service().resolveCompletionItem(item), ready),
  );

  connection.onCodeAction((params, token) =>
    runSafe<CodeAction[]>(log, 'code actions', token, [], () => {
      const analysis = store.analysisFor(params.textDocument.uri);
      return analysis ? service().getCodeActions(analysis, params.range, params.context) : [];
    }, ready),
  );

  connection.languages.inlayHint.on((params, token) =>
    runSafe<InlayHint[]>(log, 'inlay hints', token, [], () => {
      const analysis = store.analysisFor(params.textDocument.uri);
      return analysis ? service().getInlayHints(analysis, params.range, ctx.settings()) : [];
    }, ready),
  );

  connection.onDocumentSymbol((params, token) =>
    runSafe<DocumentSymbol[]>(log, 'document symbols', token, [], () => {
      const analysis = store.analysisFor(params.textDocument.uri);
      return analysis ? service().findDocumentSymbols(analysis, ctx.settings(), peersOf(params.textDocument.uri)) : [];
    }, ready),
  );

  connection.onFoldingRanges((params, token) =>
    runSafe<FoldingRange[]>(log, 'folding ranges', token, [], () => {
      const analysis = store.analysisFor(params.textDocument.uri);
      return analysis ? service().getFoldingRanges(analysis, ctx.settings()) : [];
    }, ready),
  );

  connection.onRequest(ExplainRequest.type, (params, token) =>
    runSafe(log, ExplainRequest.method, token, null, () => {
      const { input, family } = ExplainRequest.check(params);
      return service().explain(input, family);
    }, ready),
  );
}
