import { describe, expect, it } from 'vitest';
import { checkIpSpecialRange } from './ip-special-range';
import { ipReport, testAddress, testExchange, testReport } from './test-report';

describe('checkIpSpecialRange', () => {
  it('explains that a private address has no meaning on the internet', () => {
    const findings = checkIpSpecialRange(ipReport('10.0.0.25', { range: '10.0.0.0/8' }));
    expect(findings.map((f) => [f.code, f.severity, f.rfc])).toEqual([['ip-special-range', 'info', 'RFC 1918']]);
    expect(findings[0]!.message).toMatch(
      /^10\.0\.0\.25 is a private network address \(RFC 1918\), not reachable from the internet\. No mail server on the internet/,
    );
  });

  it('says a documentation address is example data', () => {
    expect(checkIpSpecialRange(ipReport('2001:db8::25', { range: '2001:db8::/32' }))[0]!.message).toContain(
      'reserved for examples and never used on the internet (RFC 3849). It appears in examples',
    );
    expect(checkIpSpecialRange(ipReport('2001:db8::25', { range: 'documentation' }))[0]!.message).toContain('(RFC 3849). It appears in examples');
  });

  it('says a Teredo address is an unlikely mail server', () => {
    expect(checkIpSpecialRange(ipReport('2001::1', { range: '2001::/32' }))[0]!.message).toContain('Teredo tunnel address (RFC 4380)');
  });

  it('says nothing about ordinary addresses or domain queries', () => {
    expect(checkIpSpecialRange(ipReport('203.0.114.9'))).toEqual([]);
    expect(
      checkIpSpecialRange(testReport({ exchanges: [testExchange('mx.example.com', { addresses: [testAddress('10.0.0.1', { range: 'private' })] })] })),
    ).toEqual([]);
  });
});
