/**
 * syncml-check --format sarif: a SARIF 2.1.0 log that GitHub code scanning accepts. Checked
 * structurally (test/support/cliSarif.ts) and against the OASIS JSON schema.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expectedMistakes, DIAGNOSTIC_CODES } from '../support/cliExamples';
import { dmMessage, parseTextReport, ROOT, runCli, status, tempTree } from '../support/cliRun';
import { checkSarif } from '../support/cliSarif';

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Region } }[];
  partialFingerprints: Record<string, string>;
}
interface Rule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  defaultConfiguration: { level: string };
}
interface Log {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri?: string; rules: Rule[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    columnKind: string;
    invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { level: string; message: { text: string } }[] }[];
    results: Result[];
  }[];
}

function sarif(args: string[], cwd?: string): { status: number | null; log: Log; stderr: string } {
  const r = runCli(['--format', 'sarif', ...args], { cwd });
  return { status: r.status, log: JSON.parse(r.stdout) as Log, stderr: r.stderr };
}

test('sarif on examples/: a valid SARIF 2.1.0 log with one result per diagnostic, exit 1', () => {
  const { status: code, log } = sarif(['examples']);
  assert.equal(code, 1);
  assert.deepEqual(checkSarif(log), []);
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const run = log.runs[0];
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  assert.equal(run.tool.driver.name, 'syncml-check');
  assert.equal(run.tool.driver.version, pkg.version);
  assert.equal(run.columnKind, 'utf16CodeUnits');
  assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(ROOT).href + '/');
  assert.deepEqual(run.invocations, [{ executionSuccessful: true }]);
  assert.deepEqual(
    run.results.map((r) => `${r.ruleId}@${r.locations[0].physicalLocation.region.startLine}`),
    expectedMistakes().map((m) => `${m.code}@${m.line}`),
  );
  for (const r of run.results) {
    assert.deepEqual(r.locations[0].physicalLocation.artifactLocation, { uri: 'examples/mistakes.xml', uriBaseId: '%SRCROOT%' });
  }
});

test('sarif rules: every diagnostic code, with descriptions, help (text and markdown with an example) and a default level', () => {
  const { log } = sarif(['examples/dm-session.xml']);
  const rules = log.runs[0].tool.driver.rules;
  assert.deepEqual(rules.map((r) => r.id).sort(), [...DIAGNOSTIC_CODES].sort());
  const level = Object.fromEntries(rules.map((r) => [r.id, r.defaultConfiguration.level]));
  assert.deepEqual(level, {
    'undefined-code': 'warning',
    'wrong-code-family': 'warning',
    'unexpected-status-for-command': 'note',
    'not-a-code': 'warning',
    'vendor-code': 'note',
    'unknown-alert-type': 'note',
    'xml-syntax': 'error',
    'malformed-uri': 'warning',
    'markup-in-data': 'warning',
    'unknown-node': 'warning',
    'command-not-allowed': 'warning',
    'format-mismatch': 'warning',
    'value-not-allowed': 'warning',
    'deprecated-node': 'note',
  });
  for (const r of rules) {
    assert.ok(r.shortDescription.text.length > 10, r.id);
    assert.ok(r.fullDescription.text.length > r.shortDescription.text.length, r.id);
    assert.match(r.help.markdown, /```xml\n/, r.id);
    assert.match(r.help.text, /Example: /, r.id);
  }
  assert.deepEqual(log.runs[0].results, [], 'a clean file has no results');
  assert.deepEqual(checkSarif(log), []);
});

test('sarif levels and regions match the text output (1-based columns, exclusive end)', () => {
  const text = parseTextReport(runCli(['examples/mistakes.xml']).stdout);
  const { log } = sarif(['examples/mistakes.xml']);
  const results = log.runs[0].results;
  assert.equal(results.length, text.length);
  const levelOf: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
  results.forEach((r, i) => {
    const region = r.locations[0].physicalLocation.region;
    assert.equal(r.ruleId, text[i].code);
    assert.equal(r.level, levelOf[text[i].severity]);
    assert.equal(region.startLine, text[i].line);
    assert.equal(region.startColumn, text[i].column);
    assert.equal(r.message.text, text[i].message);
    assert.equal(log.runs[0].tool.driver.rules[r.ruleIndex].id, r.ruleId);
  });
  const family = results.find((r) => r.ruleId === 'wrong-code-family')!;
  const line = expectedMistakes().find((m) => m.code === 'wrong-code-family')!.line;
  assert.deepEqual(family.locations[0].physicalLocation.region, { startLine: line, startColumn: 13, endLine: line, endColumn: 17 });
});

test('sarif columns count UTF-16 code units (a character outside the BMP counts 2)', () => {
  const t = tempTree({ 'emoji.xml': dmMessage(`    <!-- \u{1F4F1} --><Status><CmdID>1</CmdID><MsgRef>1</MsgRef><CmdRef>2</CmdRef><Cmd>Exec</Cmd><Data>1200</Data></Status>`) });
  try {
    const { log } = sarif([join(t.dir, 'emoji.xml')]);
    const region = log.runs[0].results[0].locations[0].physicalLocation.region;
    // "    <!-- " is 9 units, the emoji 2, " -->" 4, then the Status line as in the other tests (86 - 4 - 1 = 81 units before the 1).
    assert.equal(region.startColumn, 9 + 2 + 4 + 81 + 1);
    assert.equal(region.endColumn - region.startColumn, 4);
  } finally {
    t.cleanup();
  }
});

test('sarif partial fingerprints are stable when lines move', () => {
  const body = status(1, 'Exec', '1200');
  const t = tempTree({ 'a.xml': dmMessage(body), 'b/a.xml': '' });
  try {
    const first = sarif(['a.xml'], t.dir).log.runs[0].results[0];
    const moved = tempTree({ 'a.xml': dmMessage('\n\n\n' + body) });
    try {
      const second = sarif(['a.xml'], moved.dir).log.runs[0].results[0];
      assert.notEqual(first.locations[0].physicalLocation.region.startLine, second.locations[0].physicalLocation.region.startLine);
      assert.deepEqual(first.partialFingerprints, second.partialFingerprints);
    } finally {
      moved.cleanup();
    }
  } finally {
    t.cleanup();
  }
});

test('sarif uris: relative to %SRCROOT% (percent-encoded) inside the working directory, absolute file: URIs outside it', () => {
  const t = tempTree({ 'sub dir/m #1.xml': dmMessage(status(1, 'Exec', '1200')) });
  try {
    const inside = sarif(['sub dir'], t.dir).log;
    assert.deepEqual(checkSarif(inside), []);
    assert.deepEqual(inside.runs[0].results[0].locations[0].physicalLocation.artifactLocation, { uri: 'sub%20dir/m%20%231.xml', uriBaseId: '%SRCROOT%' });
    const outside = sarif([join(t.dir, 'sub dir')]).log;
    assert.deepEqual(checkSarif(outside), []);
    const loc = outside.runs[0].results[0].locations[0].physicalLocation.artifactLocation;
    assert.equal(loc.uri, pathToFileURL(join(t.dir, 'sub dir', 'm #1.xml')).href);
    assert.equal(loc.uriBaseId, undefined);
  } finally {
    t.cleanup();
  }
});

test('sarif with an unreadable input: still a valid log, the problem as a tool notification, exit 2', () => {
  const { status: code, log, stderr } = sarif(['examples/dm-session.xml', 'missing.xml']);
  assert.equal(code, 2);
  assert.match(stderr, /missing\.xml: no such file or directory/);
  assert.deepEqual(checkSarif(log), []);
  const inv = log.runs[0].invocations[0];
  assert.equal(inv.executionSuccessful, false);
  assert.deepEqual(inv.toolExecutionNotifications, [{ level: 'error', message: { text: 'missing.xml: no such file or directory' } }]);
});

test('the structural SARIF check catches what GitHub would reject', () => {
  const { log } = sarif(['examples/mistakes.xml']);
  const broken = JSON.parse(JSON.stringify(log)) as Log;
  broken.runs[0].results[0].level = 'info';
  broken.runs[0].results[1].ruleIndex = 0;
  broken.runs[0].results[2].locations[0].physicalLocation.region.startLine = 0;
  broken.runs[0].results[3].locations[0].physicalLocation.artifactLocation.uri = 'examples\\mistakes.xml';
  broken.runs[0].tool.driver.rules.push({ ...broken.runs[0].tool.driver.rules[0] });
  const problems = checkSarif(broken);
  assert.equal(problems.length, 5, problems.join('\n'));
});

test('sarif against the OASIS SARIF 2.1.0 JSON schema', () => {
  // devDependencies for exactly this check: @microsoft/jest-sarif ships the official schema
  // (we use only its schema file), ajv-draft-04 and ajv-formats validate against it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const req = (m: string) => require(require.resolve(m, { paths: [ROOT] }));
  const Ajv = req('ajv-draft-04');
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, logger: false });
  req('ajv-formats')(ajv);
  const validate = ajv.compile(req('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'));
  for (const args of [['examples'], ['examples/dm-session.xml'], ['examples/dm-session.xml', 'missing.xml']]) {
    const { log } = sarif(args);
    assert.ok(validate(log), `${args.join(' ')}: ${JSON.stringify(validate.errors, null, 1)}`);
  }
});
