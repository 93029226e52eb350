// Self-tests of the DNS test stack (test/stack, test/zones). Every integration test of the
// engine trusts this stack, so here it is checked against kdig and against the README.
import { existsSync, readFileSync } from 'node:fs';
import dnsPacket from 'dns-packet';
import { fetch as defaultRootsFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findBinary } from '../stack/binaries';
import type { DnsJsonAnswer, DnsJsonRecord } from '../stack/dns-json';
import { exchange, exchangeUdp, isTruncated } from '../stack/dns-exchange';
import { answerData, dohWire, type DohQuery } from '../stack/doh-client';
import { criticalPathDepth } from '../stack/fault-log';
import { clearFaultLog, readFaultLog } from '../stack/fault-log-client';
import { MISMATCHED_QUESTION } from '../stack/fault-reply';
import { kdig, kdigBatch, type KdigOptions, type KdigRecord, type KdigResult } from '../stack/kdig';
import { typeNumber } from '../stack/rr-types';
import { SERVFAIL_SUFFIXES } from '../stack/servfail-names';
import { startStack } from '../stack/stack';
import '../stack/stack-info';
import { createTrustedFetch } from '../stack/trusted-fetch';
import { loadZoneExpectations, type ZoneExpectation } from '../stack/zone-expectations';
import { BULK_COUNT, bulkDomain, bulkFiles, renderBulk } from '../zones/generate-bulk';

const stack = inject('stack');
const trusted = createTrustedFetch(stack.caPem);
const { fetch } = trusted;
afterAll(() => trusted.close());

const viaDoh: KdigOptions = { server: new URL(stack.dohUrl).hostname, port: stack.dohPort, https: true, caPath: stack.caPath };
const viaKnot: KdigOptions = { server: stack.knot.host, port: stack.knot.port };
const faultUrl = (path: string) => `${stack.faultUrl}${path}`;
const viaFault = (path: string, q: DohQuery) => dohWire(fetch, faultUrl(path), q);
/** A tag unique to this test run, so the shared fault server's log holds only our requests. */
const tagFor = (label: string) => `${label}-${Math.random().toString(36).slice(2, 8)}`;

const records = (list: KdigRecord[]) => list.map((r) => `${r.type} ${r.data}`).sort();
const underServfail = (name: string) => SERVFAIL_SUFFIXES.some((s) => `${name}`.endsWith(s));

function expectAsDocumented(result: KdigResult, e: ZoneExpectation, via: 'doh' | 'knot'): void {
  expect(result.rcode).toBe(e.rcode);
  // `+ad`: the front end plays a validating resolver (names under signed.test); knotd never sets AD.
  expect(result.flags.ad, 'AD flag').toBe(via === 'doh' && e.ad);
  expect(records(result.answer)).toEqual(e.answer.map((r) => `${r.type} ${r.data}`).sort());
  if (e.ttl !== undefined) for (const r of result.answer) expect(r.ttl).toBe(e.ttl);
  if (e.soa !== undefined) {
    // RFC 2308 3: negative answers carry the zone's SOA; its TTL is the SOA minimum (60).
    expect(result.authority.filter((r) => r.type === 'SOA').map((r) => [r.name, r.ttl])).toEqual([[e.soa, 60]]);
  } else if (e.answer.length === 0) {
    expect(result.authority).toEqual([]);
  }
}

