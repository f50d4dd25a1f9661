/**
 * The cold path of `npm run bench`: whole processes on a saved trace, each started fresh, as a user
 * meets them. `syncml-check --format json` (run as its bin runs it: with the Node options of its
 * first line) against a process that reads the same file and parses it with saxes
 * (bench/coldSaxes.ts); and a fresh language server (dist/server-node.js --stdio) from the didOpen
 * of the document to its first publishDiagnostics. Rounds interleave the three, rotating the order.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { LspClient } from './lspClient';
import { median } from './stats';

export interface ColdReport {
  file: string;
  bytes: number;
  /** The CLI's command line as timed (node, its options, the bundle, the arguments). */
  cliCommand: string[];
  /** Milliseconds per round, spawn to exit (node's own start-up included, as a user waits for it). */
  cliMs: number[];
  saxesMs: number[];
  /** Fresh server: didOpen sent -> first publishDiagnostics received, and process spawn -> the same. */
  serverOpenMs: number[];
  serverSpawnMs: number[];
  diagnostics: { cli: number | null; server: number | null };
  /** Median over the rounds of cli/saxes in the same round. */
  cliVsSaxes: number;
  notes: string[];
}

/** Node options on the bundle's first line (`#!/usr/bin/env -S node --flag ...`), which its bin runs with. */
export function shebangOptions(bundle: string): string[] {
  const first = fs.readFileSync(bundle, 'utf8').split('\n', 1)[0];
  const m = /^#!\s*\/usr\/bin\/env\s+(?:-S\s+)?node((?:\s+-\S+)*)\s*$/.exec(first);
  return m ? m[1].trim().split(/\s+/).filter(Boolean) : [];
}

function timeProcess(args: string[], cwd: string): { ms: number; stdout: string; status: number | null; stderr: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = performance.now() - t0;
  return { ms, stdout: r.stdout ?? '', status: r.status, stderr: r.stderr ?? '' };
}

async function serverFirstDiagnostics(root: string, text: string, uri: string): Promise<{ openMs: number; spawnMs: number; count: number } | string> {
  const t0 = performance.now();
  const client = new LspClient(process.execPath, [path.join(root, 'dist', 'server-node.js'), '--stdio'], root);
  try {
    await client.initialize({ textDocument: { publishDiagnostics: { versionSupport: true } } }, { diagnosticsDelay: 0 }, 60_000);
    const tOpen = performance.now();
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'xml', version: 1, text } });
    const first = await client.waitForNotification((n) => n.method === 'textDocument/publishDiagnostics' && n.params?.uri === uri, 120_000, tOpen);
    if (!first) return `no diagnostics within 120 s of didOpen (${client.exitDescription()})`;
    return { openMs: first.at - tOpen, spawnMs: first.at - t0, count: first.params?.diagnostics?.length ?? 0 };
  } finally {
    await client.close();
  }
}

export async function runCold(root: string, file: string, rounds: number): Promise<ColdReport> {
  const text = fs.readFileSync(file, 'utf8');
  const cli = path.join(root, 'dist', 'syncml-check.js');
  const cliCommand = [...shebangOptions(cli), cli, '--format', 'json', file];
  const saxes = [path.join(__dirname, 'coldSaxes.js'), file];
  const uri = 'file:///bench/cold.xml';
  const report: ColdReport = {
    file,
    bytes: fs.statSync(file).size,
    cliCommand: ['node', ...cliCommand],
    cliMs: [],
    saxesMs: [],
    serverOpenMs: [],
    serverSpawnMs: [],
    diagnostics: { cli: null, server: null },
    cliVsSaxes: NaN,
    notes: [],
  };
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let cliMs = NaN;
    let saxesMs = NaN;
    for (let k = 0; k < 3; k++) {
      const which = (round + k) % 3;
      if (which === 0) {
        const r = timeProcess(cliCommand, root);
        if (r.status !== 0 && r.status !== 1) report.notes.push(`syncml-check exited ${r.status}: ${r.stderr.trim().slice(-500)}`);
        else {
          cliMs = r.ms;
          report.diagnostics.cli = (JSON.parse(r.stdout) as { diagnostics: unknown[] }[]).reduce((n, f) => n + f.diagnostics.length, 0);
        }
      } else if (which === 1) {
        const r = timeProcess(saxes, root);
        if (r.status !== 0) report.notes.push(`the saxes process exited ${r.status}: ${r.stderr.trim().slice(-500)}`);
        else saxesMs = r.ms;
      } else {
        const r = await serverFirstDiagnostics(root, text, uri);
        if (typeof r === 'string') report.notes.push(`server: ${r}`);
        else {
          report.serverOpenMs.push(r.openMs);
          report.serverSpawnMs.push(r.spawnMs);
          report.diagnostics.server = r.count;
        }
      }
    }
    if (Number.isFinite(cliMs)) report.cliMs.push(cliMs);
    if (Number.isFinite(saxesMs)) report.saxesMs.push(saxesMs);
    if (Number.isFinite(cliMs) && Number.isFinite(saxesMs)) ratios.push(cliMs / saxesMs);
  }
  report.cliVsSaxes = median(ratios);
  return report;
}
