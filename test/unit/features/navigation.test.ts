/** Go to Definition, Find All References and highlight over a session (server/src/features/navigation.ts). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Location, Position } from 'vscode-languageserver-types';
import type { Analysis } from '../../../server/src/api';
import { analyze, service } from '../../support/service';
import { ATOMIC_TRACE, CLIENT_ANSWERS, SERVER_COMMANDS, TRACE, message, statusFor } from '../../support/sessionSamples';

/** The position just inside the nth (0-based) occurrence of needle, plus `into` characters. */
function at(a: Analysis, needle: string, into = 0, nth = 0): Position {
  const text = a.document.getText();
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `${needle} #${nth}`);
  return a.document.positionAt(i + into);
}

/** A location as `file:text…` (the text it covers and what follows, to tell equal numbers apart). */
function show(docs: Analysis[], l: Location): string {
  const d = docs.find((x) => x.document.uri === l.uri)!;
  const text = d.document.getText();
  const s = d.document.offsetAt(l.range.start);
  const e = d.document.offsetAt(l.range.end);
  return `${l.uri.slice(l.uri.lastIndexOf('/') + 1)}:${text.slice(s, e)}|${text.slice(e, e + 12)}`;
}

describe('go to definition', () => {
  const trace = analyze(TRACE, 'syncml', 'file:///s/trace.syncml');

  it("a Status's CmdRef goes to the command it answers, in the message MsgRef names", () => {
    const locs = service.findDefinition(trace, at(trace, '<CmdRef>5', 8));
    assert.deepEqual(locs.map((l) => show([trace], l)), ['trace.syncml:5|</CmdID><Ite']);
    assert.ok(trace.document.offsetAt(locs[0].range.start) < TRACE.indexOf('<SyncML', 10), 'in the server message, the first of the trace');
  });

  it("a Results's CmdRef goes to the Get; its Cmd (on a Status) too", () => {
    const results = service.findDefinition(trace, at(trace, '<CmdRef>4</CmdRef><Item>', 8));
    assert.deepEqual(results.map((l) => show([trace], l)), ['trace.syncml:4|</CmdID><Ite']);
    const cmd = service.findDefinition(trace, at(trace, '<Cmd>Exec', 6));
    assert.deepEqual(cmd.map((l) => show([trace], l)), ['trace.syncml:6|</CmdID><Ite']);
  });

  it('MsgRef goes to the message (its MsgID); the header Status goes to the SyncHdr', () => {
    const msg = service.findDefinition(trace, at(trace, '<MsgRef>1', 8));
    assert.deepEqual(msg.map((l) => show([trace], l)), ['trace.syncml:1|</MsgID>\n   ']);
    const hdr = service.findDefinition(trace, at(trace, '<CmdRef>0', 8));
    assert.deepEqual(hdr.map((l) => show([trace], l)), ['trace.syncml:SyncHdr|>\n    <VerDT']);
    assert.equal(trace.document.offsetAt(hdr[0].range.start), TRACE.indexOf('SyncHdr'), "the server's header, not the device's");
  });

  it('client message 1 and server message 1 are told apart by who sent them', () => {
    // The device's first message, then the server's message 1 answering it: MsgRef 1 is the device's.
    const text = message('client', 1, '    <Alert><CmdID>1</CmdID><Data>1201</Data></Alert>') + message('server', 1, statusFor(1, 1, 1, 'Alert', 200));
    const a = analyze(text, 'syncml', 'file:///s/both-ones.syncml');
    const [loc] = service.findDefinition(a, at(a, '<CmdRef>1', 8));
    assert.equal(a.document.offsetAt(loc.range.start), text.indexOf('<CmdID>1') + 7);
  });

  it('across files: the answer in one file, the command in another of the same session', () => {
    const server = analyze(SERVER_COMMANDS, 'syncml', 'file:///s/1-server.xml');
    const client = analyze(CLIENT_ANSWERS, 'syncml', 'file:///s/2-client.xml');
    const locs = service.findDefinition(client, at(client, '<CmdRef>6', 8), [server]);
    assert.deepEqual(locs.map((l) => show([server, client], l)), ['1-server.xml:6|</CmdID><Ite']);
    assert.deepEqual(service.findDefinition(client, at(client, '<CmdRef>6', 8)), [], 'without the peer there is nowhere to go');
    const other = analyze(SERVER_COMMANDS.replace('<SessionID>7', '<SessionID>8'), 'syncml', 'file:///s/3-other.xml');
    assert.deepEqual(service.findDefinition(client, at(client, '<CmdRef>6', 8), [other]), [], 'another session is not this one');
  });

  it('Results without MsgRef refers to message 1 (RepPro 1.2); a Status without one, to the previous message of the other party', () => {
    const text =
      message('server', 3, '    <Get><CmdID>4</CmdID><Item><Target><LocURI>./A</LocURI></Target></Item></Get>') +
      message('client', 4, statusFor(1, undefined, 4, 'Get', 200) + '\n    <Results><CmdID>2</CmdID><CmdRef>4</CmdRef><Item><Data>x</Data></Item></Results>');
    const a = analyze(text, 'syncml', 'file:///s/defaults.syncml');
    const [status] = service.findDefinition(a, at(a, '<CmdRef>4', 8, 0));
    assert.equal(a.document.offsetAt(status.range.start), text.indexOf('<CmdID>4') + 7, 'the Status answers message 3, the one before');
    assert.deepEqual(service.findDefinition(a, at(a, '<CmdRef>4', 8, 1)), [], 'the Results refers to message 1, which is not here');
  });

  it('in a fragment, CmdRef alone pairs', () => {
    const text = '<Replace><CmdID>2</CmdID></Replace>\n<Status><CmdID>1</CmdID><MsgRef>1</MsgRef><CmdRef>2</CmdRef><Cmd>Replace</Cmd><Data>200</Data></Status>';
    const a = analyze(text);
    const [loc] = service.findDefinition(a, at(a, '<CmdRef>2', 8));
    assert.equal(a.document.offsetAt(loc.range.start), text.indexOf('<CmdID>2') + 7);
  });

  it('elsewhere there is no definition', () => {
    assert.deepEqual(service.findDefinition(trace, at(trace, '<Data>404', 7)), []);
    assert.deepEqual(service.findDefinition(trace, at(trace, '<LocURI>./Vendor/X', 9)), []);
  });
});

