/**
 * WBXML captures: decoded to the XML they were made from (vectors by libwbxml's xml2wbxml, see
 * test/wbxml/README.md), hand-built vectors for what xml2wbxml does not write (WBXML 1.1 headers,
 * string-table public ids, literal tags, entities, nested and binary opaque data), broken captures,
 * and the sniffing that must not claim text files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBytes } from '../../server/src/model/encoding';
import { decodeWbxml } from '../../server/src/model/wbxml/decoder';
import { looksLikeWbxml } from '../../server/src/model/wbxml/sniff';
import { wbxmlView } from '../../client/src/wbxmlView';
import { CORPUS } from '../support/corpus';
import { diagnostics } from '../support/service';
import { CONTENT, encodeSyncml, header, mb, opaque, strI, T, utf8 } from '../support/wbxmlWriter';
import { xmlTree } from '../support/xmlTree';

const ROOT = join(__dirname, '..', '..', '..');
const VECTORS = join(ROOT, 'test', 'wbxml', 'vectors');

/** Tokens of SyncML page 0 and MetInf page 1 used below (OMA-TS-SyncML_RepPro-V1_2 §8). */
const SyncML = 0x2d, SyncHdr = 0x2c, SyncBody = 0x2b, VerDTD = 0x31, Status = 0x29, CmdID = 0x0b, Cmd = 0x0a, Data = 0x0f;
const Results = 0x22, Item = 0x14, Final = 0x12, Meta = 0x1a, Format = 0x07 /* page 1 */;

function decodeOk(bytes: number[] | Uint8Array): { text: string; problem?: { offset: number; message: string } } {
  const r = decodeBytes(Uint8Array.from(bytes));
  assert.ok(r.ok, r.ok ? '' : r.reason);
  assert.ok(r.wbxml, 'recognised as WBXML');
  return { text: r.text, problem: r.wbxml.problem };
}

/** Diagnostics by code and message: positions differ between the source and the decoded text. */
function findingsOf(text: string, languageId = 'syncml'): string[] {
  return diagnostics(text, languageId).map((d) => `${d.code}: ${d.message}`);
}

test('xml2wbxml vectors decode to the element tree and text of their XML source, with the same diagnostics', () => {
  const names = readdirSync(VECTORS).filter((f) => f.endsWith('.wbxml'));
  assert.ok(names.length >= 8, `vectors found: ${names.length}`);
  for (const name of names) {
    // xml2wbxml writes a DevInf as WBXML and says so in its Meta Type: the one change it makes.
    const source = readFileSync(join(CORPUS, 'syncml', name.replace(/\.wbxml$/, '.xml')), 'utf8').replace(/devinf\+xml/g, 'devinf+wbxml');
    const { text, problem } = decodeOk(readFileSync(join(VECTORS, name)));
    assert.equal(problem, undefined, name);
    assert.deepEqual(xmlTree(text), xmlTree(source), name);
    assert.deepEqual(findingsOf(text), findingsOf(source), name);
  }
});

test('a DevInf that xml2wbxml carried as nested WBXML in OPAQUE is decoded in place, in its namespace', () => {
  const { text } = decodeOk(readFileSync(join(VECTORS, 'buteo-resp.wbxml')));
  assert.match(text, /<Data>\n {10}<DevInf xmlns="syncml:devinf">\n {12}<SupportLargeObjs\/>\n {10}<\/DevInf>\n {8}<\/Data>/);
});

test('findings on a WBXML message are those of its XML: a misplaced code, an unknown alert type', () => {
  const wrong = `<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto></SyncHdr><SyncBody>
    <Status><CmdID>1</CmdID><MsgRef>1</MsgRef><CmdRef>2</CmdRef><Cmd>Replace</Cmd><Data>1200</Data></Status>
    <Alert><CmdID>2</CmdID><Data>1226</Data><Item><Meta><Type xmlns="syncml:metinf">x-acme-unknown</Type></Meta><Data>5</Data></Item></Alert>
    <Final/></SyncBody></SyncML>`;
  const sources = [wrong, ...['dm-session.xml', 'dm-session-2-server.xml'].map((n) => readFileSync(join(ROOT, 'examples', n), 'utf8'))];
  for (const source of sources) {
    const { text } = decodeOk(encodeSyncml(source));
    assert.deepEqual(xmlTree(text), xmlTree(source));
    assert.deepEqual(findingsOf(text), findingsOf(source));
  }
  assert.deepEqual(findingsOf(decodeOk(encodeSyncml(wrong)).text).map((f) => f.split(':')[0]), ['wrong-code-family', 'unknown-alert-type']);
});

