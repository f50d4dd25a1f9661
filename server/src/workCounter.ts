/**
 * A count of the work the analysis and the features do, for the tests that prove it grows linearly
 * with the document (test/unit/pathological.test.ts): unlike a timing, a count does not depend on how
 * busy the machine is. Hot paths bump it at coarse grain (per markup construct, per element visited,
 * per position lookup, per line walked, per path character searched), never per character scanned,
 * so it costs nothing measurable. Nothing reads it in the shipped code.
 */
export const work = { steps: 0 };
