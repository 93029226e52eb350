/**
 * Builders for valid reports in tests, so each test states only the facts it is about.
 *
 *   testReport({ exchanges: [testExchange('mx1.example.com'), testExchange('mx2.example.com', { state: 'nxdomain' })] })
 *
 * Defaults describe a finished lookup of `example.com` with one healthy MX host. An exchange's
 * addresses and address statuses follow from its `state` unless given. Addresses get no
 * `range` unless a test sets one: the builder does not classify addresses.
 */
import { REPORT_VERSION } from '../report';
import type { Address, Exchange, ExchangeState } from '../report';
import type { Query } from '../vocabulary';
import type { ReportFacts } from './check';

export function testAddress(ip: string, overrides: Partial<Address> = {}): Address {
  return {
    ip,
    family: ip.includes(':') ? 6 : 4,
    ttl: 300,
    ptrStatus: 'ok',
    ptr: [{ name: 'mx.example.com', forward: [ip], forwardStatus: 'ok' }],
    fcrdns: 'pass',
    ...overrides,
  };
}

/** An address whose PTR question has not been answered yet. */
export function pendingPtrAddress(ip: string, overrides: Partial<Address> = {}): Address {
  return testAddress(ip, { ptrStatus: 'pending', ptr: [], fcrdns: 'pending', ...overrides });
}

/** A stable documentation address per host name, so two default hosts do not share one. */
function addressFor(host: string): string {
  let hash = 0;
  for (const char of host) hash = (hash * 31 + char.charCodeAt(0)) % 251;
  return `192.0.2.${hash + 1}`;
}

function defaultsFor(host: string, state: ExchangeState): Pick<Exchange, 'addressStatus' | 'addresses'> {
  switch (state) {
    case 'resolved':
      return { addressStatus: { A: 'ok', AAAA: 'nodata' }, addresses: [testAddress(addressFor(host))] };
    case 'pending':
      return { addressStatus: { A: 'pending', AAAA: 'pending' }, addresses: [] };
    case 'no-address':
      return { addressStatus: { A: 'nodata', AAAA: 'nodata' }, addresses: [] };
    case 'nxdomain':
      return { addressStatus: { A: 'nxdomain', AAAA: 'nxdomain' }, addresses: [] };
    case 'error':
      return { addressStatus: { A: 'servfail', AAAA: 'servfail' }, addresses: [] };
    case 'ip-literal':
    case 'null':
      return { addressStatus: { A: 'skipped', AAAA: 'skipped' }, addresses: [] };
  }
}

export function testExchange(host: string, overrides: Partial<Exchange> = {}): Exchange {
  const state = overrides.state ?? 'resolved';
  return {
    host,
    display: host,
    preference: 10,
    ttl: 300,
    implicit: false,
    cname: [],
    state,
    errors: [],
    ...defaultsFor(host, state),
    ...overrides,
  };
}

/** The null MX `0 .` (RFC 7505) as the lookup reports it. */
export function nullExchange(overrides: Partial<Exchange> = {}): Exchange {
  return testExchange('', { display: '.', preference: 0, state: 'null', ...overrides });
}

export function testQuery(name = 'example.com', overrides: Partial<Query> = {}): Query {
  return { kind: 'domain', input: name, name, display: name, registrable: name, ...overrides };
}

type ReportOverrides = Partial<Omit<ReportFacts, 'query'>> & { query?: Partial<Query> };

export function testReport(overrides: ReportOverrides = {}): ReportFacts {
  const { query: queryOverrides, ...rest } = overrides;
  const name = queryOverrides?.name ?? 'example.com';
  return {
    version: REPORT_VERSION,
    query: testQuery(name, queryOverrides),
    resolver: 'cloudflare',
    answeredBy: ['cloudflare'],
    startedAt: 0,
    elapsedMs: 42,
    status: 'done',
    mxStatus: 'ok',
    mxTtl: 300,
    hostStatus: { A: 'nodata', AAAA: 'nodata' },
    nullMx: false,
    implicitMx: false,
    cname: [],
    exchanges: [testExchange(`mx.${name}`)],
    txt: { records: [], status: 'nodata', spf: [], dmarc: [], dmarcStatus: 'nodata' },
    errors: [],
    resolverEvents: [],
    stats: { requests: 4, cacheHits: 0, roundTrips: 3 },
    ...rest,
  };
}

/** A report for a domain with no MX whose own addresses take the mail (RFC 5321 §5.1). */
export function implicitMxReport(overrides: ReportOverrides = {}, addresses: Address[] = [testAddress('192.0.2.30')]): ReportFacts {
  const name = overrides.query?.name ?? 'example.com';
  return testReport({
    mxStatus: 'nodata',
    mxTtl: undefined,
    hostStatus: { A: 'ok', AAAA: 'nodata' },
    implicitMx: true,
    exchanges: [testExchange(name, { implicit: true, preference: 0, addresses })],
    ...overrides,
  });
}

/** A finished report for an IP query: no MX, the address's reverse DNS in `ptr`. */
export function ipReport(ip = '192.0.2.25', ptr: Partial<Address> = {}, overrides: ReportOverrides = {}): ReportFacts {
  const family = ip.includes(':') ? 6 : 4;
  return testReport({
    mxStatus: 'skipped',
    mxTtl: undefined,
    hostStatus: { A: 'skipped', AAAA: 'skipped' },
    exchanges: [],
    ptr: testAddress(ip, { ptr: [{ name: 'host25.test', forward: [ip], forwardStatus: 'ok' }], ...ptr }),
    ...overrides,
    query: { kind: 'ip', name: ip, display: ip, input: ip, registrable: undefined, family, ...overrides.query },
  });
}