test('a WBXML 1.1 header with the SyncML 1.1 public id: the exact decoded text', () => {
  const bytes = [
    ...header({ version: 0x01, publicId: 0x0fd3 }),
    SyncML | CONTENT,
    SyncHdr | CONTENT, VerDTD | CONTENT, ...strI('1.1'), T.END, T.END,
    SyncBody | CONTENT,
    Status | CONTENT, CmdID | CONTENT, ...strI('1'), T.END, Cmd | CONTENT, ...strI('Get'), T.END,
    Data | CONTENT, ...strI('404'), T.END, T.END,
    Final, T.END, T.END,
  ];
  assert.equal(
    decodeOk(bytes).text,
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<!-- Decoded from WBXML 1.1: public id 0x0FD3 (SyncML 1.1), charset UTF-8. Positions refer to this decoded text. -->',
      '<SyncML xmlns="SYNCML:SYNCML1.1">',
      '  <SyncHdr>',
      '    <VerDTD>1.1</VerDTD>',
      '  </SyncHdr>',
      '  <SyncBody>',
      '    <Status>',
      '      <CmdID>1</CmdID>',
      '      <Cmd>Get</Cmd>',
      '      <Data>404</Data>',
      '    </Status>',
      '    <Final/>',
      '  </SyncBody>',
      '</SyncML>',
      '',
    ].join('\n'),
  );
});

test('string-table references: STR_T text, a LITERAL tag name, a string public id naming the DDF', () => {
  // Table: "-//OMA//DTD-DM-DDF 1.2//EN\0" (offset 0, written by header()), then "node\0Vendor\0".
  const publicId = '-//OMA//DTD-DM-DDF 1.2//EN';
  const node = publicId.length + 1;
  const vendor = node + 'node'.length + 1;
  const bytes = [
    ...header({ publicId, table: [...utf8('node'), 0, ...utf8('Vendor'), 0] }),
    T.SWITCH_PAGE, 2,
    0x20 | CONTENT, // MgmtTree
    0x37 | CONTENT, ...strI('1.2'), T.END, // VerDTD
    0x24 | CONTENT, // Node
    0x26 | CONTENT, T.STR_T, ...mb(vendor), T.END, // NodeName
    0x16 | CONTENT, 0x18 | CONTENT, T.LITERAL | CONTENT, ...mb(node), T.END, T.END, T.END, // DFProperties/DFType/<node>
    T.END, T.END,
  ];
  const { text } = decodeOk(bytes);
  assert.match(text, /public id "-\/\/OMA\/\/DTD-DM-DDF 1\.2\/\/EN" \(DM DDF 1\.2\)/);
  assert.deepEqual(xmlTree(text), xmlTree('<MgmtTree><VerDTD>1.2</VerDTD><Node><NodeName>Vendor</NodeName><DFProperties><DFType><node/></DFType></DFProperties></Node></MgmtTree>'));
  assert.match(text, /<MgmtTree xmlns="syncml:dmddf1\.2">/);
  const view = wbxmlView(Uint8Array.from(bytes), 'tree.wbxml');
  assert.ok(view.ok);
  assert.equal(view.languageId, 'dmtree');
});

