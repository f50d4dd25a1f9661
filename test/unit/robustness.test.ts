/**
 * Robustness of the language service on broken input: a fixed-seed fuzz run over every corpus file
 * and example (the long run is `npm run fuzz`), and explicit cases for what the fuzzer checks
 * (UTF-16 positions after astral characters, every line-end style, awkward characters, bytes that
 * are not text).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS } from '../../server/src/api';
import { decodeBytes } from '../../server/src/model/encoding';
import { checkText, splitsSurrogatePair } from '../fuzz/invariants';
import { MUTATOR_NAMES, MUTATORS, Rng, mutantRng } from '../fuzz/mutate';
import { buildCase, describeFailure, runCase } from '../fuzz/run';
import { seeds } from '../fuzz/sources';
import { describeWbxmlFailure, runWbxmlCase, wbxmlSeeds } from '../fuzz/wbxml';
import { analyze, dmMessage, service, status } from '../support/service';

/** The unit run's seed: fixed, so `npm test` is deterministic. `npm run fuzz` picks a new one each time. */
const SEED = 20260522;
/** Every seed document once, then random ones up to this many mutants. */
const COUNT = 400;

describe('fuzz: mutants of the corpus and the examples (fixed seed)', () => {
  it(`${COUNT} mutants: no throw, every range inside its document and canonical, sane results`, () => {
    const all = seeds();
    assert.ok(all.length >= 260, `expected the corpus (260 files) and the examples, got ${all.length} seed documents`);
    const failures: string[] = [];
    for (let index = 0; index < Math.max(COUNT, all.length); index++) {
      const o = runCase(service, SEED, index);
      if (o.error) failures.push(describeFailure(o));
    }
    assert.deepEqual(failures, []);
  });

  it('a mutant is rebuilt from (seed, index) alone', () => {
    const a = buildCase(SEED, 321).fuzzCase;
    const b = buildCase(SEED, 321).fuzzCase;
    assert.deepEqual(a, b);
    assert.notEqual(buildCase(SEED, 322).fuzzCase.text, a.text);
    // The first mutants walk the seed documents in order.
    assert.equal(buildCase(SEED, 0).fuzzCase.source, seeds()[0].name);
    assert.equal(buildCase(SEED + 1, 5).fuzzCase.source, seeds()[5].name);
  });

  it('every mutator copes with empty and tiny texts', () => {
    for (const name of MUTATOR_NAMES) {
      for (const text of ['', 'a', '<', '\ud83d', '\r\n', '<a>1</a>']) {
        for (let k = 0; k < 5; k++) {
          const out = MUTATORS[name](text, new Rng(k * 7919 + text.length));
          assert.equal(typeof out, 'string', `${name} on ${JSON.stringify(text)}`);
        }
      }
    }
  });

  it('mutators reach what they are for: lone surrogates, NUL, CR, astral characters, broken markup', () => {
    const reached = { lone: false, nul: false, cr: false, astral: false, cdata: false };
    for (let index = 0; index < 600; index++) {
      const t = buildCase(SEED, index).fuzzCase.text;
      reached.lone ||= /(?:[^\ud800-\udbff]|^)[\udc00-\udfff]|[\ud800-\udbff](?![\udc00-\udfff])/.test(t);
      reached.nul ||= t.includes('\u0000');
      reached.cr ||= /\r(?!\n)/.test(t);
      reached.astral ||= /[\ud800-\udbff][\udc00-\udfff]/.test(t);
      reached.cdata ||= t.includes('<![CDATA[');
    }
    assert.deepEqual(reached, { lone: true, nul: true, cr: true, astral: true, cdata: true });
  });
});

describe('fuzz: byte mutants of WBXML captures (fixed seed)', () => {
  it('150 mutants: no throw, one-line reasons, stop comments where they say, decoded text passes every invariant', () => {
    assert.ok(wbxmlSeeds().length >= 10);
    const failures: string[] = [];
    for (let index = 0; index < 150; index++) {
      const o = runWbxmlCase(service, SEED, index);
      if (o.error) failures.push(describeWbxmlFailure(o));
    }
    assert.deepEqual(failures, []);
  });
});

