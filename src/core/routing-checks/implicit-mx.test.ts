import { describe, expect, it } from 'vitest';
import { checkImplicitMx } from './implicit-mx';
import { implicitMxReport, testAddress, testExchange, testReport } from './test-report';

describe('checkImplicitMx', () => {
  it("warns that mail goes to the domain's own addresses when there is no MX (RFC 5321 §5.1)", () => {
    const report = implicitMxReport({}, [testAddress('2001:db8::30'), testAddress('192.0.2.30')]);
    const findings = checkImplicitMx(report);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'implicit-mx', severity: 'warn', rfc: 'RFC 5321 §5.1', subject: 'example.com' });
    expect(findings[0]!.message).toContain('senders fall back to its own addresses 192.0.2.30 and 2001:db8::30 for mail to example.com (');
    expect(findings[0]!.message).toContain('null MX');
  });

  it('does not list addresses while one address family is still pending', () => {
    const report = implicitMxReport({ status: 'running' });
    report.exchanges[0]!.addressStatus = { A: 'ok', AAAA: 'pending' };
    const [finding] = checkImplicitMx(report);
    expect(finding!.message).toContain('fall back to its own address for mail');
    expect(finding!.message).not.toContain('192.0.2.30');
  });

  it('says nothing when the domain has MX records', () => {
    expect(checkImplicitMx(testReport())).toEqual([]);
  });

  it('says nothing until the report says the implicit MX applies', () => {
    const report = testReport({ status: 'running', mxStatus: 'nodata', hostStatus: { A: 'pending', AAAA: 'pending' }, exchanges: [] });
    expect(checkImplicitMx(report)).toEqual([]);
  });

  it('uses the Unicode name of an IDN domain', () => {
    const report = implicitMxReport({ query: { name: 'xn--bcher-kva.test', display: 'bücher.test' } });
    report.exchanges[0] = testExchange('xn--bcher-kva.test', { display: 'bücher.test', implicit: true });
    expect(checkImplicitMx(report)[0]!.message).toMatch(/^bücher\.test has no MX record/);
  });
});
