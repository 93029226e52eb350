import { describe, expect, it } from 'vitest';
import { checkPtrLookupFailed } from './ptr-lookup-failed';
import { testAddress, testExchange, testReport } from './test-report';

describe('checkPtrLookupFailed', () => {
  it('notes a PTR lookup that failed with SERVFAIL, which receivers will hit too', () => {
    const address = testAddress('192.0.2.5', { ptrStatus: 'servfail', ptr: [], fcrdns: 'none' });
    const findings = checkPtrLookupFailed(testReport({ exchanges: [testExchange('mx.example.com', { addresses: [address] })] }));
    expect(findings.map((f) => [f.code, f.severity, f.subject])).toEqual([['ptr-lookup-failed', 'info', '192.0.2.5']]);
    expect(findings[0]!.message).toContain('The reverse DNS (PTR) lookup for 192.0.2.5 (mx.example.com) failed (SERVFAIL).');
  });

  it('blames the resolver path when no resolver answered', () => {
    const address = testAddress('192.0.2.5', { ptrStatus: 'error', ptr: [], fcrdns: 'none' });
    const [finding] = checkPtrLookupFailed(testReport({ exchanges: [testExchange('mx.example.com', { addresses: [address] })] }));
    expect(finding!.message).toContain('between MXray and the resolver');
  });

  it('says nothing about answered, missing or pending PTRs', () => {
    const report = testReport({
      status: 'running',
      exchanges: [
        testExchange('mx.example.com', {
          addresses: [
            testAddress('192.0.2.1'),
            testAddress('192.0.2.2', { ptrStatus: 'nxdomain', ptr: [], fcrdns: 'none' }),
            testAddress('192.0.2.3', { ptrStatus: 'pending', fcrdns: 'pending' }),
          ],
        }),
      ],
    });
    expect(checkPtrLookupFailed(report)).toEqual([]);
  });
});
