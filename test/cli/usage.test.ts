/**
 * syncml-check: help, version and every usage error. A usage error is one clear line on stderr
 * (plus a pointer to --help), nothing on stdout, exit status 2, never a stack trace.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli } from '../support/cliRun';

function usageError(args: string[], expected: RegExp): void {
  const r = runCli(args);
  assert.equal(r.status, 2, `exit status for ${args.join(' ')}: ${r.stderr}`);
  assert.equal(r.stdout, '', 'nothing on stdout');
  const lines = r.stderr.trim().split('\n');
  assert.match(lines[0], /^syncml-check: /);
  assert.match(lines[0], expected);
  assert.match(r.stderr, /Try 'syncml-check --help'/);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
}

test('--help prints the usage, the formats and the exit statuses', () => {
  for (const flag of ['--help', '-h']) {
    const r = runCli([flag]);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^Usage:/);
    assert.match(r.stdout, /syncml-check \[options\] <file\|dir\|->\.\.\./);
    assert.match(r.stdout, /syncml-check explain <number> \[--family <id>\]/);
    assert.match(r.stdout, /syncml-check decode/);
    assert.match(r.stdout, /--format text\|json\|sarif/);
    assert.match(r.stdout, /--max-warnings N/);
    assert.match(r.stdout, /Exit status:\n\s+0 .*\n\s+1 .*\n\s+2 /);
    assert.match(r.stdout, /fumo-result/);
  }
});

test('--version prints the package version', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  for (const flag of ['--version', '-V']) {
    const r = runCli([flag]);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, `syncml-check ${pkg.version}\n`);
  }
});

test('no input at all is a usage error', () => {
  usageError([], /no input: give a file, a directory or - \(stdin\)/);
});

test('an unknown option is a usage error naming it', () => {
  usageError(['--frobnicate', 'examples'], /unknown option '--frobnicate'/);
  usageError(['-x', 'examples'], /unknown option '-x'/);
  usageError(['--format=json', '--colour', 'examples'], /unknown option '--colour'/);
});

test('an option without its value is a usage error', () => {
  usageError(['--format'], /option --format needs a value/);
  usageError(['examples', '--max-warnings'], /option --max-warnings needs a value/);
  usageError(['--format', '--verbose', 'examples'], /option --format needs a value/);
  usageError(['--format=', 'examples'], /option --format needs a value/);
  usageError(['explain', '404', '--family'], /option --family needs a value/);
});

test('an unknown format is a usage error listing the formats', () => {
  usageError(['--format', 'yaml', 'examples'], /unknown format 'yaml' for --format \(expected text, json or sarif\)/);
  usageError(['explain', '404', '--format', 'sarif'], /explain supports --format text or json/);
  usageError(['decode', '--format', 'sarif', 'examples'], /decode supports --format text or json/);
});

test('a bad --max-warnings is a usage error', () => {
  for (const v of ['abc', '1.5', '-3', '2x']) {
    usageError(['--max-warnings', v, 'examples'], new RegExp(`--max-warnings expects a non-negative integer.*got '${v.replace('.', '\\.')}'`));
  }
});

test('--max-warnings -1 means unlimited and is accepted', () => {
  const r = runCli(['--max-warnings', '-1', 'examples/dm-session.xml']);
  assert.equal(r.status, 0, r.stderr);
});

test('explain: an unknown family is a usage error that lists the valid ids', () => {
  const r = runCli(['explain', '404', '--family', 'fumo']);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^syncml-check: unknown family 'fumo' \(valid ids: syncml-status, dm-alert, .*fumo-result.*healthattestation-status, dcmo-result\)/);
});

test('explain: missing or extra numbers are usage errors', () => {
  usageError(['explain'], /explain needs a number/);
  usageError(['explain', '404', '405'], /explain takes one number, got 2/);
  usageError(['explain', '404', '--max-warnings', '1'], /--max-warnings applies to checking/);
});

test('options that belong to another command are usage errors', () => {
  usageError(['--family', 'fumo-result', 'examples'], /--family applies to explain only/);
  usageError(['--annotate', 'examples'], /--annotate applies to decode only/);
  usageError(['decode', '--max-warnings', '0', 'examples'], /--max-warnings applies to checking, not to decode/);
  usageError(['decode'], /decode needs a file, a directory or - \(stdin\)/);
  usageError(['-', '-'], /standard input \('-'\) can be read only once/);
  usageError(['--verbose=yes', 'examples'], /option --verbose takes no value/);
});

test("'--' ends the options: a file named like an option can be checked", () => {
  const r = runCli(['--', '--no-such-file.xml']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^syncml-check: --no-such-file\.xml: no such file or directory$/m);
});
