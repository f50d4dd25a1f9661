/**
 * Pathological documents (test/fuzz/pathological.ts builds them): each must be analysed with no
 * stack overflow and no hang, and give what a user should see. The big cases run in a child
 * process with a 60 s watchdog, so a hang fails its own test instead of stalling the run.
 *
 * Quadratic time is caught without wall-clock budgets: the same document shape at size N and 8N,
 * timed phase by phase in the same test (best of several runs), must cost less than 24 times as
 * much to analyse (linear is about 8, quadratic 64); see MAX_RATIO for the other phases.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS, type ServiceSettings } from '../../server/src/api';
import { MAX_ERRORS } from '../../server/src/model/scanner';
import { FOOTER, HEADER, nest, STATUS_404, type Summary } from '../fuzz/pathological';
import { analyze, service } from '../support/service';

const CASES_SCRIPT = join(__dirname, '..', 'fuzz', 'pathological.js');
const WATCHDOG_MS = 60_000;

const results = new Map<string, Summary>();

/** Run a case of test/fuzz/pathological.ts in a child process (once per file run) and return its summary. */
function run(name: string): Summary {
  const cached = results.get(name);
  if (cached) return cached;
  const child = spawnSync(process.execPath, ['--expose-gc', CASES_SCRIPT, name], {
    encoding: 'utf8',
    timeout: WATCHDOG_MS,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.error || child.signal) {
    assert.fail(`case ${name} did not finish within ${WATCHDOG_MS / 1000} s (${child.error?.message ?? child.signal})`);
  }
  if (child.status !== 0) {
    const stack = /RangeError: Maximum call stack size exceeded/.test(child.stderr) ? 'STACK OVERFLOW: ' : '';
    assert.fail(`case ${name} failed (exit ${child.status}): ${stack}${child.stderr.slice(-3000)}`);
  }
  const summary = JSON.parse(child.stdout) as Summary;
  // Memory in proportion to the text, within the architecture's budget (10 bytes per input byte):
  // deep DM trees build a path per node, which must not grow with the depth.
  assert.ok(
    summary.retainedPerChar >= 0 && summary.retainedPerChar < 10,
    `case ${name}: the analysis retains ${summary.retainedPerChar} bytes per character of text`,
  );
  results.set(name, summary);
  return summary;
}

const NOT_FOUND = /^\*\*404 — Not found\*\*/i;

describe('pathological documents: 200,000 deep', () => {
  it('<Node> nested 200,000 deep in a MgmtTree (node paths grow with depth)', () => {
    const r = run('deep-node');
    assert.equal(r.kind, 'dmtree');
    assert.equal(r.elements, 1 + 1 + 200_001 * 2 + 1); // MgmtTree, VerDTD, Node+NodeName each, Value
    assert.equal(r.diagnostics, 0);
    assert.equal(r.ranges, 'ok');
    assert.equal(r.hovers.deepest, null, 'a State node 200,000 levels below no management object is no state node');
    // 7 MB is over the large-file threshold: no outline, no folding.
    assert.equal(r.symbols, 0);
    assert.equal(r.folding, 0);
  });

  it('its outline, when computed, can be sent: all 200,001 symbols, nested at most 64 deep, JSON-serialisable', () => {
    const r = run('deep-node-outline');
    assert.equal(r.symbolDepth, 64);
    assert.equal(r.symbolCount, 200_001);
    // The LSP server answers documentSymbol with JSON.stringify; a recursion limit there loses the answer.
    assert.equal(r.symbolsJson, 'ok');
  });

  it('<Item> nested 200,000 deep in a Replace: the Status after it is still decoded', () => {
    const r = run('deep-item');
    assert.equal(r.kind, 'syncml');
    assert.equal(r.diagnostics, 0);
    assert.match(r.hovers['last code'] ?? '', NOT_FOUND);
    assert.equal(r.completions['last code'] > 0, true);
    assert.equal(r.hovers.end, null);
  });

  it('<Atomic> nested 200,000 deep: the Status at the bottom is decoded', () => {
    const r = run('deep-atomic');
    assert.equal(r.elements, 18 + 200_000 * 2);
    assert.equal(r.diagnostics, 0);
    assert.match(r.hovers['last code'] ?? '', NOT_FOUND);
  });

  it('200,000 start tags never closed: one diagnostic that counts them, the code after them decoded', () => {
    const r = run('deep-unclosed');
    assert.equal(r.diagnostics, 1);
    assert.equal(r.first[0].code, 'xml-syntax');
    assert.match(r.first[0].message, /^<Item> is not closed: the document ends first \(and 200001 enclosing elements are not closed either\)$/);
    assert.match(r.hovers['last code'] ?? '', NOT_FOUND);
  });
});

describe('pathological documents: long and many', () => {
  it('a 50 MB single line: one huge <Data> text is one not-a-code diagnostic, and hover works at the end', () => {
    const r = run('long-line-data');
    assert.equal(r.lines, 1);
    assert.ok(r.length > 50 * 1024 * 1024);
    assert.deepEqual(r.codes, { 'not-a-code': 1 });
    assert.equal(r.first[0].end - r.first[0].start, 50 * 1024 * 1024, 'the diagnostic covers the whole text');
    assert.ok(r.first[0].message.length < 200, 'the message quotes a short prefix, not 50 MB');
    assert.match(r.hovers['last code'] ?? '', NOT_FOUND);
    assert.equal(r.hovers['inside the data'], null);
    assert.equal(r.ranges, 'ok');
  });

  it('a 50 MB single line of half a million <Status> elements: hover works at the first and the last', () => {
    const r = run('long-line-statuses');
    assert.equal(r.lines, 1);
    assert.ok(r.elements > 3_000_000);
    assert.equal(r.diagnostics, 0);
    assert.match(r.hovers.first ?? '', NOT_FOUND);
    assert.match(r.hovers['last code'] ?? '', NOT_FOUND);
    assert.equal(r.hovers.end, null);
    assert.equal(r.symbols, 0, 'over the large-file threshold: no outline');
    assert.equal(r.folding, 0, 'over the large-file threshold: no folding');
  });

  it('a million elements', () => {
    const r = run('million-elements');
    assert.ok(r.elements >= 1_000_000, String(r.elements));
    assert.equal(r.lines, 500_002);
    assert.equal(r.diagnostics, 0);
    assert.match(r.hovers['last code'] ?? '', NOT_FOUND);
  });
});

describe('pathological documents: unterminated at the start of a large document', () => {
  it('a comment: one diagnostic on <!--, nothing decoded inside it', () => {
    const r = run('unterminated-comment');
    assert.deepEqual(
      r.first.map((d) => [d.message, d.start, d.end]),
      [['Comment is not closed (missing -->)', 0, 4]],
    );
    assert.equal(r.hovers['last code'], null, 'a code inside a comment is not a code');
  });

  it('a CDATA section: it is reported, and every range stays inside the document', () => {
    const r = run('unterminated-cdata');
    assert.ok(r.first.some((d) => d.message === 'CDATA section is not closed (missing ]]>)' && d.covered === '<![CDATA['), JSON.stringify(r.first));
    assert.ok(r.diagnostics <= 3, JSON.stringify(r.first));
    assert.equal(r.ranges, 'ok');
  });

  it("an attribute value: one diagnostic on its quote, and every code after it decoded", () => {
    const r = run('unterminated-attribute');
    assert.deepEqual(
      r.first.map((d) => [d.message, d.covered]),
      [["Attribute value of 'xmlns' is not closed", '"']],
    );
    assert.match(r.hovers['last code'] ?? '', NOT_FOUND);
    assert.equal(r.inlayHints, 60_000);
  });
});

describe('pathological documents: degenerate', () => {
  for (const [name, message] of [
    ['only-lt', "'<' must be escaped as &lt; in text"],
    ['only-amp', "A bare '&' must be escaped as &amp;"],
  ] as const) {
    it(`10 MB of ${name === 'only-lt' ? "'<'" : "'&'"} only: the error cap (${MAX_ERRORS}) holds`, () => {
      const r = run(name);
      assert.equal(r.diagnostics, MAX_ERRORS);
      assert.deepEqual(r.codes, { 'xml-syntax': MAX_ERRORS });
      assert.equal(r.first[0].message, message);
      assert.deepEqual([r.first[0].start, r.first[0].end], [0, 1]);
      assert.equal(r.ranges, 'ok');
    });
  }

  it('10 MB attribute values (one on the root, one an msft:originalerror HRESULT): the codes are decoded', () => {
    const r = run('huge-attribute');
    assert.equal(r.diagnostics, 0);
    assert.match(r.hovers['last code'] ?? '', NOT_FOUND);
    assert.equal(r.hovers['in the originalerror'], null, 'ten million 1s are no HRESULT');
  });

  it("XML that is neither SyncML nor a DM tree: kind 'other', no diagnostics, no hover", () => {
    const r = run('other-xml');
    assert.equal(r.kind, 'other');
    assert.equal(r.diagnostics, 0);
    assert.equal(r.hovers.code, null);
    assert.equal(r.symbols, 0);
  });
});

describe('limits', () => {
  it('a document over largeFileThreshold gets no inlay hints, outline or folding (hover and diagnostics stay)', () => {
    const text = HEADER + '\n' + STATUS_404.replace('404', '1200') + '\n' + STATUS_404 + '\n' + FOOTER;
    const a = analyze(text);
    const small: ServiceSettings = { ...DEFAULT_SETTINGS, largeFileThreshold: 100 };
    const doc = TextDocument.create('file:///limits.syncml', 'syncml', 1, text);
    const all = { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) };
    // Below the threshold, all of them.
    assert.ok(service.getInlayHints(a, all, DEFAULT_SETTINGS).length > 0);
    assert.ok(service.findDocumentSymbols(a, DEFAULT_SETTINGS).length > 0);
    assert.ok(service.getFoldingRanges(a, DEFAULT_SETTINGS).length > 0);
    // Above it (api.ts ServiceSettings.largeFileThreshold, the syncml.largeFileThreshold setting).
    assert.deepEqual(service.findDocumentSymbols(a, small), []);
    assert.deepEqual(service.getFoldingRanges(a, small), []);
    assert.deepEqual(service.getInlayHints(a, all, small), []);
    assert.equal(service.doValidation(a, small).length, 1);
    assert.match((service.doHover(a, doc.positionAt(text.lastIndexOf('404') + 1))?.contents as { value: string }).value, /Not found/i);
  });
});

