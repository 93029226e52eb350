/**
 * Issue #17 against real DNS software: the network of every mail server address from the
 * asn.cymru.com stand-in (test/zones/asn.cymru.com.zone), through dnsdist (DoH), with kdig
 * straight to knotd as the oracle; the resilience findings on the fixture domains of
 * test/zones/resilience.inc; and the round trips the network questions add, measured from the
 * fault server's request log: none before the first MX, none on the routing's critical path.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DohClient } from '../../src/core/doh/doh-client';
import { customProvider } from '../../src/core/doh/providers';
import { lookupMail } from '../../src/core/lookup/lookup-mail';
import { parseQuery } from '../../src/core/query';
import type { Address, Report } from '../../src/core/report';
import { criticalPathDepth } from '../stack/fault-log';
import { readFaultLog } from '../stack/fault-log-client';
import { kdigBatch, type KdigOptions } from '../stack/kdig';
import '../stack/stack-info';
import { createTrustedFetch } from '../stack/trusted-fetch';

const stack = inject('stack');
const trusted = createTrustedFetch(stack.caPem);
afterAll(() => trusted.close());
const viaKnot: KdigOptions = { server: stack.knot.host, port: stack.knot.port };

const client = (url = stack.dohUrl) => new DohClient({ providers: [customProvider(url)], fetch: trusted.fetch, timeoutMs: 3_000 });
const look = (domain: string, c = client()) => lookupMail(parseQuery(domain), c, { asn: true });
const addressesOf = (report: Report): Address[] => report.exchanges.flatMap((e) => e.addresses);
const codes = (report: Report) => [...report.findings, ...(report.resilience?.findings ?? [])].map((f) => f.code);

describe('the network of each address (asn.cymru.com)', () => {
  it('fills address.asn for IPv4 and IPv6, with the AS name', async () => {
    const report = await look('nolisting.test');
    const mx = report.exchanges.find((e) => e.host === 'mx.nolisting.test')!;
    expect(mx.addresses.map((a) => [a.ip, a.asn])).toEqual([
      [
        '192.0.2.180',
        {
          status: 'ok',
          number: 64500,
          name: 'EXAMPLE-NET-A - Example Networks A, DE',
          prefix: '192.0.2.0/24',
          country: 'DE',
          registry: 'ripencc',
          allocated: '2003-05-08',
        },
      ],
      [
        '2001:db8::180',
        {
          status: 'ok',
          number: 64500,
          name: 'EXAMPLE-NET-A - Example Networks A, DE',
          prefix: '2001:db8::/32',
          country: 'DE',
          registry: 'ripencc',
          allocated: '2003-05-08',
        },
      ],
    ]);
  });

  it('takes the most specific of two routes, reads two origins, and says when an answer is unreadable', async () => {
    const [spread, bulk, garbled] = await Promise.all([look('spread.test'), look('bulk-001.test'), look('asn-garbled.test')]);
    expect(addressesOf(spread)[0]!.asn).toMatchObject({ number: 64500, prefix: '192.0.2.128/25', country: 'DE' });
    expect(addressesOf(bulk)[0]!.asn).toMatchObject({
      number: 64502,
      origins: [64502, 64503],
      prefix: '203.0.113.0/24',
      country: 'US',
      name: 'EXAMPLE-NET-C - Example Networks C, US',
    });
    expect(addressesOf(garbled).map((a) => a.asn?.status)).toEqual(['ok', 'unreadable']);
    // With one network unknown, no "one AS" claim is made.
    expect(codes(garbled)).not.toContain('mx-one-as');
    expect(garbled.resilience?.summary).toBe('1 network, 1 country (1 address unknown), backup ready');
  });

  it('asks nothing about private and loopback addresses', async () => {
    const report = await look('private-mx.test');
    expect(addressesOf(report).map((a) => a.asn?.status)).toEqual(['skipped', 'skipped', 'skipped']);
  });

  it('is not asked at all when off (the engine default)', async () => {
    const report = await lookupMail(parseQuery('spread.test'), client());
    expect(addressesOf(report).every((a) => a.asn === undefined)).toBe(true);
    expect(report.resilience?.summary).toBe('2 address blocks, backup ready');
  });

  it('agrees with kdig straight to knotd on every origin and AS-name record', async () => {
    const reports = await Promise.all(['nolisting.test', 'one-network.test', 'spread.test', 'bulk-002.test', 'five-mx.test'].map((d) => look(d)));
    const addresses = reports.flatMap(addressesOf).filter((a) => a.asn?.status === 'ok');
    expect(addresses.length).toBeGreaterThan(10);
    const originName = (a: Address) =>
      a.family === 4 ? `${a.ip.split('.').reverse().join('.')}.origin.asn.cymru.com` : `${expand(a.ip).split('').reverse().join('.')}.origin6.asn.cymru.com`;
    const origins = await kdigBatch(
      addresses.map((a) => ({ name: originName(a), type: 'TXT' })),
      viaKnot,
    );
    addresses.forEach((address, i) => {
      // The oracle's own reading: the record with the longest prefix; its first field's first AS.
      const records = origins[i]!.answer.filter((r) => r.type === 'TXT').map((r) =>
        r.data
          .replace(/^"|"$/g, '')
          .split('|')
          .map((f) => f.trim()),
      );
      const best = records.sort((a, b) => Number(b[1]!.split('/')[1]) - Number(a[1]!.split('/')[1]))[0]!;
      expect(address.asn, address.ip).toMatchObject({ number: Number(best[0]!.split(' ')[0]), prefix: best[1], country: best[2], registry: best[3] });
    });
    const numbers = [...new Set(addresses.map((a) => a.asn!.number!))];
    const names = await kdigBatch(
      numbers.map((n) => ({ name: `AS${n}.asn.cymru.com`, type: 'TXT' })),
      viaKnot,
    );
    numbers.forEach((n, i) => {
      const name = names[i]!.answer[0]!.data.replace(/^"|"$/g, '').split('|').slice(4).join('|').trim();
      for (const address of addresses.filter((a) => a.asn!.number === n)) expect(address.asn!.name).toBe(name);
    });
  });
});

describe('resilience on the fixture domains', () => {
  it.each([
    ['nolisting.test', 'mx-nolisting', '1 network, 1 country, first MX does not answer (nolisting?)'],
    ['one-network.test', 'mx-one-network', '1 network, 1 country, backup on the same network'],
    ['spread.test', 'mx-networks-spread', '2 networks, 2 countries, backup ready'],
    ['same-pref-backup.test', 'mx-backup-same-preference', '2 networks, 2 countries, load shared by 2, no backup'],
    ['third-party-backup.test', 'mx-third-party-backup', '2 networks, 2 countries, backup ready'],
    ['pref-typo.test', 'mx-preference-gap', '2 networks, 2 countries, backup ready'],
  ])('%s: %s, "%s"', async (domain, code, summary) => {
    const report = await look(domain);
    expect(report.status).toBe('done');
    expect(codes(report)).toContain(code);
    expect(codes(report)).toContain('mx-priorities');
    expect(report.resilience).toMatchObject({ status: 'done', summary });
  });

  it('nolisting.test: the nolisting finding instead of the generic "no address" one', async () => {
    const report = await look('nolisting.test');
    expect(codes(report)).not.toContain('mx-host-no-address');
    expect(report.findings.find((f) => f.code === 'mx-nolisting')).toMatchObject({ severity: 'warn', subject: 'mx0.nolisting.test' });
  });
});

describe('round trips', () => {
  async function measured(asn: boolean) {
    const warm = `${stack.faultUrl}/tag/res-warm-${process.pid}/delay/150/dns-query`;
    await lookupMail(parseQuery('one-mx.test'), client(warm), { asn }); // opens the connections
    const tag = `res-${asn ? 'on' : 'off'}-${process.pid}-${Date.now()}`;
    const snapshots: Report[] = [];
    const report = await lookupMail(parseQuery('five-mx.test'), client(`${stack.faultUrl}/tag/${tag}/delay/150/dns-query`), {
      asn,
      onUpdate: (r) => snapshots.push(r),
    });
    return { report, snapshots, log: await readFaultLog(stack, tag) };
  }

  it('adds none before the first MX and none to the routing: the network questions follow the routing report', async () => {
    const on = await measured(true);
    const off = await measured(false);
    // The first burst is the same five questions with or without them.
    const firstBurst = (log: typeof on.log) =>
      log
        .filter((e) => e.startMs < Math.min(...log.map((x) => x.endMs ?? Infinity)))
        .map((e) => `${e.name} ${e.type}`)
        .sort();
    expect(firstBurst(on.log)).toEqual(['_dmarc.five-mx.test TXT', 'five-mx.test A', 'five-mx.test AAAA', 'five-mx.test MX', 'five-mx.test TXT']);
    expect(firstBurst(on.log)).toEqual(firstBurst(off.log));
    // The first snapshot with the mail servers is one round trip in, both ways.
    const firstMx = (s: Report[]) => s.find((r) => r.exchanges.length > 0)!;
    expect(firstMx(on.snapshots).stats.roundTrips).toBe(1);
    expect(firstMx(off.snapshots).stats.roundTrips).toBe(1);
    // Each origin question starts after the address answer it is about.
    const cymru = on.log.filter((e) => e.name?.endsWith('.asn.cymru.com'));
    const originQuestions = cymru.filter((e) => e.name!.includes('.origin'));
    expect(originQuestions).toHaveLength(8); // 8 distinct addresses
    expect(cymru.filter((e) => e.name === 'as64500.asn.cymru.com')).toHaveLength(1); // asked once for all
    const addressAnswersEnd = Math.min(...on.log.filter((e) => /^mx\d\.five-mx\.test$/.test(e.name ?? '')).map((e) => e.endMs!));
    for (const e of originQuestions) expect(e.startMs).toBeGreaterThanOrEqual(addressAnswersEnd);
    // ...and after the routing's last answer (PTR and forward checks: issue 12, section 6), so
    // they never compete with it (core/lookup/after-routing.ts).
    const routingEnd = Math.max(...on.log.filter((e) => !e.name?.endsWith('.asn.cymru.com')).map((e) => e.endMs ?? 0));
    for (const e of originQuestions) expect(e.startMs).toBeGreaterThanOrEqual(routingEnd);
    // The routing's depth is unchanged; the whole lookup is two round trips longer (the origins
    // after the routing's third, then the AS name after its origin).
    expect(on.report.stats.roundTrips).toBe(3);
    expect(off.report.stats.roundTrips).toBe(3);
    expect(criticalPathDepth(off.log)).toBe(3);
    expect(criticalPathDepth(on.log)).toBe(5);
    expect(on.log).toHaveLength(on.report.stats.requests);
    expect(on.report.stats.requests - off.report.stats.requests).toBe(9);
  });
});

/** 2001:db8::180 -> 32 hex nibbles. */
function expand(ip: string): string {
  const [head, tail = ''] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
  return groups.map((g) => g.padStart(4, '0')).join('');
}
