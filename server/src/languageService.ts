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
import { hresultSpelling, hresultValue } from './catalog/hresult';
import { createCatalog } from './catalog/index';
import { windowsCspTree } from './catalog/csp/windowsCsp';
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
import { COMMAND_NAMES, COMMAND_PARTS } from './features/commands';
import { isIntegerText } from './model/digits';
import { leadingElements } from './model/leadingElements';
import { parseXml } from './model/scanner';

/**
 * What a document is, from its text: a SyncML message (root SyncML), a DM tree (root MgmtTree), or a
 * profile of bare commands (the first element a SyncML command whose first child is a command's
 * part, as in Fleet's and Intune's profiles and Microsoft's examples), analysed as a message body.
 * Reads the prolog and at most the first two start tags (leadingElements), never the rest, since
 * the server asks this of every xml document on every version. A fragment opened as syncml or dmtree
 * is that whatever its first element.
 */
function detectKind(text: string, languageId?: string): DocumentKind {
  const lead = leadingElements(text);
  const root = lead?.root;
  if (root === 'SyncML') return 'syncml';
  if (root === 'MgmtTree') return 'dmtree';
  if (languageId === 'syncml') return 'syncml';
  if (languageId === 'dmtree') return 'dmtree';
  if (lead && COMMAND_NAMES.has(lead.root) && lead.firstChild !== undefined && COMMAND_PARTS.has(lead.firstChild)) return 'syncml';
  return 'other';
}

export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const catalog: Catalog = options.catalog ?? createCatalog();
  const da = asDocumentAnalysis;
  const dmTree = options.dmTree ?? windowsCspTree;

  function analyze(document: TextDocument, languageId?: string): DocumentAnalysis {
    const text = document.getText();
    const xml = parseXml(text, CONTEXT_SCAN);
    const kind = detectKind(text, languageId ?? document.languageId);
    const contexts = resolveContexts(xml, catalog);
    return new DocumentAnalysis(document, kind, text, xml, contexts, catalog, dmTree);
  }

  /**
   * What an HRESULT spelling that no table lists is, said plainly (no guess at what it carries),
   * with the row it is a known misprint of, if any.
   */
  function unknownWindowsValue(text: string, value: number): string {
    const { hex, signed } = hresultSpelling(value);
    const misprint = catalog.windowsErrors().find((e) => e.misprinted === hex);
    return (
      `${text} (${/^-/.test(text) ? hex : signed}) is not a known Windows MDM value: it is no SyncML status HRESULT ` +
      `(0x87D10065–0x87D10205), and neither Intune's error tables nor cfgmgr2err.h list it.` +
      (misprint ? ` The source of ${misprint.hex} (${misprint.table}) misprints it as ${hex}: ${misprint.summary}.` : '')
    );
  }

  function explain(input: string, family?: FamilyId): Explanation {
    const trimmed = input.trim();
    const hresult = catalog.decodeHresult(trimmed);
    const windowsError = hresult ? undefined : catalog.windowsError(trimmed);
    // The code an HRESULT carries is looked up in its families: the SyncML status, a DCMO result.
    const carried = hresult?.status ?? windowsError?.carries?.code;
    const n = carried ?? (windowsError === undefined && isIntegerText(trimmed) ? Number(trimmed) : undefined);
    const value = hresultValue(trimmed);
    if (n === undefined) {
      const result: Explanation = { input, number: undefined, meanings: [] };
      if (windowsError) result.windowsError = windowsError;
      else result.note = value !== undefined ? unknownWindowsValue(trimmed, value) : `'${trimmed}' is not a number`;
      return result;
    }
    const meanings: CodeEntry[] = [];
    const ids = family ? [family] : catalog.families().map((f) => f.id);
    for (const id of ids) {
      const e = catalog.lookup(id, n);
      if (e) meanings.push(e);
    }
    const result: Explanation = { input, number: n, meanings };
    if (hresult) result.hresult = hresult;
    if (windowsError) result.windowsError = windowsError;
    if (meanings.length === 0) {
      result.note = family ? `${n} is not defined in ${catalog.family(family).title}s` : `${n} is not defined in any family`;
      if (carried === undefined && value !== undefined) result.note = unknownWindowsValue(trimmed, value);
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
    resolveCompletionItem: (item) => resolveCompletionItem(catalog, item, dmTree),
    getCodeActions: (a, _range, context) => getCodeActions(da(a), context),
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
