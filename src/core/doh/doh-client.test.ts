import { describe, expect, it } from 'vitest';
import { fakeFetch, hang, wireResponse, type FakeZone } from '../../../test/support/fake-doh';
import { AllResolversFailed, LookupAborted } from '../errors';
import { AnswerCache } from './answer-cache';
import { DohClient } from './doh-client';
import { BUILT_IN_PROVIDERS, customProvider, providerChain, resolveProvider } from './providers';

const zone: FakeZone = {
  'example.com MX': { answers: [{ name: 'example.com', type: 'MX', ttl: 300, data: { preference: 10, exchange: 'mx.example.com' } }] },
  'mx.example.com A': { answers: [{ name: 'mx.example.com', type: 'A', ttl: 60, data: '192.0.2.1' }] },
  'empty.example MX': { rcode: 'NOERROR' },
};

const chain = providerChain(BUILT_IN_PROVIDERS[0], true);
const clock = () => {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
};

describe('DohClient', () => {
  it('sends RFC 8484 GET with ID 0 and base64url without padding', async () => {
    const { fetch, calls } = fakeFetch(zone);
    const client = new DohClient({ providers: chain, fetch });
    const answer = await client.query({ name: 'Example.COM.', type: 'MX' });
    expect(answer.rcode).toBe('NOERROR');
    expect(answer.answers).toEqual([{ name: 'example.com', type: 'MX', ttl: 300, data: { preference: 10, exchange: 'mx.example.com' } }]);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.method).toBe('GET');
    expect(calls[0]!.url).toMatch(/^https:\/\/cloudflare-dns\.com\/dns-query\?dns=[A-Za-z0-9_-]+$/);
    expect(answer.requests).toBe(1);
  });

  it('answers a repeated question from the cache within its TTL, and asks again after it', async () => {
    const { fetch, calls } = fakeFetch(zone);
    const time = clock();
    const client = new DohClient({ providers: chain, fetch, now: time.now });
    await client.query({ name: 'mx.example.com', type: 'A' });
    time.advance(59_000);
    const cached = await client.query({ name: 'mx.example.com', type: 'A' });
    expect(cached.fromCache).toBe(true);
    expect(cached.requests).toBe(0);
    expect(cached.answers[0]!.ttl).toBe(1); // TTL counted down like a resolver does
    expect(calls).toHaveLength(1);
    time.advance(1_000);
    await client.query({ name: 'mx.example.com', type: 'A' });
    expect(calls).toHaveLength(2);
  });

  it('caches NODATA and NXDOMAIN for the SOA minimum (RFC 2308 §5)', async () => {
    const { fetch, calls } = fakeFetch(zone);
    const time = clock();
    const client = new DohClient({ providers: chain, fetch, now: time.now });
    await client.query({ name: 'empty.example', type: 'MX' });
    await client.query({ name: 'nowhere.example', type: 'MX' });
    time.advance(59_000);
    await client.query({ name: 'empty.example', type: 'MX' });
    await client.query({ name: 'nowhere.example', type: 'MX' });
    expect(calls).toHaveLength(2);
    time.advance(1_000);
    await client.query({ name: 'nowhere.example', type: 'MX' });
    expect(calls).toHaveLength(3);
  });

  it('never caches SERVFAIL', async () => {
    const { fetch, calls } = fakeFetch({ 'broken.example MX': { rcode: 'SERVFAIL', authorities: [] } });
    const client = new DohClient({ providers: chain, fetch });
    expect((await client.query({ name: 'broken.example', type: 'MX' })).rcode).toBe('SERVFAIL');
    await client.query({ name: 'broken.example', type: 'MX' });
    expect(calls).toHaveLength(2);
  });

  it('shares one request between identical questions in flight', async () => {
    const { fetch, calls } = fakeFetch(zone);
    const client = new DohClient({ providers: chain, fetch });
    const answers = await Promise.all([1, 2, 3].map(() => client.query({ name: 'example.com', type: 'MX' })));
    expect(calls).toHaveLength(1);
    expect(answers.map((a) => a.rcode)).toEqual(['NOERROR', 'NOERROR', 'NOERROR']);
  });

  it('falls back to the next resolver on a timeout and says so', async () => {
    const { fetch, calls } = fakeFetch(zone, { 'cloudflare-dns.com': hang });
    const client = new DohClient({ providers: chain, fetch, timeoutMs: 100 });
    const answer = await client.query({ name: 'example.com', type: 'MX' });
    expect(answer.resolver).toBe('google');
    expect(answer.failures).toEqual([expect.objectContaining({ code: 'resolver-timeout', resolver: 'Cloudflare' })]);
    expect(answer.requests).toBe(2);
    expect(calls.map((c) => c.host)).toEqual(['cloudflare-dns.com', 'dns.google']);
  });

  it('asks a resolver that just failed last, and notes the skip', async () => {
    const { fetch, calls } = fakeFetch(zone, { 'cloudflare-dns.com': hang });
    const client = new DohClient({ providers: chain, fetch, timeoutMs: 100 });
    await client.query({ name: 'example.com', type: 'MX' });
    const second = await client.query({ name: 'mx.example.com', type: 'A' });
    expect(second.resolver).toBe('google');
    expect(second.failures).toEqual([expect.objectContaining({ code: 'resolver-skipped', resolver: 'Cloudflare' })]);
    expect(calls.map((c) => c.host)).toEqual(['cloudflare-dns.com', 'dns.google', 'dns.google']);
  });

  it.each([
    ['HTTP 500', () => new Response('oops', { status: 500 }), 'resolver-http-error'],
    ['HTTP 429', () => new Response('slow down', { status: 429, headers: { 'retry-after': '1' } }), 'resolver-http-error'],
    ['a network error', () => Promise.reject(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })), 'resolver-unreachable'],
    ['garbage bytes', () => new Response(new Uint8Array([1, 2, 3]), { headers: { 'content-type': 'application/dns-message' } }), 'bad-answer'],
    ['an empty body', () => new Response(new Uint8Array(), { headers: { 'content-type': 'application/dns-message' } }), 'bad-answer'],
    ['an HTML page', () => new Response('<html>', { headers: { 'content-type': 'text/html' } }), 'bad-answer'],
    ['a mismatched ID', () => wireResponse({ name: 'example.com', type: 'MX', id: 4242 }, zone['example.com MX']), 'bad-answer'],
    ['an answer to another question', () => wireResponse({ name: 'evil.example', type: 'MX' }, zone['example.com MX']), 'bad-answer'],
  ])('falls back on %s', async (_label, behaviour, code) => {
    const { fetch } = fakeFetch(zone, { 'cloudflare-dns.com': behaviour as () => Response });
    const client = new DohClient({ providers: chain, fetch });
    const answer = await client.query({ name: 'example.com', type: 'MX' });
    expect(answer.resolver).toBe('google');
    expect(answer.failures[0]).toMatchObject({ code, resolver: 'Cloudflare' });
    expect(answer.failures[0]!.message.length).toBeGreaterThan(20);
  });

  it('retries as POST where the resolver refuses GET (HTTP 405), and remembers it', async () => {
    const { fetch, calls } = fakeFetch(zone, {
      'cloudflare-dns.com': (call) => (call.method === 'GET' ? new Response('', { status: 405 }) : undefined),
    });
    const client = new DohClient({ providers: chain, fetch });
    const answer = await client.query({ name: 'example.com', type: 'MX' });
    expect(answer.resolver).toBe('cloudflare');
    expect(answer.requests).toBe(2);
    await client.query({ name: 'mx.example.com', type: 'A' });
    expect(calls.map((c) => c.method)).toEqual(['GET', 'POST', 'POST']);
  });

  it('throws AllResolversFailed with every failure when no resolver answers', async () => {
    const refused = () => Promise.reject(new TypeError('fetch failed'));
    const { fetch } = fakeFetch(zone, Object.fromEntries(chain.map((p) => [new URL(p.url).host, refused])));
    const client = new DohClient({ providers: chain, fetch });
    const error = await client.query({ name: 'example.com', type: 'MX' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AllResolversFailed);
    expect((error as AllResolversFailed).failures.map((f) => f.resolver)).toEqual(['Cloudflare', 'Google', 'Quad9', 'AdGuard']);
    expect((error as AllResolversFailed).requests).toBe(4);
  });

  it('with fallback off, a rate-limited resolver is retried once after Retry-After', async () => {
    let first = true;
    const { fetch, calls } = fakeFetch(zone, {
      'cloudflare-dns.com': () => {
        if (!first) return undefined;
        first = false;
        return new Response('', { status: 429, headers: { 'retry-after': '0' } });
      },
    });
    const client = new DohClient({ providers: providerChain(BUILT_IN_PROVIDERS[0], false), fetch });
    const answer = await client.query({ name: 'example.com', type: 'MX' });
    expect(answer.rcode).toBe('NOERROR');
    expect(calls).toHaveLength(2);
  });

  it('stops at once when the caller cancels, without falling back', async () => {
    const { fetch, calls } = fakeFetch(zone, { 'cloudflare-dns.com': hang });
    const client = new DohClient({ providers: chain, fetch, timeoutMs: 10_000 });
    const cancel = new AbortController();
    const pending = client.query({ name: 'example.com', type: 'MX' }, { signal: cancel.signal });
    setTimeout(() => cancel.abort(), 20);
    await expect(pending).rejects.toBeInstanceOf(LookupAborted);
    expect(calls).toHaveLength(1);
  });

  it('keeps the cache bounded', async () => {
    const cache = new AnswerCache(10);
    const { fetch } = fakeFetch({});
    const client = new DohClient({ providers: chain, fetch, cache });
    for (let i = 0; i < 30; i++) await client.query({ name: `n${i}.example`, type: 'MX' });
    expect(cache.size).toBe(10);
  });
});

describe('providers', () => {
  it('rejects a non-https custom resolver with a sentence', () => {
    expect(() => customProvider('http://dns.example/dns-query')).toThrow(/https/);
    expect(() => customProvider('not a url')).toThrow(/not a URL/);
  });
  it('takes a /resolve URL as the JSON API', () => {
    expect(customProvider('https://dns.example/resolve').format).toBe('json');
    expect(resolveProvider('google', 'json').url).toBe('https://dns.google/resolve');
  });
  it('never lists a resolver twice in the fallback chain', () => {
    const ids = providerChain(resolveProvider('quad9'), true).map((p) => p.id);
    expect(ids).toEqual(['quad9', 'cloudflare', 'google', 'adguard']);
  });
});
