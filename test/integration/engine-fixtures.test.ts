/**
 * The engine against real DNS software: knotd serving test/zones behind dnsdist (RFC 8484).
 * One test per fixture, named after the rule it shows.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DohClient } from '../../src/core/doh/doh-client';
import { customProvider } from '../../src/core/doh/providers';
import { lookupMail } from '../../src/core/lookup/lookup-mail';
import { parseQuery } from '../../src/core/query';
import type { Report } from '../../src/core/report';
import '../stack/stack-info';
import { createTrustedFetch } from '../stack/trusted-fetch';

const stack = inject('stack');
const trusted = createTrustedFetch(stack.caPem);
afterAll(() => trusted.close());

function newClient(): DohClient {
  return new DohClient({ providers: [customProvider(stack.dohUrl)], fetch: trusted.fetch });
}

async function look(input: string, client = newClient()): Promise<Report> {
  return lookupMail(parseQuery(input), client);
}

const codes = (report: Report) => report.findings.map((f) => f.code);
const hosts = (report: Report) => report.exchanges.map((e) => `${e.preference} ${e.host}`);

describe('the engine on the fixture zones', () => {
  it('sorts five MX by preference and groups the equal pair (RFC 5321 §5.1)', async () => {
    const report = await look('five-mx.test');
    expect(report.status).toBe('done');
    expect(hosts(report)).toEqual(['10 mx1.five-mx.test', '10 mx2.five-mx.test', '20 mx3.five-mx.test', '30 mx4.five-mx.test', '40 mx5.five-mx.test']);
    expect(report.exchanges[0]!.addresses.map((a) => a.ip).sort()).toEqual(['192.0.2.11', '2001:db8::11']);
    expect(report.exchanges.every((e) => e.state === 'resolved' && e.addresses.every((a) => a.fcrdns === 'pass'))).toBe(true);
    expect(report.exchanges[0]!.addresses[0]!.ptr[0]!.name).toBe('mx1.five-mx.test');
    expect(report.txt.spf).toEqual(['v=spf1 mx -all']);
    expect(report.txt.dmarc[0]).toMatch(/^v=DMARC1; p=quarantine/);
    expect(codes(report)).toContain('mx-equal-preference');
    expect(codes(report)).toContain('mail-ok');
    expect(report.errors).toEqual([]);
  });

  it('counts requests and the critical path: 23 requests, 3 round trips for five-mx.test', async () => {
    const report = await look('five-mx.test');
    // Stage 1: 5. Stage 2: 5 hosts × A/AAAA = 10. PTR: 8 addresses = 8. The forward checks of
    // the PTR names are the exchanges' own A/AAAA questions, already answered: from the cache.
    expect(report.stats).toEqual({ requests: 23, cacheHits: 8, roundTrips: 3 });
  });

  it('keeps the critical path at 3 round trips with twenty MX hosts', async () => {
    const report = await look('twenty-mx.test');
    expect(report.exchanges).toHaveLength(20);
    expect(report.stats.roundTrips).toBe(3);
    expect(report.stats.requests).toBe(5 + 40 + 20);
    expect(codes(report)).toContain('many-mx');
  });

  it('paints the MX list after one round trip', async () => {
    const updates: Report[] = [];
    await lookupMail(parseQuery('five-mx.test'), newClient(), { onUpdate: (r) => updates.push(r) });
    const firstWithMx = updates.find((r) => r.exchanges.length > 0)!;
    expect(firstWithMx.stats.roundTrips).toBe(1);
    expect(firstWithMx.status).toBe('running');
    expect(updates.at(-1)!.status).toBe('done');
    expect(updates.length).toBeGreaterThan(2);
  });

  it('treats a single "0 ." as null MX: no mail, nothing more to resolve (RFC 7505)', async () => {
    const report = await look('null-mx.test');
    expect(report.nullMx).toBe(true);
    expect(report.exchanges).toEqual([expect.objectContaining({ state: 'null', host: '', preference: 0 })]);
    expect(codes(report)).toContain('null-mx');
    expect(report.stats.roundTrips).toBe(1);
  });

  it('flags "0 ." mixed with a real MX (RFC 7505 §3)', async () => {
    const report = await look('null-mx-mixed.test');
    expect(report.nullMx).toBe(false);
    expect(codes(report)).toContain('null-mx-mixed');
  });

  it('uses the implicit MX when there is no MX but an address (RFC 5321 §5.1), at no extra round trip', async () => {
    const report = await look('implicit.test');
    expect(report.mxStatus).toBe('nodata');
    expect(report.implicitMx).toBe(true);
    expect(report.exchanges).toEqual([expect.objectContaining({ host: 'implicit.test', implicit: true, preference: 0, state: 'resolved' })]);
    expect(report.exchanges[0]!.addresses.map((a) => a.ip).sort()).toEqual(['192.0.2.30', '2001:db8::30']);
    expect(codes(report)).toContain('implicit-mx');
    expect(report.stats.roundTrips).toBe(2);
  });

  it('tells NODATA, NXDOMAIN and SERVFAIL apart', async () => {
    const [nodata, nxdomain, servfail] = await Promise.all([look('nodata.test'), look('does-not-exist.test'), look('servfail.test')]);
    expect(nodata.mxStatus).toBe('nodata');
    expect(nodata.implicitMx).toBe(false);
    expect(nxdomain.mxStatus).toBe('nxdomain');
    expect(servfail.mxStatus).toBe('servfail');
    const severityOf = (r: Report, code: string) => r.findings.find((f) => f.code === code)?.severity;
    expect(codes(nxdomain)).toContain('domain-nxdomain');
    expect(severityOf(nxdomain, 'domain-nxdomain')).toBe('error');
    expect(new Set([codes(nodata)[0], codes(nxdomain)[0], codes(servfail)[0]]).size).toBe(3);
  });

  it('warns when an MX target is a CNAME and still shows where it leads (RFC 2181 §10.3)', async () => {
    const report = await look('cname-mx.test');
    const exchange = report.exchanges[0]!;
    expect(exchange.cname).toEqual(['real.cname-mx.test']);
    expect(exchange.addresses.map((a) => a.ip)).toEqual(['192.0.2.40']);
    expect(codes(report)).toContain('mx-cname');
  });

  it('follows an alias at the queried name', async () => {
    const report = await look('apex-cname.test');
    expect(report.cname).toEqual(['one-mx.test']);
    expect(hosts(report)).toEqual(['10 mx.one-mx.test']);
    expect(codes(report)).toContain('domain-cname');
  });

  it('flags an IP literal written as MX target and does not resolve it', async () => {
    const report = await look('ip-mx.test');
    expect(report.exchanges[0]).toMatchObject({ host: '192.0.2.50', state: 'ip-literal' });
    expect(codes(report)).toContain('mx-ip-literal');
  });

  it('flags an MX host without addresses, and one that does not exist', async () => {
    const [noAddress, nxdomain] = await Promise.all([look('no-address-mx.test'), look('nxdomain-mx.test')]);
    expect(noAddress.exchanges[0]!.state).toBe('no-address');
    expect(codes(noAddress)).toContain('mx-host-no-address');
    expect(codes(noAddress)).toContain('no-usable-mx');
    expect(nxdomain.exchanges.map((e) => e.state)).toEqual(['nxdomain', 'resolved']);
    expect(codes(nxdomain)).toContain('mx-nolisting'); // a dead first MX with a working backup (issue #17)
    expect(codes(nxdomain)).not.toContain('no-usable-mx');
  });

  it('spots the missing trailing dot and names the intended host', async () => {
    const report = await look('trailing-dot.test');
    const finding = report.findings.find((f) => f.code === 'mx-missing-trailing-dot');
    expect(finding?.message).toContain('mx.trailing-dot.test.');
  });

  it('flags private, loopback and unique-local exchange addresses', async () => {
    const report = await look('private-mx.test');
    expect(report.exchanges.flatMap((e) => e.addresses.map((a) => a.range))).toEqual(['private', 'loopback', 'unique-local']);
    expect(report.findings.filter((f) => f.severity === 'error').length).toBeGreaterThan(0);
  });

  it('reports a missing PTR and a PTR that does not confirm', async () => {
    const [noPtr, badPtr, manyPtr] = await Promise.all([look('no-ptr.test'), look('bad-ptr.test'), look('many-ptr.test')]);
    expect(noPtr.exchanges[0]!.addresses[0]).toMatchObject({ ptrStatus: 'nxdomain', fcrdns: 'none' });
    expect(codes(noPtr)).toContain('missing-ptr');
    expect(badPtr.exchanges[0]!.addresses[0]).toMatchObject({ fcrdns: 'fail' });
    expect(badPtr.exchanges[0]!.addresses[0]!.ptr).toEqual([{ name: 'mail.elsewhere.test', forward: ['192.0.2.71'], forwardStatus: 'ok' }]);
    expect(codes(badPtr)).toContain('fcrdns-fail');
    expect(manyPtr.exchanges[0]!.addresses[0]!.fcrdns).toBe('pass');
    expect(manyPtr.exchanges[0]!.addresses[0]!.ptr.map((p) => p.name).sort()).toEqual(['mx.many-ptr.test', 'other.many-ptr.test']);
  });

  it('handles an IPv6-only exchange', async () => {
    const report = await look('v6only.test');
    expect(report.exchanges[0]!.addressStatus).toEqual({ A: 'nodata', AAAA: 'ok' });
    expect(report.exchanges[0]!.addresses).toEqual([expect.objectContaining({ ip: '2001:db8::80', family: 6, fcrdns: 'pass' })]);
  });

  it('queries an IDN in punycode and shows it in Unicode (UTS 46)', async () => {
    const report = await look('BÜCHER.test');
    expect(report.query.name).toBe('xn--bcher-kva.test');
    expect(report.query.display).toBe('bücher.test');
    expect(report.exchanges[0]!.display).toBe('mx.bücher.test');
  });

  it('keeps HTML in DNS data as plain data', async () => {
    const report = await look('xss.test');
    expect(report.txt.records).toContain('<script>alert(1)</script>');
    expect(report.exchanges[0]!.addresses[0]!.ptr[0]!.name).toBe('<img src=x onerror=alert(1)>.xss.test');
  });

  it('looks up the domain of an email address', async () => {
    const report = await look('"Support Team" <help+billing@One-MX.test>');
    expect(report.query).toMatchObject({ kind: 'email', name: 'one-mx.test' });
    expect(hosts(report)).toEqual(['10 mx.one-mx.test']);
  });

  it('gives an IP its PTR and forward check', async () => {
    const report = await look('2001:DB8:0::25');
    expect(report.query.name).toBe('2001:db8::25');
    expect(report.ptr).toMatchObject({ ptrStatus: 'ok', fcrdns: 'pass', ptr: [{ name: 'host25.test', forward: ['2001:db8::25'] }] });
    expect(codes(report)).toContain('ip-ptr-confirmed');
  });

  it('answers a repeated lookup within TTL from the cache: 0 requests, 0 round trips', async () => {
    const client = newClient();
    await look('five-mx.test', client);
    const again = await look('five-mx.test', client);
    expect(again.stats.requests).toBe(0);
    expect(again.stats.roundTrips).toBe(0);
    expect(again.exchanges).toHaveLength(5);
  });

  it('skips PTR and FCrDNS when asked', async () => {
    const report = await lookupMail(parseQuery('five-mx.test'), newClient(), { ptr: false });
    expect(report.stats.requests).toBe(15);
    expect(report.stats.roundTrips).toBe(2);
    expect(report.exchanges[0]!.addresses[0]).toMatchObject({ ptrStatus: 'skipped', fcrdns: 'skipped' });
  });
});
