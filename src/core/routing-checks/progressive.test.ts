/**
 * The contract every check keeps on partial reports: nothing said while answers are pending is
 * contradicted by the finished report. For random finished reports and random earlier snapshots
 * of them (answers turned back to pending), every finding of the snapshot is still in the final
 * findings, and no less severe there.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runChecks } from './index';
import { nullExchange, testAddress, testExchange, testReport } from './test-report';
import type { Address, Exchange, ExchangeState } from '../report';
import type { AnswerStatus, Finding, Severity } from '../vocabulary';
import type { ReportFacts } from './check';

const HOSTS = ['mx1.example.com', 'mx2.example.com', 'mx.example.com.example.com', 'aspmx.l.google.com.example.com', 'mail', 'localhost', 'mail_x.example.com'];
const IPS = ['192.0.2.1', '192.0.2.2', '2001:db8::1', '10.0.0.1', '203.0.114.7'];

const addressArb: fc.Arbitrary<Address> = fc
  .record({
    ip: fc.constantFrom(...IPS),
    range: fc.constantFrom(undefined, 'private', 'documentation'),
    ptr: fc.constantFrom('pass', 'fail', 'none', 'servfail', 'skipped', 'two'),
  })
  .map(({ ip, range, ptr }) => {
    const base = { range };
    switch (ptr) {
      case 'pass':
        return testAddress(ip, base);
      case 'two':
        return testAddress(ip, {
          ...base,
          ptr: [
            { name: 'a.example.net', forward: [ip], forwardStatus: 'ok' },
            { name: 'b.example.net', forward: [], forwardStatus: 'nxdomain' },
          ],
        });
      case 'fail':
        return testAddress(ip, { ...base, ptr: [{ name: 'other.example.net', forward: ['192.0.2.99'], forwardStatus: 'ok' }], fcrdns: 'fail' });
      case 'none':
        return testAddress(ip, { ...base, ptrStatus: 'nxdomain', ptr: [], fcrdns: 'none' });
      case 'servfail':
        return testAddress(ip, { ...base, ptrStatus: 'servfail', ptr: [], fcrdns: 'none' });
      default:
        return testAddress(ip, { ...base, ptrStatus: 'skipped', ptr: [], fcrdns: 'skipped' });
    }
  });

const exchangeArb: fc.Arbitrary<Exchange> = fc
  .record({
    host: fc.constantFrom(...HOSTS),
    preference: fc.constantFrom(0, 10, 20),
    state: fc.constantFrom<ExchangeState>('resolved', 'resolved', 'no-address', 'nxdomain', 'error', 'ip-literal'),
    addresses: fc.uniqueArray(addressArb, { minLength: 1, maxLength: 3, selector: (a) => a.ip }),
    cname: fc.constantFrom<string[]>([], ['real.example.net']),
    aaaaFails: fc.boolean(),
  })
  .map(({ host, preference, state, addresses, cname, aaaaFails }) => {
    if (state === 'ip-literal') return testExchange('192.0.2.50', { preference, state });
    if (state !== 'resolved') return testExchange(host, { preference, state, cname });
    const v4 = addresses.some((a) => a.family === 4);
    const v6 = addresses.some((a) => a.family === 6);
    const AAAA = v6 ? 'ok' : aaaaFails ? 'servfail' : 'nodata';
    return testExchange(host, { preference, state, cname, addresses, addressStatus: { A: v4 ? 'ok' : 'nodata', AAAA } });
  });

const finalReportArb: fc.Arbitrary<ReportFacts> = fc
  .record({
    exchanges: fc.array(exchangeArb, { minLength: 1, maxLength: 4 }),
    withNull: fc.boolean(),
    fallback: fc.boolean(),
  })
  .map(({ exchanges, withNull, fallback }) => {
    // One IP has one reverse DNS and one range, whichever MX host it appears under.
    const byIp = new Map<string, Address>();
    // And one host name has one set of answers, even when it is listed twice.
    const byHost = new Map<string, Exchange>();
    const consistent = exchanges.map((exchange) => {
      const first = byHost.get(exchange.host) ?? (byHost.set(exchange.host, exchange), exchange);
      return {
        ...first,
        preference: exchange.preference,
        addresses: first.addresses.map((address) => byIp.get(address.ip) ?? (byIp.set(address.ip, address), address)),
      };
    });
    const sorted = [...(withNull ? [nullExchange()] : []), ...consistent].sort((a, b) => a.preference - b.preference);
    return testReport({
      exchanges: sorted,
      resolverEvents: fallback
        ? [{ resolver: 'cloudflare', error: { code: 'resolver-timeout', message: 'Cloudflare did not answer within 3000 ms.' }, next: 'google' }]
        : [],
      answeredBy: fallback ? ['google'] : ['cloudflare'],
    });
  });

/** An earlier moment of the same lookup: some answers not in yet. */
function snapshot(report: ReportFacts, choices: number[]): ReportFacts {
  let i = 0;
  const pick = (n: number) => (choices[i++ % choices.length] ?? 0) % n;
  if (pick(6) === 0) return { ...report, status: 'running', mxStatus: 'pending', exchanges: [], resolverEvents: [] };
  const exchanges = report.exchanges.map((exchange): Exchange => {
    if (exchange.state === 'null' || exchange.state === 'ip-literal') return exchange;
    switch (pick(4)) {
      case 0:
        return { ...exchange, state: 'pending', addresses: [], addressStatus: { A: 'pending', AAAA: 'pending' } };
      case 1: {
        // The A answer is in, AAAA is not.
        const v4 = exchange.addresses.filter((a) => a.family === 4);
        const A = exchange.addressStatus.A;
        const state = v4.length > 0 ? 'resolved' : 'pending';
        return { ...exchange, state, addresses: v4.map((a) => earlier(a, pick(3))), addressStatus: { A, AAAA: 'pending' } };
      }
      case 2:
        return { ...exchange, addresses: exchange.addresses.map((a) => earlier(a, pick(3))) };
      default:
        return exchange;
    }
  });
  return { ...report, status: 'running', exchanges, resolverEvents: report.resolverEvents.slice(0, pick(2) + report.resolverEvents.length - 1) };
}

