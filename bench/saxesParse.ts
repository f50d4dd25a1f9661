/**
 * The saxes baseline's work on one document: every start tag, text and end tag touched, so that the
 * parse cannot be optimised away. Shared by the in-process contender (bench/contenders.ts) and the
 * cold-path process (bench/coldSaxes.ts), which imports nothing else so that its start-up is saxes's.
 */
import { SaxesParser } from 'saxes';

/** Parses one document (saxes takes one root element per document); the checksum and errors so far. */
export function saxesParse(segment: string, acc: { sum: number; errors: number }): void {
  const parser = new SaxesParser({ xmlns: false });
  parser.on('opentag', (tag) => {
    acc.sum = (acc.sum + tag.name.length) | 0;
  });
  parser.on('text', (t) => {
    acc.sum = (acc.sum + t.length) | 0;
  });
  parser.on('closetag', () => {
    acc.sum = (acc.sum + 1) | 0;
  });
  parser.on('error', () => {
    acc.errors++;
  });
  parser.write(segment).close();
}
