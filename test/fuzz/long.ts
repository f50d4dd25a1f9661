/**
 * The long fuzz run: `npm run fuzz [-- --count N --seed S]`.
 *
 *   --count N      mutants to check (default 10000)
 *   --seed S       run seed (default: random; always printed first)
 *   --only I       check only mutant I of the run (reproduce a failure)
 *   --replay FILE  check the input saved in a failure file (test/fuzz/failures/*.json)
 *   --max-failures N  stop after N distinct failures (default 20)
 *
 * Each mutant is rebuilt from (seed, index) alone. On failure the seed, the mutant index and a
 * reproduction command are printed, the failing input is written under test/fuzz/failures/
 * (<seed>-<index>.json holds the exact text, lone surrogates included; <seed>-<index>.txt is the
 * same text for reading), and the exit code is 1.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createLanguageService } from '../../server/src/languageService';
import { mutantRng } from './mutate';
import { buildCase, check, describeFailure, reproduceCommand, runCase, type FuzzCase, type FuzzOutcome } from './run';
import { ROOT, seeds } from './sources';
import { describeWbxmlFailure, runWbxmlCase } from './wbxml';

const FAILURES = join(ROOT, 'test', 'fuzz', 'failures');

interface Options {
  count: number;
  seed: number;
  only?: number;
  replay?: string;
  maxFailures: number;
}

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npm run fuzz -- [--count N] [--seed S] [--only I] [--replay FILE] [--max-failures N]\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): Options {
  const options: Options = { count: 10000, seed: (Date.now() ^ (process.pid << 16)) >>> 0, maxFailures: 20 };
  const int = (name: string, v: string | undefined): number => {
    if (v === undefined || !/^\d+$/.test(v)) usage(`${name} needs a non-negative integer, got ${v ?? 'nothing'}`);
    return Number(v);
  };
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++k];
    switch (name) {
      case '--count':
        options.count = int(name, value());
        break;
      case '--seed':
        options.seed = int(name, value()) >>> 0;
        break;
      case '--only':
        options.only = int(name, value());
        break;
      case '--replay':
        options.replay = value() ?? usage('--replay needs a file');
        break;
      case '--max-failures':
        options.maxFailures = Math.max(1, int(name, value()));
        break;
      case '--help':
      case '-h':
        usage('The SyncML language service fuzzer.');
        break;
      default:
        usage(`unknown argument ${arg}`);
    }
  }
  return options;
}

/** What makes two failures the same kind: the message without its numbers, quotes and characters. */
function failureSignature(o: FuzzOutcome): string {
  return (o.error?.message ?? '')
    .split('\n')[0]
    .replace(/U\+[0-9A-F]+/g, 'U+#')
    .replace(/'[^']*'/g, "'…'")
    .replace(/\d+/g, '#')
    .slice(0, 300);
}

function save(o: FuzzOutcome): string {
  mkdirSync(FAILURES, { recursive: true });
  const base = join(FAILURES, `${o.seed}-${o.index}`);
  const record = {
    seed: o.seed,
    index: o.index,
    source: o.source,
    languageId: o.languageId,
    steps: o.steps,
    error: o.error?.message,
    reproduce: reproduceCommand(o.seed, o.index),
    text: o.text,
  };
  writeFileSync(`${base}.json`, JSON.stringify(record, null, 1) + '\n');
  writeFileSync(`${base}.txt`, o.text);
  return relative(ROOT, `${base}.json`);
}

function replay(file: string): FuzzOutcome {
  const record = JSON.parse(readFileSync(file, 'utf8')) as FuzzCase;
  const service = createLanguageService();
  // Rebuild the case to get the sampling RNG in the same state; if the corpus changed since, the
  // saved text still gets checked, with fresh sampling.
  const rebuilt = buildCase(record.seed, record.index);
  const same = rebuilt.fuzzCase.text === record.text;
  if (!same) console.log('note: the seed documents changed since this failure was saved; checking the saved text with fresh sampling');
  return check(service, { ...record }, same ? rebuilt.rng : mutantRng(record.seed, record.index));
}

function main(): number {
  const options = parseArgs(process.argv.slice(2));
  if (options.replay) {
    const o = replay(options.replay);
    if (o.error) {
      console.log(`FAIL ${describeFailure(o)}`);
      return 1;
    }
    console.log(`ok: ${options.replay} passes every invariant (${o.ms.toFixed(1)} ms)`);
    return 0;
  }

  const all = seeds();
  const service = createLanguageService();
  const indices = options.only !== undefined ? [options.only] : Array.from({ length: options.count }, (_, k) => k);
  console.log(
    `fuzz: seed ${options.seed}, ${indices.length} mutant(s) of ${all.length} seed documents` +
      (options.only !== undefined ? ` (only #${options.only})` : ''),
  );

  const failures: FuzzOutcome[] = [];
  const signatures = new Set<string>();
  const slow: FuzzOutcome[] = [];
  let checked = 0;
  let chars = 0;
  let wbxmlFailures = 0;
  const started = performance.now();
  let lastReport = started;
  for (const index of indices) {
    // The WBXML target: a byte mutant of a capture per index, beside the text mutant.
    const w = runWbxmlCase(service, options.seed, index);
    if (w.error && !signatures.has(`wbxml ${w.error.replace(/\d+/g, 'N')}`)) {
      signatures.add(`wbxml ${w.error.replace(/\d+/g, 'N')}`);
      console.log(`\nFAIL ${describeWbxmlFailure(w)}`);
      wbxmlFailures++;
    }
    const o = runCase(service, options.seed, index);
    checked++;
    chars += o.text.length;
    if (o.ms > 2000) slow.push(o);
    if (o.error) {
      // One report per kind of failure (numbers stripped), the input saved for each.
      const signature = failureSignature(o);
      if (!signatures.has(signature)) {
        signatures.add(signature);
        failures.push(o);
        const file = save(o);
        console.log(`\nFAIL ${describeFailure(o)}\n  input: ${file} (replay: npm run fuzz -- --replay ${file})`);
        if (failures.length >= options.maxFailures) {
          console.log(`stopping after ${failures.length} distinct failures`);
          break;
        }
      }
    }
    const now = performance.now();
    if (now - lastReport > 10000) {
      lastReport = now;
      console.log(`  ${checked}/${indices.length} mutants, ${failures.length} failure(s), ${((now - started) / 1000).toFixed(0)} s`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `fuzz: ${checked} mutant(s), ${(chars / 1e6).toFixed(1)} M chars in ${seconds.toFixed(1)} s; ` +
      `${failures.length} distinct failure(s), ${wbxmlFailures} distinct WBXML failure(s); seed ${options.seed}`,
  );
  for (const o of slow) console.log(`  slow: mutant #${o.index} (${o.source}, ${o.text.length} chars) took ${o.ms.toFixed(0)} ms — ${reproduceCommand(o.seed, o.index)}`);
  if (failures.length > 0) {
    console.log(`\nFAILED. Reproduce one with: ${reproduceCommand(options.seed, failures[0].index)}`);
    return 1;
  }
  return wbxmlFailures > 0 ? 1 : 0;
}

process.exitCode = main();
