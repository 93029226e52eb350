import { describe, expect, it } from 'vitest';
import { checkDomainStatus } from './domain-status';
import { ipReport, testReport } from './test-report';

const noMx = { exchanges: [], mxTtl: undefined };

describe('checkDomainStatus', () => {
  it('reports NXDOMAIN as "the domain does not exist"', () => {
    const findings = checkDomainStatus(testReport({ ...noMx, mxStatus: 'nxdomain', hostStatus: { A: 'nxdomain', AAAA: 'nxdomain' } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'domain-nxdomain', severity: 'error', subject: 'example.com' });
    expect(findings[0]!.message).toContain('example.com does not exist in the DNS (NXDOMAIN)');
    expect(findings[0]!.message).toContain('registration');
  });

  it('reports NXDOMAIN at once, before the address answers', () => {
    const report = testReport({ ...noMx, status: 'running', mxStatus: 'nxdomain', hostStatus: { A: 'pending', AAAA: 'pending' } });
    expect(checkDomainStatus(report).map((f) => f.code)).toEqual(['domain-nxdomain']);
  });

  it('points a subdomain that does not exist at its parent zone', () => {
    const report = testReport({ ...noMx, query: { name: 'shop.example.com', registrable: 'example.com' }, mxStatus: 'nxdomain' });
    expect(checkDomainStatus(report)[0]!.message).toContain('defined in the DNS of example.com');
  });

  it('names the missing target when the domain is an alias to a name that does not exist', () => {
    const report = testReport({ ...noMx, mxStatus: 'nxdomain', cname: ['gone.example.net'] });
    expect(checkDomainStatus(report)[0]!.message).toContain('alias (CNAME) for gone.example.net, which does not exist');
  });

  it('names the email address that bounces for an email query', () => {
    const report = testReport({ ...noMx, query: { kind: 'email', email: 'bob@example.com' }, mxStatus: 'nxdomain' });
    expect(checkDomainStatus(report)[0]!.message).toContain('so mail to bob@example.com bounces');
  });

  it('reports NODATA with no addresses as "nowhere to deliver"', () => {
    const findings = checkDomainStatus(testReport({ ...noMx, mxStatus: 'nodata', hostStatus: { A: 'nodata', AAAA: 'nodata' } }));
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['domain-no-mail-host', 'error']]);
    expect(findings[0]!.message).toContain('exists but has no MX record and no IPv4 or IPv6 address');
  });

  it('does not claim "no address" while an address question is pending', () => {
    const report = testReport({ ...noMx, status: 'running', mxStatus: 'nodata', hostStatus: { A: 'nodata', AAAA: 'pending' } });
    expect(checkDomainStatus(report)).toEqual([]);
  });

  it('says nothing about NODATA when the domain has an address (that is the implicit MX check)', () => {
    const report = testReport({ ...noMx, mxStatus: 'nodata', hostStatus: { A: 'ok', AAAA: 'servfail' }, implicitMx: true });
    expect(checkDomainStatus(report)).toEqual([]);
  });

  it('says it cannot tell where mail goes when there is no MX and the address lookup failed', () => {
    const report = testReport({ ...noMx, mxStatus: 'nodata', hostStatus: { A: 'servfail', AAAA: 'nodata' } });
    const findings = checkDomainStatus(report);
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['domain-address-lookup-failed', 'warn']]);
    expect(findings[0]!.message).toContain('(SERVFAIL)');
  });

  it('reports SERVFAIL as a resolver that could not get an answer (often DNSSEC)', () => {
    const findings = checkDomainStatus(testReport({ ...noMx, mxStatus: 'servfail' }));
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['mx-servfail', 'error']]);
    expect(findings[0]!.message).toContain('DNSSEC');
  });

  it('reports REFUSED separately from SERVFAIL', () => {
    const findings = checkDomainStatus(testReport({ ...noMx, mxStatus: 'refused' }));
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['mx-refused', 'warn']]);
  });

  it('reports a resolver failure as a network problem, quoting the resolver error', () => {
    const report = testReport({
      ...noMx,
      mxStatus: 'error',
      errors: [
        {
          code: 'resolver-timeout',
          message: 'Cloudflare did not answer within 3000 ms. It may be down or blocked on this network.',
          resolver: 'cloudflare',
          question: 'example.com MX',
        },
      ],
    });
    const findings = checkDomainStatus(report);
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['mx-lookup-failed', 'warn']]);
    expect(findings[0]!.message).toContain('Cloudflare did not answer within 3000 ms.');
    expect(findings[0]!.message).toContain('Check the network');
  });

  it('gives each failure its own code', () => {
    const codes = (['nxdomain', 'servfail', 'refused', 'error'] as const).map((mxStatus) => checkDomainStatus(testReport({ ...noMx, mxStatus }))[0]!.code);
    expect(new Set(codes).size).toBe(4);
  });

  it('says nothing when MX records exist, or before the MX answer', () => {
    expect(checkDomainStatus(testReport())).toEqual([]);
    expect(checkDomainStatus(testReport({ ...noMx, status: 'running', mxStatus: 'pending' }))).toEqual([]);
  });

  it('says nothing for IP queries', () => {
    expect(checkDomainStatus(ipReport())).toEqual([]);
  });
});