test('opaque data: nested WBXML decoded in place, text with markup as CDATA, binary as base64, entities as references', () => {
  const devinf = [...header({ publicId: 0x1203 }), 0x0a | CONTENT, 0x25 | CONTENT, ...strI('1.2'), T.END, T.END]; // DevInf/VerDTD
  const bytes = [
    ...header({ publicId: 0x1201 }),
    SyncML | CONTENT, SyncBody | CONTENT,
    Results | CONTENT,
    Item | CONTENT, Data | CONTENT, ...opaque(devinf), T.END, T.END,
    Item | CONTENT, Meta | CONTENT, T.SWITCH_PAGE, 1, Format | CONTENT, ...strI('xml'), T.END, T.SWITCH_PAGE, 0, T.END,
    Data | CONTENT, ...opaque(utf8('<a href="x">1 & 2</a>')), T.END, T.END,
    Item | CONTENT, Data | CONTENT, ...opaque([0xff, 0x00, 0x10]), T.END, T.END,
    Item | CONTENT, Data | CONTENT, ...strI('a'), T.ENTITY, ...mb(0xe9), ...strI('b'), T.END, T.END,
    T.END, T.END, T.END,
  ];
  const { text } = decodeOk(bytes);
  assert.match(text, /<Data>\n {10}<DevInf xmlns="syncml:devinf">\n {12}<VerDTD>1\.2<\/VerDTD>\n {10}<\/DevInf>\n {8}<\/Data>/);
  assert.match(text, /<Format xmlns="syncml:metinf">xml<\/Format>/);
  assert.match(text, /<Data><!\[CDATA\[<a href="x">1 & 2<\/a>\]\]><\/Data>/);
  assert.match(text, /<Data><!-- opaque binary data, 3 bytes, shown in base64 -->\/wAQ<\/Data>/);
  assert.match(text, /<Data>a&#233;b<\/Data>/);
  assert.equal(xmlTree(text).children[0].children[0].children[1].children[1].text, '<a href="x">1 & 2</a>');
});

test('a capture that breaks off: the part that decoded, closed, and one comment with the byte offset', () => {
  const whole = encodeSyncml(readFileSync(join(ROOT, 'examples', 'dm-session-1-client.xml'), 'utf8'));
  let partial = 0;
  for (let cut = 1; cut < whole.length; cut++) {
    const r = decodeBytes(whole.subarray(0, cut));
    if (!r.ok) {
      assert.match(r.reason, /^(WBXML that does not decode: .* \(byte offset \d+\)|binary file .*)$/, `cut ${cut}`);
      assert.doesNotMatch(r.reason, /\n/);
      continue;
    }
    partial++;
    assert.ok(r.wbxml?.problem, `cut ${cut}: a problem is reported`);
    const { offset, textOffset, textEnd } = r.wbxml.problem;
    assert.ok(offset <= cut, `cut ${cut}: offset ${offset}`);
    assert.match(r.text.slice(textOffset, textEnd), /^<!-- WBXML decoding stopped at byte offset \d+: .* -->$/);
    assert.doesNotThrow(() => xmlTree(r.text), `cut ${cut}: the decoded part is well-formed`);
  }
  assert.ok(partial > whole.length / 2);
});

test('header faults are one line with the byte offset; data after the root is a stop', () => {
  const fail = (bytes: number[]): string => {
    const r = decodeWbxml(Uint8Array.from(bytes));
    assert.equal(r.ok, false);
    return r.ok ? '' : `${r.message} @${r.offset}`;
  };
  assert.equal(fail([0x03, 0xa4, 0x01, 0x87, 0x77, 0x00, 0x6d, 0x01]), 'charset MIBenum 1015 (UTF-16) is not supported (UTF-8, US-ASCII, ISO-8859-1 and windows-1252 are) @3');
  assert.equal(fail([0x03, 0x01, 0x6a, 0x05, 0x41]), 'the string table claims 5 bytes but only 1 follow @3');
  assert.equal(fail([0x03, 0x01, 0x6a, 0x00, T.STR_I, 0x41, 0x00]), 'text outside the root element @4');
  const badRef = decodeOk([0x03, 0x01, 0x6a, 0x00, SyncML | CONTENT, T.STR_T, 0x05]);
  assert.deepEqual(badRef.problem && [badRef.problem.message, badRef.problem.offset], ["STR_T refers to string-table offset 5, beyond the table's 0 bytes", 5]);
  const trailing = decodeOk([0x03, 0x01, 0x6a, 0x00, SyncML, 0x41]);
  assert.equal(trailing.problem?.message, 'unexpected token 0x41 after the end of the root element');
  assert.equal(trailing.problem?.offset, 5);
});

test('sniffing claims WBXML of the SyncML family only, never text or UTF-16', () => {
  const enc = (s: string, label: 'utf-16le' | 'utf-16be'): Uint8Array => {
    const out = new Uint8Array(s.length * 2);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      out.set(label === 'utf-16le' ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff], i * 2);
    }
    return out;
  };
  const xml = '<SyncML><SyncBody/></SyncML>';
  for (const bytes of [
    new TextEncoder().encode(xml),
    Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(xml)]),
    enc('\ufeff' + xml, 'utf-16le'),
    enc('\ufeff' + xml, 'utf-16be'),
    enc(xml, 'utf-16le'),
    enc(xml, 'utf-16be'),
    Uint8Array.from([0x01, ...utf8('hello, world\n')]),
    Uint8Array.from([0x03, 0x04, 0x6a, 0x00, 0x7f, 0x01]), // WML 1.1: WBXML, but not ours
    new Uint8Array(0),
  ]) {
    assert.equal(looksLikeWbxml(bytes), false, Array.from(bytes.subarray(0, 6)).join(','));
    const r = decodeBytes(bytes);
    assert.ok(!r.ok || !r.wbxml);
  }
  assert.equal(looksLikeWbxml(encodeSyncml(xml)), true);
});

