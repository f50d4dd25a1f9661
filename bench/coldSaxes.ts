/**
 * The cold-path baseline of `npm run bench`: a whole process that reads a saved trace and parses it
 * with saxes, as bench/contenders.ts does in process (one parser per message, since saxes takes one
 * root element per document), and prints a checksum. Started fresh for every sample by bench/cold.ts.
 *
 *   node out/bench/coldSaxes.js <file>
 */
import { readFileSync } from 'node:fs';
import { SaxesParser } from 'saxes';

const text = readFileSync(process.argv[2], 'utf8');
let sum = 0;
let errors = 0;
// Each message of a trace starts with its <SyncML; a comment before one belongs to the message before.
let from = 0;
for (;;) {
  const next = text.indexOf('<SyncML', from + 1);
  const segment = text.slice(from, next < 0 ? text.length : next);
  const parser = new SaxesParser({ xmlns: false });
  parser.on('opentag', (tag) => {
    sum = (sum + tag.name.length) | 0;
  });
  parser.on('text', (t) => {
    sum = (sum + t.length) | 0;
  });
  parser.on('closetag', () => {
    sum = (sum + 1) | 0;
  });
  parser.on('error', () => {
    errors++;
  });
  parser.write(segment).close();
  if (next < 0) break;
  from = next;
}
process.stdout.write(`${JSON.stringify({ checksum: sum >>> 0, errors })}\n`);
