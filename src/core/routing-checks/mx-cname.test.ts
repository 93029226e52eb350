import { describe, expect, it } from 'vitest';
import { checkMxCname } from './mx-cname';
import { implicitMxReport, testAddress, testExchange, testReport } from './test-report';

describe('checkMxCname', () => {
  it('warns when an MX target is an alias, showing the chain and its addresses (RFC 2181 §10.3)', () => {
    const exchange = testExchange('mail.cname-mx.test', { cname: ['real.cname-mx.test'], addresses: [testAddress('192.0.2.40')] });
    const findings = checkMxCname(testReport({ query: { name: 'cname-mx.test' }, exchanges: [exchange] }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'mx-cname', severity: 'warn', rfc: 'RFC 2181 §10.3', subject: 'mail.cname-mx.test' });
    expect(findings[0]!.message).toContain('names mail.cname-mx.test, which is an alias (CNAME) for real.cname-mx.test, which resolves to 192.0.2.40');
    expect(findings[0]!.message).toContain('Point the MX record at real.cname-mx.test');
  });

  it('shows multi-step chains with arrows', () => {
    const exchange = testExchange('mail.example.com', { cname: ['mail.example.com', 'a.example.net', 'b.example.net'] });
    expect(checkMxCname(testReport({ exchanges: [exchange] }))[0]!.message).toContain('for a.example.net → b.example.net');
  });

  it('reports the alias before the addresses are known, without listing addresses', () => {
    const exchange = testExchange('mail.example.com', { state: 'pending', cname: ['real.example.com'] });
    const [finding] = checkMxCname(testReport({ status: 'running', exchanges: [exchange] }));
    expect(finding!.message).toContain('for real.example.com. An MX record');
  });

  it('says nothing about MX targets that are not aliases', () => {
    expect(checkMxCname(testReport({ exchanges: [testExchange('mx1.example.com'), testExchange('mx2.example.com')] }))).toEqual([]);
  });

  it('does not flag the implicit MX (the domain itself may be an alias, RFC 5321 §5.1)', () => {
    const report = implicitMxReport();
    report.exchanges[0]!.cname = ['elsewhere.example.net'];
    expect(checkMxCname(report)).toEqual([]);
  });
});
