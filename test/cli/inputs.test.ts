/**
 * syncml-check: what it reads. Files, directories (recursion, which files, skipping XML that is not
 * SyncML or a DM tree), standard input, encodings (UTF-8 with BOM, UTF-16 LE/BE), and every input
 * that cannot be read: one clear line on stderr, exit status 2, and the rest still checked.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dmMessage, EXAMPLES, parseTextReport, runCli, status, tempTree } from '../support/cliRun';
import { CORPUS } from '../support/corpus';

const CLEAN = dmMessage(status(1, 'SyncHdr', '200', 0));
/** One warning (wrong-code-family) on line 9, column 86: 1200 in a Status. */
const ONE_WARNING = dmMessage(status(1, 'Exec', '1200'));
const NOT_SYNCML = '<?xml version="1.0"?>\n<project><name>not a SyncML file</name></project>\n';

test('a missing file: one line naming it, exit 2', () => {
  const r = runCli(['no/such/file.xml']);
  assert.equal(r.status, 2);
  assert.equal(r.stderr, 'syncml-check: no/such/file.xml: no such file or directory\n');
  assert.equal(r.stdout, '');
});

test('a missing file next to good ones: the good ones are still checked, exit 2', () => {
  const r = runCli(['examples/dm-session.xml', 'missing.xml']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^syncml-check: missing\.xml: no such file or directory$/m);
  assert.match(r.stdout, /No problems in 1 file\./);
});

test('an empty directory: nothing to check, exit 2', () => {
  const t = tempTree({ 'empty/': '' });
  try {
    const r = runCli([join(t.dir, 'empty')]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^syncml-check: .*empty: nothing to check: no \.xml, \.syncml, \.ddf, \.tnds or \.wbxml files found$/m);
    assert.equal(r.stdout, '');
  } finally {
    t.cleanup();
  }
});

test('a directory whose only XML is not SyncML: nothing to check, and --verbose says which file was skipped and why', () => {
  const t = tempTree({ 'pom.xml': NOT_SYNCML, 'notes.txt': 'hello' });
  try {
    const quiet = runCli([t.dir]);
    assert.equal(quiet.status, 2);
    assert.match(quiet.stderr, /nothing to check: 1 \.xml file found, but none is a SyncML message, profile or DM tree/);
    assert.doesNotMatch(quiet.stderr, /skipping/);
    const verbose = runCli(['--verbose', t.dir]);
    assert.equal(verbose.status, 2);
    assert.match(verbose.stderr, /syncml-check: skipping .*pom\.xml: root element is neither SyncML nor MgmtTree/);
  } finally {
    t.cleanup();
  }
});

test("a folder of Fleet's Windows profiles (bare commands, .xml) is checked, and --verbose still says why a pom.xml is skipped", () => {
  // The README's code-scanning example, on the Fleet profiles of the shared corpus (SOURCES.md: fleetdm/fleet-gitops and fleetdm/fleet, MIT).
  const fleet = ['fleet-gitops-windows-password.xml', 'fleet-gitops-windows-bluetooth-settings.xml', 'fleet-pin-start-menu-apps.xml', 'fleet-windows-defender-compliance-settings.xml'];
  const files: Record<string, Buffer | string> = { 'profiles/pom.xml': NOT_SYNCML };
  for (const f of fleet) files[`profiles/${f}`] = readFileSync(join(CORPUS, 'fragments', f));
  const t = tempTree(files);
  try {
    const r = runCli(['--verbose', '--format', 'sarif', join(t.dir, 'profiles')]);
    assert.equal(r.status, 0, r.stderr);
    type Result = { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] };
    const log = JSON.parse(r.stdout) as { runs: { results: Result[]; artifacts?: unknown[] }[] };
    // Only the three nodes Windows does not have (Policy CSP Defender has no DisableAntiVirus or
    // DisableAntiSpyware, and there is no ADMX_MSSecurityGuide area), which a later version of the
    // profile in fleetdm/fleet no longer sends.
    assert.deepEqual(
      log.runs[0].results.map((x) => {
        const at = x.locations[0].physicalLocation;
        return `${at.artifactLocation.uri.split('/').pop()}:${at.region.startLine} ${x.ruleId}`;
      }),
      [20, 34, 104].map((line) => `fleet-windows-defender-compliance-settings.xml:${line} unknown-node`),
    );
    for (const f of fleet) assert.match(r.stderr, new RegExp(`checking .*${f.replace(/\./g, '\\.')} \\(syncml, language xml`));
    assert.match(r.stderr, /skipping .*pom\.xml: root element is neither SyncML nor MgmtTree, nor a SyncML command such as Replace \(a profile\)/);
    // A mistake in one of them is reported: a profile is checked like a message body.
    const bad = readFileSync(join(CORPUS, 'fragments', fleet[0]), 'utf8').replace('</Data>\n  </Item>', '</Data>\n');
    const t2 = tempTree({ 'profiles/password.xml': bad });
    try {
      const r2 = runCli([join(t2.dir, 'profiles')]);
      const lines = parseTextReport(r2.stdout);
      assert.deepEqual(lines.map((l) => l.code), ['xml-syntax'], r2.stdout);
    } finally {
      t2.cleanup();
    }
  } finally {
    t.cleanup();
  }
});

