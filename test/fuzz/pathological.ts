/**
 * Pathological documents: very deep, very long, very many, unterminated, degenerate. Each case
 * builds its document, runs the service over it and returns a JSON summary of what a user would
 * see. test/unit/pathological.test.ts runs each case in a child process (`node pathological.js
 * <case>`) with a watchdog, so that a hang or a stack overflow fails one test instead of the run.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, type ServiceSettings } from '../../server/src/api';
import { createLanguageService } from '../../server/src/languageService';
import { asDocumentAnalysis } from '../../server/src/features/analysis';
import { checkRange } from './invariants';
import { work } from '../../server/src/workCounter';

export const HEADER =
  '<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto><SessionID>1</SessionID>' +
  '<MsgID>2</MsgID><Target><LocURI>https://dm.example.com</LocURI></Target><Source><LocURI>IMEI:1</LocURI></Source></SyncHdr><SyncBody>';
export const FOOTER = '<Final/></SyncBody></SyncML>';
/** A Status for a Get answered 404 (Not found): the code a test hovers to see decoding still works. */
export const STATUS_404 = '<Status><CmdID>9</CmdID><MsgRef>1</MsgRef><CmdRef>3</CmdRef><Cmd>Get</Cmd><Data>404</Data></Status>';

export function nest(open: string, close: string, depth: number, inner = ''): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

export interface Summary {
  length: number;
  lines: number;
  kind: string;
  elements: number;
  diagnostics: number;
  /** Diagnostic count per code. */
  codes: Record<string, number>;
  /** The first few diagnostics, with the start of the text they cover. */
  first: { code: string; message: string; start: number; end: number; covered: string }[];
  /**
   * Heap retained by the analysis (with its diagnostics), per character of text; measured when the
   * process runs with --expose-gc, else -1.
   */
  retainedPerChar: number;
  /** 'ok', or what was wrong with a range (outside the document, not canonical). */
  ranges: string;
  /** Hover text (first line) at named places; null when there is no hover. */
  hovers: Record<string, string | null>;
  completions: Record<string, number>;
  symbols: number;
  /** Depth of the symbol tree. */
  symbolDepth: number;
  symbolCount: number;
  /** 'ok', or the error JSON.stringify threw on the symbols (what the LSP server must send). */
  symbolsJson: string;
  folding: number;
  inlayHints: number;
  /** The work done for all of the above, in server/src/workCounter.ts steps per character of text. */
  stepsPerChar: number;
  ms: number;
}

interface CaseSpec {
  text: () => string;
  languageId?: string;
  settings?: ServiceSettings;
  /** Offsets to hover and complete at, by name. */
  probes?: (text: string) => Record<string, number>;
}

const END_PROBES = (text: string): Record<string, number> => ({
  end: text.length,
  'last char': Math.max(0, text.length - 1),
  'last code': text.lastIndexOf('<Data>404') + 7,
});

const MB = 1024 * 1024;
const UNBOUNDED: ServiceSettings = { ...DEFAULT_SETTINGS, largeFileThreshold: Number.MAX_SAFE_INTEGER };

