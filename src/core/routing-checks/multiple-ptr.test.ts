import { describe, expect, it } from 'vitest';
import { checkMultiplePtr } from './multiple-ptr';
import { ipReport, testAddress, testExchange, testReport } from './test-report';

const twoNames = (ip: string) =>
  testAddress(ip, {
    ptr: [
      { name: 'mx.many-ptr.test', forward: [ip], forwardStatus: 'ok' },
      { name: 'other.many-ptr.test', forward: ['192.0.2.121'], forwardStatus: 'ok' },
    ],
  });

describe('checkMultiplePtr', () => {
  it('notes an MX address with more than one PTR name', () => {
    const report = testReport({ exchanges: [testExchange('mx.many-ptr.test', { addresses: [twoNames('192.0.2.120')] })] });
    const findings = checkMultiplePtr(report);
    expect(findings.map((f) => [f.code, f.severity, f.subject])).toEqual([['multiple-ptr', 'info', '192.0.2.120']]);
    expect(findings[0]!.message).toContain('192.0.2.120 (mx.many-ptr.test) has 2 reverse DNS names (mx.many-ptr.test and other.many-ptr.test)');
  });

  it('notes it for the address of an IP query too', () => {
    const report = ipReport('192.0.2.120', { ptr: twoNames('192.0.2.120').ptr });
    expect(checkMultiplePtr(report)[0]!.message).toMatch(/^192\.0\.2\.120 has 2 reverse DNS names/);
  });

  it('says nothing about a single PTR name', () => {
    expect(checkMultiplePtr(testReport())).toEqual([]);
    expect(checkMultiplePtr(ipReport())).toEqual([]);
  });
});