describe('fixtures answer as test/zones/README.md documents', () => {
  const expectations = loadZoneExpectations();

  it('documents every fixture named in the brief', () => {
    const names = new Set(expectations.map((e) => e.name));
    for (const fixture of [
      'one-mx',
      'five-mx',
      'twenty-mx',
      'null-mx',
      'null-mx-mixed',
      'implicit',
      'nodata',
      'servfail',
      'does-not-exist',
      'cname-mx',
      'apex-cname',
      'ip-mx',
      'no-address-mx',
      'nxdomain-mx',
      'trailing-dot',
      'private-mx',
      'no-ptr',
      'bad-ptr',
      'v6only',
      'xss',
      'xn--bcher-kva',
      'short-ttl',
      'long-ttl',
      'many-ptr',
      'host25',
      'big-txt',
      'bulk-001',
      'bulk-200',
      // Mail diagnostics (issue #7)
      'spf-tree',
      'spf-too-many',
      'spf-void',
      'spf-multiple',
      'spf-plus-all',
      'spf-loop',
      'spf-syntax',
      'spf-redirect',
      'spf-ptr',
      'spf-no-all',
      'spf-split',
      'no-spf',
      'no-dmarc',
      'dmarc-none',
      'dmarc-reject',
      'dmarc-bad',
      'dmarc-multiple',
      'sub.dmarc-org',
      'dkim',
      'sts',
      'sts-bad',
      'google-mx',
      'ms365',
      'lookalike',
      'signed',
      'listed',
    ]) {
      expect(names, fixture).toContain(`${fixture}.test.`);
    }
    expect(names).toContain('example.co.uk.');
    for (const list of ['zen.spamhaus.org', 'bl.spamcop.net', 'b.barracudacentral.org']) {
      expect(
        [...names].some((n) => n.endsWith(`.${list}.`) || n === `${list}.`),
        list,
      ).toBe(true);
    }
    expect(expectations.filter((e) => e.ad).map((e) => e.name)).toContain('mx.signed.test.');
  });

  // One kdig process per transport for all questions: a process per question is far slower.
  const answers = new Map<ZoneExpectation, { doh: KdigResult; direct: KdigResult | null }>();
  beforeAll(async () => {
    // knotd straight, except where the SERVFAIL comes from the front end by design.
    const directOnes = expectations.filter((e) => !underServfail(e.name));
    const [doh, direct] = await Promise.all([kdigBatch(expectations, viaDoh), kdigBatch(directOnes, viaKnot)]);
    expectations.forEach((e, i) => answers.set(e, { doh: doh[i]!, direct: null }));
    directOnes.forEach((e, i) => (answers.get(e)!.direct = direct[i]!));
  });

  it.each(expectations)('$name $type -> $rcode', (e) => {
    const { doh, direct } = answers.get(e)!;
    expectAsDocumented(doh, e, 'doh');
    if (direct) {
      expectAsDocumented(direct, e, 'knot');
      expect(records(direct.answer)).toEqual(records(doh.answer));
      expect(records(direct.authority)).toEqual(records(doh.authority));
    }
  });

  it(`serves all ${BULK_COUNT} bulk domains with MX, A and a confirming PTR`, async () => {
    const ask = async (name: string, type: 'MX' | 'A' | 'PTR') => {
      const query = dnsPacket.encode({ type: 'query', id: 7, questions: [{ name, type }] });
      return answerData(await exchange(stack.knot, query));
    };
    for (let n = 1; n <= BULK_COUNT; n++) {
      const { name, mx, ip } = bulkDomain(n);
      const reverse = `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
      const [mxData, aData, ptrData] = await Promise.all([ask(name, 'MX'), ask(mx, 'A'), ask(reverse, 'PTR')]);
      expect([mxData, aData, ptrData]).toEqual([[`10 ${mx}`], [ip], [mx]]);
    }
  });

  it('keeps the committed bulk files equal to what generate-bulk.ts writes', () => {
    const { forward, reverse } = renderBulk();
    expect(readFileSync(bulkFiles.forward, 'utf8')).toBe(forward);
    expect(readFileSync(bulkFiles.reverse, 'utf8')).toBe(reverse);
  });
});

describe('dnsdist (RFC 8484 DoH front end)', () => {
  const fiveMx = ['10 mx1.five-mx.test.', '10 mx2.five-mx.test.', '20 mx3.five-mx.test.', '30 mx4.five-mx.test.', '40 mx5.five-mx.test.'];

  it.each(['GET', 'POST'] as const)('answers a %s for five-mx.test MX', async (method) => {
    const result = await dohWire(fetch, stack.dohUrl, { name: 'five-mx.test', type: 'MX', method });
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe('application/dns-message');
    expect(answerData(result.body)).toEqual(fiveMx);
  });

  it('agrees with kdig over DoH GET', async () => {
    const result = await kdig('five-mx.test', 'MX', { ...viaDoh, get: true });
    expect(result.answer.map((r) => r.data).sort()).toEqual(fiveMx);
  });

  it('answers SERVFAIL for servfail.test and names below it', async () => {
    for (const name of ['servfail.test', 'deep.mx.servfail.test']) {
      const result = await dohWire(fetch, stack.dohUrl, { name, type: 'MX' });
      expect(dnsPacket.decode(result.body).flags! & 0xf, name).toBe(2);
    }
  });

  it('answers NXDOMAIN for does-not-exist.test with the test. SOA in authority', async () => {
    const packet = dnsPacket.decode((await dohWire(fetch, stack.dohUrl, { name: 'does-not-exist.test', type: 'MX' })).body);
    expect(packet.flags! & 0xf).toBe(3);
    expect(packet.answers).toEqual([]);
    expect(packet.authorities?.map((r) => [r.type, r.name])).toEqual([['SOA', 'test']]);
  });

  it('delivers the XSS PTR name as raw label text on the wire', async () => {
    const packet = dnsPacket.decode((await dohWire(fetch, stack.dohUrl, { name: '90.2.0.192.in-addr.arpa', type: 'PTR' })).body);
    expect(packet.answers?.map((r) => (r.type === 'PTR' ? r.data : r.type))).toEqual(['<img src=x onerror=alert(1)>.xss.test']);
  });

  it('is trusted only through the test CA, not the default roots', async () => {
    await expect(dohWire(defaultRootsFetch as unknown as typeof globalThis.fetch, stack.dohUrl, { name: 'test', type: 'SOA' })).rejects.toThrow();
  });
});

describe('fault server', () => {
  const oneMx = { name: 'one-mx.test', type: 'MX' } as const;

  it('answers GET and POST exactly like dnsdist when no fault is asked for', async () => {
    for (const method of ['GET', 'POST'] as const) {
      for (const q of [oneMx, { name: 'xss.test', type: 'TXT' }, { name: 'mail.cname-mx.test', type: 'A' }] as const) {
        const fault = await viaFault('/dns-query', { ...q, method });
        const real = await dohWire(fetch, stack.dohUrl, { ...q, method });
        expect(fault.status).toBe(200);
        expect(answerData(fault.body)).toEqual(answerData(real.body));
      }
    }
  });

  it('retries over TCP when knotd truncates the UDP answer (big-txt.test)', async () => {
    const query = dnsPacket.encode({ type: 'query', id: 9, questions: [{ name: 'big-txt.test', type: 'TXT' }] });
    expect(isTruncated(await exchangeUdp(stack.knot, query))).toBe(true);
    for (const url of [faultUrl('/dns-query'), stack.dohUrl]) {
      expect(answerData((await dohWire(fetch, url, { name: 'big-txt.test', type: 'TXT' })).body), url).toHaveLength(6);
    }
  });

  it('/delay/<ms> waits, then answers normally', async () => {
    const tag = tagFor('delay');
    const started = performance.now();
    const result = await viaFault(`/tag/${tag}/delay/200/dns-query`, oneMx);
    expect(performance.now() - started).toBeGreaterThanOrEqual(195);
    expect(answerData(result.body)).toEqual(['10 mx.one-mx.test.']);
    const [entry] = await readFaultLog(stack, tag);
    expect(entry!.modes).toEqual(['delay/200']);
    expect(entry!.endMs! - entry!.startMs).toBeGreaterThanOrEqual(195);
  });

  it('/hang never answers; the client AbortSignal ends it and the server frees it', async () => {
    const tag = tagFor('hang');
    const started = performance.now();
    await expect(viaFault(`/tag/${tag}/hang/dns-query`, { ...oneMx, signal: AbortSignal.timeout(300) })).rejects.toThrow(/abort|timeout/i);
    expect(performance.now() - started).toBeLessThan(1_500);
    await expect.poll(async () => (await readFaultLog(stack, tag))[0]?.aborted).toBe(true);
    const [entry] = await readFaultLog(stack, tag);
    expect(entry!.httpStatus).toBeNull();
    expect(entry!.endMs).not.toBeNull();
  });

  it.each([429, 500, 503, 405])('/status/%i answers that HTTP status', async (status) => {
    const result = await viaFault(`/status/${status}/dns-query`, oneMx);
    expect(result.status).toBe(status);
    expect(result.headers.get('retry-after')).toBe(status === 429 ? '1' : null);
  });

  it('/garbage answers 200 application/dns-message with random bytes', async () => {
    const [a, b] = await Promise.all([viaFault('/garbage/dns-query', oneMx), viaFault('/garbage/dns-query', oneMx)]);
    expect(a.status).toBe(200);
    expect(a.headers.get('content-type')).toBe('application/dns-message');
    expect(a.body).toHaveLength(64);
    expect(a.body.equals(b.body)).toBe(false);
  });

  it('/truncated-body sends the first half of a valid answer', async () => {
    const full = await viaFault('/dns-query', oneMx);
    const cut = await viaFault('/truncated-body/dns-query', oneMx);
    expect(cut.status).toBe(200);
    expect(cut.body.equals(full.body.subarray(0, Math.floor(full.body.length / 2)))).toBe(true);
    expect(() => dnsPacket.decode(cut.body)).toThrow();
  });

  it('/tc answers with the TC bit and no records', async () => {
    const packet = dnsPacket.decode((await viaFault('/tc/dns-query', { ...oneMx, id: 4242 })).body);
    expect([packet.flag_tc, packet.id, packet.answers?.length, packet.questions?.[0]?.name]).toEqual([true, 4242, 0, 'one-mx.test']);
  });

  it('/wrong-type answers 200 text/html', async () => {
    const result = await viaFault('/wrong-type/dns-query', oneMx);
    expect([result.status, result.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
  });

  it('/empty answers 200 with an empty body', async () => {
    const result = await viaFault('/empty/dns-query', oneMx);
    expect([result.status, result.body.length]).toEqual([200, 0]);
  });

  it('/mismatch-id answers with another ID', async () => {
    const packet = dnsPacket.decode((await viaFault('/mismatch-id/dns-query', { ...oneMx, id: 0x1234, method: 'POST' })).body);
    expect(packet.id).not.toBe(0x1234);
    expect(packet.answers?.length).toBe(1);
  });

  it('/mismatch-question answers for another name', async () => {
    const packet = dnsPacket.decode((await viaFault('/mismatch-question/dns-query', oneMx)).body);
    expect(packet.questions?.[0]?.name).toBe(MISMATCHED_QUESTION);
  });

  it('/post-only refuses GET with 405 and answers POST', async () => {
    const get = await viaFault('/post-only/dns-query', oneMx);
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
    const post = await viaFault('/post-only/dns-query', { ...oneMx, method: 'POST' });
    expect(answerData(post.body)).toEqual(['10 mx.one-mx.test.']);
  });

  it('/rcode/<name> answers that rcode with no records', async () => {
    const packet = dnsPacket.decode((await viaFault('/rcode/refused/dns-query', oneMx)).body);
    expect([packet.flags! & 0xf, packet.answers?.length]).toEqual([5, 0]);
  });

  it('answers SERVFAIL under servfail.test like dnsdist', async () => {
    const packet = dnsPacket.decode((await viaFault('/dns-query', { name: 'servfail.test', type: 'MX' })).body);
    expect(packet.flags! & 0xf).toBe(2);
  });

  it('rejects an unknown mode with 404', async () => {
    expect((await viaFault('/no-such-mode/dns-query', oneMx)).status).toBe(404);
  });

  it('composes modes: tag, delay and status together', async () => {
    const tag = tagFor('compose');
    const result = await viaFault(`/tag/${tag}/delay/20/status/503/dns-query`, oneMx);
    expect(result.status).toBe(503);
    const [entry] = await readFaultLog(stack, tag);
    expect(entry).toMatchObject({ tag, modes: ['delay/20', 'status/503'], httpStatus: 503, name: 'one-mx.test', type: 'MX' });
  });
});

describe('fault server JSON API (/json, /resolve)', () => {
  const asKdig = (list: DnsJsonRecord[] | undefined) => (list ?? []).map((r) => `${r.type} ${r.name} ${r.TTL} ${r.data}`).sort();
  const fromKdig = (list: KdigRecord[]) => list.map((r) => `${typeNumber(r.type)} ${r.name} ${r.ttl} ${r.data}`).sort();

  it.each([
    ['five-mx.test', 'MX'],
    ['xss.test', 'TXT'],
    ['_dmarc.one-mx.test', 'TXT'],
    ['90.2.0.192.in-addr.arpa', 'PTR'],
    ['mail.cname-mx.test', 'A'],
    ['mx.one-mx.test', 'AAAA'],
    ['null-mx.test', 'MX'],
    ['does-not-exist.test', 'A'],
    ['nodata.test', 'MX'],
    ['short-ttl.test', 'MX'],
  ])('Google-style /resolve?name=%s&type=%s matches kdig', async (name, type) => {
    const response = await fetch(faultUrl(`/json/resolve?name=${encodeURIComponent(name)}&type=${type}`));
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const json = (await response.json()) as DnsJsonAnswer;
    const oracle = await kdig(name, type, viaKnot);
    expect(json.Status).toBe(['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN'].indexOf(oracle.rcode));
    expect(json.Question).toEqual([{ name: `${name}.`, type: typeNumber(type) }]);
    expect(asKdig(json.Answer)).toEqual(fromKdig(oracle.answer));
    expect(asKdig(json.Authority)).toEqual(fromKdig(oracle.authority));
    expect([json.TC, json.RD]).toEqual([false, true]);
  });

  it('Cloudflare-style /dns-query?name=&type= with accept: application/dns-json', async () => {
    const response = await fetch(faultUrl('/dns-query?name=one-mx.test&type=TXT'), { headers: { accept: 'application/dns-json' } });
    expect(response.headers.get('content-type')).toBe('application/dns-json');
    const json = (await response.json()) as DnsJsonAnswer;
    expect(json.Answer?.map((r) => r.data)).toEqual(['"v=spf1 mx -all"']);
  });

  it('composes with other modes: /delay/20/json/resolve', async () => {
    const tag = tagFor('json');
    const response = await fetch(faultUrl(`/tag/${tag}/delay/20/json/resolve?name=one-mx.test&type=15`));
    const json = (await response.json()) as DnsJsonAnswer;
    expect(json.Answer).toEqual([{ name: 'one-mx.test.', type: 15, TTL: 300, data: '10 mx.one-mx.test.' }]);
    expect((await readFaultLog(stack, tag))[0]).toMatchObject({ name: 'one-mx.test', type: 'MX', modes: ['delay/20', 'json'] });
  });
});

describe('fault server log', () => {
  it('/_log?tag= lists only that tag; /_log/clear?tag= clears only that tag', async () => {
    const [mine, other] = [tagFor('log'), tagFor('other')];
    await Promise.all(['one-mx.test', 'five-mx.test', 'null-mx.test'].map((name) => viaFault(`/tag/${mine}/dns-query`, { name, type: 'MX' })));
    await viaFault(`/tag/${other}/dns-query`, { name: 'one-mx.test', type: 'A' });
    const entries = await readFaultLog(stack, mine);
    expect(entries.map((e) => e.name).sort()).toEqual(['five-mx.test', 'null-mx.test', 'one-mx.test']);
    for (const e of entries) {
      expect(e).toMatchObject({ tag: mine, method: 'GET', path: `/tag/${mine}/dns-query`, modes: [], type: 'MX', httpStatus: 200, aborted: false });
      expect(e.endMs).toBeGreaterThanOrEqual(e.startMs);
    }
    await clearFaultLog(stack, mine);
    expect(await readFaultLog(stack, mine)).toEqual([]);
    expect(await readFaultLog(stack, other)).toHaveLength(1);
  });

  it('gives the critical-path depth of a staged lookup', async () => {
    const tag = tagFor('depth');
    const path = `/tag/${tag}/delay/30/dns-query`;
    await viaFault(path, { name: 'five-mx.test', type: 'MX' });
    await Promise.all(['mx1', 'mx2', 'mx3'].map((host) => viaFault(path, { name: `${host}.five-mx.test`, type: 'A' })));
    await viaFault(path, { name: '11.2.0.192.in-addr.arpa', type: 'PTR' });
    const entries = await readFaultLog(stack, tag);
    expect(entries).toHaveLength(5);
    expect(criticalPathDepth(entries)).toBe(3);
  });
});

describe('stack lifecycle', () => {
  it('names the package to install when a program is missing', () => {
    expect(() => findBinary('knotd', [])).toThrow('apt-get install -y knot dnsdist knot-dnsutils');
    expect(() => findBinary('kdig', [])).toThrow('apt-get install -y knot dnsdist knot-dnsutils');
  });

  it('starts in a couple of seconds and leaves no process or directory behind', async () => {
    const started = performance.now();
    const second = await startStack();
    expect(performance.now() - started).toBeLessThan(3_000);
    expect((await kdig('one-mx.test', 'MX', { ...viaDoh, port: second.info.dohPort, caPath: second.info.caPath })).rcode).toBe('NOERROR');
    // A request hanging at stop time must not keep the fault server open.
    const secondFetch = createTrustedFetch(second.info.caPem);
    const hanging = dohWire(secondFetch.fetch, `${second.info.faultUrl}/hang/dns-query`, { name: 'one-mx.test', type: 'MX' }).then(
      () => 'answered',
      (error: Error) => error,
    );
    await expect.poll(() => second.fault.log.length).toBe(1);
    await second.stop();
    expect(await hanging).toBeInstanceOf(Error);
    await secondFetch.close();
    for (const pid of Object.values(second.pids)) expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
    expect(existsSync(second.info.dir)).toBe(false);
  });
});
