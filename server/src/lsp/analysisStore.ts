/**
 * The open documents and what the server knows about them: the language service in use (rebuilt
 * when the workspace data files change) and one analysis per document version.
 */
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, LanguageService } from '../api';
import { windowsCspSource } from '../catalog/csp/windowsCsp';
import { DmTree, type DdfSource } from '../catalog/ddf/dmTree';
import { createCatalog } from '../catalog/index';
import type { CustomCodesFile } from '../catalog/types';
import { createLanguageService } from '../languageService';
import { DocumentCache } from './documentCache';
import { formatError } from './runner';

const SERVED_LANGUAGES = new Set(['syncml', 'dmtree']);

type DocumentState = { served: false } | { served: true; analysis: Analysis };

/** What the language service is built from: the data files loaded now. */
export interface ServiceInputs {
  customCodes: readonly CustomCodesFile[];
  /** The user's DDF files, merged over the bundled Windows CSP index (later files win where they overlap). */
  ddfSources: readonly DdfSource[];
}

/**
 * The DM tree of the bundled index and the user's DDF files, built the first time a document asks
 * (never at start-up: the index is large), once per set of files.
 */
function lazyDmTree(sources: readonly DdfSource[]): () => DmTree {
  let tree: DmTree | undefined;
  return () => (tree ??= new DmTree([windowsCspSource(), ...sources]));
}

export class AnalysisStore {
  readonly documents = new TextDocuments(TextDocument);
  private service: LanguageService | undefined;
  private readonly cache = new DocumentCache<DocumentState>((document) => {
    const svc = this.requireService();
    const served =
      SERVED_LANGUAGES.has(document.languageId) || svc.detectKind(document.getText(), document.languageId) !== 'other';
    return served ? { served: true, analysis: svc.analyze(document, document.languageId) } : { served: false };
  });

  constructor(private readonly log: { error(message: string): void }) {
    this.service = this.build({ customCodes: [], ddfSources: [] });
  }

  /** The service, or an error when it could not be built (the log says why). */
  requireService(): LanguageService {
    if (!this.service) throw new Error('the language service is not available (see the earlier error)');
    return this.service;
  }

  /** The analysis of an open, served document's current version; undefined otherwise. */
  analysisFor(uri: string): Analysis | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const state = this.cache.get(document);
    return state.served ? state.analysis : undefined;
  }

  /** Rebuild the service from new data files and forget every analysis; a failed build keeps the old service. */
  rebuild(inputs: ServiceInputs): void {
    const next = this.build(inputs);
    if (next) this.service = next;
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private build(inputs: ServiceInputs): LanguageService | undefined {
    try {
      const custom = inputs.customCodes;
      const catalog = createCatalog(custom.length > 0 ? custom : undefined);
      // Without DDF files of the user's, the service's default: the bundled index's own tree.
      const dmTree = inputs.ddfSources.length > 0 ? lazyDmTree(inputs.ddfSources) : undefined;
      return createLanguageService(dmTree ? { catalog, dmTree } : { catalog });
    } catch (err) {
      this.log.error(formatError('Could not build the code catalog', err));
      return undefined;
    }
  }
}
