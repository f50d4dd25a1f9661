// Work in progress: the facade over the features. Filled in feature by feature.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, DocumentKind, Explanation, LanguageService, LanguageServiceOptions } from './api';

export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const catalog = options.catalog as LanguageService['catalog'];
  const detectKind = (text: string): DocumentKind =>
    /<(?:\w+:)?SyncML[\s>/]/.test(text.slice(0, 4096)) ? 'syncml' : /<(?:\w+:)?MgmtTree[\s>/]/.test(text.slice(0, 4096)) ? 'dmtree' : 'other';
  return {
    catalog,
    detectKind,
    analyze: (document: TextDocument): Analysis => ({ document, kind: detectKind(document.getText()) }),
    doValidation: () => [],
    doHover: () => null,
    doComplete: () => ({ isIncomplete: false, items: [] }),
    getCodeActions: () => [],
    getInlayHints: () => [],
    findDocumentSymbols: () => [],
    getFoldingRanges: () => [],
    explain: (input: string): Explanation => ({ input, number: undefined, meanings: [] }),
  };
}