// ---- linear time: size N against 8N --------------------------------------------------------------

/** No large-file cut-off here: the question is how each feature's cost grows, at any size. */
const UNBOUNDED: ServiceSettings = { ...DEFAULT_SETTINGS, largeFileThreshold: Number.MAX_SAFE_INTEGER };

/** The work an editor does on opening a document, timed by phase (ms). */
function openWork(text: string, languageId: string): Record<string, number> {
  const times: Record<string, number> = {};
  let t = performance.now();
  const lap = (phase: string): void => {
    const now = performance.now();
    times[phase] = now - t;
    t = now;
  };
  const doc = TextDocument.create('file:///ratio', languageId, 1, text);
  const a = service.analyze(doc, languageId);
  service.doValidation(a, UNBOUNDED);
  lap('analysis and diagnostics');
  const end = doc.positionAt(text.length);
  service.doHover(a, end);
  service.doComplete(a, end);
  lap('hover and completion at the end');
  service.getInlayHints(a, { start: { line: 0, character: 0 }, end }, UNBOUNDED);
  lap('inlay hints');
  service.findDocumentSymbols(a, UNBOUNDED);
  lap('outline');
  service.getFoldingRanges(a, UNBOUNDED);
  lap('folding');
  return times;
}

function fastest(into: Record<string, number> | undefined, run: Record<string, number>): Record<string, number> {
  if (!into) return run;
  for (const [phase, ms] of Object.entries(run)) into[phase] = Math.min(into[phase] ?? Infinity, ms);
  return into;
}

