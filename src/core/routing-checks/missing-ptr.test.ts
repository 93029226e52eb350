import { describe, expect, it } from 'vitest';
import { checkMissingPtr } from './missing-ptr';
import { pendingPtrAddress, testAddress, testExchange, testReport } from './test-report';

const noPtr = (ip: string, ptrStatus: 'nxdomain' | 'nodata' = 'nxdomain') => testAddress(ip, { ptrStatus, ptr: [], fcrdns: 'none' });

describe('checkMissingPtr', () => {
  it('warns per MX address without a PTR record, saying it matters for mail the server sends', () => {
    const report = testReport({ query: { name: 'no-ptr.test' }, exchanges: [testExchange('mx.no-ptr.test', { addresses: [noPtr('192.0.2.60')] })] });
    const findings = checkMissingPtr(report);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'missing-ptr', severity: 'warn', rfc: 'RFC 1912 §2.1', subject: '192.0.2.60' });
    expect(findings[0]!.message).toContain('192.0.2.60 (mx.no-ptr.test) has no reverse DNS (PTR record).');
    expect(findings[0]!.message).toContain('does not stop mail to no-ptr.test from arriving');
    expect(findings[0]!.message).toContain('set its PTR record to mx.no-ptr.test');
  });

  it('treats NODATA in the reverse zone like NXDOMAIN', () => {
    const report = testReport({ exchanges: [testExchange('mx.example.com', { addresses: [noPtr('2001:db8::60', 'nodata')] })] });
    expect(checkMissingPtr(report).map((f) => f.subject)).toEqual(['2001:db8::60']);
  });

  it('never claims a missing PTR while the PTR question is pending', () => {
    const report = testReport({ status: 'running', exchanges: [testExchange('mx.example.com', { addresses: [pendingPtrAddress('192.0.2.60')] })] });
    expect(checkMissingPtr(report)).toEqual([]);
  });

  it('says nothing when PTR checks are turned off, failed, or found a name', () => {
    const report = testReport({
      exchanges: [
        testExchange('mx1.example.com', { addresses: [testAddress('192.0.2.1', { ptrStatus: 'skipped', ptr: [], fcrdns: 'skipped' })] }),
        testExchange('mx2.example.com', { addresses: [testAddress('192.0.2.2', { ptrStatus: 'servfail', ptr: [], fcrdns: 'none' })] }),
        testExchange('mx3.example.com', { addresses: [testAddress('192.0.2.3')] }),
      ],
    });
    expect(checkMissingPtr(report)).toEqual([]);
  });

  it('leaves private addresses to the special-range check', () => {
    const report = testReport({
      exchanges: [
        testExchange('mx.example.com', { addresses: [testAddress('10.0.0.1', { range: 'private', ptrStatus: 'nxdomain', ptr: [], fcrdns: 'none' })] }),
      ],
    });
    expect(checkMissingPtr(report)).toEqual([]);
  });

  it('reports an address shared by two MX hosts once', () => {
    const report = testReport({
      exchanges: [testExchange('mx1.example.com', { addresses: [noPtr('192.0.2.7')] }), testExchange('mx2.example.com', { addresses: [noPtr('192.0.2.7')] })],
    });
    const findings = checkMissingPtr(report);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('192.0.2.7 (mx1.example.com and mx2.example.com)');
  });
});
