/**
 * Pathological documents (test/fuzz/pathological.ts builds them): each must be analysed with no
 * stack overflow and no hang, and give what a user should see. The big cases run in a child
 * process with a watchdog, so a hang fails its own test instead of stalling the run.
 *
 * Quadratic time is caught by counting work, not timing it, so a busy machine cannot fail these tests:
 * the same document shape at size N and 2N, counted phase by phase, must cost at most 2.2 times the
 * work (linear is 2, quadratic nearly 4), and no document may cost more than MAX_STEPS_PER_CHAR. The
 * timings themselves are reported by `npm run bench`.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS, type ServiceSettings } from '../../server/src/api';
import { MAX_ERRORS } from '../../server/src/model/scanner';
import { FOOTER, HEADER, nest, STATUS_404, type Summary } from '../fuzz/pathological';
import { work } from '../../server/src/workCounter';
import { analyze, service } from '../support/service';

const CASES_SCRIPT = join(__dirname, '..', 'fuzz', 'pathological.js');
/** Generous: it tells a hang from slow progress on a busy machine, where each case may take 20 times as long. */
const WATCHDOG_MS = 120_000;
/**
 * Work per character of text (server/src/workCounter.ts steps), for any document and phase: a backstop
 * against work that is large at every size. Today's documents need at most 1.
 */