describe('positions are UTF-16 code units, whatever comes before the code', () => {
  const ASTRAL = ['\u{1F600}', '\u{1F468}\u200d\u{1F469}\u200d\u{1F467}', '\u{10FFFF}', '\u{1D11E}\u{1D11E}\u{1D11E}'];
  const LINE_ENDS: Record<string, (t: string) => string> = {
    LF: (t) => t,
    CRLF: (t) => t.replace(/\n/g, '\r\n'),
    CR: (t) => t.replace(/\n/g, '\r'),
    mixed: (t) => {
      let k = 0;
      return t.replace(/\n/g, () => ['\r\n', '\n', '\r'][k++ % 3]);
    },
  };

  for (const [style, convert] of Object.entries(LINE_ENDS)) {
    it(`${style} line ends, astral characters before <Data>1200</Data> on its line: the diagnostic covers exactly 1200`, () => {
      for (const astral of ASTRAL) {
        const body = `    <!-- ${astral} -->${astral}${status('Replace', '1200').trim().replace('<Data>', `${astral}<Data>`)}`;
        const text = convert(dmMessage(body));
        const a = analyze(text);
        const doc = TextDocument.create('file:///positions.syncml', 'syncml', 1, text);
        const ds = service.doValidation(a, DEFAULT_SETTINGS).filter((d) => d.code === 'wrong-code-family');
        assert.equal(ds.length, 1, `${style} ${astral}`);
        const d = ds[0];
        assert.equal(text.slice(doc.offsetAt(d.range.start), doc.offsetAt(d.range.end)), '1200');
        // The column, computed independently: UTF-16 code units from the start of the line.
        const at = text.indexOf('1200');
        const lineStart = Math.max(text.lastIndexOf('\n', at), text.lastIndexOf('\r', at)) + 1;
        assert.equal(d.range.start.character, at - lineStart);
        assert.equal(d.range.end.character, at - lineStart + 4);
        assert.equal(d.range.start.line, d.range.end.line);
        // Hover on the second and on the last digit answers for the code, with the same range.
        for (const character of [d.range.start.character + 1, d.range.end.character - 1]) {
          const hover = service.doHover(a, { line: d.range.end.line, character });
          assert.ok(hover?.range);
          assert.deepEqual(hover.range, d.range);
        }
      }
    });
  }

  it('the fuzz invariants hold on every line-end style and astral prefix', () => {
    const rng = new Rng(7);
    for (const convert of Object.values(LINE_ENDS)) {
      for (const astral of ASTRAL) {
        checkText(service, convert(dmMessage(`${astral}\n${status('Get', '404')}\n${astral}${status('Replace', '1200')}`)), 'syncml', rng);
      }
    }
  });
});

