// The benchmark's latency driver and null server, run for real on a small message: `npm run bench`
// is not part of the tests, so this is what keeps its LSP half from rotting unnoticed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LatencyJob, LatencyResult } from '../latencyDriver';
import { treePlan } from '../treePlan';
import { ROOT, SERVER } from '../../test/support/lspClient';
import { MESSAGE } from '../../test/support/lspSamples';
import { positionOf } from '../../test/support/lspText';
import { TRACE } from '../../test/support/sessionSamples';

/** Runs the latency driver as `npm run bench` does, on `text` saved to a file; its parsed result. */
function runJob(text: string, job: (textFile: string) => LatencyJob): LatencyResult {
  const dir = mkdtempSync(join(tmpdir(), 'syncml-driver-'));
  try {
    const textFile = join(dir, 'message.xml');
    writeFileSync(textFile, text);
    const jobFile = join(dir, 'job.json');
    writeFileSync(jobFile, JSON.stringify(job(textFile)));
    const run = spawnSync(process.execPath, ['--expose-gc', join(ROOT, 'out', 'bench', 'latencyDriver.js'), jobFile], { encoding: 'utf8', timeout: 60000 });
    assert.equal(run.status, 0, run.stderr);
    const r = JSON.parse(run.stdout) as LatencyResult;
    assert.deepEqual(r.notes, []);
    return r;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A Windows profile pushed in a DM message: the items the tree plan aims at, and two it leaves alone. */
const PROFILE = MESSAGE.replace(
  '<Final/>',
  `<Replace><CmdID>5</CmdID><Item><Target><LocURI>./Vendor/MSFT/Policy/Config/DeviceLock/DevicePasswordEnabled</LocURI></Target>
      <Meta><Format xmlns="syncml:metinf">int</Format></Meta><Data>0</Data></Item></Replace>
    <Exec><CmdID>6</CmdID><Item><Target><LocURI>./FUMO/Pkg/Update</LocURI></Target></Item></Exec>
    <Get><CmdID>7</CmdID><Item><Target><LocURI>./DevDetail/SwV</LocURI></Target></Item></Get>
    <Final/>`,
);

/** The job `npm run bench` sends, for the real server and the null server. */
function job(textFile: string, uri: string, plan: LatencyJob['plan'], capabilities: Record<string, unknown>): LatencyJob {
  return {
    ours: [SERVER, '--stdio'],
    baseline: [join(ROOT, 'out', 'bench', 'nullServer.js')],
    cwd: ROOT,
    textFile,
    uri,
    languageId: 'syncml',
    capabilities,
    initializationOptions: { diagnosticsDelay: 0 },
    plan,
    warmupMs: 0,
    rounds: 2,
    settleMs: 10000,
  };
}

describe('bench tree plan', () => {
  it('hovers on each URI segment in turn and completes at the end of the URI or of the Data, on Windows items only', () => {
    const doc = TextDocument.create('file:///bench/profile.xml', 'xml', 1, PROFILE);
    const plan = treePlan(doc, 4);
    assert.equal(plan.items, 2, 'the Replace and the Get (DevDetail, in a Windows document); not the FUMO Exec');
    const word = (p: { line: number; character: number }) => {
      const at = doc.offsetAt(p);
      const from = PROFILE.lastIndexOf('/', at - 1) + 1;
      return PROFILE.slice(from, PROFILE.slice(from).search(/[/<]/) + from);
    };
    // The text just before the completion position, which is always at the end of a value (a `<` next).
    const before = (p: { line: number; character: number }) => {
      const at = doc.offsetAt(p);
      assert.equal(PROFILE[at], '<');
      return PROFILE.slice(at - 9, at);
    };
    assert.deepEqual(plan.entries.map((e) => word(e.hover)), ['Vendor', 'MSFT', 'DevDetail', 'SwV']);
    assert.deepEqual(plan.entries.map((e) => before(e.completion)), ['rdEnabled', 'a><Data>0', 'etail/SwV', 'etail/SwV']);
  });
});

describe('bench latency driver', () => {
  it('measures hovers and completions against the real server and the null server', () => {
    const at = { hover: positionOf(MESSAGE, '<Data>404', 7), completion: positionOf(MESSAGE, '<Data>404', 9) };
    const capabilities = { textDocument: { completion: { completionItem: { labelDetailsSupport: true }, completionList: { itemDefaults: ['editRange', 'data'] } } } };
    const r = runJob(MESSAGE, (textFile) => job(textFile, 'file:///bench/message.xml', [at, at, at], capabilities));
    assert.ok(r.openToFirstDiagnosticsMs !== null && r.openToFirstDiagnosticsMs > 0);
    // 2 rounds of 3 positions, each answered by our server; the null server answers null.
    for (const kind of ['hover', 'completion'] as const) {
      assert.deepEqual(r.ours[kind].rounds.map((x) => x.length), [3, 3]);
      assert.equal(r.ours[kind].answered, 6, kind);
      assert.equal(r.ours[kind].errors, 0);
      assert.equal(r.baseline[kind].answered, 0);
      assert.ok(r.ours[kind].rounds.flat().every((ms) => Number.isFinite(ms) && ms > 0));
    }
    assert.equal(r.warmup.ours.hover.rounds.length, 1, 'at least one warm-up round');
    // The ping is an unknown method: answered with an error, and still timed.
    assert.equal(r.ours.ping.rounds.flat().length, 6);
    // The compact list for these capabilities: some 60 status codes in well under 10 KB.
    assert.ok(r.completionBytes !== null && r.completionBytes > 1000 && r.completionBytes < 10000, String(r.completionBytes));
  });

  it('times the tree plan against both servers, and its first hover and completion apart', () => {
    const uri = 'file:///bench/profile.xml';
    const { entries } = treePlan(TextDocument.create(uri, 'xml', 1, PROFILE), 3);
    const code = { hover: positionOf(PROFILE, '<Data>404', 7), completion: positionOf(PROFILE, '<Data>404', 9) };
    const r = runJob(PROFILE, (textFile) => ({ ...job(textFile, uri, [code], {}), treePlan: entries }));
    for (const [name, s] of [['hover', r.ours.tree.hover], ['completion', r.ours.tree.completion], ['null hover', r.baseline.tree.hover]] as const) {
      assert.deepEqual(s.rounds.map((x) => x.length), [3, 3], name);
      assert.equal(s.errors, 0, name);
    }
    assert.equal(r.warmup.ours.tree.hover.rounds[0].length, 3, 'the warm-up runs the tree plan too');
    const f = r.firstTree;
    assert.ok(f && [f.hoverMs, f.completionMs, f.nullHoverMs, f.nullCompletionMs].every((ms) => Number.isFinite(ms) && ms > 0), JSON.stringify(f));
  });

  it('times definition, references and code lens resolve against the real server', () => {
    const uri = 'file:///bench/trace.xml';
    const name = positionOf(TRACE, '<Replace>', 1);
    const at = {
      hover: positionOf(TRACE, '<Data>404', 7),
      completion: positionOf(TRACE, '<Data>404', 9),
      definition: positionOf(TRACE, '<CmdRef>5', 8),
      references: positionOf(TRACE, '<CmdID>5', 7),
      lens: { range: { start: name, end: { line: name.line, character: name.character + 7 } }, data: { part: 'status', uri } },
    };
    const r = runJob(TRACE, (textFile) => job(textFile, uri, [at, at], {}));
    for (const kind of ['definition', 'references', 'codeLens'] as const) {
      const s = r.ours.session[kind];
      assert.deepEqual(s.rounds.map((x) => x.length), [2, 2], kind);
      assert.equal(s.answered, 4, kind);
      assert.equal(s.errors, 0, kind);
    }
  });
});