test("a folder of Microsoft's documentation examples (bare commands): checked, and the raw Wi-Fi profile of the Wi-Fi CSP page reported", () => {
  // From the shared corpus (SOURCES.md: MicrosoftDocs/windows-itpro-docs, MIT for code samples).
  const names = ['msdocs-devicelock-csp-01.xml', 'msdocs-dynamicmanagement-csp-05.xml', 'msdocs-wifi-csp-05.xml'];
  const files: Record<string, Buffer> = {};
  for (const f of names) files[`docs/${f}`] = readFileSync(join(CORPUS, 'fragments', f));
  const t = tempTree(files);
  try {
    const r = runCli([join(t.dir, 'docs')]);
    assert.equal(r.status, 1, r.stderr);
    const lines = parseTextReport(r.stdout);
    // Its <?xml?> inside Data is an XML error; the <WLANProfile> after it is raw markup in a chr value.
    assert.deepEqual(
      lines.map((l) => `${l.path.replace(/^.*\//, '')}:${l.line} ${l.code}`),
      ['msdocs-wifi-csp-05.xml:12 xml-syntax', 'msdocs-wifi-csp-05.xml:12 markup-in-data'],
    );
    assert.match(r.stdout, /2 problems \(1 error, 1 warning\) in 1 of 3 files/);
  } finally {
    t.cleanup();
  }
});

