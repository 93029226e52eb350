/**
 * The design of issue 24 end to end in one process, with the real pieces on both sides: the
 * page's routing lookup relays through the real RelayLog into the worker's RelayedAnswers, and
 * the worker's full lookup looks there before asking. Whichever side starts first, every
 * question goes out once, and the worker's report has the same routing as the page's.
 */
import { describe, expect, it } from 'vitest';
import { fakeFetch, type FakeZone } from '../../../test/support/fake-doh';
import { DohClient } from '../../core/doh/doh-client';
import { BUILT_IN_PROVIDERS, providerChain } from '../../core/doh/providers';
import { RelayedAnswers } from '../../core/doh/relayed-answers';
import { lookupMail } from '../../core/lookup/lookup-mail';
import { lookupRouting } from '../../core/lookup/lookup-routing';
import { parseQuery } from '../../core/query';
import type { Report } from '../../core/report';
import { RelayLog } from './relay-log';

const soa = {
  name: 'example',
  type: 'SOA' as const,
  ttl: 60,
  data: { mname: 'ns.example', rname: 'h.example', serial: 1, refresh: 1, retry: 1, expire: 1, minimum: 60 },
};
const mx = (name: string, preference: number, exchange: string) => ({ name, type: 'MX' as const, ttl: 300, data: { preference, exchange } });
const a = (name: string, ip: string) => ({ name, type: 'A' as const, ttl: 60, data: ip });
const ptr = (name: string, target: string) => ({ name, type: 'PTR' as const, ttl: 60, data: target });
const nodata = { rcode: 'NOERROR', authorities: [soa] };
const zone: FakeZone = {
  'two.example MX': { answers: [mx('two.example', 20, 'mx2.two.example'), mx('two.example', 10, 'mx1.two.example')] },
  'two.example A': nodata,
  'two.example AAAA': nodata,
  'two.example TXT': nodata,
  '_dmarc.two.example TXT': nodata,
  'mx1.two.example A': { answers: [a('mx1.two.example', '192.0.2.1')] },
  'mx1.two.example AAAA': nodata,
  'mx2.two.example A': { answers: [a('mx2.two.example', '192.0.2.2')] },
  'mx2.two.example AAAA': nodata,
  '1.2.0.192.in-addr.arpa PTR': { answers: [ptr('1.2.0.192.in-addr.arpa', 'mx1.two.example')] },
  '2.2.0.192.in-addr.arpa PTR': { answers: [ptr('2.2.0.192.in-addr.arpa', 'other.example')] },
  'other.example A': { answers: [a('other.example', '198.51.100.9')] },
  'other.example AAAA': nodata,
};

const providers = providerChain(BUILT_IN_PROVIDERS[0], false);
const routing = (report: Report) => ({ mxStatus: report.mxStatus, hosts: report.exchanges.map((e) => [e.host, e.addresses.map((x) => [x.ip, x.fcrdns])]) });

async function bothSides(workerDelayMs: number) {
  const fake = fakeFetch(zone);
  const relay = new RelayLog();
  const relayed = new RelayedAnswers({ expectFirstRelay: true, maxWaitMs: 5_000 });
  relay.attach((message) => relayed.take(message.relay));
  const page = new DohClient({ providers, fetch: fake.fetch, observer: relay.observer });
  const worker = new DohClient({ providers, fetch: fake.fetch });
  const pageDone = lookupRouting(parseQuery('two.example'), page).finally(() => relay.finish());
  await new Promise((resolve) => setTimeout(resolve, workerDelayMs));
  const workerReport = await lookupMail(parseQuery('two.example'), worker, { prior: relayed.prior });
  return { pageReport: await pageDone, workerReport, calls: fake.calls, worker };
}

async function workerAlone() {
  const fake = fakeFetch(zone);
  await lookupMail(parseQuery('two.example'), new DohClient({ providers, fetch: fake.fetch }));
  return fake.calls.length;
}

describe('the page asks first, the worker asks the rest: nothing is asked twice', () => {
  for (const [when, delay] of [
    ['the worker starts with the page (warm)', 0],
    ['the worker starts after the page has its answers (cold)', 30],
  ] as const) {
    it(when, async () => {
      const { pageReport, workerReport, calls, worker } = await bothSides(delay);
      const asked = calls.map((call) => `${call.name} ${call.type}`);
      expect(new Set(asked).size).toBe(asked.length);
      expect(asked.length).toBe(await workerAlone());
      // The worker sent only what the page does not ask: the name's TXT and _dmarc TXT.
      expect(worker.stats.requests).toBe(2);
      expect(routing(workerReport)).toEqual(routing(pageReport));
      expect(workerReport.status).toBe('done');
      // The report counts what the lookup cost, whoever sent it.
      expect(workerReport.stats.requests).toBe(asked.length);
    });
  }

  it('when the page cannot ask (it stopped before its first question), the worker asks everything itself', async () => {
    const fake = fakeFetch(zone);
    const relayed = new RelayedAnswers({ expectFirstRelay: true, maxWaitMs: 5_000 });
    const relay = new RelayLog();
    relay.attach((message) => relayed.take(message.relay));
    const report = lookupMail(parseQuery('two.example'), new DohClient({ providers, fetch: fake.fetch }), { prior: relayed.prior });
    relay.finish();
    expect((await report).exchanges).toHaveLength(2);
    expect(fake.calls.length).toBe(await workerAlone());
  });
});
