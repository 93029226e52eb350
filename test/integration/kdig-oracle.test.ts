/**
 * kdig is the oracle: for every fixture, ask kdig (straight to knotd, plain DNS) the questions
 * the engine asks through dnsdist (DoH), and require the same MX set and preferences, the same
 * addresses per exchange, and the same PTR names per address.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DohClient } from '../../src/core/doh/doh-client';
import { customProvider } from '../../src/core/doh/providers';
import { lookupMail } from '../../src/core/lookup/lookup-mail';
import { parseQuery } from '../../src/core/query';
import type { Report } from '../../src/core/report';
import { kdigBatch, type KdigResult } from '../stack/kdig';
import { presentName } from '../stack/presentation';
import '../stack/stack-info';
import { createTrustedFetch } from '../stack/trusted-fetch';

const stack = inject('stack');
const trusted = createTrustedFetch(stack.caPem);
afterAll(() => trusted.close());
const oracle = { server: stack.knot.host, port: stack.knot.port };

const FIXTURES = [
  'one-mx.test',
  'five-mx.test',
  'twenty-mx.test',
  'null-mx.test',
  'null-mx-mixed.test',
  'implicit.test',
  'nodata.test',
  'does-not-exist.test',
  'cname-mx.test',
  'apex-cname.test',
  'ip-mx.test',
  'no-address-mx.test',
  'nxdomain-mx.test',
  'trailing-dot.test',
  'private-mx.test',
  'no-ptr.test',
  'bad-ptr.test',
  'v6only.test',
  'xss.test',
  'xn--bcher-kva.test',
  'short-ttl.test',
  'long-ttl.test',
  'example.co.uk',
  'www.shop.example.co.uk',
  'many-ptr.test',
  'bulk-001.test',
  'bulk-200.test',
  // issue #17 (test/zones/resilience.inc)
  'nolisting.test',
  'one-network.test',
  'spread.test',
  'same-pref-backup.test',
  'third-party-backup.test',
  'pref-typo.test',
  'asn-garbled.test',
];

const abs = (name: string) => presentName(name).toLowerCase();

/** The records of `type` at the end of the CNAME chain from `name`, as kdig printed them. */
function finalRecords(result: KdigResult, name: string, type: string): string[] {
  let target = abs(name);
  for (let i = 0; i < 16; i++) {
    const alias = result.answer.find((r) => r.type === 'CNAME' && r.name.toLowerCase() === target);
    if (!alias) break;
    target = alias.data.toLowerCase();
  }
  return result.answer.filter((r) => r.type === type && r.name.toLowerCase() === target).map((r) => r.data.toLowerCase());
}

async function ask(name: string, type: string): Promise<KdigResult> {
  const [result] = await kdigBatch([{ name, type }], oracle);
  return result!;
}

/** What kdig says the engine should have found, in the engine's own shape. */
async function oracleView(domain: string, report: Report) {
  const mx = await ask(domain, 'MX');
  const mxSet = finalRecords(mx, domain, 'MX').sort();
  const exchanges: Record<string, string[]> = {};
  const ptrs: Record<string, string[]> = {};
  for (const exchange of report.exchanges) {
    if (exchange.state === 'null' || exchange.state === 'ip-literal') continue;
    const [a, aaaa] = await kdigBatch(
      [
        { name: exchange.host, type: 'A' },
        { name: exchange.host, type: 'AAAA' },
      ],
      oracle,
    );
    exchanges[exchange.host] = [...finalRecords(a!, exchange.host, 'A'), ...finalRecords(aaaa!, exchange.host, 'AAAA')].sort();
    for (const address of exchange.addresses) {
      const ptrName =
        address.family === 4 ? `${address.ip.split('.').reverse().join('.')}.in-addr.arpa` : [...expandV6(address.ip)].reverse().join('.') + '.ip6.arpa';
      ptrs[address.ip] = finalRecords(await ask(ptrName, 'PTR'), ptrName, 'PTR').sort();
    }
  }
  return { rcode: mx.rcode, mxSet, exchanges, ptrs };
}

function expandV6(ip: string): string {
  const [head, tail = ''] = ip.split('::');
  const groups = (s: string) => (s ? s.split(':') : []);
  const h = groups(head!);
  const t = groups(tail);
  const middle = ip.includes('::') ? Array(8 - h.length - t.length).fill('0') : [];
  return [...h, ...middle, ...t].map((g) => g.padStart(4, '0')).join('');
}

function engineView(report: Report) {
  const mxSet = report.exchanges
    .filter((e) => !e.implicit)
    .map((e) => `${e.preference} ${abs(e.host)}`)
    .sort();
  const exchanges: Record<string, string[]> = {};
  const ptrs: Record<string, string[]> = {};
  for (const exchange of report.exchanges) {
    if (exchange.state === 'null' || exchange.state === 'ip-literal') continue;
    exchanges[exchange.host] = exchange.addresses.map((a) => a.ip).sort();
    for (const address of exchange.addresses) ptrs[address.ip] = address.ptr.map((p) => abs(p.name)).sort();
  }
  return { mxSet, exchanges, ptrs };
}

describe('engine (DoH via dnsdist) agrees with kdig (plain DNS to knotd)', () => {
  it.each(FIXTURES)('%s', async (domain) => {
    const client = new DohClient({ providers: [customProvider(stack.dohUrl)], fetch: trusted.fetch });
    const report = await lookupMail(parseQuery(domain), client);
    const expected = await oracleView(domain, report);
    const actual = engineView(report);
    expect(actual.mxSet).toEqual(expected.mxSet);
    expect(actual.exchanges).toEqual(expected.exchanges);
    expect(actual.ptrs).toEqual(expected.ptrs);
    const rcodeStatus: Record<string, string[]> = { NOERROR: ['ok', 'nodata'], NXDOMAIN: ['nxdomain'] };
    expect(rcodeStatus[expected.rcode]).toContain(report.mxStatus);
    if (expected.mxSet.length === 0) expect(report.mxStatus).not.toBe('ok');
  });
});
