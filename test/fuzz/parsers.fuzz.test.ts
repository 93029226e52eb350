// CI's share of the fuzzing (issue #16, section 3): 10,000 generated inputs through every parser,
// none throwing anything but its own typed error, none over the per-input bound.
// `npm run fuzz` runs 100,000 a parser and reports memory too.
import { describe, expect, it } from 'vitest';
import { fuzzTarget, PER_INPUT_BOUND_MS, TARGETS } from './targets';

const RUNS = Number(process.env.MXRAY_FUZZ_RUNS ?? 10_000);

describe(`${RUNS} generated inputs a parser, each under ${PER_INPUT_BOUND_MS} ms`, () => {
  it.each(TARGETS.map((target) => [target.name, target] as const))(
    '%s',
    (_name, target) => {
      const result = fuzzTarget(target, RUNS);
      expect(result.runs).toBe(RUNS);
      expect(result.slowestMs).toBeLessThanOrEqual(PER_INPUT_BOUND_MS);
    },
    300_000,
  );
});
