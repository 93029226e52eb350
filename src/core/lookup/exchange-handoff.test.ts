/**
 * The MX hosts handed to per-MX mail sections (exchange-handoff.ts, mail-bridge.ts): what a
 * section awaiting `run.exchanges` gets, when, and at which depth its own questions count. A
 * probe is added to the provider section (which has none) to see what every section sees.
 */
import * as dnsPacket from 'dns-packet';
import { Buffer } from 'node:buffer';
import { describe, expect, it, vi } from 'vitest';
import { fakeFetch, questionOf, type FakeZone } from '../../../test/support/fake-doh';
import { DohClient } from '../doh/doh-client';
import { BUILT_IN_PROVIDERS, providerChain } from '../doh/providers';
import type { AskResult } from '../mail/dns-ask';
import { newMailDiagnostics } from '../mail/mail-diagnostics';
import type { ExchangeHandoff, ResolvedHost, SectionRun } from '../mail/mail-section';
import { parseQuery } from '../query';
import type { Report } from '../report';
import type { Outcome } from './ask-tracker';
import { ExchangeHandoffs } from './exchange-handoff';
import { lookupMail } from './lookup-mail';
import { newReportDraft } from './report-draft';

const seen: { handoff?: ExchangeHandoff; resolved?: ResolvedHost[]; asked?: AskResult } = {};

vi.mock('../mail/sections', async (importOriginal) => {
  const { MAIL_SECTION_REGISTRY } = await importOriginal<typeof import('../mail/sections')>();
  const probe = async (_data: unknown, run: SectionRun) => {
    const handoff = await run.exchanges;
    seen.handoff = handoff;
    seen.resolved = await Promise.all(handoff.hosts.map((host) => host.resolved));
    // A question asked because of the MX answer counts its round trip from it (port 465, not the
    // DANE section's 25: a question joining one in flight adds no round trip of its own).
    if (handoff.hosts[0]) seen.asked = await run.context.ask(`_465._tcp.${handoff.hosts[0].name}`, 'TLSA', handoff.mx);
  };
  return { MAIL_SECTION_REGISTRY: { ...MAIL_SECTION_REGISTRY, provider: { ...MAIL_SECTION_REGISTRY.provider, probe } } };
});

const soa = {
  name: 'example',
  type: 'SOA' as const,
  ttl: 60,
  data: { mname: 'ns.example', rname: 'h.example', serial: 1, refresh: 1, retry: 1, expire: 1, minimum: 60 },
};
const mx = (name: string, preference: number, exchange: string) => ({ name, type: 'MX' as const, ttl: 300, data: { preference, exchange } });
const a = (name: string, ip: string) => ({ name, type: 'A' as const, ttl: 60, data: ip });
const cname = (name: string, target: string) => ({ name, type: 'CNAME' as const, ttl: 60, data: target });
const tlsa = (name: string, usage: number, selector: number, matchingType: number, hex: string) =>
  ({ name, type: 'TLSA', ttl: 60, data: { usage, selector, matchingType, certificate: Buffer.from(hex, 'hex') } }) as unknown as dnsPacket.Answer;
const nodata = { rcode: 'NOERROR', authorities: [soa] };

const zone: FakeZone = {
  'signed.example MX': {
    answers: [mx('signed.example', 20, 'alias.signed.example'), mx('signed.example', 10, 'mx.signed.example'), mx('signed.example', 30, 'mx.signed.example')],
  },
  'mx.signed.example A': { answers: [a('mx.signed.example', '192.0.2.1')] },
  'mx.signed.example AAAA': nodata,
  '_465._tcp.mx.signed.example TLSA': { answers: [tlsa('_465._tcp.mx.signed.example', 3, 1, 1, 'ab'.repeat(32))] },
  // RFC 7672 §2.2.2: the TLSA base domain of an alias depends on its chain.
  'alias.signed.example A': { answers: [cname('alias.signed.example', 'mail.provider.example'), a('mail.provider.example', '192.0.2.2')] },
  'alias.signed.example AAAA': { answers: [cname('alias.signed.example', 'mail.provider.example')], authorities: [soa] },
  'implicit.example MX': nodata,
  'implicit.example A': { answers: [a('implicit.example', '192.0.2.3')] },
  'implicit.example AAAA': nodata,
  'null.example MX': { answers: [mx('null.example', 0, '.')] },
  'null.example A': nodata,
  'null.example AAAA': nodata,
};

/** The resolver validates everything under signed.example and nothing else (the AD bit). */
async function signedWhereSigned(url: string, init: RequestInit): Promise<Response> {
  const question = await questionOf(url, init);
  const entry = zone[`${question.name} ${question.type}`];
  const ad = question.name === 'signed.example' || question.name.endsWith('.signed.example') ? dnsPacket.AUTHENTIC_DATA : 0;
  const rcode = entry ? { NOERROR: 0, NXDOMAIN: 3 }[entry.rcode ?? 'NOERROR']! : 3;
  const body = dnsPacket.encode({
    type: 'response',
    id: question.id,
    flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | ad | rcode,
    questions: [{ name: question.name, type: question.type as dnsPacket.RecordType }],
    answers: entry?.answers ?? [],
    authorities: entry?.authorities ?? [soa],
  });
  return new Response(new Uint8Array(body), { headers: { 'content-type': 'application/dns-message' } });
}

