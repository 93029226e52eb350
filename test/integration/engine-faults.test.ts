/**
 * Every fault class ends in a clear message and a finished report, never an unhandled rejection
 * (vitest fails a run on one). Faults come from the scriptable fault server in front of knotd;
 * the fallback resolver is the real dnsdist.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DohClient } from '../../src/core/doh/doh-client';
import { customProvider, type DohFormat } from '../../src/core/doh/providers';
import { lookupMail } from '../../src/core/lookup/lookup-mail';
import { parseQuery } from '../../src/core/query';
import type { Report } from '../../src/core/report';
import { criticalPathDepth } from '../stack/fault-log';
import { readFaultLog } from '../stack/fault-log-client';
import '../stack/stack-info';
import { createTrustedFetch } from '../stack/trusted-fetch';

const stack = inject('stack');
const trusted = createTrustedFetch(stack.caPem);
afterAll(() => trusted.close());

let tagCounter = 0;
const faultUrl = (modes: string, endpoint = 'dns-query') => {
  const tag = `faults-${process.pid}-${++tagCounter}`;
  return { tag, url: `${stack.faultUrl}/tag/${tag}/${modes ? `${modes}/` : ''}${endpoint}` };
};

function client(urls: string[], options: { timeoutMs?: number; format?: DohFormat } = {}): DohClient {
  return new DohClient({ providers: urls.map((u) => customProvider(u, options.format)), fetch: trusted.fetch, timeoutMs: options.timeoutMs ?? 2_000 });
}

const look = (input: string, c: DohClient): Promise<Report> => lookupMail(parseQuery(input), c);

describe('resolver faults', () => {
  it('measures 3 round trips for five-mx.test from the resolver log, not from the engine', async () => {
    // A resolver delay well above this machine's TLS set-up and scheduling noise, and warm
    // connections, so that "started after another ended" means "waited for it".
    await look('one-mx.test', client([faultUrl('delay/250').url])); // opens the connections
    const { tag, url } = faultUrl('delay/250');
    const report = await look('five-mx.test', client([url]));
    const log = await readFaultLog(stack, tag);
    expect(log).toHaveLength(report.stats.requests);
    expect(log).toHaveLength(23);
    expect(criticalPathDepth(log)).toBe(3);
    // The MX question goes out in the first burst, with TXT, _dmarc and the name's A/AAAA.
    const first = log.filter((e) => e.startMs < (log[0]!.endMs ?? Infinity)).map((e) => `${e.name} ${e.type}`);
    expect(first.sort()).toEqual(['_dmarc.five-mx.test TXT', 'five-mx.test A', 'five-mx.test AAAA', 'five-mx.test MX', 'five-mx.test TXT']);
  });

  it.each([
    ['hang', 'resolver-timeout'],
    ['status/429', 'resolver-http-error'],
    ['status/500', 'resolver-http-error'],
    ['status/503', 'resolver-http-error'],
    ['garbage', 'bad-answer'],
    ['truncated-body', 'bad-answer'],
    ['tc', 'bad-answer'],
    ['wrong-type', 'bad-answer'],
    ['empty', 'bad-answer'],
    ['mismatch-id', 'bad-answer'],
    ['mismatch-question', 'bad-answer'],
  ])('falls back to the next resolver on %s and says so', async (mode, code) => {
    const { url } = faultUrl(mode);
    const report = await look('one-mx.test', client([url, stack.dohUrl], { timeoutMs: 500 }));
    expect(report.status).toBe('done');
    expect(report.exchanges[0]).toMatchObject({ host: 'mx.one-mx.test', state: 'resolved' });
    expect(report.answeredBy).toEqual([stack.dohUrl]);
    expect(report.resolverEvents[0]).toMatchObject({ resolver: '127.0.0.1:' + new URL(url).port, error: { code } });
    expect(report.findings.map((f) => f.code)).toContain('resolver-fallback');
  });

  it.each([
    ['hang', 'resolver-timeout', /did not answer within 300 ms/],
    ['status/429', 'resolver-http-error', /rate limiting/],
    ['status/500', 'resolver-http-error', /server error \(HTTP 500\)/],
    ['status/404', 'resolver-http-error', /HTTP 404/],
    ['garbage', 'bad-answer', /cannot use \(malformed DNS message[:)]/],
    ['wrong-type', 'bad-answer', /content type "text\/html"/],
    ['mismatch-id', 'bad-answer', /message ID/],
    ['mismatch-question', 'bad-answer', /not for the question asked/],
    ['tc', 'bad-answer', /truncated/],
  ])('without fallback, %s ends in a report with a clear error', async (mode, code, message) => {
    const { url } = faultUrl(mode);
    const report = await look('one-mx.test', client([url], { timeoutMs: 300 }));
    expect(report.status).toBe('done');
    expect(report.mxStatus).toBe('error');
    expect(report.errors[0]).toMatchObject({ code });
    expect(report.errors[0]!.message).toMatch(message);
    expect(report.findings.map((f) => f.code)).toContain('mx-lookup-failed');
  });

  it('reports an unreachable resolver as such', async () => {
    const report = await look('one-mx.test', client(['https://127.0.0.1:9/dns-query'], { timeoutMs: 1_000 }));
    expect(report.mxStatus).toBe('error');
    expect(report.errors[0]).toMatchObject({ code: 'resolver-unreachable' });
    expect(report.errors[0]!.message).toMatch(/Could not reach 127\.0\.0\.1:9/);
  });

  it('retries as POST where GET is refused', async () => {
    const { tag, url } = faultUrl('post-only');
    const report = await look('one-mx.test', client([url]));
    expect(report.exchanges[0]!.state).toBe('resolved');
    const log = await readFaultLog(stack, tag);
    // Only stage 1 (sent at once, before any 405 came back) tries GET; later questions POST only.
    const stageOne = new Set(['one-mx.test MX', 'one-mx.test TXT', '_dmarc.one-mx.test TXT', 'one-mx.test A', 'one-mx.test AAAA']);
    const gets = log.filter((e) => e.method === 'GET');
    expect(gets.length).toBeGreaterThanOrEqual(1);
    expect(gets.every((e) => stageOne.has(`${e.name} ${e.type}`))).toBe(true);
    expect(log.filter((e) => !stageOne.has(`${e.name} ${e.type}`)).length).toBeGreaterThan(0);
    expect(log).toHaveLength(report.stats.requests);
  });

  it('speaks the JSON API and gets the same report as the wire format', async () => {
    const { url } = faultUrl('json', 'resolve');
    const [json, wire] = await Promise.all([look('five-mx.test', client([url], { format: 'json' })), look('five-mx.test', client([stack.dohUrl]))]);
    const shape = (r: Report) => r.exchanges.map((e) => [e.preference, e.host, e.addresses.map((a) => [a.ip, a.ptr.map((p) => p.name), a.fcrdns])]);
    expect(shape(json)).toEqual(shape(wire));
    expect(json.txt).toEqual(wire.txt);
  });

  it('reports REFUSED as an answer, not as a resolver failure', async () => {
    const { url } = faultUrl('rcode/refused');
    const report = await look('one-mx.test', client([url]));
    expect(report.mxStatus).toBe('refused');
    expect(report.resolverEvents).toEqual([]);
  });

  it('stops cleanly when the caller cancels mid-lookup', async () => {
    const { url } = faultUrl('hang');
    const cancel = new AbortController();
    const pending = lookupMail(parseQuery('one-mx.test'), client([url], { timeoutMs: 10_000 }), { signal: cancel.signal });
    setTimeout(() => cancel.abort(), 50);
    const report = await pending;
    expect(report.status).toBe('done');
    expect(report.errors[0]).toMatchObject({ code: 'aborted' });
  });
});
