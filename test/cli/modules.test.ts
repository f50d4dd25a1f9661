/**
 * The CLI's pure modules, directly: argument parsing, byte decoding, URI encoding, the text summary.
 * (Everything a user sees is also tested through the built executable in the other files.)
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs } from '../../server/src/cli/args';
import { decodeBytes } from '../../server/src/model/encoding';
import { relativePathToUri } from '../../server/src/cli/format/sarif';
import { formatSummary } from '../../server/src/cli/format/text';
import type { FileResult } from '../../server/src/cli/types';

test('parseArgs: options before or after inputs, --name=value, and the default command', () => {
  assert.deepEqual(parseArgs(['a.xml', '--format=json', 'dir', '--max-warnings', '3']), {
    command: 'check',
    verbose: false,
    color: 'auto',
    format: 'json',
    inputs: ['a.xml', 'dir'],
    maxWarnings: 3,
    stdinFilename: undefined,
    ddf: [],
  });
  assert.equal(parseArgs(['--decode', 'x.xml']).command, 'decode');
  assert.equal(parseArgs(['decode', '--annotate', 'x.xml']).command, 'decode');
  assert.equal(parseArgs(['--help', '--frob']).command, 'usage-error', 'an unknown option wins over --help');
  assert.equal(parseArgs(['x.xml', '--version']).command, 'version');
});

test('parseArgs: explain takes a signed-decimal HRESULT as its number, not as an option', () => {
  assert.deepEqual(parseArgs(['explain', '-2016345708', '--family', 'syncml-status']), {
    command: 'explain',
    verbose: false,
    color: 'auto',
    format: 'text',
    input: '-2016345708',
    family: 'syncml-status',
    ddf: [],
  });
  const bad = parseArgs(['-2016345708']);
  assert.equal(bad.command, 'usage-error');
  assert.deepEqual(parseArgs(['explain', '-5', '--decode']), { command: 'usage-error', message: '--decode cannot be combined with explain' });
});

test('parseArgs: short options are not grouped, and a value may be - or a negative number', () => {
  assert.deepEqual(parseArgs(['-hV']), { command: 'usage-error', message: "unknown option '-hV'" });
  assert.deepEqual(parseArgs(['-h=x']), { command: 'usage-error', message: "unknown option '-h=x'" });
  const r = parseArgs(['--stdin-filename', '-', '--max-warnings', '-1', '--no-color', '--', '-']);
  assert.deepEqual(r, {
    command: 'check',
    verbose: false,
    color: 'never',
    format: 'text',
    inputs: ['-'],
    maxWarnings: undefined,
    stdinFilename: '-',
    ddf: [],
  });
});

test('decodeBytes: UTF-8 (BOM dropped), UTF-16 with and without BOM, a declared single-byte encoding, binary', () => {
  const xml = '<SyncML>é</SyncML>';
  assert.deepEqual(decodeBytes(Buffer.from('\ufeff' + xml)), { ok: true, text: xml, encoding: 'utf-8 (BOM)' });
  assert.deepEqual(decodeBytes(Buffer.from(xml, 'utf16le')), { ok: true, text: xml, encoding: 'utf-16le' });
  assert.deepEqual(decodeBytes(Buffer.from(xml, 'utf16le').swap16()), { ok: true, text: xml, encoding: 'utf-16be' });
  const latin1 = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><SyncML>\xe9</SyncML>', 'latin1');
  const d = decodeBytes(latin1);
  assert.ok(d.ok && d.text.endsWith('<SyncML>é</SyncML>') && d.encoding === 'iso-8859-1', JSON.stringify(d));
  // A UTF-8 file that declares utf-16 (seen in real captures): the bytes decide.
  assert.equal(decodeBytes(Buffer.from('<?xml version="1.0" encoding="utf-16"?><SyncML/>')).ok, true);
  assert.deepEqual(decodeBytes(Buffer.from([0x3c, 0x00, 0x00, 0x41])), { ok: false, reason: 'binary file (NUL byte at offset 1)' });
  assert.equal(decodeBytes(Buffer.from([0xff, 0xfe, 0x3c])).ok, false, 'odd-length UTF-16');
});

test('not valid UTF-8: the offset of the first bad byte, after overlong forms, surrogates and truncated sequences', () => {
  const reason = (bytes: Buffer) => {
    const d = decodeBytes(bytes);
    return d.ok ? 'decoded' : d.reason;
  };
  const at = (offset: number) => `binary file (not valid UTF-8 at offset ${offset})`;
  assert.equal(reason(Buffer.from([0x61, 0xc0, 0xaf])), at(1), 'overlong');
  assert.equal(reason(Buffer.from([0x61, 0x62, 0xed, 0xa0, 0x80])), at(2), 'surrogate');
  assert.equal(reason(Buffer.from([0x61, 0xe2, 0x82])), at(1), 'truncated');
  assert.equal(reason(Buffer.concat([Buffer.from('abc€😀'), Buffer.from([0xff])])), at(10), 'valid sequences are skipped whole');
});

test('relativePathToUri percent-encodes each segment', () => {
  assert.equal(relativePathToUri('a b/c#1/ü.xml'), 'a%20b/c%231/%C3%BC.xml');
  assert.equal(relativePathToUri("it's (1).xml"), 'it%27s%20%281%29.xml');
});

test('formatSummary: counts, plurals, and files with problems out of files checked', () => {
  const d = (severity: 1 | 2 | 3 | 4) => ({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity, message: 'm' });
  const f = (path: string, ...sev: (1 | 2 | 3 | 4)[]): FileResult => ({ path, uri: path, relative: true, diagnostics: sev.map(d) });
  assert.equal(formatSummary([f('a'), f('b')]), 'No problems in 2 files.');
  assert.equal(formatSummary([f('a', 1)]), '1 problem (1 error, 0 warnings) in 1 file');
  assert.equal(formatSummary([f('a', 1, 2, 2), f('b', 3, 4), f('c')]), '5 problems (1 error, 2 warnings, 1 information, 1 hint) in 2 of 3 files');
});
