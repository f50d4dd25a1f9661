/**
 * WBXML inputs on the command line: recognised from their bytes whatever the name, checked and
 * decoded as their XML, printed with `decode --xml`; a capture that breaks off or does not decode.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, tempTree } from '../support/cliRun';
import { encodeSyncml } from '../support/wbxmlWriter';

const VECTOR = readFileSync(join(ROOT, 'test', 'wbxml', 'vectors', 'aosp-omadm-dm12-output-testalertconfirm.wbxml'));
const WRONG = encodeSyncml(
  '<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD></SyncHdr><SyncBody><Status><CmdID>1</CmdID><Cmd>Replace</Cmd><Data>1200</Data></Status><Final/></SyncBody></SyncML>',
);

test('a WBXML capture is checked whatever its name; positions refer to the decoded XML, and stderr says so', () => {
  const t = tempTree({ 'capture.bin': Buffer.from(WRONG), 'ok.wbxml': VECTOR });
  try {
    const r = runCli(['capture.bin'], { cwd: t.dir });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^capture\.bin:11:13: warning wrong-code-family /m);
    assert.equal(r.stderr, 'syncml-check: capture.bin: WBXML decoded to XML; line:column refer to the decoded XML (syncml-check decode --xml capture.bin prints it)\n');
    const xml = runCli(['decode', '--xml', 'capture.bin'], { cwd: t.dir });
    assert.equal(xml.status, 0);
    assert.equal(xml.stderr, '');
    assert.equal(xml.stdout.split('\n')[10], '      <Data>1200</Data>');
    const dir = runCli(['.'], { cwd: t.dir });
    assert.doesNotMatch(dir.stdout, /capture\.bin/, 'a directory search takes .wbxml files, not .bin');
    assert.match(dir.stdout, /No problems in 1 file\./);
    const decode = runCli(['decode', 'ok.wbxml'], { cwd: t.dir });
    assert.match(decode.stdout, /^ok\.wbxml — 1 code\n {2}\d+:\d+ {2}408 {2}Request timeout/);
  } finally {
    t.cleanup();
  }
});

test('a capture that breaks off: the part that decoded is checked, with one error at the byte offset', () => {
  const cut = VECTOR.subarray(0, 100);
  const r = runCli(['-'], { input: cut });
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^<stdin>:\d+:\d+: error xml-syntax WBXML decoding stopped at byte offset 95: the inline string \(STR_I\) has no terminating NUL before the end of the data; the rest of the capture is not shown$/m);
  assert.match(r.stdout, /1 problem \(1 error/);
  const xml = runCli(['decode', '--xml', '-'], { input: cut });
  assert.equal(xml.status, 1);
  assert.match(xml.stdout, /<!-- WBXML decoding stopped at byte offset 95: .* -->/);
  assert.match(xml.stderr, /^syncml-check: <stdin>: WBXML decoding stopped at byte offset 95: /);
});

test('a capture where nothing decodes: one line, exit 2, no stack trace', () => {
  const r = runCli(['-'], { input: VECTOR.subarray(0, 3) });
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, 'syncml-check: <stdin>: WBXML that does not decode: the data ends inside the charset (byte offset 3); skipped\n');
});

test('--xml belongs to decode, alone', () => {
  for (const [args, message] of [
    [['--xml', 'a.wbxml'], /--xml applies to decode only/],
    [['decode', '--xml', '--annotate', 'a.wbxml'], /--xml and --annotate cannot be combined/],
    [['decode', '--xml', '--format', 'json', 'a.wbxml'], /cannot be combined with --format json/],
  ] as const) {
    const r = runCli(args);
    assert.equal(r.status, 2);
    assert.match(r.stderr, message);
  }
});
