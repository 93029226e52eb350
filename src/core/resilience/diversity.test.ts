import { describe, expect, it } from 'vitest';
import { testAddress, testExchange, testReport } from '../routing-checks/test-report';
import type { Address } from '../report';
import { assessResilience } from './assess-resilience';
import { diversityFindings } from './diversity';
import { netAddress } from './testing';

const host = (name: string, preference: number, addresses: Address[]) =>
  testExchange(name, { preference, addresses, addressStatus: { A: 'ok', AAAA: 'nodata' } });
const report = (...exchanges: ReturnType<typeof host>[]) => testReport({ exchanges });

describe('diversityFindings', () => {
  it('one /24 for every MX: one outage, no MX', () => {
    const [finding] = diversityFindings(
      report(host('mx1.example.com', 10, [netAddress('192.0.2.1', 64500)]), host('mx2.example.com', 20, [netAddress('192.0.2.2', 64500)])),
    );
    expect(finding).toMatchObject({ code: 'mx-one-network', severity: 'warn' });
    expect(finding!.message).toBe(
      'Every MX host (mx1.example.com and mx2.example.com) is in one network, 192.0.2.0/24, in AS64500 (NET64500): one outage there (a router, a link, the data centre) and no MX is reachable. ' +
        'A backup protects most on another network, ideally with another provider; senders queue and retry for days meanwhile (RFC 5321 §4.5.4.1), so this is about delay, not loss.',
    );
  });

  it('counts an IPv4 /24 and an IPv6 /48 of one site as one network', () => {
    const [finding] = diversityFindings(
      report(
        host('mx1.example.com', 10, [netAddress('192.0.2.1', 64500), netAddress('2001:db8:1::1', 64500)]),
        host('mx2.example.com', 20, [netAddress('192.0.2.2', 64500), netAddress('2001:db8:1::2', 64500)]),
      ),
    );
    expect(finding!.code).toBe('mx-one-network');
    expect(finding!.message).toContain('192.0.2.0/24 and 2001:db8:1::/48');
  });

  it('one AS for every MX: "if AS64500 has an outage, no MX is reachable"', () => {
    const [finding] = diversityFindings(
      report(host('mx1.example.com', 10, [netAddress('192.0.2.1', 64500)]), host('mx2.example.com', 20, [netAddress('198.51.100.2', 64500)])),
    );
    expect(finding).toMatchObject({ code: 'mx-one-as', severity: 'warn' });
    expect(finding!.message).toBe(
      'Every MX host (mx1.example.com and mx2.example.com) is in one network, AS64500 (NET64500), across 2 address blocks: if AS64500 has an outage, no MX is reachable. ' +
        'A backup in another AS (another provider) survives that; senders queue and retry for days meanwhile (RFC 5321 §4.5.4.1).',
    );
  });

  it('one country for every MX, said neutrally', () => {
    const [finding] = diversityFindings(
      report(host('mx1.example.com', 10, [netAddress('192.0.2.1', 64500)]), host('mx2.example.com', 20, [netAddress('198.51.100.2', 64501)])),
    );
    expect(finding).toMatchObject({ code: 'mx-one-country', severity: 'info' });
    expect(finding!.message).toBe(
      'The MX hosts are on 2 networks (AS64500 and AS64501), all registered in DE: an outage of one network leaves another, but a country-wide disruption would reach them all. ' +
        "Often a deliberate choice (data stays in one country); the country is the registry's, not a geolocation.",
    );
  });

  it('well spread: two networks, two countries', () => {
    const [finding] = diversityFindings(
      report(host('mx1.example.com', 10, [netAddress('192.0.2.1', 64500)]), host('mx2.example.com', 20, [netAddress('198.51.100.2', 64501, 'NL')])),
    );
    expect(finding).toMatchObject({ code: 'mx-networks-spread', severity: 'ok' });
    expect(finding!.message).toBe(
      'The MX hosts are spread over 2 networks (AS64500 and AS64501) in 2 countries (DE and NL): an outage of one network leaves another MX to take the mail.',
    );
  });

  it('a large provider in its own AS is normal, not a warning', () => {
    const [finding] = diversityFindings(
      report(
        host('aspmx.l.google.com', 1, [netAddress('192.0.2.1', 15169, 'US', { name: 'GOOGLE' })]),
        host('alt1.aspmx.l.google.com', 5, [netAddress('198.51.100.1', 15169, 'US', { name: 'GOOGLE' })]),
      ),
    );
    expect(finding).toMatchObject({ code: 'mx-provider-network', severity: 'info' });
    expect(finding!.message).toBe(
      "All MX hosts are Google Workspace's own, in AS15169 (GOOGLE). That is normal for a large provider, which builds redundancy inside its own network (several sites, anycast, many servers behind each name); nothing to change here.",
    );
  });

  it('waits for every network answer, and claims no AS when one is unknown', () => {
    const pending = testAddress('198.51.100.2', { asn: { status: 'pending' } });
    expect(diversityFindings(report(host('mx1.example.com', 10, [netAddress('192.0.2.1', 64500)]), host('mx2.example.com', 20, [pending])))).toEqual([]);
    const unknown = testAddress('198.51.100.2', { asn: { status: 'none' } });
    expect(diversityFindings(report(host('mx1.example.com', 10, [netAddress('192.0.2.1', 64500)]), host('mx2.example.com', 20, [unknown])))).toEqual([]);
  });

  it('still says one /24 when the network lookups are off', () => {
    const [finding] = diversityFindings(
      report(host('mx1.example.com', 10, [testAddress('192.0.2.1')]), host('mx2.example.com', 20, [testAddress('192.0.2.2')])),
    );
    expect(finding!.message).toMatch(/^Every MX host \(mx1\.example\.com and mx2\.example\.com\) is in one network, 192\.0\.2\.0\/24: one outage/);
  });

  it('leaves one host, and hosts on the same addresses, to their own findings', () => {
    expect(diversityFindings(report(host('mx1.example.com', 10, [netAddress('192.0.2.1', 64500)])))).toEqual([]);
    expect(
      diversityFindings(report(host('mx1.example.com', 10, [netAddress('192.0.2.1', 64500)]), host('mx2.example.com', 20, [netAddress('192.0.2.1', 64500)]))),
    ).toEqual([]);
  });
});

