/**
 * Every command of a document with what became of it, as data (the CLI's `decode` prints it):
 * the same pairing and the same words as the code lens and the outline.
 */
import type { Analysis, CommandOutcome } from '../api';
import type { DocumentAnalysis } from './analysis';
import { answerLocation, outcomeOf, outcomeSummary, sessionOf, tagNameRange } from './session';

export function outcomes(a: DocumentAnalysis, peers?: readonly Analysis[]): CommandOutcome[] {
  if (a.kind !== 'syncml') return [];
  const { session, self } = sessionOf(a, peers);
  const conv = a.conversation;
  const replied = new Map<number, boolean>();
  const out: CommandOutcome[] = [];
  conv.commands.forEach((c, index) => {
    if (c.name === 'Results') return;
    let r = replied.get(c.message);
    if (r === undefined) replied.set(c.message, (r = session.replied(self, c.message)));
    const o = outcomeOf(session, { document: self, index });
    out.push({
      command: c.name,
      cmdId: c.cmdId,
      msgId: conv.messages[c.message].msgId,
      range: tagNameRange(a, c.element),
      summary: r ? outcomeSummary(o, a, c.name) : '',
      answers: [...o.statuses, ...o.results].map((p) => {
        const ans = p.document.conversation.answers[p.index];
        return { kind: ans.kind, ...(ans.kind === 'status' ? { code: ans.code } : {}), location: answerLocation(p) };
      }),
    });
  });
  return out;
}
