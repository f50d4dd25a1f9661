/**
 * The cold-path baseline of `npm run bench`: a whole process that reads a saved trace and parses it
 * with saxes, as bench/contenders.ts does in process (one parser per message, since saxes takes one
 * root element per document), and prints a checksum. Started fresh for every sample by bench/cold.ts.
 *
 *   node out/bench/coldSaxes.js <file>
 */
import { readFileSync } from 'node:fs';
import { saxesParse } from './saxesParse';

const text = readFileSync(process.argv[2], 'utf8');
const acc = { sum: 0, errors: 0 };
// Each message of a trace starts with its <SyncML; a comment before one belongs to the message before.
let from = 0;
for (;;) {
  const next = text.indexOf('<SyncML', from + 1);
  saxesParse(text.slice(from, next < 0 ? text.length : next), acc);
  if (next < 0) break;
  from = next;
}
process.stdout.write(`${JSON.stringify({ checksum: acc.sum >>> 0, errors: acc.errors })}\n`);