const MAX_STEPS_PER_CHAR = 2;

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
  // Work in proportion to the text: quadratic work on these sizes would be thousands of steps per character.
  assert.ok(
    summary.stepsPerChar <= MAX_STEPS_PER_CHAR,
    `case ${name}: the analysis and features did ${summary.stepsPerChar} steps of work per character of text (limit ${MAX_STEPS_PER_CHAR})`,
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

// ---- linear work: size N against 2N ------------------------------------------------------------

/** No large-file cut-off here: the question is how each feature's work grows, at any size. */
const UNBOUNDED: ServiceSettings = { ...DEFAULT_SETTINGS, largeFileThreshold: Number.MAX_SAFE_INTEGER };

/**
 * The work an editor does on opening a document, counted by phase in the steps of
 * server/src/workCounter.ts (markup constructs scanned, elements visited, position lookups, lines
 * walked, characters of values and node paths handed out): a count, so the same on a busy machine.
 */
function openWork(text: string, languageId: string): Record<string, number> {
  const counts: Record<string, number> = {};
  let before = work.steps;
  const lap = (phase: string): void => {
    counts[phase] = work.steps - before;
    before = work.steps;
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
  return counts;
}

/**
 * Twice the input may cost at most this much more work: linear work (plus a constant) gives at
 * most 2; work that grows with the square gives nearly 4 once its quadratic part is a tenth of the
 * linear part, which the sizes below make sure of for a rescan per element.
 */
const MAX_RATIO = 2.2;
/** A phase this small at 2N is not judged (a request at the end does a few binary searches). */
const FLOOR_STEPS = 64;

const FUMO_ROOT = '<MgmtTree><Node><NodeName>FUMO</NodeName><DFProperties><DFType><DDFName>urn:oma:mo:oma-fumo:1.0</DDFName></DFType></DFProperties>';
/** Deep against side by side: the same nodes, so about the same work (the deep tree pops its stack later). */
const MAX_DEPTH_COST = 1.25;

function assertLinear(make: (n: number) => string, n: number, languageId = 'syncml'): void {
  const small = make(n);
  const big = make(2 * n);
  const s = openWork(small, languageId);
  const b = openWork(big, languageId);
  const slow = Object.entries(b)
    .filter(([phase, steps]) => (steps >= FLOOR_STEPS && steps > MAX_RATIO * s[phase]) || steps > MAX_STEPS_PER_CHAR * big.length)
    .map(([phase, steps]) => `${phase}: ${s[phase]} -> ${steps} steps (${(steps / Math.max(s[phase], 1)).toFixed(2)}x, ${(steps / big.length).toFixed(2)} per character)`);
  assert.deepEqual(
    slow,
    [],
    `${small.length} against ${big.length} characters (2x): these phases' work grew faster than linearly ` +
      `(limit ${MAX_RATIO}x and ${MAX_STEPS_PER_CHAR} steps per character)`,
  );
}

describe('linear work (size N against 2N, counted per phase)', () => {
  it('flat: a message of many Statuses', () => {
    assertLinear((n) => HEADER + (STATUS_404 + '\n').repeat(n) + FOOTER, 2_000);
  });

  it("degenerate: only '<', only '&'", () => {
    assertLinear((n) => '<'.repeat(n), 100_000);
    assertLinear((n) => '&'.repeat(n), 100_000);
  });

  it('unterminated attribute value in the root, then many Statuses', () => {
    assertLinear((n) => '<SyncML a="' + HEADER + STATUS_404.repeat(n) + FOOTER, 2_000);
  });

  it('deep <Node> nesting (node paths grow with depth)', () => {
    assertLinear((n) => '<MgmtTree>' + nest('<Node><NodeName>n</NodeName>', '</Node>', n) + '</MgmtTree>', 1_000, 'dmtree');
  });

  it('deep <Node> nesting below a FUMO root (each node a path into the management object)', () => {
    assertLinear((n) => FUMO_ROOT + nest('<Node><NodeName>x</NodeName>', '</Node>', n) + '</Node></MgmtTree>', 1_000, 'dmtree');
  });

  it('depth against breadth: a DM tree 2,000 deep costs no more work than the same nodes side by side', () => {
    // Node paths grow with depth (capped at 4,096 characters, which 2,000 levels stay below); what
    // each node then does with its path must not cost in proportion to the path, or a deep tree is a
    // hundred times slower.
    const shapes: [string, string, string][] = [
      ['plain', '<MgmtTree>' + nest('<Node><NodeName>n</NodeName>', '</Node>', 2_000) + '</MgmtTree>', '<MgmtTree>' + '<Node><NodeName>n</NodeName></Node>'.repeat(2_000) + '</MgmtTree>'],
      [
        'below a FUMO root',
        FUMO_ROOT + nest('<Node><NodeName>x</NodeName>', '</Node>', 2_000) + '</Node></MgmtTree>',
        FUMO_ROOT + '<Node><NodeName>x</NodeName></Node>'.repeat(2_000) + '</Node></MgmtTree>',
      ],
    ];
    const more: string[] = [];
    for (const [name, deep, flat] of shapes) {
      assert.equal(deep.length, flat.length);
      const nested = openWork(deep, 'dmtree')['analysis and diagnostics'];
      const sideBySide = openWork(flat, 'dmtree')['analysis and diagnostics'];
      if (nested > MAX_DEPTH_COST * sideBySide) more.push(`${name}: side by side ${sideBySide} steps, nested ${nested} steps`);
    }
    assert.deepEqual(more, [], 'analysing a deep DM tree costs much more work than the same nodes side by side');
  });

  it('deep <Item> and <Atomic> nesting', () => {
    assertLinear((n) => HEADER + '<Replace><CmdID>2</CmdID>' + nest('<Item>', '</Item>', n, '<Data>1</Data>') + '</Replace>' + FOOTER, 2_000);
    assertLinear((n) => HEADER + nest('<Atomic><CmdID>5</CmdID>', '</Atomic>', n, STATUS_404) + FOOTER, 2_000);
  });

  it('deep <Status> nesting', () => {
    assertLinear((n) => HEADER + nest('<Status><Data>200</Data>', '</Status>', n) + FOOTER, 1_000);
  });

  it('deep <Alert> nesting', () => {
    assertLinear((n) => HEADER + nest('<Alert><CmdID>1</CmdID><Data>1201</Data>', '</Alert>', n) + FOOTER, 1_000);
  });

  it('deep <Add><Item> nesting on a state node URI', () => {
    assertLinear(
      (n) => HEADER + nest('<Add><CmdID>3</CmdID><Item><Target><LocURI>./FUMO/x/State</LocURI></Target><Data>10</Data>', '</Item></Add>', n) + FOOTER,
      1_000,
    );
  });

  it('deep <SyncML> nesting (a message inside a message, as traces embed them)', () => {
    assertLinear((n) => nest('<SyncML><SyncBody>', '</SyncBody></SyncML>', n), 1_000);
  });
});
