/**
 * What must hold for ANY text, however broken: the properties the fuzzer checks on each mutant.
 *
 * - analysis and every feature never throw;
 * - every range and position the service returns lies inside the document and is canonical
 *   (UTF-16 code units; `positionAt(offsetAt(p))` gives `p` back, so no character past the end of
 *   a line and no position between the CR and LF of a line end);
 * - hover and completion ranges contain the position asked about; a symbol's selection range lies
 *   inside its range (VS Code rejects the whole outline otherwise) and its name is not empty;
 *   folding ranges are ordered lines of the document;
 * - the XML error cap holds; a document of kind 'other' gets no diagnostics;
 * - results are deterministic (the same text analysed twice gives the same diagnostics) and can
 *   be serialised as JSON (what the LSP server does with them).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, DocumentSymbol, Position, Range } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, type Analysis, type LanguageService, type ServiceSettings } from '../../server/src/api';
import { asDocumentAnalysis } from '../../server/src/features/analysis';
import { MAX_ERRORS } from '../../server/src/model/scanner';
import type { Rng } from './mutate';

export class InvariantError extends Error {
  constructor(
    message: string,
    /** The operation that failed, e.g. "doHover at 3:14". */
    readonly operation: string,
  ) {
    super(`${operation}: ${message}`);
    this.name = 'InvariantError';
  }
}

export interface CheckOptions {
  /** Random positions sampled for hover and completion (besides the code sites and the ends). */
  samples?: number;
  /** Code sites sampled for hover and completion. */
  siteSamples?: number;
  /** Probability of re-analysing the text to check determinism. */
  determinism?: number;
}

export interface CheckResult {
  kind: string;
  diagnostics: number;
  sites: number;
}

function fail(operation: string, message: string): never {
  throw new InvariantError(message, operation);
}

/** Run one service call; an exception becomes an InvariantError naming the call, with its stack. */
function call<T>(operation: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof InvariantError) throw err;
    const e = err as Error;
    throw new InvariantError(`threw ${e?.name ?? 'exception'}: ${e?.message ?? String(err)}\n${e?.stack ?? ''}`, operation);
  }
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

function showPos(p: Position | undefined): string {
  return p ? `${p.line}:${p.character}` : String(p);
}

export function checkPosition(doc: TextDocument, p: Position, operation: string, what: string): number {
  if (!p || !isCount(p.line) || !isCount(p.character)) fail(operation, `${what} is not a position: ${JSON.stringify(p)}`);
  if (p.line >= doc.lineCount) fail(operation, `${what} ${showPos(p)} is past the last line (${doc.lineCount} lines)`);
  const offset = doc.offsetAt(p);
  const back = doc.positionAt(offset);
  if (back.line !== p.line || back.character !== p.character) {
    fail(operation, `${what} ${showPos(p)} is not canonical (offset ${offset} is ${showPos(back)})`);
  }
  return offset;
}

/** True when offset falls between the two halves of a surrogate pair (inside one astral character). */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

export function checkRange(doc: TextDocument, r: Range, operation: string, what = 'range'): [number, number] {
  if (!r || typeof r !== 'object') fail(operation, `${what} is not a range: ${JSON.stringify(r)}`);
  const s = checkPosition(doc, r.start, operation, `${what} start`);
  const e = checkPosition(doc, r.end, operation, `${what} end`);
  const text = doc.getText();
  if (!(0 <= s && s <= e && e <= text.length)) {
    fail(operation, `${what} ${showPos(r.start)}-${showPos(r.end)} (offsets ${s}-${e}) is outside 0-${text.length} or reversed`);
  }
  // Positions count UTF-16 code units; a boundary inside an astral character cuts it in half.
  for (const [o, p] of [[s, r.start], [e, r.end]] as const) {
    if (splitsSurrogatePair(text, o)) {
      fail(operation, `${what} ${showPos(r.start)}-${showPos(r.end)}: ${showPos(p)} (offset ${o}) cuts the astral character U+${text.codePointAt(o - 1)!.toString(16).toUpperCase()} in half`);
    }
  }
  return [s, e];
}