export const CASES: Record<string, CaseSpec> = {
  /** A DM tree 200,000 nodes deep: node paths grow with the depth. */
  'deep-node': {
    languageId: 'dmtree',
    text: () =>
      '<MgmtTree><VerDTD>1.2</VerDTD>' +
      nest('<Node><NodeName>n</NodeName>', '</Node>', 200_000, '<Node><NodeName>State</NodeName><Value>100</Value></Node>') +
      '</MgmtTree>',
    probes: (text) => ({ end: text.length, deepest: text.indexOf('<Value>100') + 8 }),
  },
  /** The same, with the outline computed however large the document (the outline is 200,000 deep). */
  'deep-node-outline': {
    languageId: 'dmtree',
    settings: UNBOUNDED,
    text: () => '<MgmtTree>' + nest('<Node><NodeName>n</NodeName>', '</Node>', 200_000) + '</MgmtTree>',
  },
  /** Items nested 200,000 deep in a Replace, then a Status. */
  'deep-item': {
    text: () =>
      HEADER + '<Replace><CmdID>2</CmdID>' + nest('<Item>', '</Item>', 200_000, '<Data>1</Data>') + '</Replace>' + STATUS_404 + FOOTER,
    probes: END_PROBES,
  },
  /** Atomic commands nested 200,000 deep with a Status at the bottom. */
  'deep-atomic': {
    text: () => HEADER + nest('<Atomic><CmdID>5</CmdID>', '</Atomic>', 200_000, STATUS_404) + FOOTER,
    probes: END_PROBES,
  },
  /** 200,000 start tags that are never closed. */
  'deep-unclosed': {
    text: () => HEADER + '<Item>'.repeat(200_000) + STATUS_404,
    probes: END_PROBES,
  },
  /** One line of 50 MB: a single huge Data text. */
  'long-line-data': {
    text: () => HEADER + '<Status><CmdRef>3</CmdRef><Cmd>Get</Cmd><Data>' + 'x'.repeat(50 * MB) + '</Data></Status>' + STATUS_404 + FOOTER,
    probes: (text) => ({ ...END_PROBES(text), 'inside the data': text.indexOf('xxxx') + 25 * MB }),
  },
  /** One line of 50 MB: half a million Status elements. */
  'long-line-statuses': {
    text: () => HEADER + STATUS_404.repeat(Math.ceil((50 * MB) / STATUS_404.length)) + FOOTER,
    probes: (text) => ({ ...END_PROBES(text), first: text.indexOf('<Data>404') + 7 }),
  },
  /** A million elements (Item + Data, one per line). */
  'million-elements': {
    text: () => HEADER + '<Replace><CmdID>2</CmdID>\n' + '<Item><Data>200</Data></Item>\n'.repeat(500_000) + '</Replace>' + STATUS_404 + FOOTER,
    probes: END_PROBES,
  },
  /** A comment opened at the start of a 6 MB message and never closed. */
  'unterminated-comment': {
    text: () => '<!-- ' + HEADER + STATUS_404.repeat(60_000) + FOOTER,
    probes: END_PROBES,
  },
  'unterminated-cdata': {
    text: () => HEADER + '<Status><Data><![CDATA[' + STATUS_404.repeat(60_000) + FOOTER,
    probes: END_PROBES,
  },
  /** An attribute value opened in the root's start tag and never closed. */
  'unterminated-attribute': {
    text: () => HEADER.replace('<SyncML xmlns="SYNCML:SYNCML1.2">', '<SyncML xmlns="SYNCML:SYNCML1.2') + STATUS_404.repeat(60_000) + FOOTER,
    probes: END_PROBES,
    // Above the default large-file threshold: lift it so the inlay hints count every decoded code.
    settings: UNBOUNDED,
  },
  'only-lt': { text: () => '<'.repeat(10 * MB), probes: END_PROBES },
  'only-amp': { text: () => '&'.repeat(10 * MB), probes: END_PROBES },
  /** A 10 MB attribute value on the root, and a 10 MB msft:originalerror (an HRESULT site). */
  'huge-attribute': {
    text: () =>
      HEADER.replace('<SyncML ', `<SyncML data="${'v'.repeat(10 * MB)}" `) +
      `<Status><CmdRef>3</CmdRef><Cmd>Get</Cmd><Data msft:originalerror="${'1'.repeat(10 * MB)}">404</Data></Status>` +
      STATUS_404 +
      FOOTER,
    probes: (text) => ({ ...END_PROBES(text), 'in the originalerror': text.indexOf('111') + 5 * MB }),
  },
  /** XML that is neither SyncML nor a DM tree, opened as xml: kind 'other', nothing reported. */
  'other-xml': {
    languageId: 'xml',
    text: () =>
      '<?xml version="1.0"?>\n<html><body>\n' + '<p class="x">Status <b>404</b> &amp; <Data>1200</Data> &bogus; <unclosed>\n'.repeat(40_000) + '</body></html>\n',
    probes: (text) => ({ end: text.length, code: text.indexOf('<Data>1200') + 7 }),
  },
};

