/**
 * How each feature's time grows with the document, size N against 8N, for the document shapes of
 * test/unit/pathological.test.ts. The tests prove linear growth by counting work (a count does not
 * depend on the machine's load); this part of `npm run bench` reports the times beside the counts,
 * and asserts nothing.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS, type LanguageService, type ServiceSettings } from '../server/src/api';
import { FOOTER, HEADER, nest, STATUS_404 } from '../test/fuzz/pathological';

/** No large-file cut-off: the question is how each feature's cost grows, at any size. */
const UNBOUNDED: ServiceSettings = { ...DEFAULT_SETTINGS, largeFileThreshold: Number.MAX_SAFE_INTEGER };
const FACTOR = 8;
const FUMO_ROOT = '<MgmtTree><Node><NodeName>FUMO</NodeName><DFProperties><DFType><DDFName>urn:oma:mo:oma-fumo:1.0</DDFName></DFType></DFProperties>';

interface Shape {
  name: string;
  languageId: string;
  n: number;
  make: (n: number) => string;
}

const SHAPES: Shape[] = [
  { name: 'flat Statuses', languageId: 'syncml', n: 10_000, make: (n) => HEADER + (STATUS_404 + '\n').repeat(n) + FOOTER },
  { name: "only '<'", languageId: 'syncml', n: 1_000_000, make: (n) => '<'.repeat(n) },
  { name: 'unterminated attribute', languageId: 'syncml', n: 10_000, make: (n) => '<SyncML a="' + HEADER + STATUS_404.repeat(n) + FOOTER },
  { name: 'deep Node', languageId: 'dmtree', n: 25_000, make: (n) => '<MgmtTree>' + nest('<Node><NodeName>n</NodeName>', '</Node>', n) + '</MgmtTree>' },
  { name: 'deep Node below FUMO', languageId: 'dmtree', n: 2_500, make: (n) => FUMO_ROOT + nest('<Node><NodeName>x</NodeName>', '</Node>', n) + '</Node></MgmtTree>' },
  { name: 'deep Item', languageId: 'syncml', n: 12_500, make: (n) => HEADER + '<Replace><CmdID>2</CmdID>' + nest('<Item>', '</Item>', n, '<Data>1</Data>') + '</Replace>' + FOOTER },
  { name: 'deep Status', languageId: 'syncml', n: 2_500, make: (n) => HEADER + nest('<Status><Data>200</Data>', '</Status>', n) + FOOTER },
  { name: 'deep SyncML', languageId: 'syncml', n: 2_500, make: (n) => nest('<SyncML><SyncBody>', '</SyncBody></SyncML>', n) },
];

export const PHASES = ['analysis and diagnostics', 'hover and completion at the end', 'inlay hints', 'outline', 'folding'] as const;

/** The work an editor does on opening a document, timed by phase (ms). */
function openWork(service: LanguageService, text: string, languageId: string): number[] {
  const times: number[] = [];
  let t = performance.now();
  const lap = (): void => {
    const now = performance.now();
    times.push(now - t);
    t = now;
  };
  const doc = TextDocument.create('file:///growth', languageId, 1, text);
  const a = service.analyze(doc, languageId);
  service.doValidation(a, UNBOUNDED);
  lap();
  const end = doc.positionAt(text.length);
  service.doHover(a, end);
  service.doComplete(a, end);
  lap();
  service.getInlayHints(a, { start: { line: 0, character: 0 }, end }, UNBOUNDED);
  lap();
  service.findDocumentSymbols(a, UNBOUNDED);
  lap();
  service.getFoldingRanges(a, UNBOUNDED);
  lap();
  return times;
}

export interface GrowthRow {
  shape: string;
  chars: [number, number];
  /** Per phase (PHASES order): best of `runs` at N and at 8N, ms. */
  small: number[];
  big: number[];
}

export function runGrowth(service: LanguageService, runs: number): GrowthRow[] {
  const rows: GrowthRow[] = [];
  for (const s of SHAPES) {
    const small = s.make(s.n);
    const big = s.make(FACTOR * s.n);
    openWork(service, small, s.languageId); // warm-up (JIT)
    const best = (text: string): number[] => {
      let b = openWork(service, text, s.languageId);
      for (let k = 1; k < runs; k++) b = openWork(service, text, s.languageId).map((ms, i) => Math.min(ms, b[i]));
      return b;
    };
    rows.push({ shape: s.name, chars: [small.length, big.length], small: best(small), big: best(big) });
  }
  return rows;
}
