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
 * server, so both see the same moments of this machine's noise. The tree plan (hovers on OMA-URI
 * segments, completions in URIs and Data values) is run the same way after the code plan; its very
 * first hover and completion, sent right after the first diagnostics and before anything else, are
 * recorded apart: the first request that resolves a URI is the one that may decode the bundled
 * Windows index, which a user feels once per server.
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

/** One position of the tree plan: a hover on a URI segment, a completion in a URI or a Data value. */
export interface TreeEntry {
  hover: Position;
  completion: Position;
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
  /** Absent or empty: no tree requests. */
  treePlan?: TreeEntry[];
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

/** Hovers and completions, as timed for the code plan or for the tree plan. */
export interface HoverCompletion {
  hover: Series;
  completion: Series;
}

/** The first tree hover and completion after the first diagnostics, in ms (null: no tree plan). */
export interface FirstTreeRequests {
  hoverMs: number;
  completionMs: number;
  nullHoverMs: number;
  nullCompletionMs: number;
}

export interface LatencyResult {
  openToFirstDiagnosticsMs: number | null;
  firstDiagnostics: number | null;
  capabilities: { textDocumentSync: unknown; hoverProvider: boolean; completionProvider: boolean };
  ours: { hover: Series; completion: Series; ping: Series; session: SessionSeries; tree: HoverCompletion };
  baseline: { hover: Series; completion: Series; tree: HoverCompletion };
  firstTree: FirstTreeRequests | null;
  /** The warm-up rounds, recorded apart: what the first seconds after opening look like. */
  warmup: {
    ms: number;
    ours: { hover: Series; completion: Series; session: SessionSeries; tree: HoverCompletion };
    baseline: { hover: Series; completion: Series; tree: HoverCompletion };
  };
  /** Median completion response size in bytes, as sent by our server. */
  completionBytes: number | null;
  notes: string[];
}

const gc = (globalThis as { gc?: (o?: { type: 'minor' | 'major' }) => void }).gc;
const TIMEOUT_MS = 30000;

function series(rounds: number): Series {
  return { rounds: Array.from({ length: rounds }, () => []), answered: 0, errors: 0 };
}

function hoverCompletion(rounds: number): HoverCompletion {
  return { hover: series(rounds), completion: series(rounds) };
}

/** Whether a completion answer has items. */
function hasItems(result: unknown): boolean {
  const items = Array.isArray(result) ? result : (result as { items?: unknown[] } | null)?.items;
  return !!items && items.length > 0;
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
    ours: { hover: series(job.rounds), completion: series(job.rounds), ping: series(job.rounds), session: sessionSeries(job.rounds), tree: hoverCompletion(job.rounds) },
    baseline: { hover: series(job.rounds), completion: series(job.rounds), tree: hoverCompletion(job.rounds) },
    firstTree: null,
    warmup: {
      ms: 0,
      ours: { hover: series(0), completion: series(0), session: sessionSeries(0), tree: hoverCompletion(0) },
      baseline: { hover: series(0), completion: series(0), tree: hoverCompletion(0) },
    },
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
    const treePlan = job.treePlan ?? [];
    const bytes: number[] = [];
    /** A hover and a completion, timed into `target` (round `round`); the completion's size noted when it is ours. */
    const hoverAndComplete = async (client: LspClient, target: HoverCompletion, round: number, at: { hover: Position; completion: Position }) => {
      const h = await timed(client, 'textDocument/hover', { textDocument: td, position: at.hover });
      const c = await timed(client, 'textDocument/completion', { textDocument: td, position: at.completion });
      target.hover.rounds[round].push(h.ms);
      target.completion.rounds[round].push(c.ms);
      if (h.failed) target.hover.errors++;
      else if (h.result) target.hover.answered++;
      if (c.failed) target.completion.errors++;
      else if (hasItems(c.result)) target.completion.answered++;
      return { hoverMs: h.ms, completionMs: c.ms, completionBytes: client.lastResponseBytes };
    };
    // The first tree requests, before the plans warm anything up: ours, then the null server's.
    if (treePlan.length) {
      const a = await hoverAndComplete(ours, hoverCompletion(1), 0, treePlan[0]);
      const b = await hoverAndComplete(base, hoverCompletion(1), 0, treePlan[0]);
      result.firstTree = { hoverMs: a.hoverMs, completionMs: a.completionMs, nullHoverMs: b.hoverMs, nullCompletionMs: b.completionMs };
    }
    const measure = async (client: LspClient, target: HoverCompletion & { ping?: Series; session?: SessionSeries }, round: number, i: number) => {
      const at = job.plan[i];
      // The driver's own young garbage goes now, not inside a sample.
      gc?.({ type: 'minor' });
      if (target.ping) {
        const p = await timed(client, 'bench/ping', null);
        target.ping.rounds[round].push(p.ms);
      }
      const { completionBytes } = await hoverAndComplete(client, target, round, at);
      if (client === ours) bytes.push(completionBytes);
      if (target.session) await measureSession(client, target.session, round, at);
    };
    const measureTree = async (client: LspClient, target: HoverCompletion, round: number, i: number) => {
      gc?.({ type: 'minor' });
      await hoverAndComplete(client, target, round, treePlan[i]);
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
    // Alternate rounds: the plans against ours, then against the null server.
    type Target = HoverCompletion & { tree: HoverCompletion };
    const round = async (o: Target & { ping?: Series; session?: SessionSeries }, b: Target, r: number) => {
      for (let i = 0; i < job.plan.length; i++) await measure(ours, o, r, i);
      for (let i = 0; i < treePlan.length; i++) await measureTree(ours, o.tree, r, i);
      for (let i = 0; i < job.plan.length; i++) await measure(base, b, r, i);
      for (let i = 0; i < treePlan.length; i++) await measureTree(base, b.tree, r, i);
    };
    // Warm-up by time, not by count: on a small VM the first seconds after a 10 MB open are slow for
    // every process, the null server included (JIT, and the collection of the open's garbage).
    const w = result.warmup;
    const tWarm = performance.now();
    do {
      const ws = w.ours.session;
      const all = [w.ours.hover, w.ours.completion, w.baseline.hover, w.baseline.completion, ws.definition, ws.references, ws.codeLens];
      all.push(w.ours.tree.hover, w.ours.tree.completion, w.baseline.tree.hover, w.baseline.tree.completion);
      for (const s of all) s.rounds.push([]);
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