function checkDiagnostics(doc: TextDocument, kind: string, diagnostics: Diagnostic[], operation: string): void {
  if (!Array.isArray(diagnostics)) fail(operation, 'did not return an array');
  if (kind === 'other' && diagnostics.length > 0) fail(operation, `a document of kind 'other' got ${diagnostics.length} diagnostics`);
  let syntax = 0;
  diagnostics.forEach((d, k) => {
    const about = typeof d.message === 'string' ? d.message.slice(0, 80) : '';
    checkRange(doc, d.range, operation, `diagnostic #${k} (${String(d.code)} «${about}») range`);
    if (typeof d.message !== 'string' || d.message.length === 0) fail(operation, `diagnostic #${k} has no message`);
    if (typeof d.code !== 'string') fail(operation, `diagnostic #${k} has no string code`);
    if (d.source !== 'syncml') fail(operation, `diagnostic #${k} has source ${String(d.source)}`);
    if (d.severity !== undefined && ![1, 2, 3, 4].includes(d.severity)) fail(operation, `diagnostic #${k} has severity ${d.severity}`);
    if (d.code === 'xml-syntax') syntax++;
  });
  if (syntax > MAX_ERRORS) fail(operation, `${syntax} xml-syntax diagnostics, more than the cap of ${MAX_ERRORS}`);
}

function checkSymbols(doc: TextDocument, roots: DocumentSymbol[], operation: string): void {
  if (!Array.isArray(roots)) fail(operation, 'did not return an array');
  // Iterative walk: the symbol tree may be as deep as the document.
  const todo: DocumentSymbol[] = [...roots];
  while (todo.length > 0) {
    const s = todo.pop()!;
    if (typeof s.name !== 'string' || s.name.trim() === '') fail(operation, `symbol with an empty name at ${showPos(s.range?.start)}`);
    const [rs, re] = checkRange(doc, s.range, operation, `symbol '${s.name}' range`);
    const [ss, se] = checkRange(doc, s.selectionRange, operation, `symbol '${s.name}' selectionRange`);
    if (ss < rs || se > re) fail(operation, `symbol '${s.name}': selectionRange ${ss}-${se} is not inside its range ${rs}-${re}`);
    if (s.children) todo.push(...s.children);
  }
}

/**
 * Positions to ask hover and completion about: the document's ends, each side of a few code
 * sites, random offsets, and positions past the end of a line and of the document.
 */
function samplePositions(doc: TextDocument, analysis: Analysis, rng: Rng, options: Required<CheckOptions>): Position[] {
  const text = doc.getText();
  const offsets = new Set<number>([0, text.length]);
  const sites = asDocumentAnalysis(analysis).contexts.sites;
  for (let k = 0; k < options.siteSamples && sites.length > 0; k++) {
    const s = rng.pick(sites);
    offsets.add(s.start);
    offsets.add(s.end);
    offsets.add((s.start + s.end) >> 1);
  }
  for (let k = 0; k < options.samples; k++) offsets.add(rng.int(text.length + 1));
  const positions = [...offsets].map((o) => doc.positionAt(o));
  // Out-of-range positions a client may send: past the end of a line, past the last line.
  const line = rng.int(doc.lineCount);
  positions.push({ line, character: 100000 }, { line: doc.lineCount + 3, character: 0 }, { line: 2 ** 31 - 1, character: 2 ** 31 - 1 });
  return positions;
}