/**
 * Why 8x and not 4x: a quadratic phase usually has a linear part too, so at 4x it shows a ratio of
 * 11 to 16, too close to a 12 threshold to tell reliably; at 8x linear is about 8, quadratic 64.
 */
const FACTOR = 8;
/**
 * Per phase: the phases that scan the document (analysis, diagnostics, a request at the end) are
 * judged strictly. The phases that build one result object per element (inlay hints, outline,
 * folding) are judged only against gross growth: their timings jump with the garbage collector's
 * regime (a few MB of new objects are nearly free, tens of MB are not), measured here at up to 50x
 * for 8x the elements with code that is linear.
 */
const MAX_RATIO: Record<string, number> = {
  'analysis and diagnostics': 24,
  'hover and completion at the end': 24,
  'inlay hints': 64,
  outline: 64,
  folding: 64,
};
/** A phase that takes less than this at the large size is not judged: too fast to matter or to time. */
const FLOOR_MS = 50;

function assertLinear(make: (n: number) => string, n: number, languageId = 'syncml'): void {
  const small = make(n);
  const big = make(FACTOR * n);
  openWork(small, languageId); // warm-up (JIT)
  let s: Record<string, number> | undefined;
  for (let k = 0; k < 5; k++) s = fastest(s, openWork(small, languageId));
  const ratio = (phase: string, ms: number): number => ms / Math.max(s![phase], 1);
  const slow = (b: Record<string, number>): string[] =>
    Object.entries(b)
      .filter(([phase, ms]) => ms >= FLOOR_MS && ratio(phase, ms) >= MAX_RATIO[phase])
      .map(([phase, ms]) => `${phase}: ${s![phase].toFixed(1)} ms -> ${ms.toFixed(0)} ms (${ratio(phase, ms).toFixed(0)}x, limit ${MAX_RATIO[phase]}x)`);
  // Best of 3 at the large size, but only while some phase looks slow and not hopelessly so.
  let b = openWork(big, languageId);
  for (let k = 1; k < 3 && slow(b).length > 0; k++) {
    if (Math.max(...Object.entries(b).map(([phase, ms]) => ratio(phase, ms) / MAX_RATIO[phase])) > 3) break;
    b = fastest(b, openWork(big, languageId));
  }
  assert.deepEqual(
    slow(b),
    [],
    `${(small.length / 1e6).toFixed(2)} MB against ${(big.length / 1e6).toFixed(2)} MB (${FACTOR}x): ` +
      `these phases grew faster than linearly (linear is about ${FACTOR}x, quadratic ${FACTOR * FACTOR}x)`,
  );
}

