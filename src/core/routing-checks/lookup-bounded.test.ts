import { describe, expect, it } from 'vitest';
import { DEFAULT_WORK_BOUNDS } from '../lookup/work-budget';
import { checkLookupBounded } from './lookup-bounded';
import { checkManyMx } from './many-mx';
import { testReport } from './test-report';

const bounds = { ...DEFAULT_WORK_BOUNDS };

describe('checkLookupBounded', () => {
  it('says nothing for a lookup within its bounds', () => {
    expect(checkLookupBounded(testReport())).toEqual([]);
  });

  it('says what a bounded lookup left out, and why', () => {
    const findings = checkLookupBounded(testReport({ leftOut: { mxHosts: 50, addresses: 14_000, questions: 605, bounds } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'lookup-bounded', severity: 'warn' });
    expect(findings[0]!.message).toContain(
      'left out 50 MX hosts beyond the 50 most preferred, 14000 addresses beyond 20 per host, 605 questions beyond the 500 one lookup may ask',
    );
  });

  it('names only what was left out', () => {
    const [finding] = checkLookupBounded(testReport({ leftOut: { mxHosts: 0, addresses: 1, questions: 0, bounds } }));
    expect(finding!.message).toContain('left out 1 address beyond 20 per host.');
  });

  it('counts the MX hosts left out in the many-mx note', () => {
    const report = testReport({ leftOut: { mxHosts: 50, addresses: 0, questions: 0, bounds } });
    expect(checkManyMx(report)[0]?.message).toContain('lists 51 MX hosts');
  });
});
