/**
 * The conversation index (server/src/context/conversation.ts): pairing every command with its answers
 * stays linear. Work is counted (steps), not timed.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Conversation } from '../../server/src/context/conversation';
import { Session } from '../../server/src/context/sessionDocuments';
import { CONTEXT_SCAN } from '../../server/src/context/sites';
import { parseXml } from '../../server/src/model/scanner';
import { work } from '../../server/src/workCounter';
import { message, statusFor } from '../support/sessionSamples';

/** Build the index, then pair every command with its answers; the steps both took. */
function pairingSteps(text: string): number {
  const xml = parseXml(text, CONTEXT_SCAN);
  const before = work.steps;
  const conv = new Conversation(xml);
  const doc = { conversation: conv, owner: null };
  const session = new Session([doc]);
  let answered = 0;
  conv.commands.forEach((_c, index) => {
    answered += session.answersTo({ document: doc, index }).length;
    session.replied(doc, conv.commands[index].message);
  });
  conv.answers.forEach((_a, k) => session.referent(doc, k));
  assert.ok(answered > 0);
  return work.steps - before;
}

/** n request/answer message pairs, each with k commands answered. */
function trace(n: number, k: number, opts: { msgRef?: boolean; sameIds?: boolean } = {}): string {
  let out = '';
  for (let m = 1; m <= n; m++) {
    const id = opts.sameIds ? 1 : m;
    let cmds = '';
    let answers = statusFor(1, opts.msgRef === false ? undefined : id, 0, 'SyncHdr', 200);
    for (let c = 2; c <= k + 1; c++) {
      cmds += `    <Replace><CmdID>${c}</CmdID><Item><Target><LocURI>./A</LocURI></Target><Data>1</Data></Item></Replace>\n`;
      answers += '\n' + statusFor(c, opts.msgRef === false ? undefined : id, c, 'Replace', 200);
    }
    out += message('server', id, cmds) + message('client', id, answers);
  }
  return out;
}

describe('conversation pairing is linear', () => {
  for (const [what, opts] of [
    ['distinct messages', {}],
    ['every message with the same MsgID', { sameIds: true }],
    ['Statuses without MsgRef', { msgRef: false, sameIds: true }],
  ] as const) {
    it(`four times the messages, about four times the work: ${what}`, () => {
      const small = pairingSteps(trace(100, 5, opts));
      const large = pairingSteps(trace(400, 5, opts));
      assert.ok(large < 5 * small, `${small} steps, then ${large}`);
    });
  }

  it('four times the commands in one message, about four times the work', () => {
    const small = pairingSteps(trace(1, 500));
    const large = pairingSteps(trace(1, 2000));
    assert.ok(large < 5 * small, `${small} steps, then ${large}`);
  });
});