test('directories recurse into .xml, .syncml, .ddf and .tnds; other extensions, hidden folders and non-SyncML XML are left out', () => {
  const t = tempTree({
    'a/one.xml': CLEAN,
    'a/b/two.SYNCML': '<Status><CmdID>1</CmdID><MsgRef>1</MsgRef><CmdRef>1</CmdRef><Cmd>Get</Cmd><Data>200</Data></Status>\n',
    'a/b/c/tree.ddf': readFileSync(join(EXAMPLES, 'fumo.ddf')),
    'a/b/c/tree.tnds': '<MgmtTree xmlns="syncml:dmddf1.2"><VerDTD>1.2</VerDTD><Node><NodeName>x</NodeName></Node></MgmtTree>\n',
    'a/other.xml': NOT_SYNCML,
    'a/readme.txt': CLEAN,
    'a/.hidden/three.xml': ONE_WARNING,
    'a/node_modules/four.xml': ONE_WARNING,
  });
  try {
    const r = runCli(['--verbose', '--format', 'json', t.dir]);
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { path: string }[];
    const names = report.map((f) => f.path.replace(/^.*\/a\//, 'a/'));
    assert.deepEqual(names, ['a/b/c/tree.ddf', 'a/b/c/tree.tnds', 'a/b/two.SYNCML', 'a/one.xml']);
    assert.match(r.stderr, /skipping .*other\.xml: root element is neither SyncML nor MgmtTree/);
    assert.match(r.stderr, /checking .*tree\.ddf \(dmtree/);
    assert.match(r.stderr, /checking .*two\.SYNCML \(syncml/);
  } finally {
    t.cleanup();
  }
});

test('a file named explicitly is checked whatever its extension', () => {
  const t = tempTree({ 'capture.log': ONE_WARNING });
  try {
    const r = runCli([join(t.dir, 'capture.log')]);
    assert.equal(r.status, 0);
    const lines = parseTextReport(r.stdout);
    assert.equal(lines.length, 1, r.stdout);
    assert.equal(lines[0].code, 'wrong-code-family');
  } finally {
    t.cleanup();
  }
});

test('a binary file (NUL bytes) is reported as binary and skipped, exit 2', () => {
  const t = tempTree({ 'dump.xml': Buffer.from([0x3c, 0x53, 0x79, 0x00, 0x01, 0x02, 0xff]) });
  try {
    const r = runCli([join(t.dir, 'dump.xml')]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^syncml-check: .*dump\.xml: binary file \(NUL byte at offset 3\); skipped$/m);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  } finally {
    t.cleanup();
  }
});

test('a file that is not valid UTF-8 (and declares no other encoding) is reported as binary, exit 2', () => {
  const bytes = Buffer.concat([Buffer.from('<SyncML><SyncBody>'), Buffer.from([0xc3, 0x28, 0xa0]), Buffer.from('</SyncBody></SyncML>')]);
  const t = tempTree({ 'bad.xml': bytes });
  try {
    const r = runCli([join(t.dir, 'bad.xml')]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /bad\.xml: binary file \(not valid UTF-8 at offset 18\); skipped/);
  } finally {
    t.cleanup();
  }
});

test('a binary file found in a directory does not stop the others', () => {
  const t = tempTree({ 'a.xml': CLEAN, 'b.xml': Buffer.from([0, 1, 2, 3]) });
  try {
    const r = runCli([t.dir]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /b\.xml: binary file/);
    assert.match(r.stdout, /No problems in 1 file\./);
  } finally {
    t.cleanup();
  }
});

test('UTF-8 with a BOM and CRLF line ends, UTF-16 LE and UTF-16 BE: the same diagnostics at the same places', () => {
  const crlf = ONE_WARNING.replace(/\n/g, '\r\n');
  const utf16 = ONE_WARNING.replace('encoding="UTF-8"', 'encoding="UTF-16"');
  const t = tempTree({
    'plain.xml': ONE_WARNING,
    'bom.xml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf)]),
    'le.xml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf16, 'utf16le')]),
    'be.xml': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(utf16, 'utf16le').swap16()]),
  });
  try {
    const results = ['plain.xml', 'bom.xml', 'le.xml', 'be.xml'].map((f) => {
      const r = runCli(['--verbose', join(t.dir, f)]);
      assert.equal(r.status, 0, `${f}: ${r.stderr}`);
      return { f, stderr: r.stderr, lines: parseTextReport(r.stdout).map((l) => `${l.line}:${l.column} ${l.code}`) };
    });
    assert.deepEqual(results[0].lines, ['9:86 wrong-code-family']);
    for (const r of results) assert.deepEqual(r.lines, results[0].lines, r.f);
    assert.match(results[1].stderr, /utf-8 \(BOM\)/);
    assert.match(results[2].stderr, /utf-16le/);
    assert.match(results[3].stderr, /utf-16be/);
  } finally {
    t.cleanup();
  }
});

test('an XML declaration naming an encoding the bytes are not in is an xml-syntax error at the declaration', () => {
  // Captures often say encoding="utf-16" over UTF-8 bytes; a conforming parser would misread them.
  const t = tempTree({
    'says16.xml': ONE_WARNING.replace('encoding="UTF-8"', 'encoding="utf-16"'),
    'says8.xml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ONE_WARNING, 'utf16le')]),
  });
  try {
    const r16 = runCli([join(t.dir, 'says16.xml')]);
    assert.equal(r16.status, 1);
    const lines16 = parseTextReport(r16.stdout);
    assert.deepEqual(lines16.map((l) => `${l.line}:${l.column} ${l.severity} ${l.code}`), ['1:31 error xml-syntax', '9:86 warning wrong-code-family']);
    assert.match(r16.stdout, /encoding="utf-16" but the file is UTF-8/);
    const r8 = runCli([join(t.dir, 'says8.xml')]);
    assert.equal(r8.status, 1);
    assert.match(r8.stdout, /encoding="UTF-8" but the file is UTF-16LE/);
  } finally {
    t.cleanup();
  }
});

test("'-' reads standard input, shown as <stdin>", () => {
  const r = runCli(['-'], { input: ONE_WARNING });
  assert.equal(r.status, 0);
  const lines = parseTextReport(r.stdout);
  assert.deepEqual(
    lines.map((l) => [l.path, l.line, l.column, l.severity, l.code]),
    [['<stdin>', 9, 86, 'warning', 'wrong-code-family']],
  );
  assert.match(r.stdout, /1 problem \(0 errors, 1 warning\) in 1 file/);
});

test('standard input may be a fragment (no SyncML root): it is read as a syncml message body', () => {
  const r = runCli(['--format', 'json', '-'], { input: '<Status><CmdID>1</CmdID><MsgRef>1</MsgRef><CmdRef>2</CmdRef><Cmd>Get</Cmd><Data>1200</Data></Status>\n' });
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout) as { path: string; diagnostics: { code: string }[] }[];
  assert.equal(report[0].path, '<stdin>');
  assert.deepEqual(report[0].diagnostics.map((d) => d.code), ['wrong-code-family']);
});

test('--stdin-filename names standard input and picks its language', () => {
  const ddf = readFileSync(join(EXAMPLES, 'fumo.ddf'), 'utf8');
  const r = runCli(['--verbose', '--stdin-filename', 'trees/fumo.ddf', '-'], { input: ddf });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /checking trees\/fumo\.ddf \(dmtree, language dmtree/);
  assert.match(r.stdout, /No problems in 1 file\./);
});

test('binary standard input is reported and exits 2', () => {
  const r = runCli(['-'], { input: Buffer.from([0x00, 0x01, 0x02]) });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^syncml-check: <stdin>: binary file \(NUL byte at offset 0\); skipped$/m);
});
