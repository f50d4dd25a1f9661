/**
 * The deliberate mistakes in examples/mistakes.xml, read from the file itself: each mistake has a
 * comment that starts with the diagnostic code (`<!-- wrong-code-family: ...`), and the diagnostic
 * belongs on the first line after that comment. scripts/demo.mjs reads them the same way.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIAGNOSTIC_CODES as REGISTRY } from '../../server/src/diagnosticCodes';
import { EXAMPLES } from './cliRun';

/** Every code in the registry: mistakes.xml holds one deliberate mistake of each. */
export const DIAGNOSTIC_CODES: readonly string[] = REGISTRY.map((c) => c.id);

export interface ExpectedMistake {
  code: string;
  /** 1-based line the diagnostic should start on. */
  line: number;
  /** The text of that line, trimmed. */
  text: string;
}

export function expectedMistakes(file = join(EXAMPLES, 'mistakes.xml')): ExpectedMistake[] {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const out: ExpectedMistake[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /<!--\s*([a-z-]+)[\s:(]/.exec(lines[i]);
    if (!m || !DIAGNOSTIC_CODES.includes(m[1])) continue;
    let j = i;
    while (j < lines.length && !lines[j].includes('-->')) j++;
    j++;
    while (j < lines.length && lines[j].trim() === '') j++;
    out.push({ code: m[1], line: j + 1, text: lines[j].trim() });
    i = j - 1;
  }
  return out;
}