function earlier(address: Address, how: number): Address {
  if (how === 0 || address.ptrStatus === 'skipped') return address;
  if (how === 1) return { ...address, ptrStatus: 'pending', ptr: [], fcrdns: 'pending' };
  return address.ptrStatus === 'ok' ? { ...address, fcrdns: 'pending' } : address;
}

/** Reports where the MX question itself is the story: no MX, implicit MX, null MX, failures. */
const domainReportArb: fc.Arbitrary<ReportFacts> = fc
  .record({
    mxStatus: fc.constantFrom<AnswerStatus>('nodata', 'nodata', 'nxdomain', 'servfail', 'refused', 'error', 'ok'),
    A: fc.constantFrom<AnswerStatus>('ok', 'nodata', 'servfail'),
    AAAA: fc.constantFrom<AnswerStatus>('ok', 'nodata', 'error'),
    spf: fc.constantFrom<string[]>([], ['v=spf1 -all'], ['v=spf1 a -all']),
    range: fc.constantFrom(undefined, 'private'),
  })
  .map(({ mxStatus, A, AAAA, spf, range }) => {
    const txt = { records: spf, status: (spf.length ? 'ok' : 'nodata') as AnswerStatus, spf, dmarc: [], dmarcStatus: 'nodata' as AnswerStatus };
    if (mxStatus === 'ok') return testReport({ nullMx: true, exchanges: [nullExchange()], txt, hostStatus: { A, AAAA } });
    const addresses = [...(A === 'ok' ? [testAddress('192.0.2.30', { range })] : []), ...(AAAA === 'ok' ? [testAddress('2001:db8::30')] : [])];
    const implicit = mxStatus === 'nodata' && addresses.length > 0;
    return testReport({
      mxStatus,
      hostStatus: { A, AAAA },
      implicitMx: implicit,
      exchanges: implicit ? [testExchange('example.com', { implicit: true, preference: 0, addresses, addressStatus: { A, AAAA } })] : [],
      txt,
    });
  });

/** Earlier moments of a domain report: the MX, address or TXT answers not in yet. */
function domainSnapshot(report: ReportFacts, moment: number): ReportFacts {
  const running = { ...report, status: 'running' as const };
  switch (moment % 4) {
    case 0:
      return { ...running, mxStatus: 'pending', nullMx: false, implicitMx: false, exchanges: [] };
    case 1: {
      // AAAA of the name still pending.
      const self = report.exchanges.find((exchange) => exchange.implicit);
      const v4 = self?.addresses.filter((address) => address.family === 4) ?? [];
      const hostStatus = { A: report.hostStatus.A, AAAA: 'pending' as const };
      const exchanges = self && v4.length > 0 ? [{ ...self, addresses: v4, addressStatus: hostStatus }] : report.implicitMx ? [] : report.exchanges;
      return { ...running, hostStatus, implicitMx: report.implicitMx && v4.length > 0, exchanges };
    }
    case 2:
      return { ...running, txt: { ...report.txt, status: 'pending', records: [], spf: [] } };
    default:
      return running;
  }
}

const RANK: Record<Severity, number> = { error: 0, warn: 1, info: 2, ok: 3 };
const key = (finding: Finding) => `${finding.code} ${finding.subject ?? finding.message}`;

describe('findings on partial reports', () => {
  it('are never contradicted by the finished report (and never grow less severe)', () => {
    fc.assert(
      fc.property(finalReportArb, fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), (final, choices) => {
        const later = new Map(runChecks(final).map((f) => [key(f), f]));
        for (const finding of runChecks(snapshot(final, choices))) {
          const match = later.get(key(finding));
          expect(match, `"${key(finding)}" said early but not at the end`).toBeDefined();
          expect(RANK[match!.severity]).toBeLessThanOrEqual(RANK[finding.severity]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('hold for the domain-level answers too (MX status, implicit MX, null MX and SPF)', () => {
    fc.assert(
      fc.property(domainReportArb, fc.nat(), (final, moment) => {
        const later = new Map(runChecks(final).map((f) => [key(f), f]));
        for (const finding of runChecks(domainSnapshot(final, moment))) {
          const match = later.get(key(finding));
          expect(match, `"${key(finding)}" said early but not at the end`).toBeDefined();
          expect(RANK[match!.severity]).toBeLessThanOrEqual(RANK[finding.severity]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