describe('the resilience line', () => {
  const summary = (r: ReturnType<typeof testReport>) => assessResilience(r)?.summary;
  it('well spread', () => {
    expect(
      summary(report(host('mx1.example.com', 10, [netAddress('192.0.2.1', 64500)]), host('mx2.example.com', 20, [netAddress('198.51.100.2', 64501, 'NL')]))),
    ).toBe('2 networks, 2 countries, backup ready');
  });
  it('single network', () => {
    expect(summary(report(host('mx1.example.com', 10, [netAddress('192.0.2.1', 64500)]), host('mx2.example.com', 20, [netAddress('192.0.2.2', 64500)])))).toBe(
      '1 network, 1 country, backup on the same network',
    );
    expect(
      summary(report(host('mx1.example.com', 10, [netAddress('192.0.2.1', 64500)]), host('mx2.example.com', 20, [netAddress('198.51.100.2', 64500)]))),
    ).toBe('1 network, 1 country, backup in the same AS');
  });
  it('nolisting', () => {
    expect(
      assessResilience(report(testExchange('mx0.example.com', { state: 'no-address' }), host('mx.example.com', 20, [netAddress('192.0.2.1', 64500)])))
        ?.severity,
    ).toBe('warn');
    expect(summary(report(testExchange('mx0.example.com', { state: 'no-address' }), host('mx.example.com', 20, [netAddress('192.0.2.1', 64500)])))).toBe(
      '1 network, 1 country, first MX does not answer (nolisting?)',
    );
  });
  it('one host, load sharing, unreachable backup, pending, turned off', () => {
    expect(summary(report(host('mx.example.com', 10, [netAddress('192.0.2.1', 64500)])))).toBe('1 network, 1 country, no backup MX');
    expect(summary(report(host('a.example.com', 10, [netAddress('192.0.2.1', 64500)]), host('b.example.com', 10, [netAddress('198.51.100.1', 64501)])))).toBe(
      '2 networks, 1 country, load shared by 2, no backup',
    );
    expect(
      summary(report(host('a.example.com', 10, [netAddress('192.0.2.1', 64500)]), testExchange('b.example.com', { preference: 20, state: 'nxdomain' }))),
    ).toBe('1 network, 1 country, backup not reachable');
    expect(summary(report(host('a.example.com', 10, [testAddress('192.0.2.1', { asn: { status: 'pending' } })])))).toBe('checking networks…, no backup MX');
    expect(summary(report(host('a.example.com', 10, [testAddress('192.0.2.1')]), host('b.example.com', 20, [testAddress('198.51.100.1')])))).toBe(
      '2 address blocks, backup ready',
    );
    expect(assessResilience(report(host('a.example.com', 10, [testAddress('192.0.2.1')])))?.asnOff).toBe(true);
  });
  it('says when some networks are unknown', () => {
    expect(
      summary(
        report(
          host('a.example.com', 10, [netAddress('192.0.2.1', 64500)]),
          host('b.example.com', 20, [testAddress('198.51.100.1', { asn: { status: 'unreadable' } })]),
        ),
      ),
    ).toBe('1 network, 1 country (1 address unknown), backup ready');
  });
  it('is not made for IP queries or a null MX', () => {
    expect(assessResilience(testReport({ query: { kind: 'ip', name: '192.0.2.1' }, exchanges: [] }))).toBeUndefined();
    expect(assessResilience(testReport({ nullMx: true }))).toBeUndefined();
  });
});