function firstLine(value: unknown): string | null {
  const v = (value as { value?: string } | undefined)?.value;
  return typeof v === 'string' ? v.split('\n')[0] : null;
}

export function runCase(name: string): Summary {
  const spec = CASES[name];
  if (!spec) throw new Error(`unknown case ${name}; known: ${Object.keys(CASES).join(', ')}`);
  const service = createLanguageService();
  const text = spec.text();
  const languageId = spec.languageId ?? 'syncml';
  const settings = spec.settings ?? DEFAULT_SETTINGS;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const steps0 = work.steps;
  const doc = TextDocument.create(`file:///pathological/${name}`, languageId, 1, text);
  const analysis = service.analyze(doc, languageId);
  const diagnostics = service.doValidation(analysis, settings);
  let retainedPerChar = -1;
  if (gc) {
    gc();
    retainedPerChar = Math.round(((process.memoryUsage().heapUsed - heapBefore) / text.length) * 10) / 10;
  }

  const codes: Record<string, number> = {};
  let ranges = 'ok';
  for (const d of diagnostics) {
    codes[String(d.code)] = (codes[String(d.code)] ?? 0) + 1;
    try {
      checkRange(doc, d.range, 'doValidation', `${String(d.code)} diagnostic`);
    } catch (err) {
      if (ranges === 'ok') ranges = (err as Error).message;
    }
  }
  const first = diagnostics.slice(0, 5).map((d) => {
    const start = doc.offsetAt(d.range.start);
    const end = doc.offsetAt(d.range.end);
    return { code: String(d.code), message: String(d.message).slice(0, 300), start, end, covered: text.slice(start, Math.min(end, start + 40)) };
  });

  const hovers: Record<string, string | null> = {};
  const completions: Record<string, number> = {};
  const probes = spec.probes?.(text) ?? { end: text.length };
  for (const [probe, offset] of Object.entries(probes)) {
    const p: Position = doc.positionAt(offset);
    hovers[probe] = firstLine(service.doHover(analysis, p)?.contents);
    completions[probe] = service.doComplete(analysis, p).items.length;
  }

  const symbols = service.findDocumentSymbols(analysis, settings);
  let symbolDepth = 0;
  for (let level = symbols; level.length > 0; level = level[0].children ?? []) symbolDepth++;
  let symbolCount = 0;
  for (let level = symbols; level.length > 0; level = level.flatMap((s) => s.children ?? [])) symbolCount += level.length;
  let symbolsJson = 'ok';
  try {
    JSON.stringify(symbols);
  } catch (err) {
    symbolsJson = `${(err as Error).name}: ${(err as Error).message}`;
  }
  const folding = service.getFoldingRanges(analysis, settings).length;
  const inlayHints = service.getInlayHints(analysis, { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) }, settings).length;
  const ms = performance.now() - t0;
  const stepsPerChar = Math.round(((work.steps - steps0) / text.length) * 100) / 100;

  return {
    length: text.length,
    lines: doc.lineCount,
    kind: analysis.kind,
    elements: asDocumentAnalysis(analysis).xml.count,
    diagnostics: diagnostics.length,
    codes,
    retainedPerChar,
    first,
    ranges,
    hovers,
    completions,
    symbols: symbols.length,
    symbolDepth,
    symbolCount,
    symbolsJson,
    folding,
    inlayHints,
    stepsPerChar,
    ms: Math.round(ms),
  };
}

if (require.main === module) {
  const name = process.argv[2];
  process.stdout.write(JSON.stringify(runCase(name)) + '\n');
}
