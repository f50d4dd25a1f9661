/**
 * `npm run bench -- --only wbxml`: WBXML decoding throughput on the generated trace's WBXML form
 * (each message encoded by test/support/wbxmlWriter.ts, as a capture holds one message per
 * document), side by side with the analysis of the same messages as XML. Budget: 100 MB/s of WBXML.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../server/src/api';
import type { decodeWbxml as DecodeWbxml } from '../server/src/model/wbxml/decoder';
import { encodeSyncml } from '../test/support/wbxmlWriter';
import { generateTrace } from './generate';
import { median } from './stats';

const MB = 1024 * 1024;
export const WBXML_BUDGET_MBPS = 100;

export interface WbxmlBenchResult {
  xmlBytes: number;
  wbxmlBytes: number;
  messages: number;
  decodeMBps: number;
  /** Decoded XML characters per second, in MB (2^20). */
  decodedMBps: number;
  analysisMBps: number;
}

function splitMessages(text: string, starts: readonly number[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < starts.length; i++) {
    const chunk = text.slice(starts[i], i + 1 < starts.length ? starts[i + 1] : text.length);
    const at = chunk.indexOf('<SyncML');
    if (at >= 0) out.push(chunk.slice(at));
  }
  return out;
}

/**
 * The decoder as it ships: scripts/build.mjs bundles server/src/model/wbxml/decoder.ts with the esbuild
 * settings of the CLI and server bundles (dist/wbxml-decoder.js, not in the .vsix), as the analysis
 * side times dist/language-service.js. The tsc output under out/ pays a module-object load for every
 * call across modules (here: every write to the output buffer), which no user pays.
 */
const DECODER_BUNDLE = path.resolve(__dirname, '..', '..', 'dist', 'wbxml-decoder.js');

function loadDecoder(): typeof DecodeWbxml {
  if (!fs.existsSync(DECODER_BUNDLE)) throw new Error(`${path.relative(process.cwd(), DECODER_BUNDLE)} is missing: run npm run build first`);
  return (require(DECODER_BUNDLE) as { decodeWbxml: typeof DecodeWbxml }).decodeWbxml;
}

/** Rounds run before the measured ones, so that both sides are compiled by the JIT's optimising tier. */
const WARMUP_ROUNDS = 2;

export function runWbxmlBench(service: LanguageService, options: { rounds: number; seed: number; sizeMB: number }): WbxmlBenchResult {
  const gc = (globalThis as { gc?: () => void }).gc;
  const decodeWbxml = loadDecoder();
  const trace = generateTrace(options.sizeMB * MB, options.seed);
  const messages = splitMessages(trace.text, trace.messageStarts);
  const encoded = messages.map((m) => encodeSyncml(m));
  const xmlBytes = messages.reduce((n, m) => n + Buffer.byteLength(m), 0);
  const wbxmlBytes = encoded.reduce((n, b) => n + b.length, 0);
  let chars = 0;
  let sink = 0;
  const decodeRate: number[] = [];
  const decodedRate: number[] = [];
  const analysisRate: number[] = [];
  for (let round = 0; round < options.rounds + WARMUP_ROUNDS; round++) {
    gc?.();
    let t0 = performance.now();
    chars = 0;
    for (const b of encoded) {
      const r = decodeWbxml(b);
      if (!r.ok || r.problem) throw new Error(`bench: a generated message did not decode: ${r.ok ? r.problem?.message : r.message}`);
      chars += r.text.length;
    }
    const decodeS = (performance.now() - t0) / 1000;
    t0 = performance.now();
    for (let i = 0; i < messages.length; i++) {
      const doc = TextDocument.create(`file:///bench/${i}.xml`, 'syncml', 1, messages[i]);
      sink += service.doValidation(service.analyze(doc, 'syncml')).length;
    }
    const analysisS = (performance.now() - t0) / 1000;
    if (round < WARMUP_ROUNDS) continue;
    decodeRate.push(wbxmlBytes / MB / decodeS);
    decodedRate.push(chars / MB / decodeS);
    analysisRate.push(xmlBytes / MB / analysisS);
  }
  if (sink < 0) console.log(sink);
  return {
    xmlBytes,
    wbxmlBytes,
    messages: messages.length,
    decodeMBps: median(decodeRate),
    decodedMBps: median(decodedRate),
    analysisMBps: median(analysisRate),
  };
}
