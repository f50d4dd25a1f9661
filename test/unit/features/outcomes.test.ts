/** Every command with its outcome, as data (server/src/features/outcomes.ts; the CLI's decode prints it). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, service } from '../../support/service';
import { CLIENT_ANSWERS, SERVER_COMMANDS } from '../../support/sessionSamples';

describe('outcomes', () => {
  it("a split session: each command of the request, its outcome and where its answers stand", () => {
    const server = analyze(SERVER_COMMANDS, 'syncml', 'file:///s/1-server.xml');
    const client = analyze(CLIENT_ANSWERS, 'syncml', 'file:///s/2-client.xml');
    const out = service.outcomes(server, [client]);
    assert.deepEqual(
      out.map((o) => [o.command, o.cmdId, o.msgId, o.summary, o.answers.map((x) => `${x.kind}${x.code ? ' ' + x.code : ''} ${x.location.uri.slice(10)}:${x.location.range.start.line + 1}`)]),
      [
        ['SyncHdr', '', '1', '212 Authentication accepted', ['status 212 2-client.xml:11']],
        ['Get', '4', '1', '200 OK \u00b7 1 Results', ['status 200 2-client.xml:12', 'results 2-client.xml:13']],
        ['Replace', '5', '1', '404 Not found \u00b7 Status 4 in message 2 (2-client.xml)', ['status 404 2-client.xml:14']],
        ['Exec', '6', '1', '202 Accepted for processing', ['status 202 2-client.xml:15']],
        ['Add', '7', '1', 'no Status in this session', []],
      ],
    );
    assert.deepEqual(out[1].range, { start: { line: 10, character: 5 }, end: { line: 10, character: 8 } }, "the command's name");
  });

  it('without its reply, a command has no summary', () => {
    const out = service.outcomes(analyze(SERVER_COMMANDS));
    assert.ok(out.length === 5 && out.every((o) => o.summary === '' && o.answers.length === 0));
  });
});
