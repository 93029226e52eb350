import { describe, expect, it } from 'vitest';
import { checkFcrdns } from './fcrdns';
import { testAddress, testExchange, testReport } from './test-report';

describe('checkFcrdns', () => {
  it('warns when the PTR name does not resolve back to the address (RFC 8601 §3)', () => {
    const address = testAddress('192.0.2.70', { ptr: [{ name: 'mail.elsewhere.test', forward: ['192.0.2.71'], forwardStatus: 'ok' }], fcrdns: 'fail' });
    const report = testReport({ query: { name: 'bad-ptr.test' }, exchanges: [testExchange('mx.bad-ptr.test', { addresses: [address] })] });
    const findings = checkFcrdns(report);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'fcrdns-fail', severity: 'warn', rfc: 'RFC 8601 §3', subject: '192.0.2.70' });
    expect(findings[0]!.message).toContain(
      '192.0.2.70 (mx.bad-ptr.test) has reverse DNS mail.elsewhere.test, but mail.elsewhere.test does not resolve back to 192.0.2.70.',
    );
    expect(findings[0]!.message).toContain('Add an A record for 192.0.2.70 to mail.elsewhere.test');
  });

  it('words several PTR names that all fail', () => {
    const address = testAddress('2001:db8::70', {
      ptr: [
        { name: 'a.example.net', forward: [], forwardStatus: 'nxdomain' },
        { name: 'b.example.net', forward: ['2001:db8::71'], forwardStatus: 'ok' },
      ],
      fcrdns: 'fail',
    });
    const [finding] = checkFcrdns(testReport({ exchanges: [testExchange('mx.example.com', { addresses: [address] })] }));
    expect(finding!.message).toContain('has reverse DNS a.example.net and b.example.net, but none of those names resolves back');
    expect(finding!.message).toContain('Add an AAAA record');
  });

  it('makes no claim when the forward lookups failed rather than answered', () => {
    const address = testAddress('192.0.2.70', { ptr: [{ name: 'mail.example.net', forward: [], forwardStatus: 'servfail' }], fcrdns: 'fail' });
    expect(checkFcrdns(testReport({ exchanges: [testExchange('mx.example.com', { addresses: [address] })] }))).toEqual([]);
  });

  it('says nothing while the forward check is pending, or when it passes, or found no PTR', () => {
    const report = testReport({
      status: 'running',
      exchanges: [
        testExchange('mx1.example.com', { addresses: [testAddress('192.0.2.1', { fcrdns: 'pending' })] }),
        testExchange('mx2.example.com', { addresses: [testAddress('192.0.2.2')] }),
        testExchange('mx3.example.com', { addresses: [testAddress('192.0.2.3', { ptrStatus: 'nxdomain', ptr: [], fcrdns: 'none' })] }),
      ],
    });
    expect(checkFcrdns(report)).toEqual([]);
  });
});
