/**
 * syncml-check decode: each code with its decoded name and the command around it, as a person
 * reading a captured DM session wants it; --annotate; json; stdin.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, runCli } from '../support/cliRun';

function lineOf(file: string, needle: string, after = 0): number {
  const lines = readFileSync(join(EXAMPLES, file), 'utf8').split('\n');
  const i = lines.findIndex((l, k) => k >= after && l.includes(needle));
  assert.ok(i >= 0, `${needle} in ${file}`);
  return i + 1;
}

test('decode lists every code of a session with its meaning and the command around it', () => {
  const r = runCli(['decode', 'examples/dm-session.xml']);
  assert.equal(r.status, 0, r.stderr);
  const out = r.stdout;
  assert.match(out, /^examples\/dm-session\.xml \u2014 \d+ codes\n/);
  const at = (n: number) => new RegExp(`^\\s+${n}:\\d+\\s+`, 'm');
  // 212 on the SyncHdr, 404 on the second Replace item, 202 on the Exec.
  assert.match(out, new RegExp(at(lineOf('dm-session.xml', '<Data>212</Data>')).source + '212\\s+Authentication accepted \\(SyncML status code\\)\\s+\u00b7 Status for SyncHdr \\(CmdRef 0, MsgRef 1\\)$', 'm'));
  assert.match(out, new RegExp(at(lineOf('dm-session.xml', '<Data>404</Data>')).source + '404\\s+Not found \\(SyncML status code\\)\\s+\u00b7 Status for Replace \\(CmdRef 5, MsgRef 1\\) \\./DevDetail/Ext/Example/Telemetry$', 'm'));
  assert.match(out, new RegExp(at(lineOf('dm-session.xml', '<Data>202</Data>')).source + '202\\s+Accepted for processing \\(SyncML status code\\)\\s+\u00b7 Status for Exec \\(CmdRef 6, MsgRef 1\\)$', 'm'));
  // The same number means something else in a FUMO Generic Alert.
  assert.match(
    out,
    new RegExp(
      at(lineOf('dm-session.xml', '<Data>402</Data>')).source +
        '402\\s+Corrupted Firmware Update Package \\(FUMO result code\\)\\s+\u00b7 Generic Alert from \\./FUMO/Pkg1/DownloadAndUpdate \\(org\\.openmobilealliance\\.dm\\.firmwareupdate\\.downloadandupdate, Mark critical\\)$',
      'm',
    ),
  );
  assert.match(out, /1405\s+Install Failed \(SCOMO result code\)\s+\u00b7 Generic Alert from \.\/SCOMO\/Download\/Weather\/Operations\/DownloadInstall/);
  assert.match(out, /1413\s+Workflow aborted .* authorization failure \(SACMO result code\)/);
  assert.match(out, /10\s+Idle \/ Start \(FUMO state\)\s+\u00b7 Results \.\/FUMO\/Pkg1\/State/);
});

test('decode shows the codes the checker could not decode, with the diagnostic', () => {
  const r = runCli(['decode', 'examples/mistakes.xml']);
  assert.equal(r.status, 0, 'decode reports, it does not judge');
  assert.match(r.stdout, /1200\s+\? \(wrong-code-family\)\s+\u00b7 Status for Exec \(CmdRef 3, MsgRef 1\)\n\s+warning wrong-code-family: 1200 is not a SyncML status code/);
  assert.match(r.stdout, /1418\s+Workflow aborted .* \(SACMO result code, obsolete\) \[undefined-code\]/);
  assert.match(r.stdout, /260\s+Successful .* Vendor Specified \(FUMO result code, vendor\) \[vendor-code\]/);
});

test('decode of a DDF: the State default value is a FUMO state', () => {
  const r = runCli(['--decode', 'examples/fumo.ddf']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, new RegExp(`${lineOf('fumo.ddf', '<DefaultValue>10</DefaultValue>')}:\\d+\\s+10\\s+Idle / Start \\(FUMO state\\)\\s+\u00b7 Node \\./FUMO/<x>/State DefaultValue`));
});

test('decode --annotate prints the file with each code explained at the end of its line', () => {
  const r = runCli(['decode', '--annotate', 'examples/dm-session.xml']);
  assert.equal(r.status, 0);
  const source = readFileSync(join(EXAMPLES, 'dm-session.xml'), 'utf8').split('\n');
  const lines = r.stdout.split('\n');
  assert.equal(lines.length, source.length);
  const n404 = lineOf('dm-session.xml', '<Data>404</Data>');
  assert.equal(lines[n404 - 1], '      <Data>404</Data>  \u2190 Not found (SyncML status code) \u00b7 Status for Replace (CmdRef 5, MsgRef 1) ./DevDetail/Ext/Example/Telemetry');
  assert.equal(lines[0], source[0], 'lines without codes are unchanged');
});

test('decode --format json: the codes with positions, names, families and context', () => {
  const r = runCli(['decode', '--format', 'json', 'examples/dm-session.xml']);
  assert.equal(r.status, 0);
  const [file] = JSON.parse(r.stdout) as { path: string; codes: { line: number; column: number; code: string; name: string; family?: string; where: string }[] }[];
  assert.equal(file.path, 'examples/dm-session.xml');
  const fumo = file.codes.find((c) => c.code === '402');
  assert.deepEqual(
    fumo && { line: fumo.line, column: fumo.column, name: fumo.name, family: fumo.family },
    { line: lineOf('dm-session.xml', '<Data>402</Data>'), column: 15, name: 'Corrupted Firmware Update Package', family: 'fumo-result' },
  );
});

test('decode reads standard input too', () => {
  const r = runCli(['decode', '-'], { input: '<Alert><CmdID>1</CmdID><Data>1201</Data></Alert>\n' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^<stdin> \u2014 1 code\n\s+1:30\s+1201\s+CLIENT-INITIATED MGMT \(OMA DM alert code\)\s+\u00b7 Alert\n$/);
});

test('decode of a missing file: one line, exit 2', () => {
  const r = runCli(['decode', 'nope.xml']);
  assert.equal(r.status, 2);
  assert.equal(r.stderr, 'syncml-check: nope.xml: no such file or directory\n');
});

test('decode names Windows error values: a CFGMGR_E_* msft:originalerror and an Intune error in a Status', () => {
  const st = (id: number, data: string) => `<Status><CmdID>${id}</CmdID><MsgRef>1</MsgRef><CmdRef>${id}</CmdRef><Cmd>Replace</Cmd>${data}</Status>`;
  const input = `<SyncML xmlns="SYNCML:SYNCML1.2" xmlns:msft="http://schemas.microsoft.com/MobileDevice/MDM"><SyncBody>
${st(2, '<Data msft:originalerror="0x86000002">404</Data>')}
${st(3, '<Data>-2016281112</Data>')}
</SyncBody></SyncML>
`;
  const r = runCli(['decode', '-'], { input });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /2:\d+\s+0x86000002\s+CFGMGR_E_NODENOTFOUND \(Windows configuration manager \(cfgmgr2err\.h\)\)\s+\u00b7 Status for Replace/);
  assert.match(r.stdout, /3:\d+\s+-2016281112\s+Remediation failed \(Intune: Company resource access \(common errors\)\) \[undefined-code\]/);
});

test('decode lists each command with its outcome, pairing across the files given from one folder', () => {
  const r = runCli(['decode', 'examples/dm-session-1-client.xml', 'examples/dm-session-2-server.xml', 'examples/dm-session.xml']);
  assert.equal(r.status, 0, r.stderr);
  const server = r.stdout.slice(r.stdout.indexOf('examples/dm-session-2-server.xml'), r.stdout.indexOf('examples/dm-session.xml'));
  assert.match(server, /commands and their outcomes:\n/);
  assert.match(server, new RegExp(`\\n\\s+${lineOf('dm-session-2-server.xml', '<Get>')}:6\\s+Get #4\\s+200 OK \u00b7 1 Results\\n`));
  assert.match(server, /\s+Replace #5\s+2 Status: 200 OK, 404 Not found\n/);
  assert.match(server, /\s+Exec #6\s+202 Accepted for processing\n/);
  assert.match(server, /\s+SyncHdr of message 1\s+212 Authentication accepted\n/);
  // The client's first message is answered in the server's file.
  assert.match(r.stdout, /\s+Replace #2\s+200 OK\n/);

  const alone = runCli(['decode', 'examples/dm-session-2-server.xml']);
  assert.doesNotMatch(alone.stdout, /commands and their outcomes/, 'alone, the reply is not known');
});

test('decode --format json and --annotate carry the outcomes too', () => {
  const files = ['examples/dm-session-2-server.xml', 'examples/dm-session.xml'];
  const json = JSON.parse(runCli(['decode', '--format', 'json', ...files]).stdout) as {
    path: string;
    commands?: { line: number; command: string; cmdId: string; outcome: string; answers: { kind: string; code?: string; path: string; line: number }[] }[];
  }[];
  const get = json[0].commands!.find((c) => c.command === 'Get')!;
  assert.deepEqual(
    { line: get.line, cmdId: get.cmdId, outcome: get.outcome, answers: get.answers.map((a) => `${a.kind} ${a.code ?? ''} ${a.path}:${a.line}`) },
    {
      line: lineOf('dm-session-2-server.xml', '<Get>'),
      cmdId: '4',
      outcome: '200 OK \u00b7 1 Results',
      answers: [`status 200 examples/dm-session.xml:${lineOf('dm-session.xml', '<CmdRef>4') }`, `results  examples/dm-session.xml:${lineOf('dm-session.xml', '<CmdRef>4') + 7}`],
    },
  );
  assert.equal(json[1].commands, undefined, 'the reply itself has no command whose reply is known');

  const annotated = runCli(['decode', '--annotate', ...files]).stdout.split('\n');
  assert.ok(annotated.includes('    <Exec>  \u2190 Exec #6: 202 Accepted for processing'), annotated.filter((l) => l.includes('<Exec>')).join('\n'));
});
