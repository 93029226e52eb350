/**
 * The lookup plan on a fake DoH (test/support/fake-doh.ts): which questions go out, in which
 * round trip, and what the report says, without knotd. The integration tests run the same plan
 * against the real stack (test/integration/engine-*.test.ts).
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeFetch, hang, type Behaviour, type FakeZone } from '../../../test/support/fake-doh';
import { DohClient } from '../doh/doh-client';
import { MAIL_SECTIONS } from '../mail/section-ids';
import { BUILT_IN_PROVIDERS, providerChain } from '../doh/providers';
import { parseQuery } from '../query';
import type { Report } from '../report';
import { lookupMail } from './lookup-mail';
import { ROUTING_FIRST_MS } from './after-routing';

const soa = {
  name: 'example',
  type: 'SOA' as const,
  ttl: 60,
  data: { mname: 'ns.example', rname: 'h.example', serial: 1, refresh: 1, retry: 1, expire: 1, minimum: 60 },
};
const mx = (name: string, preference: number, exchange: string) => ({ name, type: 'MX' as const, ttl: 300, data: { preference, exchange } });
const a = (name: string, ip: string) => ({ name, type: 'A' as const, ttl: 60, data: ip });
const ptr = (name: string, target: string) => ({ name, type: 'PTR' as const, ttl: 60, data: target });
const txt = (name: string, ...values: string[]) => ({ name, type: 'TXT' as const, ttl: 60, data: values });
const nodata = { rcode: 'NOERROR', authorities: [soa] };

const zone: FakeZone = {
  'two.example MX': { answers: [mx('two.example', 20, 'mx2.two.example'), mx('two.example', 10, 'mx1.two.example')] },
  'two.example A': nodata,
  'two.example AAAA': nodata,
  'two.example TXT': { answers: [txt('two.example', 'v=spf1 mx -all'), txt('two.example', 'v=spf1\tall')] },
  '_dmarc.two.example TXT': { answers: [txt('_dmarc.two.example', 'v=dmarc1; p=reject')] },
  'mx1.two.example A': { answers: [a('mx1.two.example', '192.0.2.1')] },
  'mx1.two.example AAAA': nodata,
  'mx2.two.example A': { answers: [a('mx2.two.example', '192.0.2.2')] },
  'mx2.two.example AAAA': nodata,
  '1.2.0.192.in-addr.arpa PTR': { answers: [ptr('1.2.0.192.in-addr.arpa', 'mx1.two.example')] },
  '2.2.0.192.in-addr.arpa PTR': { answers: [ptr('2.2.0.192.in-addr.arpa', 'other.example')] },
  'other.example A': { answers: [a('other.example', '198.51.100.9')] },
  'implicit.example MX': nodata,
  'implicit.example A': { answers: [a('implicit.example', '192.0.2.1')] },
  'implicit.example AAAA': nodata,
  'implicit.example TXT': nodata,
  '_dmarc.implicit.example TXT': nodata,
  'null.example MX': { answers: [mx('null.example', 0, '.')] },
  'null.example A': nodata,
  'null.example AAAA': nodata,
  'null.example TXT': { answers: [txt('null.example', 'v=spf1 -all')] },
  '_dmarc.null.example TXT': nodata,
};

function client(behaviours = {}) {
  const fake = fakeFetch(zone, behaviours);
  return { ...fake, client: new DohClient({ providers: providerChain(BUILT_IN_PROVIDERS[0], false), fetch: fake.fetch }) };
}

describe('lookupMail on a fake DoH', () => {
  it('asks the five stage-1 questions at once, then addresses, PTR and FCrDNS: four round trips', async () => {
    const { client: c, calls } = client();
    const report = await lookupMail(parseQuery('two.example'), c);
    expect(calls.slice(0, 5).map((call) => `${call.name} ${call.type}`)).toEqual([
      'two.example MX',
      'two.example A',
      'two.example AAAA',
      'two.example TXT',
      '_dmarc.two.example TXT',
    ]);
    expect(report.status).toBe('done');
    expect(report.exchanges.map((e) => `${e.preference} ${e.host} ${e.state}`)).toEqual(['10 mx1.two.example resolved', '20 mx2.two.example resolved']);
    expect(report.exchanges.map((e) => e.addresses[0]!.fcrdns)).toEqual(['pass', 'fail']);
    expect(report.stats.roundTrips).toBe(4);
    expect(report.stats.requests).toBe(calls.length);
  });

  it('reads SPF and DMARC records with the parsers the mail sections use (RFC 7208 §4.5, RFC 7489 §6.4)', async () => {
    const report = await lookupMail(parseQuery('two.example'), client().client);
    // A tab after v=spf1 is not the space §4.5 asks for; "dmarc1" is not "DMARC1".
    expect(report.txt.spf).toEqual(['v=spf1 mx -all']);
    expect(report.txt.dmarc).toEqual([]);
    expect(report.txt.dmarcStatus).toBe('ok');
  });

  it('makes the domain its own mail host when it has no MX but an address (RFC 5321 §5.1), at no extra round trip', async () => {
    const report = await lookupMail(parseQuery('implicit.example'), client().client);
    expect(report.implicitMx).toBe(true);
    expect(report.exchanges).toHaveLength(1);
    expect(report.exchanges[0]).toMatchObject({ host: 'implicit.example', implicit: true, state: 'resolved' });
    expect(report.findings.some((f) => f.code === 'implicit-mx')).toBe(true);
  });

  it('sees a null MX and asks nothing about its "." host (RFC 7505)', async () => {
    const { client: c, calls } = client();
    const report = await lookupMail(parseQuery('null.example'), c);
    expect(report.nullMx).toBe(true);
    expect(calls.map((call) => call.name)).not.toContain('');
    expect(report.findings[0]!.code).toBe('null-mx');
  });

  it('pushes the first MX snapshot before the addresses are in, and finishes with a done one', async () => {
    const snapshots: Report[] = [];
    const report = await lookupMail(parseQuery('two.example'), client().client, { onUpdate: (s) => snapshots.push(s) });
    const first = snapshots.find((s) => s.mxStatus !== 'pending')!;
    expect(first.exchanges.every((e) => e.state === 'pending')).toBe(true);
    expect(snapshots.at(-1)).toEqual(report);
    expect(report.status).toBe('done');
  });

  it('turns a hanging resolver into an error status, never a rejection, and stops when aborted', async () => {
    const { client: c } = client({ 'cloudflare-dns.com': hang });
    const controller = new AbortController();
    const pending = lookupMail(parseQuery('two.example'), c, { signal: controller.signal });
    controller.abort();
    const report = await pending;
    expect(report.status).toBe('done');
    expect(report.mxStatus).toBe('error');
    expect(report.errors.length).toBeGreaterThan(0);
  });

  it('runs the mail diagnostics through the same client and books', async () => {
    const { client: c, calls } = client();
    const report = await lookupMail(parseQuery('two.example'), c, { diagnostics: {} });
    expect(report.mail?.status).toBe('done');
    expect(report.mail!.spf.root.records).toEqual(['v=spf1 mx -all']);
    expect(report.mail!.dnssec.status).toBe('done');
    expect(report.stats.requests).toBe(calls.length);
    expect(report.mail!.requests).toBeGreaterThan(0);
    expect(Object.keys(report.mail!.findings)).toEqual(MAIL_SECTIONS.filter((id) => id !== 'blocklists')); // the blocklists are opt-in
  });

  it('asks the diagnostics only once the routing report is complete: they never compete with it (issue 12, section 6)', async () => {
    const { client: c, calls } = client();
    await lookupMail(parseQuery('two.example'), c, { diagnostics: {} });
    const lastRouting = calls.findIndex((call) => call.name === 'other.example'); // the last FCrDNS check
    const firstDiagnostics = calls.findIndex((call) => call.name?.includes('._domainkey.'));
    expect(lastRouting).toBeGreaterThan(0);
    expect(firstDiagnostics).toBeGreaterThan(lastRouting);
  });

  it('waits for a slow PTR at most ROUTING_FIRST_MS before the diagnostics start anyway', async () => {
    vi.useFakeTimers();
    try {
      const slowPtr: Behaviour = (call, init) => (call.type === 'PTR' ? hang(call, init) : undefined);
      const { client: c, calls } = client({ 'cloudflare-dns.com': slowPtr });
      const pending = lookupMail(parseQuery('two.example'), c, { diagnostics: {} });
      await vi.advanceTimersByTimeAsync(ROUTING_FIRST_MS - 1);
      expect(calls.some((call) => call.name?.includes('._domainkey.'))).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(calls.some((call) => call.name?.includes('._domainkey.'))).toBe(true);
      await vi.advanceTimersByTimeAsync(10_000); // the PTR questions time out
      const report = await pending;
      expect(report.mail?.status).toBe('done');
      expect(report.exchanges[0]!.addresses[0]!.ptrStatus).toBe('error');
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves no listener on a signal that many lookups share (a bulk run): each one it adds, it removes', async () => {
    const shared = new AbortController().signal;
    const added = vi.spyOn(shared, 'addEventListener');
    const removed = vi.spyOn(shared, 'removeEventListener');
    for (const name of ['two.example', 'implicit.example', 'null.example']) {
      await lookupMail(parseQuery(name), client().client, { signal: shared, asn: true, diagnostics: {} });
    }
    expect(added.mock.calls.length).toBeGreaterThan(0);
    expect(removed.mock.calls.length).toBe(added.mock.calls.length);
  });
});
