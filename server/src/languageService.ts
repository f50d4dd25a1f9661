/**
 * The language service: pure functions over a document, bound to one catalog. Shared by the LSP
 * server, the CLI and the benchmark; no `vscode`, no Node built-ins.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DEFAULT_SETTINGS,
  type Analysis,
  type DocumentKind,
  type Explanation,
  type LanguageService,
  type LanguageServiceOptions,
} from './api';
import type { Catalog } from './catalog/api';
import { createCatalog } from './catalog/index';
import type { CodeEntry, FamilyId } from './catalog/types';
import { CONTEXT_SCAN, resolveContexts } from './context/sites';
import { asDocumentAnalysis, DocumentAnalysis } from './features/analysis';
import { getCodeActions } from './features/codeActions';
import { findCodeLenses, resolveCodeLens } from './features/codeLens';
import { doComplete, resolveCompletionItem } from './features/completion';
import { decode } from './features/decode';
import { doValidation } from './features/diagnostics';
import { getFoldingRanges } from './features/folding';
import { doHover } from './features/hover';
import { getInlayHints } from './features/inlayHints';
import { findDefinition, findDocumentHighlights, findReferences } from './features/navigation';
import { outcomes } from './features/outcomes';
import { findDocumentSymbols } from './features/symbols';
import { isIntegerText } from './model/digits';
import { parseXml } from './model/scanner';

/** The local name of the first element, skipping the prolog (BOM, declaration, comments, DOCTYPE). */
export function rootElementName(text: string): string | undefined {
  const len = text.length;
  let p = 0;
  while (p < len) {
    const lt = text.indexOf('<', p);
    if (lt < 0) return undefined;
    const c = text[lt + 1];
    if (c === '?') {
      const e = text.indexOf('?>', lt + 2);
      if (e < 0) return undefined;
      p = e + 2;
    } else if (c === '!') {
      const e = text.startsWith('<!--', lt) ? text.indexOf('-->', lt + 4) : text.indexOf('>', lt + 2);
      if (e < 0) return undefined;
      p = e + 1;
    } else {
      const m = /^[A-Za-z_][\w.-]*(?::([A-Za-z_][\w.-]*))?/.exec(text.slice(lt + 1, lt + 101));
      return m ? (m[1] ?? m[0]) : undefined;
    }
  }
  return undefined;
}

export function detectKind(text: string, languageId?: string): DocumentKind {
  const root = rootElementName(text);
  if (root === 'SyncML') return 'syncml';
  if (root === 'MgmtTree') return 'dmtree';
  // A fragment (bare commands, as in MDM profiles) opened as syncml is analysed as a message body.
  if (languageId === 'syncml') return 'syncml';
  if (languageId === 'dmtree') return 'dmtree';
  return 'other';
}

export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const catalog: Catalog = options.catalog ?? createCatalog();
  const da = asDocumentAnalysis;

  function analyze(document: TextDocument, languageId?: string): DocumentAnalysis {
    const text = document.getText();
    const xml = parseXml(text, CONTEXT_SCAN);
    const kind = detectKind(text, languageId ?? document.languageId);
    const contexts = resolveContexts(xml, catalog);
    return new DocumentAnalysis(document, kind, text, xml, contexts, catalog);
  }

  function explain(input: string, family?: FamilyId): Explanation {
    const trimmed = input.trim();
    const hresult = catalog.decodeHresult(trimmed);
    const n = hresult ? hresult.status : isIntegerText(trimmed) ? Number(trimmed) : undefined;
    if (n === undefined) return { input, number: undefined, meanings: [], note: `'${trimmed}' is not a number` };
    const meanings: CodeEntry[] = [];
    const ids = family ? [family] : catalog.families().map((f) => f.id);
    for (const id of ids) {
      const e = catalog.lookup(id, n);
      if (e) meanings.push(e);
    }
    const result: Explanation = { input, number: n, meanings };
    if (hresult) result.hresult = hresult;
    if (meanings.length === 0) {
      result.note = family ? `${n} is not defined in ${catalog.family(family).title}s` : `${n} is not defined in any family`;
    }
    return result;
  }

  return {
    catalog,
    detectKind,
    analyze,
    doValidation: (a: Analysis, settings = DEFAULT_SETTINGS) => doValidation(da(a), settings),
    doHover: (a, position) => doHover(da(a), position),
    doComplete: (a, position, options) => doComplete(da(a), position, options),
    resolveCompletionItem: (item) => resolveCompletionItem(catalog, item),
    getCodeActions: (a, range, context) => getCodeActions(da(a), range, context),
    getInlayHints: (a, range, settings = DEFAULT_SETTINGS) => getInlayHints(da(a), range, settings),
    findDocumentSymbols: (a, settings = DEFAULT_SETTINGS, peers) => findDocumentSymbols(da(a), settings, peers),
    getFoldingRanges: (a, settings = DEFAULT_SETTINGS) => getFoldingRanges(da(a), settings),
    explain,
    decode: (a, settings = DEFAULT_SETTINGS) => decode(da(a), settings),
    findDefinition: (a, position, peers) => findDefinition(da(a), position, peers),
    findReferences: (a, position, includeDeclaration, peers) => findReferences(da(a), position, includeDeclaration, peers),
    findDocumentHighlights: (a, position) => findDocumentHighlights(da(a), position),
    findCodeLenses: (a, settings = DEFAULT_SETTINGS, range, peers) => findCodeLenses(da(a), settings, range, peers),
    resolveCodeLens: (a, lens, peers) => resolveCodeLens(da(a), lens, peers),
    outcomes: (a, peers) => outcomes(da(a), peers),
  };
}
