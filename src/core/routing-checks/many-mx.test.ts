import { describe, expect, it } from 'vitest';
import { checkManyMx, MANY_MX } from './many-mx';
import { testExchange, testReport } from './test-report';

function withHosts(count: number) {
  return testReport({ exchanges: Array.from({ length: count }, (_, i) => testExchange(`mx${i + 1}.example.com`, { preference: (i + 1) * 10 })) });
}

describe('checkManyMx', () => {
  it(`notes more than ${MANY_MX} MX hosts, since senders only try the first few`, () => {
    const findings = checkManyMx(withHosts(20));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'many-mx', severity: 'info' });
    expect(findings[0]!.message).toContain('example.com lists 20 MX hosts');
  });

  it(`says nothing about ${MANY_MX} or fewer`, () => {
    expect(checkManyMx(withHosts(MANY_MX))).toEqual([]);
    expect(checkManyMx(withHosts(5))).toEqual([]);
  });
});
