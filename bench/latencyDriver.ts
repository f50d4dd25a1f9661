/**
 * The client side of the hover/completion latency measurement, in a process of its own so that
 * the figures carry none of the bench's own heap (inputs, contenders, analyses) and its GCs: the
 * driver holds only the request plan once the document is open.
 *
 *   node --expose-gc out/bench/latencyDriver.js <job.json>   (writes a LatencyResult as JSON to stdout)
 *
 * It starts the real server and the null server (bench/nullServer.ts) side by side, opens the same
 * document in both, and then alternates rounds: the plan against ours (an unknown-method ping, a
 * hover and a completion at each position), then the same hovers and completions against the null
 * server, so both see the same moments of this machine's noise.
 */
import * as fs from 'node:fs';
import type { Position } from 'vscode-languageserver-types';
import { LspClient } from './lspClient';

/**
 * One position's requests. The session ones (absent where the plan found no Status near the code):
 * definition at the Status's CmdRef, references at the CmdID of the command it answers, and the
 * code lens of that command resolved (the editor resolves the lenses it shows: the visible range).
 */
export interface PlanEntry {
  hover: Position;
  completion: Position;
  definition?: Position;
  references?: Position;
  lens?: { range: { start: Position; end: Position }; data: object };
}

export interface LatencyJob {
  /** Node arguments for the server under test, and for the baseline. */
  ours: string[];
  baseline: string[];
  cwd: string;
  textFile: string;
  uri: string;
  languageId: string;
  capabilities: object;
  initializationOptions: object;
  plan: PlanEntry[];
  /** Rounds of the plan are run unrecorded until this much time has passed (at least one round). */
  warmupMs: number;
  rounds: number;
  settleMs: number;
}

/** Definition, references and code lens resolve: ours only (the null server has nothing to compare). */
export interface SessionSeries {
  definition: Series;
  references: Series;
  codeLens: Series;
}

/** Round-trip times in ms, one array per round. */
export interface Series {
  rounds: number[][];
  /** Requests answered with something (a hover, a non-empty completion list). */
  answered: number;
  errors: number;
}

export interface LatencyResult {
  openToFirstDiagnosticsMs: number | null;
  firstDiagnostics: number | null;
  capabilities: { textDocumentSync: unknown; hoverProvider: boolean; completionProvider: boolean };
  ours: { hover: Series; completion: Series; ping: Series; session: SessionSeries };
  baseline: { hover: Series; completion: Series };
  /** The warm-up rounds, recorded apart: what the first seconds after opening look like. */
  warmup: { ms: number; ours: { hover: Series; completion: Series; session: SessionSeries }; baseline: { hover: Series; completion: Series } };
  /** Median completion response size in bytes, as sent by our server. */
  completionBytes: number | null;
  notes: string[];
}

const gc = (globalThis as { gc?: (o?: { type: 'minor' | 'major' }) => void }).gc;
const TIMEOUT_MS = 30000;

function series(rounds: number): Series {
  return { rounds: Array.from({ length: rounds }, () => []), answered: 0, errors: 0 };
}

function sessionSeries(rounds: number): SessionSeries {
  return { definition: series(rounds), references: series(rounds), codeLens: series(rounds) };
}

async function timed(client: LspClient, method: string, params: unknown): Promise<{ ms: number; result: unknown; failed: boolean }> {
  const t0 = performance.now();
  try {
    const result = await client.request(method, params as object, TIMEOUT_MS);
    return { ms: client.lastResponseAt - t0, result, failed: false };
  } catch (e) {
    // An error answer is still an answer (the ping is meant to get one); silence or a dead server is not.
    if (String(e).includes('no answer') || client.exit) throw e;
    return { ms: client.lastResponseAt - t0, result: undefined, failed: true };
  }
}

