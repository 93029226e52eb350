import { describe, expect, it } from 'vitest';
import { checkHostnameSyntax, hostNameProblem } from './hostname-syntax';
import { implicitMxReport, testExchange, testReport } from './test-report';

describe('hostNameProblem', () => {
  it.each([
    ['mx.example.com'],
    ['MX1.Example.COM'],
    ['mx.xn--bcher-kva.de'],
    ['0mx.example.com'],
    ['a-b.example.com'],
    ['x'.repeat(63) + '.example.com'],
    ['mx.example.co.uk'],
  ])('accepts %s', (host) => {
    expect(hostNameProblem(host)).toBeUndefined();
  });

  it.each([
    ['_mx.example.com', 'contains an underscore'],
    ['mail_server.example.com', 'contains an underscore'],
    ['-mx.example.com', 'starts or ends with a hyphen'],
    ['mx-.example.com', 'starts or ends with a hyphen'],
    ['mx..example.com', 'empty label'],
    ['mx example.com', 'contains a space'],
    ['mx*.example.com', 'contains "*"'],
    ['x'.repeat(64) + '.example.com', 'longer than 63 characters'],
    [Array.from({ length: 50 }, () => 'abcdef').join('.'), 'longer than 253 characters'],
    ['mx.example.123', 'last label is all digits'],
  ])('rejects %s (%s)', (host, why) => {
    expect(hostNameProblem(host)).toContain(why);
  });
});

describe('checkHostnameSyntax', () => {
  it('warns about an MX host name with an underscore (RFC 5321 §2.3.5)', () => {
    const findings = checkHostnameSyntax(testReport({ exchanges: [testExchange('mail_server.example.com')] }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'mx-invalid-hostname', severity: 'warn', subject: 'mail_server.example.com' });
    expect(findings[0]!.message).toContain('The MX host mail_server.example.com is not a valid host name: the label "mail_server" contains an underscore.');
  });

  it('leaves IP literals, the null MX and the implicit MX to their own checks', () => {
    expect(checkHostnameSyntax(testReport({ exchanges: [testExchange('192.0.2.1', { state: 'ip-literal' })] }))).toEqual([]);
    expect(checkHostnameSyntax(implicitMxReport({ query: { name: '_weird.example.com' } }))).toEqual([]);
  });

  it('says nothing about valid names', () => {
    expect(checkHostnameSyntax(testReport())).toEqual([]);
  });
});