describe(`linear time (size N against ${FACTOR}N, best of several runs, per phase)`, () => {
  it('flat: a message of many Statuses (1 MB against 8 MB)', () => {
    assertLinear((n) => HEADER + (STATUS_404 + '\n').repeat(n) + FOOTER, 10_000);
  });

  it("degenerate: only '<', only '&' (1 MB against 8 MB)", () => {
    assertLinear((n) => '<'.repeat(n), 1_000_000);
    assertLinear((n) => '&'.repeat(n), 1_000_000);
  });

  it('unterminated attribute value in the root, then many Statuses', () => {
    assertLinear((n) => '<SyncML a="' + HEADER + STATUS_404.repeat(n) + FOOTER, 10_000);
  });

  it('deep <Node> nesting (node paths grow with depth)', () => {
    assertLinear((n) => '<MgmtTree>' + nest('<Node><NodeName>n</NodeName>', '</Node>', n) + '</MgmtTree>', 25_000, 'dmtree');
  });

  it('deep <Node> nesting below a FUMO root (each node a path into the management object)', () => {
    assertLinear(
      (n) =>
        '<MgmtTree><Node><NodeName>FUMO</NodeName><DFProperties><DFType><DDFName>urn:oma:mo:oma-fumo:1.0</DDFName></DFType></DFProperties>' +
        nest('<Node><NodeName>x</NodeName>', '</Node>', n) +
        '</Node></MgmtTree>',
      2_500,
      'dmtree',
    );
  });

  it('depth against breadth: a DM tree 25,000 deep costs less than 10x the same nodes side by side', () => {
    // Node paths grow with depth (capped at 4,096 characters); what each node then does with its
    // path must not cost in proportion to the path, or a deep tree is a hundred times slower.
    const FUMO_ROOT = '<MgmtTree><Node><NodeName>FUMO</NodeName><DFProperties><DFType><DDFName>urn:oma:mo:oma-fumo:1.0</DDFName></DFType></DFProperties>';
    const shapes: [string, string, string][] = [
      ['plain', '<MgmtTree>' + nest('<Node><NodeName>n</NodeName>', '</Node>', 25_000) + '</MgmtTree>', '<MgmtTree>' + '<Node><NodeName>n</NodeName></Node>'.repeat(25_000) + '</MgmtTree>'],
      [
        'below a FUMO root',
        FUMO_ROOT + nest('<Node><NodeName>x</NodeName>', '</Node>', 25_000) + '</Node></MgmtTree>',
        FUMO_ROOT + '<Node><NodeName>x</NodeName></Node>'.repeat(25_000) + '</Node></MgmtTree>',
      ],
    ];
    const slow: string[] = [];
    for (const [name, deep, flat] of shapes) {
      assert.equal(deep.length, flat.length);
      openWork(flat, 'dmtree'); // warm-up
      let tFlat = Infinity;
      let tDeep = Infinity;
      for (let k = 0; k < 3; k++) {
        tFlat = Math.min(tFlat, openWork(flat, 'dmtree')['analysis and diagnostics']);
        tDeep = Math.min(tDeep, openWork(deep, 'dmtree')['analysis and diagnostics']);
        const ratio = tDeep / Math.max(tFlat, 1);
        if (ratio < 10 || ratio > 30) break; // clearly fine, or clearly not

      }
      if (tDeep >= 10 * Math.max(tFlat, 1) && tDeep >= FLOOR_MS) {
        slow.push(`${name}: side by side ${tFlat.toFixed(0)} ms, nested ${tDeep.toFixed(0)} ms (${(tDeep / Math.max(tFlat, 1)).toFixed(0)}x)`);
      }
    }
    assert.deepEqual(slow, [], 'analysing a deep DM tree costs much more than the same nodes side by side');
  });

  it('deep <Item> and <Atomic> nesting', () => {
    assertLinear((n) => HEADER + '<Replace><CmdID>2</CmdID>' + nest('<Item>', '</Item>', n, '<Data>1</Data>') + '</Replace>' + FOOTER, 12_500);
    assertLinear((n) => HEADER + nest('<Atomic><CmdID>5</CmdID>', '</Atomic>', n, STATUS_404) + FOOTER, 12_500);
  });

  it('deep <Status> nesting', () => {
    assertLinear((n) => HEADER + nest('<Status><Data>200</Data>', '</Status>', n) + FOOTER, 2_500);
  });

  it('deep <Alert> nesting', () => {
    assertLinear((n) => HEADER + nest('<Alert><CmdID>1</CmdID><Data>1201</Data>', '</Alert>', n) + FOOTER, 2_500);
  });

  it('deep <Add><Item> nesting on a state node URI', () => {
    assertLinear(
      (n) => HEADER + nest('<Add><CmdID>3</CmdID><Item><Target><LocURI>./FUMO/x/State</LocURI></Target><Data>10</Data>', '</Item></Add>', n) + FOOTER,
      2_500,
    );
  });

  it('deep <SyncML> nesting (a message inside a message, as traces embed them)', () => {
    assertLinear((n) => nest('<SyncML><SyncBody>', '</SyncBody></SyncML>', n), 2_500);
  });
});
