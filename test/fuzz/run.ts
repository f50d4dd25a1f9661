/**
 * One fuzz case: mutant `index` of a run seeded with `seed`. Shared by the fixed-seed unit test
 * (test/unit/robustness.test.ts) and the long run (`npm run fuzz`, test/fuzz/long.ts), so that a
 * failure from either is reproduced by the same two numbers.
 */
import type { LanguageService } from '../../server/src/api';
import { checkText, InvariantError, type CheckOptions, type CheckResult } from './invariants';
import { mutantRng, mutate, type Rng } from './mutate';
import { seeds, type Seed } from './sources';

export interface FuzzCase {
  seed: number;
  index: number;
  source: string;
  languageId: string;
  steps: string[];
  text: string;
}

export interface FuzzOutcome extends FuzzCase {
  result?: CheckResult;
  error?: InvariantError;
  ms: number;
}

/** Language ids a client may open a file with, besides the file's own. */
const OTHER_LANGUAGES = ['xml', 'syncml', 'dmtree', 'plaintext'];

/**
 * Build mutant `index`: the first mutants of every run walk the seed documents in order (so that
 * each file is mutated at least once), the rest pick a document at random.
 */
export function buildCase(seed: number, index: number): { fuzzCase: FuzzCase; rng: Rng } {
  const rng = mutantRng(seed, index);
  const all: Seed[] = seeds();
  const source = index < all.length ? all[index] : rng.pick(all);
  const languageId = rng.chance(0.15) ? rng.pick(OTHER_LANGUAGES) : source.languageId;
  const { text, steps } = mutate(source.text, rng);
  return { fuzzCase: { seed, index, source: source.name, languageId, steps, text }, rng };
}

export function runCase(
  service: LanguageService,
  seed: number,
  index: number,
  options: CheckOptions = {},
): FuzzOutcome {
  const { fuzzCase, rng } = buildCase(seed, index);
  return check(service, fuzzCase, rng, options);
}

/** Check a case whose text is already known (a replayed failure file). */
export function check(service: LanguageService, fuzzCase: FuzzCase, rng: Rng, options: CheckOptions = {}): FuzzOutcome {
  const t0 = performance.now();
  try {
    const result = checkText(service, fuzzCase.text, fuzzCase.languageId, rng, options);
    return { ...fuzzCase, result, ms: performance.now() - t0 };
  } catch (err) {
    const error = err instanceof InvariantError ? err : new InvariantError(String((err as Error)?.stack ?? err), 'fuzz harness');
    return { ...fuzzCase, error, ms: performance.now() - t0 };
  }
}

/** How to rerun one case from the command line. */
export function reproduceCommand(seed: number, index: number): string {
  return `npm run fuzz -- --seed ${seed} --only ${index}`;
}

/** A one-line description of a failing case. */
export function describeFailure(o: FuzzOutcome): string {
  return (
    `seed ${o.seed} mutant #${o.index} (${o.source} as ${o.languageId}, ${o.text.length} chars, ` +
    `mutators: ${o.steps.join(' ')}): ${o.error?.message ?? 'ok'}\n  reproduce: ${reproduceCommand(o.seed, o.index)}`
  );
}