test('the editor view: decoded text and language, a warning for a capture that broke off, a refusal for text', () => {
  const whole = readFileSync(join(VECTORS, 'buteo-resp.wbxml'));
  const view = wbxmlView(whole, 'resp.wbxml');
  assert.ok(view.ok);
  assert.equal(view.languageId, 'syncml');
  assert.equal(view.warning, undefined);
  const cut = wbxmlView(whole.subarray(0, 300), 'resp.wbxml');
  assert.ok(cut.ok);
  assert.match(cut.warning ?? '', /^resp\.wbxml: WBXML decoding stopped at byte offset \d+: .*\. The part before it is shown\.$/);
  const text = wbxmlView(new TextEncoder().encode('<SyncML/>'), 'a.xml');
  assert.deepEqual(text, { ok: false, message: 'a.xml is not WBXML (it reads as utf-8 text): open it as it is.' });
});

test('a token no code page defines is named by page and number, in its page namespace', () => {
  const UndefinedMetInf = 0x3f, UndefinedSyncML = 0x3e;
  const bytes = [
    ...header({ publicId: 0x1201 }),
    SyncML | CONTENT, SyncBody | CONTENT, Item | CONTENT,
    Meta | CONTENT, T.SWITCH_PAGE, 1, UndefinedMetInf | CONTENT, ...strI('x'), T.END, Format | CONTENT, ...strI('int'), T.END, T.END,
    T.SWITCH_PAGE, 0, UndefinedSyncML | CONTENT, ...strI('y'), T.END,
    T.END, T.END, T.END,
  ];
  const { text, problem } = decodeOk(bytes);
  assert.equal(problem, undefined);
  assert.match(text, /\n {8}<Unknown-page1-0x3F xmlns="syncml:metinf">x<\/Unknown-page1-0x3F>\n {8}<Format xmlns="syncml:metinf">int<\/Format>\n/);
  assert.match(text, /\n {6}<Unknown-page0-0x3E>y<\/Unknown-page0-0x3E>\n/);
});

test('elements nested deeper than the cached indentation are indented all the same', () => {
  const depth = 70;
  const bytes = [...header({ publicId: 0x1201 }), SyncML | CONTENT, SyncBody | CONTENT];
  for (let i = 0; i < depth; i++) bytes.push(Item | CONTENT);
  bytes.push(Data | CONTENT, ...strI('1'), T.END);
  for (let i = 0; i < depth + 2; i++) bytes.push(T.END);
  const lines = decodeOk(bytes).text.split('\n');
  for (let i = 0; i < depth; i++) assert.equal(lines[4 + i], `${'  '.repeat(i + 2)}<Item>`, `opening line at depth ${i + 2}`);
  assert.equal(lines[4 + depth], `${'  '.repeat(depth + 2)}<Data>1</Data>`);
  for (let i = depth - 1; i >= 0; i--) assert.equal(lines[4 + depth + (depth - i)], `${'  '.repeat(i + 2)}</Item>`, `closing line at depth ${i + 2}`);
});
