/**
 * The language service contract shared by the three shells (LSP server, CLI, bench).
 * Everything behind it is pure: no `vscode`, no Node built-ins.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CodeActionContext,
  CodeLens,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentHighlight,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Location,
  Position,
  Range,
} from 'vscode-languageserver-types';
import type { DmTree } from './catalog/ddf/dmTree';
import type { Catalog } from './catalog/api';
import type { CodeEntry, FamilyId, HresultDecoding, WindowsError } from './catalog/types';
import type { DiagnosticCode, SeveritySetting } from './diagnosticCodes';
import type { SiteKind } from './context/sites';

/** Stable diagnostic codes: see diagnosticCodes.ts, the one registry of them. */
export type { DiagnosticCode } from './diagnosticCodes';

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
  /** The number that was looked up (the SyncML status, for an HRESULT input; the DCMO result, for a DCMO HRESULT). */
  number: number | undefined;
  hresult?: HresultDecoding;
  /** The Windows error value the input spells (Intune's errors, CFGMGR_E_*), when it is no SyncML HRESULT. */
  windowsError?: WindowsError;
  meanings: CodeEntry[];
  /** A sentence when the input is not a number, or is defined nowhere. */
  note?: string;
}

/**
 * How to shape the list for the client that asks. Without options every item says everything
 * itself, which any client understands; the LSP shell turns on what the client announced, since a
 * list of some 60 status codes is sent each time the completion list opens.
 */
export interface CompletionOptions {
  /** Leave documentation (and the detail that labelDetails already show) to completionItem/resolve. */
  lazy?: boolean;
  /** The client applies CompletionList.itemDefaults.editRange (LSP 3.17): one range for the list. */
  defaultEditRange?: boolean;
  /** The client applies CompletionList.itemDefaults.data (LSP 3.17): the family said once. */
  defaultData?: boolean;
  /** The client shows CompletionItem.labelDetails (LSP 3.17): the code's name goes there, once. */
  labelDetails?: boolean;
}

/** One place where a code stands, decoded (LanguageService.decode): data, for a caller to format. */
export interface DecodedSite {
  /** The code's characters, whitespace excluded (empty for an empty Data). */
  range: Range;
  /** The code as written, e.g. "404" or "0x80070005". */
  text: string;
  /** The integer it decodes as (for an HRESULT attribute, the SyncML status it carries); undefined when it is none. */
  number: number | undefined;
  /** A Status's code, an Alert's code, a Generic Alert item's data, a state value, or an HRESULT attribute. */
  kind: SiteKind;
  /** The family this place expects, and its title ("SyncML status code"). */
  family: FamilyId;
  familyTitle: string;
  /**
   * What the number means here: the expected family's entry (possibly vendor, reserved or obsolete),
   * or the second family's where the place accepts one (a synchronous Exec's MO result code).
   */
  entry?: CodeEntry;
  /** The HRESULT the text spells, and the SyncML status inside it. */
  hresult?: HresultDecoding;
  /** The Windows error value the text spells (Intune's errors, CFGMGR_E_*), when it is no SyncML HRESULT. */
  windowsError?: WindowsError;
  /**
   * Where it stands, in the words hover uses: "Status for Replace (CmdRef 5, MsgRef 1) ./DevInfo/Lang",
   * "Generic Alert from ./FUMO/Pkg1/DownloadAndUpdate (…, Mark critical)", "Node ./FUMO/<x>/State DefaultValue".
   */
  place: string;
  /** Why this family applies here (hover's "Here:", the inlay hint's tooltip). */
  reason: string;
  /** The command it stands in (a Status, an Alert, a Results, …): its local name and whole element. */
  command?: { name: string; range: Range };
  /** The diagnostic the service reports on this code under the settings given, if any. */
  finding?: Diagnostic;
}

