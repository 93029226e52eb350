/**
 * The contract of every finding, routing and mail alike, on real lookups: nothing a snapshot
 * says is contradicted by the finished report, and nothing grows less severe. Random zones
 * (MX, SPF with or without its include, DMARC, MTA-STS, DKIM) are served by a fake DoH that
 * answers each question after a random delay, so the answers land in random orders.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeFetch, type FakeRecord, type FakeZone } from '../../test/support/fake-doh';
import { DohClient } from './doh/doh-client';
import { BUILT_IN_PROVIDERS, providerChain } from './doh/providers';
import { lookupMail } from './lookup/lookup-mail';
import { parseQuery } from './query';
import type { Report } from './report';
import type { Finding, Severity } from './vocabulary';

const D = 'p.example';
const soa: FakeRecord = {
  name: 'example',
  type: 'SOA',
  ttl: 60,
  data: { mname: 'ns.example', rname: 'h.example', serial: 1, refresh: 1, retry: 1, expire: 1, minimum: 60 },
};
const nodata = { rcode: 'NOERROR', authorities: [soa] };
const txt = (name: string, values: string[]) =>
  values.length ? { answers: values.map((v): FakeRecord => ({ name, type: 'TXT', ttl: 60, data: [v] })) } : nodata;

const zoneArb = fc
  .record({
    mx: fc.constantFrom('one', 'two', 'null', 'none', 'dangling'),
    spf: fc.constantFrom<string[]>(
      [],
      ['v=spf1 -all'],
      ['v=spf1 mx include:_spf.p.example ~all'],
      ['v=spf1 +all'],
      ['v=spf1 a -all', 'v=spf1 mx -all'],
      ['v=spf1 include:missing.p.example -all'],
    ),
    dmarc: fc.constantFrom<string[]>([], ['v=DMARC1; p=none'], ['v=DMARC1; p=reject; rua=mailto:d@p.example'], ['v=dmarc1; p=reject']),
    sts: fc.boolean(),
    dkim: fc.boolean(),
    delays: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 8, maxLength: 40 }),
  })
  .map(({ mx, spf, dmarc, sts, dkim, delays }) => {
    const zone: FakeZone = {
      [`${D} TXT`]: txt(D, spf),
      [`_dmarc.${D} TXT`]: txt(`_dmarc.${D}`, dmarc),
      [`_spf.${D} TXT`]: txt(`_spf.${D}`, ['v=spf1 ip4:192.0.2.0/24 -all']),
      [`${D} A`]: mx === 'none' ? { answers: [{ name: D, type: 'A', ttl: 60, data: '192.0.2.7' }] } : nodata,
      [`${D} AAAA`]: nodata,
    };
    const hosts = mx === 'one' ? ['mx1'] : mx === 'two' || mx === 'dangling' ? ['mx1', 'mx2'] : [];
    if (mx === 'null') zone[`${D} MX`] = { answers: [{ name: D, type: 'MX', ttl: 300, data: { preference: 0, exchange: '.' } }] };
    else if (hosts.length === 0) zone[`${D} MX`] = nodata;
    else
      zone[`${D} MX`] = {
        answers: hosts.map((h, i): FakeRecord => ({ name: D, type: 'MX', ttl: 300, data: { preference: 10 * (i + 1), exchange: `${h}.${D}` } })),
      };
    hosts.forEach((h, i) => {
      const ip = `192.0.2.${i + 1}`;
      zone[`${h}.${D} A`] = mx === 'dangling' && i === 1 ? nodata : { answers: [{ name: `${h}.${D}`, type: 'A', ttl: 60, data: ip }] };
      zone[`${h}.${D} AAAA`] = nodata;
      zone[`${i + 1}.2.0.192.in-addr.arpa PTR`] = { answers: [{ name: `${i + 1}.2.0.192.in-addr.arpa`, type: 'PTR', ttl: 60, data: `${h}.${D}` }] };
    });
    if (sts) zone[`_mta-sts.${D} TXT`] = txt(`_mta-sts.${D}`, ['v=STSv1; id=20260101']);
    if (dkim) zone[`default._domainkey.${D} TXT`] = txt(`default._domainkey.${D}`, ['v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=']);
    return { zone, delays };
  });

const RANK: Record<Severity, number> = { error: 0, warn: 1, info: 2, ok: 3 };

/** Every finding of a report, keyed by where it is shown and what it is about. */
function findingsOf(report: Report): Map<string, Finding> {
  const all = new Map<string, Finding>();
  const add = (where: string, finding: Finding) => all.set(`${where}: ${finding.code} ${finding.subject ?? finding.message}`, finding);
  for (const finding of report.findings) add('routing', finding);
  for (const [section, findings] of Object.entries(report.mail?.findings ?? {})) for (const finding of findings ?? []) add(section, finding);
  return all;
}

describe('findings on partial reports, routing and mail', () => {
  it('are never contradicted by the finished report (and never grow less severe)', async () => {
    await fc.assert(
      fc.asyncProperty(zoneArb, async ({ zone, delays }) => {
        let call = 0;
        const wait = () => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), delays[call++ % delays.length]));
        const { fetch } = fakeFetch(zone, { 'cloudflare-dns.com': wait });
        const client = new DohClient({ providers: providerChain(BUILT_IN_PROVIDERS[0], false), fetch });
        const snapshots: Report[] = [];
        const final = await lookupMail(parseQuery(D), client, { diagnostics: {}, onUpdate: (s) => snapshots.push(s) });
        expect(snapshots.length).toBeGreaterThan(1);
        const later = findingsOf(final);
        for (const snapshot of snapshots) {
          for (const [key, finding] of findingsOf(snapshot)) {
            const match = later.get(key);
            expect(match, `"${key}" said early but not at the end`).toBeDefined();
            expect(RANK[match!.severity]).toBeLessThanOrEqual(RANK[finding.severity]);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