async function lookup(name: string): Promise<Report> {
  delete seen.handoff;
  delete seen.resolved;
  delete seen.asked;
  const { fetch } = fakeFetch(zone, { 'cloudflare-dns.com': (call, init) => signedWhereSigned(call.url, init) });
  const client = new DohClient({ providers: providerChain(BUILT_IN_PROVIDERS[0], false), fetch });
  return lookupMail(parseQuery(name), client, { diagnostics: {}, ptr: false });
}

describe('the MX hosts handed to the mail sections', () => {
  it('names each host once, in the order senders try them, with the MX answer authenticated or not', async () => {
    await lookup('signed.example');
    expect(seen.handoff).toMatchObject({ mxAuthenticated: true, nullMx: false, implicit: false, mxStatus: 'ok' });
    expect(seen.handoff!.hosts.map((h) => `${h.preference} ${h.name}`)).toEqual(['10 mx.signed.example', '20 alias.signed.example']);
    expect(seen.handoff!.mx).toMatchObject({ name: 'signed.example', type: 'MX', depth: 1, authenticated: true });
  });

  it("gives each host's CNAME chain and its authentication, from the lookup's own address answers (RFC 7672 §2.2.2)", async () => {
    await lookup('signed.example');
    expect(seen.resolved!.map(({ cname, target, status, authenticated }) => ({ cname, target, status, authenticated }))).toEqual([
      { cname: [], target: 'mx.signed.example', status: 'ok', authenticated: true },
      { cname: ['mail.provider.example'], target: 'mail.provider.example', status: 'ok', authenticated: true },
    ]);
  });

  it("asks TLSA through the lookup's own client, counted from the MX answer: one round trip more, whatever the addresses cost", async () => {
    const report = await lookup('signed.example');
    expect(seen.asked).toMatchObject({ name: '_465._tcp.mx.signed.example', type: 'TLSA', status: 'ok', authenticated: true, depth: 2 });
    expect(report.mail!.requests).toBeGreaterThan(0);
  });

  it("hands the records over typed as well as text (answerValues): a TLSA record's fields apart", async () => {
    await lookup('signed.example');
    const data = 'ab'.repeat(32);
    expect(seen.asked!.values).toEqual([`3 1 1 ${data}`]);
    expect(seen.asked!.records).toEqual([
      { name: '_465._tcp.mx.signed.example', type: 'TLSA', ttl: 60, data: { usage: 3, selector: 1, matchingType: 1, data } },
    ]);
  });

  it('hands the domain itself over as its implicit MX (RFC 5321 §5.1), and no host for a null MX (RFC 7505)', async () => {
    await lookup('implicit.example');
    expect(seen.handoff).toMatchObject({ implicit: true, nullMx: false, mxStatus: 'nodata', mxAuthenticated: false });
    expect(seen.handoff!.hosts.map((h) => `${h.preference} ${h.name}`)).toEqual(['0 implicit.example']);
    await lookup('null.example');
    expect(seen.handoff).toMatchObject({ hosts: [], nullMx: true, implicit: false });
  });
});

describe('ExchangeHandoffs', () => {
  const outcome = (name: string, type: 'MX' | 'A' | 'AAAA', answers: dnsPacket.Answer[], depth: number): Outcome => ({
    depth,
    answer: {
      name,
      type,
      rcode: 'NOERROR',
      answers: answers as never,
      authorities: [],
      authenticated: false,
      resolver: 'test',
      fromCache: false,
      requests: 1,
      failures: [],
    },
  });

  it('hands the hosts over the moment the MX answer is known, before any address; each host once both its answers are in', async () => {
    const draft = newReportDraft(parseQuery('two.example'), 'test', 0, newMailDiagnostics({}));
    const handoffs = new ExchangeHandoffs(draft);
    let handed: ExchangeHandoff | undefined;
    void handoffs.exchanges.then((h) => (handed = h));
    handoffs.notice(false);
    await Promise.resolve();
    expect(handed).toBeUndefined();

    handoffs.mxAnswer(outcome('two.example', 'MX', [mx('two.example', 10, 'mx1.two.example')], 1));
    Object.assign(draft, {
      mxStatus: 'ok',
      exchanges: [{ host: 'mx1.two.example', preference: 10, state: 'pending', addressStatus: { A: 'pending', AAAA: 'pending' } }],
    });
    handoffs.notice(true);
    await Promise.resolve();
    expect(handed!.hosts.map((h) => h.name)).toEqual(['mx1.two.example']);

    let resolved: ResolvedHost | undefined;
    void handed!.hosts[0]!.resolved.then((r) => (resolved = r));
    handoffs.hostAnswer('mx1.two.example', 'A', outcome('mx1.two.example', 'A', [a('mx1.two.example', '192.0.2.1')], 2));
    handoffs.notice(true);
    await Promise.resolve();
    expect(resolved).toBeUndefined();
    handoffs.hostAnswer('mx1.two.example', 'AAAA', outcome('mx1.two.example', 'AAAA', [], 2));
    handoffs.notice(true);
    await Promise.resolve();
    expect(resolved).toMatchObject({ target: 'mx1.two.example', status: 'ok', answer: { type: 'A', depth: 2, values: ['192.0.2.1'] } });
  });
});
