/** Code lens: each command's outcome above it (server/src/features/codeLens.ts). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeLens } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, type Analysis } from '../../../server/src/api';
import { analyze, service } from '../../support/service';
import { ATOMIC_TRACE, CLIENT_ANSWERS, SERVER_COMMANDS, TRACE, message, statusFor } from '../../support/sessionSamples';

/** Each lens as `Command: title`, resolved. */
function lenses(a: Analysis, peers: Analysis[] = [], range?: CodeLens['range']): string[] {
  const text = a.document.getText();
  return service.findCodeLenses(a, DEFAULT_SETTINGS, range, peers).map((lens) => {
    const r = service.resolveCodeLens(a, lens, peers);
    const s = a.document.offsetAt(r.range.start);
    const e = a.document.offsetAt(r.range.end);
    return `${text.slice(s, e)}: ${r.command!.title}`;
  });
}

describe('code lens', () => {
  it('a two-message trace: each command of the request with its outcome, the header too', () => {
    const trace = analyze(TRACE, 'syncml', 'file:///s/trace.syncml');
    assert.deepEqual(lenses(trace), [
      'SyncHdr: 212 Authentication accepted',
      'Get: 200 OK',
      'Get: 1 Results',
      'Replace: 404 Not found \u00b7 Status 4 in message 2',
      'Exec: 202 Accepted for processing',
      'Add: no Status in this session',
    ]);
  });

  it('clicking goes to the answer: syncml.showLocation with its uri and range', () => {
    const trace = analyze(TRACE, 'syncml', 'file:///s/trace.syncml');
    const replace = service.findCodeLenses(trace, DEFAULT_SETTINGS).find((l) => trace.document.offsetAt(l.range.start) === TRACE.indexOf('<Replace>') + 1)!;
    const cmd = service.resolveCodeLens(trace, replace).command!;
    assert.equal(cmd.command, 'syncml.showLocation');
    const [uri, range] = cmd.arguments as [string, CodeLens['range']];
    assert.equal(uri, 'file:///s/trace.syncml');
    assert.equal(trace.document.offsetAt(range.start), TRACE.indexOf('<CmdRef>5') + 8);
    const add = service.findCodeLenses(trace, DEFAULT_SETTINGS).at(-1)!;
    assert.equal(service.resolveCodeLens(trace, add).command!.command, '', 'no answer, nowhere to go');
  });

  it('a split session: the answers come from the other file, named in the lens', () => {
    const server = analyze(SERVER_COMMANDS, 'syncml', 'file:///s/1-server.xml');
    const client = analyze(CLIENT_ANSWERS, 'syncml', 'file:///s/2-client.xml');
    assert.deepEqual(lenses(server, [client]), [
      'SyncHdr: 212 Authentication accepted',
      'Get: 200 OK',
      'Get: 1 Results',
      'Replace: 404 Not found \u00b7 Status 4 in message 2 (2-client.xml)',
      'Exec: 202 Accepted for processing',
      'Add: no Status in this session',
    ]);
    assert.deepEqual(lenses(server), [], 'alone, the request has no known reply: no lens rather than "no Status" everywhere');
    assert.deepEqual(lenses(client, [server]), [], 'the answers are no commands to answer');
  });

  it('an Atomic answered 507 whose commands got 215', () => {
    const a = analyze(ATOMIC_TRACE, 'syncml', 'file:///s/atomic.syncml');
    assert.deepEqual(lenses(a), ['SyncHdr: 200 OK', 'Atomic: 507 Atomic failed \u00b7 Status 2 in message 2', 'Replace: 215 Not executed', 'Delete: 215 Not executed']);
  });

  it('several Statuses for one command (one per item), several Results, and NoResp', () => {
    const text =
      message('server', 1, '    <Get><CmdID>2</CmdID><Item><Target><LocURI>./A</LocURI></Target></Item></Get>\n    <Replace><CmdID>3</CmdID><NoResp/><Item><Target><LocURI>./B</LocURI></Target><Data>1</Data></Item></Replace>\n    <Delete><CmdID>4</CmdID><Item><Target><LocURI>./C</LocURI></Target></Item><Item><Target><LocURI>./D</LocURI></Target></Item></Delete>') +
      message(
        'client',
        2,
        [
          statusFor(1, 1, 0, 'SyncHdr', 200),
          statusFor(2, 1, 2, 'Get', 200),
          '    <Results><CmdID>3</CmdID><MsgRef>1</MsgRef><CmdRef>2</CmdRef><Item><Data>a</Data></Item></Results>',
          '    <Results><CmdID>4</CmdID><MsgRef>1</MsgRef><CmdRef>2</CmdRef><Item><Data>b</Data></Item></Results>',
          '    <Results><CmdID>5</CmdID><MsgRef>1</MsgRef><CmdRef>2</CmdRef><Item><Data>c</Data></Item></Results>',
          statusFor(6, 1, 4, 'Delete', 200),
          statusFor(7, 1, 4, 'Delete', 404),
        ].join('\n'),
      );
    assert.deepEqual(lenses(analyze(text)), [
      'SyncHdr: 200 OK',
      'Get: 200 OK',
      'Get: 3 Results',
      'Replace: no Status asked (NoResp)',
      'Delete: 2 Status: 200 OK, 404 Not found',
    ]);
  });

  it('a range limits the lenses to the commands starting in it', () => {
    const trace = analyze(TRACE, 'syncml', 'file:///s/trace.syncml');
    const start = trace.document.positionAt(TRACE.indexOf('<Replace>'));
    const end = trace.document.positionAt(TRACE.indexOf('<Exec>') + 1);
    assert.deepEqual(lenses(trace, [], { start, end }), ['Replace: 404 Not found \u00b7 Status 4 in message 2', 'Exec: 202 Accepted for processing']);
  });

  it('no lenses in a DM tree file, nor without a range above the large-file threshold', () => {
    assert.deepEqual(service.findCodeLenses(analyze('<MgmtTree><Node><NodeName>A</NodeName></Node></MgmtTree>', 'dmtree'), DEFAULT_SETTINGS), []);
    const small = { ...DEFAULT_SETTINGS, largeFileThreshold: 100 };
    assert.deepEqual(service.findCodeLenses(analyze(TRACE), small), []);
    const trace = analyze(TRACE);
    const range = { start: trace.document.positionAt(0), end: trace.document.positionAt(TRACE.length) };
    assert.equal(service.findCodeLenses(trace, small, range).length, 6, 'a range (what the editor shows) is served at any size');
  });
});