describe('find all references', () => {
  const trace = analyze(TRACE, 'syncml', 'file:///s/trace.syncml');

  it("on a command's CmdID: every Status and Results answering it", () => {
    const refs = service.findReferences(trace, at(trace, '<CmdID>4', 7), false);
    assert.deepEqual(refs.map((l) => show([trace], l)), ['trace.syncml:4|</CmdRef><Cm', 'trace.syncml:4|</CmdRef><It']);
    const withDecl = service.findReferences(trace, at(trace, '<CmdID>4', 7), true);
    assert.equal(withDecl.length, 3);
    assert.deepEqual(show([trace], withDecl[0]), 'trace.syncml:4|</CmdID><Ite');
  });

  it("on the command's name, and from an answer's CmdRef, the same list", () => {
    const byName = service.findReferences(trace, at(trace, '<Replace>', 2), false);
    const byRef = service.findReferences(trace, at(trace, '<CmdRef>5', 8), false);
    assert.deepEqual(byName, byRef);
    assert.deepEqual(byName.map((l) => show([trace], l)), ['trace.syncml:5|</CmdRef><Cm']);
  });

  it('a command nobody answered has no references', () => {
    assert.deepEqual(service.findReferences(trace, at(trace, '<CmdID>7', 7), false), []);
  });

  it('across files given as peers', () => {
    const server = analyze(SERVER_COMMANDS, 'syncml', 'file:///s/1-server.xml');
    const client = analyze(CLIENT_ANSWERS, 'syncml', 'file:///s/2-client.xml');
    const refs = service.findReferences(server, at(server, '<CmdID>6', 7), false, [client]);
    assert.deepEqual(refs.map((l) => show([server, client], l)), ['2-client.xml:6|</CmdRef><Cm']);
  });

  it('an Atomic and each command inside it have their own answers', () => {
    const a = analyze(ATOMIC_TRACE, 'syncml', 'file:///s/atomic.syncml');
    const atomic = service.findReferences(a, at(a, '<CmdID>2', 7), false);
    assert.equal(atomic.length, 1);
    const s = a.document.offsetAt(atomic[0].range.start);
    assert.match(ATOMIC_TRACE.slice(s, s + 40), /^2<\/CmdRef><Cmd>Atomic<\/Cmd><Data>507/);
    const inner = service.findReferences(a, at(a, '<CmdID>3', 7), false);
    const t = a.document.offsetAt(inner[0].range.start);
    assert.match(ATOMIC_TRACE.slice(t, t + 40), /^3<\/CmdRef><Cmd>Replace<\/Cmd><Data>215/);
  });
});

describe('document highlight', () => {
  it('the command and its answers in this document', () => {
    const trace = analyze(TRACE, 'syncml', 'file:///s/trace.syncml');
    const hs = service.findDocumentHighlights(trace, at(trace, '<CmdRef>4', 8));
    assert.deepEqual(
      hs.map((h) => [h.kind, show([trace], { uri: trace.document.uri, range: h.range })]),
      [
        [1, 'trace.syncml:4|</CmdID><Ite'],
        [2, 'trace.syncml:4|</CmdRef><Cm'],
        [2, 'trace.syncml:4|</CmdRef><It'],
      ],
    );
    assert.deepEqual(service.findDocumentHighlights(trace, at(trace, '<Data>404', 7)), []);
  });
});

describe('sessions of two devices', () => {
  it('two devices with the same SessionID in one folder are kept apart by their names', () => {
    const toA = analyze(SERVER_COMMANDS, 'syncml', 'file:///s/1-server-to-a.xml');
    const toB = analyze(SERVER_COMMANDS.replace('<Target><LocURI>IMEI:1<', '<Target><LocURI>IMEI:2<'), 'syncml', 'file:///s/1-server-to-b.xml');
    const fromB = analyze(CLIENT_ANSWERS.replace('<Source><LocURI>IMEI:1<', '<Source><LocURI>IMEI:2<'), 'syncml', 'file:///s/2-client-b.xml');
    const [loc] = service.findDefinition(fromB, at(fromB, '<CmdRef>6', 8), [toA, toB]);
    assert.equal(loc.uri, 'file:///s/1-server-to-b.xml');
    assert.deepEqual(service.findDefinition(fromB, at(fromB, '<CmdRef>6', 8), [toA]), [], "A's server message is no request to B");
  });
});