/** A command of a session with what became of it (LanguageService.outcomes, the CLI's `decode`). */
export interface CommandOutcome {
  /** 'Get', 'Replace', …, or 'SyncHdr' for the header. */
  command: string;
  /** Its CmdID ('' for the header). */
  cmdId: string;
  /** The MsgID of its message ('' in a fragment). */
  msgId: string;
  /** The command's name in its start tag. */
  range: Range;
  /**
   * In words, as the code lens and the outline say it: "200 OK", "404 Not found · Status 4 in message 2",
   * "no Status in this session", "200 OK · 3 Results".
   */
  summary: string;
  /** Every Status and Results answering it, in this document or a peer. */
  answers: { kind: 'status' | 'results'; code?: string; location: Location }[];
}

export interface LanguageService {
  readonly catalog: Catalog;
  /** 'syncml' / 'dmtree' from the root element, or for a fragment from the language id; else 'other'. Cheap: reads the prolog only. */
  detectKind(text: string, languageId?: string): DocumentKind;
  analyze(document: TextDocument, languageId?: string): Analysis;
  doValidation(analysis: Analysis, settings?: ServiceSettings): Diagnostic[];
  doHover(analysis: Analysis, position: Position): Hover | null;
  /** Options shape the list for a client (see CompletionOptions); a lazy list is completed by resolveCompletionItem. */
  doComplete(analysis: Analysis, position: Position, options?: CompletionOptions): CompletionList;
  resolveCompletionItem(item: CompletionItem): CompletionItem;
  getCodeActions(analysis: Analysis, range: Range, context: CodeActionContext): CodeAction[];
  getInlayHints(analysis: Analysis, range: Range, settings?: ServiceSettings): InlayHint[];
  /** The outline; a command's detail ends with its outcome when its reply is known (see peers below). */
  findDocumentSymbols(analysis: Analysis, settings?: ServiceSettings, peers?: readonly Analysis[]): DocumentSymbol[];
  getFoldingRanges(analysis: Analysis, settings?: ServiceSettings): FoldingRange[];
  explain(input: string, family?: FamilyId): Explanation;
  /** Every code site of the document, in document order, decoded for its place (CLI `decode`). */
  decode(analysis: Analysis, settings?: ServiceSettings): DecodedSite[];
  /*
   * Reading a session. `peers` are the other documents a Status or Results may pair across (a
   * session split into one file per message): the shell chooses them (the LSP server: the open
   * documents of the same folder; the CLI: the files given together from one folder). Documents
   * pair only through the same non-empty SessionID, and messages by MsgID and sender.
   */
  /** From a Status's or Results's CmdRef (or Cmd) to the command it answers; from its MsgRef to the message. */
  findDefinition(analysis: Analysis, position: Position, peers?: readonly Analysis[]): Location[];
  /** From a command's CmdID or name (or an answer's CmdRef) to every Status and Results answering it. */
  findReferences(analysis: Analysis, position: Position, includeDeclaration: boolean, peers?: readonly Analysis[]): Location[];
  /** The command under the cursor and its answers in this document. */
  findDocumentHighlights(analysis: Analysis, position: Position): DocumentHighlight[];
  /** Unresolved lenses (range and data) for the commands starting in range, or the whole document below the large-file threshold. */
  findCodeLenses(analysis: Analysis, settings?: ServiceSettings, range?: Range, peers?: readonly Analysis[]): CodeLens[];
  /** A lens's title (the outcome in words) and command (`syncml.showLocation` with the uri and range of the first answer). */
  resolveCodeLens(analysis: Analysis, lens: CodeLens, peers?: readonly Analysis[]): CodeLens;
  /** Every command of the document (and each message's SyncHdr) with its outcome, in document order. */
  outcomes(analysis: Analysis, peers?: readonly Analysis[]): CommandOutcome[];
}

export interface LanguageServiceOptions {
  catalog?: Catalog;
  /**
   * The DM tree that URIs are resolved against, asked for only when a document needs it: the
   * bundled Windows CSP index by default; a shell with the user's DDF files passes the merged tree.
   */
  dmTree?: () => DmTree;
}