async function run(job: LatencyJob): Promise<LatencyResult> {
  const notes: string[] = [];
  const ours = new LspClient(process.execPath, job.ours, job.cwd);
  const base = new LspClient(process.execPath, job.baseline, job.cwd);
  // Servers are not children that die with us: end them if the bench gives up on the driver.
  const killAll = () => {
    for (const c of [ours, base]) if (!c.exit) c.child.kill('SIGKILL');
  };
  process.once('exit', killAll);
  for (const sig of ['SIGTERM', 'SIGINT'] as const) {
    process.once(sig, () => {
      killAll();
      process.exit(1);
    });
  }
  const result: LatencyResult = {
    openToFirstDiagnosticsMs: null,
    firstDiagnostics: null,
    capabilities: { textDocumentSync: null, hoverProvider: false, completionProvider: false },
    ours: { hover: series(job.rounds), completion: series(job.rounds), ping: series(job.rounds), session: sessionSeries(job.rounds) },
    baseline: { hover: series(job.rounds), completion: series(job.rounds) },
    warmup: { ms: 0, ours: { hover: series(0), completion: series(0), session: sessionSeries(0) }, baseline: { hover: series(0), completion: series(0) } },
    completionBytes: null,
    notes,
  };
  try {
    const caps = (await ours.initialize(job.capabilities, job.initializationOptions, TIMEOUT_MS))?.capabilities ?? {};
    result.capabilities = { textDocumentSync: caps.textDocumentSync ?? null, hoverProvider: !!caps.hoverProvider, completionProvider: !!caps.completionProvider };
    await base.initialize(job.capabilities, job.initializationOptions, TIMEOUT_MS);

    let text: string | undefined = fs.readFileSync(job.textFile, 'utf8');
    const open = { textDocument: { uri: job.uri, languageId: job.languageId, version: 1, text } };
    const DIAG = 'textDocument/publishDiagnostics';
    const tOpen = performance.now();
    ours.notify('textDocument/didOpen', open);
    const first = await ours.waitForNotification((n) => n.method === DIAG && n.params?.uri === job.uri, job.settleMs, tOpen);
    if (first) {
      result.openToFirstDiagnosticsMs = first.at - tOpen;
      result.firstDiagnostics = first.params?.diagnostics?.length ?? 0;
    } else notes.push(`no publishDiagnostics within ${job.settleMs / 1000} s of didOpen; measured anyway`);
    base.notify('textDocument/didOpen', open);
    await base.waitForNotification((n) => n.method === DIAG, job.settleMs);
    // From here on the driver holds the plan only.
    text = undefined;
    open.textDocument.text = '';
    ours.clearNotifications();
    base.clearNotifications();
    gc?.();

    const td = { uri: job.uri };
    const bytes: number[] = [];
    const measure = async (client: LspClient, target: { hover: Series; completion: Series; ping?: Series; session?: SessionSeries }, round: number, i: number) => {
      const at = job.plan[i];
      // The driver's own young garbage goes now, not inside a sample.
      gc?.({ type: 'minor' });
      if (target.ping) {
        const p = await timed(client, 'bench/ping', null);
        target.ping.rounds[round].push(p.ms);
      }
      const h = await timed(client, 'textDocument/hover', { textDocument: td, position: at.hover });
      const c = await timed(client, 'textDocument/completion', { textDocument: td, position: at.completion });
      target.hover.rounds[round].push(h.ms);
      target.completion.rounds[round].push(c.ms);
      if (h.failed) target.hover.errors++;
      else if (h.result) target.hover.answered++;
      if (c.failed) target.completion.errors++;
      else {
        const items = Array.isArray(c.result) ? c.result : (c.result as { items?: unknown[] } | null)?.items;
        if (items && items.length) target.completion.answered++;
      }
      if (client === ours) bytes.push(ours.lastResponseBytes);
      if (target.session) await measureSession(client, target.session, round, at);
    };
    const measureSession = async (client: LspClient, target: SessionSeries, round: number, at: PlanEntry) => {
      const one = async (s: Series, method: string, params: unknown, answered: (r: unknown) => boolean) => {
        gc?.({ type: 'minor' });
        const r = await timed(client, method, params);
        s.rounds[round].push(r.ms);
        if (r.failed) s.errors++;
        else if (answered(r.result)) s.answered++;
      };
      const nonEmpty = (r: unknown) => Array.isArray(r) && r.length > 0;
      if (at.definition) await one(target.definition, 'textDocument/definition', { textDocument: td, position: at.definition }, nonEmpty);
      if (at.references) {
        await one(target.references, 'textDocument/references', { textDocument: td, position: at.references, context: { includeDeclaration: false } }, nonEmpty);
      }
      if (at.lens) await one(target.codeLens, 'codeLens/resolve', at.lens, (r) => !!(r as { command?: { title?: string } } | null)?.command?.title);
    };
    // Alternate rounds: the plan against ours, then against the null server.
    const round = async (o: { hover: Series; completion: Series; ping?: Series; session?: SessionSeries }, b: { hover: Series; completion: Series }, r: number) => {
      for (let i = 0; i < job.plan.length; i++) await measure(ours, o, r, i);
      for (let i = 0; i < job.plan.length; i++) await measure(base, b, r, i);
    };
    // Warm-up by time, not by count: on a small VM the first seconds after a 10 MB open are slow for
    // every process, the null server included (JIT, and the collection of the open's garbage).
    const w = result.warmup;
    const tWarm = performance.now();
    do {
      const ws = w.ours.session;
      for (const s of [w.ours.hover, w.ours.completion, w.baseline.hover, w.baseline.completion, ws.definition, ws.references, ws.codeLens]) s.rounds.push([]);
      await round(w.ours, w.baseline, w.ours.hover.rounds.length - 1);
    } while (performance.now() - tWarm < job.warmupMs);
    w.ms = performance.now() - tWarm;
    bytes.length = 0;
    for (let r = 0; r < job.rounds; r++) await round(result.ours, result.baseline, r);
    if (bytes.length) result.completionBytes = bytes.sort((a, b) => a - b)[bytes.length >> 1];
  } catch (e) {
    notes.push((e as Error).message);
    const tail = ours.stderrTail();
    if (tail.trim()) notes.push(`server stderr (tail):\n${tail}`);
  } finally {
    if (ours.framingErrors) notes.push(`the server wrote ${ours.framingErrors} non-LSP chunk(s) to stdout`);
    const exit = await ours.close();
    if (exit.code !== 0 || exit.signal) notes.push(`server ended with ${ours.exitDescription()}`);
    await base.close();
  }
  return result;
}

const jobFile = process.argv[2];
if (!jobFile) {
  process.stderr.write('usage: node --expose-gc out/bench/latencyDriver.js <job.json>\n');
  process.exit(2);
}
run(JSON.parse(fs.readFileSync(jobFile, 'utf8')) as LatencyJob).then(
  (r) => process.stdout.write(JSON.stringify(r) + '\n'),
  (e) => {
    process.stderr.write(`latency driver: ${(e as Error).stack ?? e}\n`);
    process.exit(1);
  },
);
