/**
 * syncml-check on the examples and on small messages: what a user sees in each format, and the
 * exit status (0 clean, 1 errors or too many warnings).
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { expectedMistakes, DIAGNOSTIC_CODES } from '../support/cliExamples';
import { dmMessage, parseTextReport, runCli, status, tempTree } from '../support/cliRun';

const SEVERITY: Record<string, string> = {
  'undefined-code': 'warning',
  'wrong-code-family': 'warning',
  'unexpected-status-for-command': 'information',
  'not-a-code': 'warning',
  'vendor-code': 'hint',
  'unknown-alert-type': 'information',
  'xml-syntax': 'error',
  'malformed-uri': 'warning',
  'markup-in-data': 'warning',
  'unknown-node': 'warning',
  'command-not-allowed': 'warning',
  'format-mismatch': 'warning',
  'value-not-allowed': 'warning',
  'deprecated-node': 'hint',
};

test('examples/mistakes.xml has one deliberate mistake per diagnostic code', () => {
  const codes = expectedMistakes().map((m) => m.code);
  assert.deepEqual([...new Set(codes)].sort(), [...DIAGNOSTIC_CODES].sort());
});

test('examples/: every deliberate mistake is reported at its line, nothing else, exit 1 (mistakes.xml has an XML error)', () => {
  const r = runCli(['examples']);
  assert.equal(r.status, 1, r.stderr);
  assert.equal(r.stderr, '');
  const lines = parseTextReport(r.stdout);
  const expected = expectedMistakes();
  assert.deepEqual(
    lines.map((l) => `${l.path}:${l.line}: ${l.severity} ${l.code}`),
    expected.map((m) => `examples/mistakes.xml:${m.line}: ${SEVERITY[m.code]} ${m.code}`),
  );
  const c = (code: string) => expected.filter((m) => m.code === code).length;
  const warnings = expected.filter((m) => SEVERITY[m.code] === 'warning').length;
  const info = c('unexpected-status-for-command') + c('unknown-alert-type');
  const hints = c('vendor-code') + c('deprecated-node');
  assert.match(
    r.stdout,
    new RegExp(`\\n\\n${expected.length} problems \\(1 error, ${warnings} warnings, ${info} information, ${hints} hints\\) in 1 of 5 files\\n$`),
  );
});

test('examples/mistakes.xml, text format: path:line:column: severity code message, at the number itself', () => {
  const r = runCli(['examples/mistakes.xml']);
  assert.equal(r.status, 1);
  const lines = parseTextReport(r.stdout);
  const family = lines.find((l) => l.code === 'wrong-code-family');
  assert.ok(family, r.stdout);
  const m = expectedMistakes().find((x) => x.code === 'wrong-code-family')!;
  assert.equal(m.text, '<Data>1200</Data>');
  assert.equal(family.line, m.line);
  assert.equal(family.column, 13, 'the column of the 1 of 1200 (after 6 spaces and <Data>)');
  assert.match(family.message, /1200 is not a SyncML status code/);
  assert.match(r.stdout, /^examples\/mistakes\.xml:\d+:\d+: error xml-syntax /m);
  assert.match(r.stdout, /^examples\/mistakes\.xml:\d+:13: warning not-a-code .*'OK'/m);
  assert.match(r.stdout, /^examples\/mistakes\.xml:\d+:15: warning undefined-code 1418 .*1413/m);
  assert.match(r.stdout, /^examples\/mistakes\.xml:\d+:15: hint vendor-code 260 /m);
  for (const l of lines) assert.doesNotMatch(l.message, /\n/);
});

test('the correct examples are clean: exit 0 and a summary', () => {
  const r = runCli(['examples/dm-session.xml', 'examples/dm-session-1-client.xml', 'examples/dm-session-2-server.xml', 'examples/fumo.ddf']);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(r.stdout, 'No problems in 4 files.\n');
});

test('json format: one object per file, LSP diagnostics with 0-based ranges', () => {
  const r = runCli(['--format', 'json', 'examples']);
  assert.equal(r.status, 1);
  const report = JSON.parse(r.stdout) as {
    path: string;
    diagnostics: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; severity: number; code: string; source: string; message: string }[];
  }[];
  assert.deepEqual(
    report.map((f) => f.path),
    ['examples/dm-session-1-client.xml', 'examples/dm-session-2-server.xml', 'examples/dm-session.xml', 'examples/fumo.ddf', 'examples/mistakes.xml'],
  );
  for (const f of report.slice(0, 4)) assert.deepEqual(f.diagnostics, [], f.path);
  const mistakes = report[4].diagnostics;
  assert.equal(mistakes.length, expectedMistakes().length);
  for (const d of mistakes) {
    assert.equal(d.source, 'syncml');
    assert.ok([1, 2, 3, 4].includes(d.severity));
    assert.equal(typeof d.message, 'string');
  }
  const family = mistakes.find((d) => d.code === 'wrong-code-family')!;
  const line = expectedMistakes().find((m) => m.code === 'wrong-code-family')!.line;
  assert.deepEqual(family.range, { start: { line: line - 1, character: 12 }, end: { line: line - 1, character: 16 } });
  assert.equal(family.severity, 2);
  assert.equal(mistakes.find((d) => d.code === 'xml-syntax')!.severity, 1);
});

test('exit status 1 for an error, whatever --max-warnings says', () => {
  const t = tempTree({ 'broken.xml': dmMessage(status(1, 'Get', '200')).replace('</SyncBody>', '') });
  try {
    const r = runCli(['--max-warnings', '100', join(t.dir, 'broken.xml')]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /: error xml-syntax /);
    assert.match(r.stdout, /\(1 error, 0 warnings\)/);
  } finally {
    t.cleanup();
  }
});

test('--max-warnings: exit 1 with a message when there are more warnings than allowed, 0 otherwise', () => {
  const twoWarnings = dmMessage([status(1, 'Exec', '1200'), status(2, 'Get', 'OK')].join('\n'));
  const t = tempTree({ 'w.xml': twoWarnings });
  try {
    const file = join(t.dir, 'w.xml');
    const unlimited = runCli([file]);
    assert.equal(unlimited.status, 0, 'warnings alone do not fail without --max-warnings');
    assert.match(unlimited.stdout, /2 problems \(0 errors, 2 warnings\) in 1 file/);

    const within = runCli(['--max-warnings', '2', file]);
    assert.equal(within.status, 0);

    const over = runCli(['--max-warnings', '1', file]);
    assert.equal(over.status, 1);
    assert.equal(over.stderr, 'syncml-check: too many warnings (2, at most 1 allowed by --max-warnings)\n');
    assert.equal(parseTextReport(over.stdout).length, 2, 'the warnings are still listed');

    const zero = runCli(['--max-warnings=0', '--format', 'json', file]);
    assert.equal(zero.status, 1);
    assert.equal(JSON.parse(zero.stdout)[0].diagnostics.length, 2, 'json output is complete too');
  } finally {
    t.cleanup();
  }
});

test('--max-warnings counts warnings only: information and hints never fail the run', () => {
  // 201 on a Replace (information) and a FUMO vendor code (hint).
  const body = [
    status(1, 'Replace', '201'),
    '    <Alert><CmdID>2</CmdID><Data>1226</Data><Item><Source><LocURI>./FUMO/Pkg1/Update</LocURI></Source>',
    '      <Meta><Type xmlns="syncml:metinf">org.openmobilealliance.dm.firmwareupdate.update</Type><Format xmlns="syncml:metinf">int</Format></Meta>',
    '      <Data>260</Data></Item></Alert>',
  ].join('\n');
  const t = tempTree({ 'i.xml': dmMessage(body) });
  try {
    const r = runCli(['--max-warnings', '0', join(t.dir, 'i.xml')]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.deepEqual(
      parseTextReport(r.stdout).map((l) => `${l.severity} ${l.code}`),
      ['information unexpected-status-for-command', 'hint vendor-code'],
    );
    assert.match(r.stdout, /2 problems \(0 errors, 0 warnings, 1 information, 1 hint\) in 1 file/);
  } finally {
    t.cleanup();
  }
});

test('--color forces ANSI colours in text output; the default (not a terminal) has none', () => {
  const plain = runCli(['examples/mistakes.xml']);
  assert.doesNotMatch(plain.stdout, /\u001b\[/);
  const coloured = runCli(['--color', 'examples/mistakes.xml']);
  assert.match(coloured.stdout, /\u001b\[33mwarning\u001b\[0m/);
  const off = runCli(['--color', '--no-color', 'examples/mistakes.xml']);
  assert.doesNotMatch(off.stdout, /\u001b\[/);
});