/** Check every invariant on one text; throws an InvariantError on the first violation. */
export function checkText(
  service: LanguageService,
  text: string,
  languageId: string,
  rng: Rng,
  opts: CheckOptions = {},
): CheckResult {
  const options: Required<CheckOptions> = { samples: 12, siteSamples: 6, determinism: 0.2, ...opts };
  const doc = TextDocument.create('file:///fuzz/mutant.xml', languageId, 1, text);
  const length = text.length;
  const analysis = call('analyze', () => service.analyze(doc, languageId));
  const kind = analysis.kind;
  const settings: ServiceSettings = DEFAULT_SETTINGS;

  const diagnostics = call('doValidation', () => service.doValidation(analysis, settings));
  checkDiagnostics(doc, kind, diagnostics, 'doValidation');
  call('JSON.stringify(diagnostics)', () => JSON.stringify(diagnostics));

  if (rng.chance(options.determinism)) {
    const again = call('analyze (again)', () => service.analyze(TextDocument.create('file:///fuzz/again.xml', languageId, 7, text), languageId));
    const second = call('doValidation (again)', () => service.doValidation(again, settings));
    if (JSON.stringify(second) !== JSON.stringify(diagnostics)) fail('doValidation (again)', 'the same text gave different diagnostics');
  }

  for (const p of samplePositions(doc, analysis, rng, options)) {
    const where = `at ${showPos(p)}`;
    const hover = call(`doHover ${where}`, () => service.doHover(analysis, p));
    if (hover !== null) {
      const value = (hover.contents as { value?: unknown }).value;
      if (typeof value !== 'string' || value.length === 0) fail(`doHover ${where}`, 'hover without markdown text');
      if (hover.range) {
        const [s, e] = checkRange(doc, hover.range, `doHover ${where}`, 'hover range');
        const o = doc.offsetAt(p);
        if (o < s || o > e) fail(`doHover ${where}`, `hover range ${s}-${e} does not contain offset ${o}`);
      }
    }
    const list = call(`doComplete ${where}`, () => service.doComplete(analysis, p));
    if (!list || !Array.isArray(list.items)) fail(`doComplete ${where}`, 'no completion list');
    const o = doc.offsetAt(p);
    for (const item of list.items.slice(0, 3)) {
      if (typeof item.label !== 'string' || item.label === '') fail(`doComplete ${where}`, 'completion item without a label');
      const edit = item.textEdit as { range?: Range } | undefined;
      if (edit?.range) {
        const [s, e] = checkRange(doc, edit.range, `doComplete ${where}`, `completion '${item.label}' edit range`);
        if (o < s || o > e) fail(`doComplete ${where}`, `edit range ${s}-${e} does not contain offset ${o}`);
      }
    }
    // The shape sent to a client that applies item defaults (VS Code): the same items, one range.
    const compact = call(`doComplete (item defaults) ${where}`, () =>
      service.doComplete(analysis, p, { lazy: true, defaultEditRange: true, defaultData: true, labelDetails: true }),
    );
    if (compact.items.length !== list.items.length) fail(`doComplete ${where}`, `${compact.items.length} items with item defaults, ${list.items.length} without`);
    const shared = compact.itemDefaults?.editRange;
    if (compact.items.length > 0) {
      if (!shared || !('start' in shared)) fail(`doComplete ${where}`, 'a list with item defaults has no edit range');
      const [s, e] = checkRange(doc, shared as Range, `doComplete ${where}`, 'the list edit range');
      if (o < s || o > e) fail(`doComplete ${where}`, `list edit range ${s}-${e} does not contain offset ${o}`);
    }
  }

  const whole: Range = { start: { line: 0, character: 0 }, end: doc.positionAt(length) };
  const a = rng.int(length + 1);
  const b = rng.int(length + 1);
  const part: Range = { start: doc.positionAt(Math.min(a, b)), end: doc.positionAt(Math.max(a, b)) };
  for (const [name, range] of [['whole document', whole], ['part', part]] as const) {
    const op = `getInlayHints (${name})`;
    const hints = call(op, () => service.getInlayHints(analysis, range, settings));
    if (!Array.isArray(hints)) fail(op, 'did not return an array');
    for (const h of hints) {
      checkPosition(doc, h.position, op, 'inlay hint position');
      if (typeof h.label !== 'string' || h.label === '') fail(op, `inlay hint at ${showPos(h.position)} has no label`);
    }
  }
  // An upside-down range and one past the end must not throw either.
  call('getInlayHints (reversed range)', () => service.getInlayHints(analysis, { start: whole.end, end: whole.start }, settings));
  call('getInlayHints (past the end)', () =>
    service.getInlayHints(analysis, { start: { line: 0, character: 0 }, end: { line: doc.lineCount + 10, character: 5 } }, settings),
  );

  // Reading the session: every location and lens range lies in the document (its own uri: no peers here).
  for (const p of samplePositions(doc, analysis, rng, options)) {
    const where = `at ${showPos(p)}`;
    for (const [op, locs] of [
      [`findDefinition ${where}`, call(`findDefinition ${where}`, () => service.findDefinition(analysis, p))],
      [`findReferences ${where}`, call(`findReferences ${where}`, () => service.findReferences(analysis, p, true))],
    ] as const) {
      for (const l of locs) {
        if (l.uri !== doc.uri) fail(op, `a location in another document: ${l.uri}`);
        checkRange(doc, l.range, op, 'location range');
      }
    }
    for (const h of call(`findDocumentHighlights ${where}`, () => service.findDocumentHighlights(analysis, p))) checkRange(doc, h.range, `findDocumentHighlights ${where}`, 'highlight range');
  }
  for (const lens of call('findCodeLenses', () => service.findCodeLenses(analysis, settings)).slice(0, 20)) {
    const resolved = call('resolveCodeLens', () => service.resolveCodeLens(analysis, lens));
    checkRange(doc, resolved.range, 'resolveCodeLens', 'lens range');
    if (!resolved.command || typeof resolved.command.title !== 'string') fail('resolveCodeLens', 'a lens without a command');
  }
  call('outcomes', () => JSON.stringify(service.outcomes(analysis)));

  const symbols = call('findDocumentSymbols', () => service.findDocumentSymbols(analysis, settings));
  checkSymbols(doc, symbols, 'findDocumentSymbols');
  call('JSON.stringify(symbols)', () => JSON.stringify(symbols));

  const folding = call('getFoldingRanges', () => service.getFoldingRanges(analysis, settings));
  if (!Array.isArray(folding)) fail('getFoldingRanges', 'did not return an array');
  for (const f of folding) {
    if (!isCount(f.startLine) || !isCount(f.endLine) || f.startLine >= f.endLine || f.endLine >= doc.lineCount) {
      fail('getFoldingRanges', `bad folding range ${f.startLine}-${f.endLine} (${doc.lineCount} lines)`);
    }
  }

  // Code actions with the document's own diagnostics: all at once, then a few one by one without
  // `data` (clients that drop it make the service recompute the fix from the text).
  const actionsOf = (op: string, range: Range, ds: Diagnostic[]): void => {
    const actions = call(op, () => service.getCodeActions(analysis, range, { diagnostics: ds }));
    if (!Array.isArray(actions)) fail(op, 'did not return an array');
    for (const action of actions) {
      for (const edits of Object.values(action.edit?.changes ?? {})) {
        for (const edit of edits) {
          checkRange(doc, edit.range, op, `edit range of '${action.title}'`);
          if (typeof edit.newText !== 'string') fail(op, `edit of '${action.title}' has no text`);
        }
      }
    }
  };
  actionsOf('getCodeActions (all diagnostics)', whole, diagnostics);
  for (let k = 0; k < 4 && diagnostics.length > 0; k++) {
    const d = rng.pick(diagnostics);
    const { data: _dropped, ...bare } = d;
    actionsOf(`getCodeActions (${String(d.code)} at ${showPos(d.range.start)}, no data)`, d.range, [bare]);
  }

  return { kind, diagnostics: diagnostics.length, sites: asDocumentAnalysis(analysis).contexts.sites.length };
}
