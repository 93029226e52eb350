import { describe, expect, it } from 'vitest';
import { checkMxIpLiteral } from './mx-ip-literal';
import { testExchange, testReport } from './test-report';

describe('checkMxIpLiteral', () => {
  it('is an error for an MX target written as an IPv4 address (RFC 1035 §3.3.9)', () => {
    const report = testReport({ query: { name: 'ip-mx.test' }, exchanges: [testExchange('192.0.2.50', { state: 'ip-literal' })] });
    const findings = checkMxIpLiteral(report);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'mx-ip-literal', severity: 'error', rfc: 'RFC 1035 §3.3.9', subject: '192.0.2.50' });
    expect(findings[0]!.message).toContain('names 192.0.2.50, an IP address');
    expect(findings[0]!.message).toContain('a host name with an A record for 192.0.2.50 (for example mail.ip-mx.test)');
  });

  it('asks for an AAAA record for an IPv6 literal', () => {
    const report = testReport({ exchanges: [testExchange('2001:db8::25', { state: 'ip-literal' })] });
    expect(checkMxIpLiteral(report)[0]!.message).toContain('an AAAA record for 2001:db8::25');
  });

  it('says nothing about ordinary host names, even ones that start with digits', () => {
    const report = testReport({ exchanges: [testExchange('192.0.2.50.static.example.net')] });
    expect(checkMxIpLiteral(report)).toEqual([]);
  });
});
