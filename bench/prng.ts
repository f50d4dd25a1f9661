/**
 * mulberry32, a small 32-bit PRNG: deterministic in its seed, fast, with statistics good enough for
 * generating benchmark inputs and fuzzing mutants (test/fuzz/mutate.ts uses it too).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}
