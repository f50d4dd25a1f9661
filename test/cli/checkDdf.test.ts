/**
 * syncml-check and decode with --ddf: the user's DDF files judge the trees they describe, beside
 * the bundled Windows CSP index; a broken DDF warns and the rest keeps working; an unreadable path
 * is exit 2.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { parseTextReport, runCli, tempTree } from '../support/cliRun';
import { contosoDdf } from '../support/userDdf';

/** An OMA DDF 1.2 describing ./Vendor/Contoso/Agent/Mode, an int node that allows Get and Replace. */
const CONTOSO_DDF = contosoDdf('Mode');

/** A profile of three commands on the Contoso tree and one correct Windows policy. */
const PROFILE = `<Replace>
  <CmdID>1</CmdID>
  <Item>
    <Target><LocURI>./Vendor/Contoso/Agent/Mdoe</LocURI></Target>
    <Meta><Format xmlns="syncml:metinf">int</Format></Meta>
    <Data>2</Data>
  </Item>
</Replace>
<Add>
  <CmdID>2</CmdID>
  <Item>
    <Target><LocURI>./Vendor/Contoso/Agent/Mode</LocURI></Target>
    <Meta><Format xmlns="syncml:metinf">chr</Format></Meta>
    <Data>fast</Data>
  </Item>
</Add>
<Replace>
  <CmdID>3</CmdID>
  <Item>
    <Target><LocURI>./Device/Vendor/MSFT/Policy/Config/DeviceLock/DevicePasswordEnabled</LocURI></Target>
    <Meta><Format xmlns="syncml:metinf">int</Format></Meta>
    <Data>0</Data>
  </Item>
</Replace>
`;

const BROKEN_DDF = '<MgmtTree>\n  <Node>\n    <NodeName>X</Node>\n</MgmtTree>\n';

test('check --ddf: the tree diagnostics fire for the tree a user DDF describes; without it that tree is not judged', () => {
  const t = tempTree({ 'ddf/contoso.xml': CONTOSO_DDF, 'profile.xml': PROFILE });
  try {
    const without = runCli(['profile.xml'], { cwd: t.dir });
    assert.equal(without.status, 0, without.stderr);
    assert.equal(without.stdout, 'No problems in 1 file.\n');

    const r = runCli(['--ddf', 'ddf/contoso.xml', 'profile.xml'], { cwd: t.dir });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.deepEqual(
      parseTextReport(r.stdout).map((l) => `${l.line}:${l.column} ${l.severity} ${l.code} ${l.message}`),
      [
        "4:44 warning unknown-node 'Mdoe' is not a node of ./Device/Vendor/Contoso/Agent: did you mean 'Mode'?",
        '9:2 warning command-not-allowed Add is not allowed on Mode: its access types are Get, Replace (the device answers 405 Command not allowed)',
        "13:41 warning format-mismatch Format chr, but Mode is an int node (its DDF's DFFormat): the device rejects a value in another format",
      ],
    );
  } finally {
    t.cleanup();
  }
});

test('check --ddf with a folder holding a broken DDF: one warning naming the file and place, the good DDF and the bundled index still judge', () => {
  const t = tempTree({ 'ddf/contoso.xml': CONTOSO_DDF, 'ddf/broken.xml': BROKEN_DDF, 'profile.xml': PROFILE });
  try {
    const r = runCli(['--ddf', 'ddf', '--format', 'json', 'profile.xml'], { cwd: t.dir });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /^syncml-check: warning: ddf\/broken\.xml:3:\d+: not well-formed XML: .+\n$/);
    const files = JSON.parse(r.stdout) as { diagnostics: { code: string }[] }[];
    assert.deepEqual(
      files[0].diagnostics.map((d) => d.code),
      ['unknown-node', 'command-not-allowed', 'format-mismatch'],
    );
  } finally {
    t.cleanup();
  }
});

test('check and decode --ddf with a path that does not exist: said on stderr, the input still checked, exit 2', () => {
  const t = tempTree({ 'profile.xml': PROFILE });
  try {
    const r = runCli(['--ddf', 'no/such/dir', 'profile.xml'], { cwd: t.dir });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'syncml-check: no/such/dir: no such file or directory\n');
    assert.equal(r.stdout, 'No problems in 1 file.\n');
    const d = runCli(['decode', '--ddf', 'no/such/dir', 'profile.xml'], { cwd: t.dir });
    assert.equal(d.status, 2);
    assert.equal(d.stderr, 'syncml-check: no/such/dir: no such file or directory\n');
  } finally {
    t.cleanup();
  }
});

test('decode --ddf is accepted and decodes as without it', () => {
  const t = tempTree({ 'ddf/contoso.xml': CONTOSO_DDF, 'profile.xml': PROFILE });
  try {
    const r = runCli(['decode', '--ddf', 'ddf/contoso.xml', 'profile.xml'], { cwd: t.dir });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, runCli(['decode', 'profile.xml'], { cwd: t.dir }).stdout);
  } finally {
    t.cleanup();
  }
});
