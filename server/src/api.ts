/**
 * The language service contract shared by the three shells (LSP server, CLI, bench).
 * Everything behind it is pure: no `vscode`, no Node built-ins.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CodeActionContext,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Position,
  Range,
} from 'vscode-languageserver-types';
import type { Catalog } from './catalog/api';
import type { CodeEntry, FamilyId, HresultDecoding } from './catalog/types';

/** Stable diagnostic codes (interfaces guide). Quick fixes are keyed to these. */
export type DiagnosticCode =
  | 'undefined-code'
  | 'wrong-code-family'
  | 'unexpected-status-for-command'
  | 'not-a-code'
  | 'vendor-code'
  | 'unknown-alert-type'
  | 'xml-syntax';

export type SeveritySetting = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface ServiceSettings {
  diagnostics: {
    enable: boolean;
    /** Per-code severity override; 'off' drops the diagnostic. */
    severity: Partial<Record<DiagnosticCode, SeveritySetting>>;
  };
  inlayHints: { enable: boolean };
  /**
   * Documents larger than this many characters get hover, completion and code diagnostics,
   * but no inlay hints, symbols or folding (those are proportional to the whole document).
   */
  largeFileThreshold: number;
}

export const DEFAULT_SETTINGS: ServiceSettings = {
  diagnostics: { enable: true, severity: {} },
  inlayHints: { enable: true },
  largeFileThreshold: 5 * 1024 * 1024,
};

/** What a document is, decided from its text (and its language id for fragments). */
export type DocumentKind = 'syncml' | 'dmtree' | 'other';

/** The result of analysing one version of a document; callers cache it by version. */
export interface Analysis {
  readonly document: TextDocument;
  readonly kind: DocumentKind;
}

/** Every meaning of a number across families (CLI `explain`, the look-up command). */
export interface Explanation {
  input: string;
  /** The number that was looked up (the SyncML status, for an HRESULT input). */
  number: number | undefined;
  hresult?: HresultDecoding;
  meanings: CodeEntry[];
  /** A sentence when the input is not a number, or is defined nowhere. */
  note?: string;
}

export interface LanguageService {
  readonly catalog: Catalog;
  /** 'syncml' / 'dmtree' from the root element, else 'other'. Cheap: reads the prolog only. */
  detectKind(text: string, languageId?: string): DocumentKind;
  analyze(document: TextDocument, languageId?: string): Analysis;
  doValidation(analysis: Analysis, settings?: ServiceSettings): Diagnostic[];
  doHover(analysis: Analysis, position: Position): Hover | null;
  /** With `lazy`, items carry no documentation: resolveCompletionItem adds it (completionItem/resolve). */
  doComplete(analysis: Analysis, position: Position, lazy?: boolean): CompletionList;
  resolveCompletionItem(item: CompletionItem): CompletionItem;
  getCodeActions(analysis: Analysis, range: Range, context: CodeActionContext): CodeAction[];
  getInlayHints(analysis: Analysis, range: Range, settings?: ServiceSettings): InlayHint[];
  findDocumentSymbols(analysis: Analysis, settings?: ServiceSettings): DocumentSymbol[];
  getFoldingRanges(analysis: Analysis, settings?: ServiceSettings): FoldingRange[];
  explain(input: string, family?: FamilyId): Explanation;
}

export interface LanguageServiceOptions {
  catalog?: Catalog;
}