describe('awkward characters', () => {
  const AWKWARD = ['\u0000', '\ufffd', '\ud800', '\udfff', '\ufeff', '\u2028', '\u0085', '\u00a0', '\ud83d\ude00'];

  it('before a code, in text and in markup, they leave the code decoded', () => {
    for (const c of AWKWARD) {
      const body =
        `    <Status><CmdID>1${c}</CmdID><MsgRef>1</MsgRef><CmdRef>3</CmdRef><Cmd>Get</Cmd><Data>404</Data></Status>${c}\n` +
        `    <Status><CmdID>2</CmdID><MsgRef>1</MsgRef><CmdRef>4</CmdRef><Cmd>Get</Cmd><Data>404</Data></Status>`;
      const text = dmMessage(body);
      const a = analyze(text);
      const doc = TextDocument.create('file:///awkward.syncml', 'syncml', 1, text);
      for (const nth of [0, 1]) {
        let at = -1;
        for (let k = 0; k <= nth; k++) at = text.indexOf('<Data>404', at + 1);
        const hover = service.doHover(a, doc.positionAt(at + 7));
        assert.match((hover?.contents as { value: string } | undefined)?.value ?? '', /Not found/i, `${JSON.stringify(c)} before Status #${nth}`);
      }
      checkText(service, text, 'syncml', new Rng(c.charCodeAt(0)));
    }
  });

  it('requests at negative, past-the-line and past-the-end positions answer without throwing', () => {
    const text = dmMessage(status('Get', '404'));
    const a = analyze(text);
    for (const p of [
      { line: -1, character: -5 },
      { line: 0, character: -1 },
      { line: 3, character: 1e6 },
      { line: 1e9, character: 0 },
      { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
    ]) {
      service.doHover(a, p);
      service.doComplete(a, p);
      service.getInlayHints(a, { start: p, end: { line: 1e9, character: 0 } }, DEFAULT_SETTINGS);
      service.getCodeActions(a, { start: p, end: p }, { diagnostics: [] });
    }
  });
});

describe('a range never cuts an astral character in half', () => {
  // Found by the fuzzer: xml-syntax diagnostics one code unit long, starting at an astral character.
  function cuts(text: string): string[] {
    const doc = TextDocument.create('file:///astral.syncml', 'syncml', 1, text);
    return service
      .doValidation(analyze(text), DEFAULT_SETTINGS)
      .filter((d) => splitsSurrogatePair(text, doc.offsetAt(d.range.start)) || splitsSurrogatePair(text, doc.offsetAt(d.range.end)))
      .map((d) => `${d.message} at ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);
  }

  it('an unquoted attribute value that starts with an emoji', () => {
    assert.deepEqual(cuts('<SyncML xmlns="SYNCML:SYNCML1.2"><SyncBody><Status a=\u{1F600}/></SyncBody></SyncML>'), []);
  });

  it('a document with no root element whose first characters are astral', () => {
    assert.deepEqual(cuts('<!--\u{1F600}-->'), []);
    assert.deepEqual(cuts('<?x\u{1F600}?>'), []);
  });
});

describe('bytes that are not text', () => {
  it('decodeBytes never throws; what it calls text passes the fuzz invariants', () => {
    const rng = new Rng(99);
    const corpus = seeds().filter((s) => s.text.length < 20000);
    let binary = 0;
    for (let k = 0; k < 300; k++) {
      let bytes: Buffer;
      switch (k % 4) {
        case 0: // random bytes
          bytes = Buffer.from(Array.from({ length: rng.int(600) }, () => rng.int(256)));
          break;
        case 1: {
          // a real file with a few bytes flipped (invalid UTF-8, NUL)
          bytes = Buffer.from(rng.pick(corpus).text, 'utf8');
          for (let n = rng.small(6); n > 0 && bytes.length > 0; n--) bytes[rng.int(bytes.length)] = rng.int(256);
          break;
        }
        case 2: {
          // UTF-16 with a BOM, sometimes cut at an odd byte or in a surrogate pair
          const body = Buffer.from(`\ufeff${rng.pick(corpus).text}\u{1F600}`, 'utf16le');
          bytes = rng.chance(0.5) ? body.subarray(0, body.length - 1 - rng.int(3)) : body;
          break;
        }
        default: {
          // UTF-16BE without BOM but with a declaration; UTF-8 claiming UTF-16
          const text = `<?xml version="1.0" encoding="utf-16"?>${rng.pick(corpus).text}`;
          bytes = rng.chance(0.5) ? Buffer.from(text, 'utf8') : Buffer.from(text, 'utf16le').swap16();
        }
      }
      const decoded = decodeBytes(bytes);
      if (!decoded.ok) {
        binary++;
        assert.match(decoded.reason, /\S/);
        continue;
      }
      checkText(service, decoded.text, 'syncml', rng);
      if (decoded.declarationProblem) {
        const { start, end } = decoded.declarationProblem;
        assert.ok(0 <= start && start <= end && end <= decoded.text.length);
      }
    }
    assert.ok(binary > 50, `random bytes should mostly be reported as binary (${binary} of 300)`);
  });

  it('a NUL byte or invalid UTF-8 makes the file binary, with the reason', () => {
    const reason = (bytes: Buffer): string | undefined => {
      const d = decodeBytes(bytes);
      return d.ok ? undefined : d.reason;
    };
    assert.match(reason(Buffer.from('<SyncML>\u0000</SyncML>')) ?? 'decoded as text', /NUL/);
    assert.match(reason(Buffer.from([0x3c, 0x61, 0x3e, 0xc3, 0x28, 0x3c, 0x2f, 0x61, 0x3e])) ?? 'decoded as text', /UTF-8/);
    assert.equal(reason(Buffer.from('<a>\u{1F600}</a>')), undefined);
  });
});

// A guard for the harness itself: a violation is reported, not swallowed.
describe('the invariant checker', () => {
  it('reports a range outside the document', () => {
    const fake = {
      ...service,
      doValidation: () => [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 99 } }, message: 'x', code: 'xml-syntax', source: 'syncml' }],
    };
    assert.throws(() => checkText(fake, '<SyncML/>', 'syncml', mutantRng(1, 1)), /not canonical|outside/);
  });

  it('reports an exception with the operation that threw', () => {
    const fake = {
      ...service,
      doHover: () => {
        throw new TypeError('boom');
      },
    };
    assert.throws(() => checkText(fake, '<SyncML/>', 'syncml', mutantRng(1, 1)), /doHover at .*threw TypeError: boom/);
  });
});
