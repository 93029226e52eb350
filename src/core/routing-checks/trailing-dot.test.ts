import { describe, expect, it } from 'vitest';
import { checkTrailingDot, possibleOrigins } from './trailing-dot';
import { implicitMxReport, testExchange, testQuery, testReport } from './test-report';
import type { ExchangeState } from '../report';

function mxCheck(host: string, state: ExchangeState = 'nxdomain', query: Parameters<typeof testReport>[0] = {}) {
  return checkTrailingDot(testReport({ ...query, exchanges: [testExchange(host, { state })] }));
}

describe('possibleOrigins', () => {
  it('lists the name and its ancestors down to the registrable domain', () => {
    expect(possibleOrigins(testQuery('a.b.example.co.uk', { registrable: 'example.co.uk' }))).toEqual([
      'a.b.example.co.uk',
      'b.example.co.uk',
      'example.co.uk',
    ]);
  });

  it('uses the name alone without a registrable domain', () => {
    expect(possibleOrigins(testQuery('co.uk', { registrable: undefined }))).toEqual(['co.uk']);
  });
});

describe('checkTrailingDot', () => {
  it('catches the zone name appended twice (mx.example.com.example.com) and names the intended host', () => {
    const findings = mxCheck('mx.example.com.example.com');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'mx-missing-trailing-dot', severity: 'error', subject: 'mx.example.com.example.com', rfc: 'RFC 1035 §5.1' });
    expect(findings[0]!.message).toContain('is mx.example.com with the zone name "example.com" added again');
    expect(findings[0]!.message).toContain('"mx.example.com."');
  });

  it('catches the test-zone fixture (mx.trailing-dot.test.trailing-dot.test)', () => {
    const findings = mxCheck('mx.trailing-dot.test.trailing-dot.test', 'nxdomain', { query: { name: 'trailing-dot.test' } });
    expect(findings.map((f) => f.severity)).toEqual(['error']);
  });

  it('catches an MX pointing at the domain itself without the dot (example.com.example.com)', () => {
    expect(mxCheck('example.com.example.com')[0]!.message).toContain('is example.com with the zone name');
  });

  it('stays an error even when a wildcard makes the doubled name resolve', () => {
    expect(mxCheck('mx.example.com.example.com', 'resolved').map((f) => f.severity)).toEqual(['error']);
  });

  it('catches a subdomain written in its parent zone (mx.sub.example.com.example.com)', () => {
    const findings = mxCheck('mx.sub.example.com.example.com', 'nxdomain', { query: { name: 'sub.example.com', registrable: 'example.com' } });
    expect(findings[0]!.message).toContain('is mx.sub.example.com with the zone name "example.com"');
  });

  it('catches the origin of a delegated subdomain appended (mx.example.com.sub.example.com)', () => {
    const findings = mxCheck('mx.example.com.sub.example.com', 'nxdomain', { query: { name: 'sub.example.com', registrable: 'example.com' } });
    expect(findings[0]!.message).toContain('is mx.example.com with the zone name "sub.example.com"');
  });

  it('works under multi-label public suffixes (mx.example.co.uk.example.co.uk)', () => {
    const findings = mxCheck('mx.example.co.uk.example.co.uk', 'nxdomain', { query: { name: 'example.co.uk' } });
    expect(findings[0]!.message).toContain('is mx.example.co.uk with');
  });

  it('suggests the provider host when a missing dot appended the domain to it (aspmx.l.google.com.example.com)', () => {
    const findings = mxCheck('aspmx.l.google.com.example.com');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe('warn');
    expect(findings[0]!.message).toContain('looks like aspmx.l.google.com with "example.com" appended');
  });

  it('does not guess about a provider-looking name that exists', () => {
    expect(mxCheck('aspmx.l.google.com.example.com', 'resolved')).toEqual([]);
  });

  it('shows the intended name in Unicode for IDNs', () => {
    const exchange = testExchange('mx.xn--bcher-kva.de.xn--bcher-kva.de', { display: 'mx.bücher.de.bücher.de', state: 'nxdomain' });
    const report = testReport({ query: { name: 'xn--bcher-kva.de', display: 'bücher.de' }, exchanges: [exchange] });
    expect(checkTrailingDot(report)[0]!.message).toContain('is mx.bücher.de with');
  });

  describe('has no false positives on', () => {
    it.each([
      ['mail.com.example.com', 'a registrable domain as an internal label'],
      ['smtp.eu.example.com', 'a region label that is also a TLD'],
      ['mx.example.com', 'an ordinary host in the domain'],
      ['mx1.example.net', 'a host elsewhere'],
      ['mx.example.com.example.net', 'the domain inside another domain'],
      ['example.com.mail.protection.outlook.com', 'a provider naming hosts after the domain'],
      ['mail.example.com.evil.example.org', 'the domain as a prefix elsewhere'],
      ['com.example.com', 'a label equal to the TLD'],
      ['mx1.prod.us.example.com', 'a region label that is also a country code'],
      ['mx.mail.example.com', 'a label that is not a public suffix'],
    ])('%s (%s)', (host) => {
      expect(mxCheck(host)).toEqual([]);
    });

    it('mx.example.com.com (a typo, not a missing dot: no zone has origin "com")', () => {
      expect(mxCheck('mx.example.com.com')).toEqual([]);
    });

    it('the implicit MX', () => {
      expect(checkTrailingDot(implicitMxReport())).toEqual([]);
    });
  });
});
