/**
 * The LSP feature handlers: each finds the document's analysis and asks the language service,
 * which applies the settings itself (diagnostics on/off and severities, the inlay-hint switch, the
 * large-file threshold, the code-action `only` filter). Every handler runs behind `runSafe` and
 * waits for the first settings.
 */
import type {
  CodeAction,
  CompletionItem,
  CompletionList,
  Connection,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
} from 'vscode-languageserver';
import type { CompletionOptions, ServiceSettings } from '../api';
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
}

export function registerFeatures(connection: Connection, ctx: FeatureContext): void {
  const { store, log, ready } = ctx;
  const service = () => store.requireService();

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
      return analysis ? service().findDocumentSymbols(analysis, ctx.settings()) : [];
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
