import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyDiff, diffFacts } from './diff-facts';
import { metaOf } from './fact-entries';
import { factsOf } from './facts-of';
import { arbitraryReport, reordered } from './testing/facts-reports';

describe('diffFacts, as properties', () => {
  it('finds nothing between a report and itself, whatever the order of its answers and their TTLs', () => {
    fc.assert(
      fc.property(
        arbitraryReport.chain((base) => fc.tuple(fc.constant(base), reordered(base))),
        ([base, shuffled]) => {
          expect(diffFacts(factsOf(base), factsOf(shuffled)).changes).toEqual([]);
          expect(factsOf(shuffled)).toEqual(factsOf(base));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('describes the new facts: applying the diff of a to b to a gives b', () => {
    fc.assert(
      fc.property(arbitraryReport, arbitraryReport, (a, b) => {
        const old = factsOf(a);
        const next = factsOf(b);
        const diff = diffFacts(old, next);
        expect(applyDiff(old, diff, metaOf(next))).toEqual(next);
        // And only what differs is in it: no change has equal sides.
        for (const change of diff.changes) expect(change.before).not.toEqual(change.after);
      }),
      { numRuns: 300 },
    );
  });

  it('is empty exactly when the facts are equal (time and resolver aside)', () => {
    fc.assert(
      fc.property(arbitraryReport, arbitraryReport, (a, b) => {
        const old = factsOf(a);
        const next = { ...factsOf(b), ...metaOf(old) };
        expect(diffFacts(old, next).changes.length === 0).toBe(JSON.stringify(old) === JSON.stringify(next));
      }),
      { numRuns: 300 },
    );
  });

  it('survives JSON: facts written and read back diff to nothing', () => {
    fc.assert(
      fc.property(arbitraryReport, (a) => {
        const facts = factsOf(a);
        expect(diffFacts(facts, JSON.parse(JSON.stringify(facts))).changes).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
