/**
 * Hedged questions, the per-question deadline, health that outlives the client, and cancelling
 * for real (issue 12). A fake clock drives every wait: no test depends on how fast it runs.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, hang, type Behaviour, type FakeCall, type FakeZone } from '../../../test/support/fake-doh';
import { AllResolversFailed, LookupAborted } from '../errors';
import { DohClient } from './doh-client';
import type { ResolverNotice } from './hedged-ask';
import { BUILT_IN_PROVIDERS, providerChain } from './providers';
import { MemoryHealthStore, ResolverHealth } from './resolver-health';

const zone: FakeZone = {
  'example.com MX': { answers: [{ name: 'example.com', type: 'MX', ttl: 300, data: { preference: 10, exchange: 'mx.example.com' } }] },
  'mx.example.com A': { answers: [{ name: 'mx.example.com', type: 'A', ttl: 60, data: '192.0.2.1' }] },
};
const chain = providerChain(BUILT_IN_PROVIDERS[0], true);
const hosts = chain.map((p) => new URL(p.url).host);
const everyoneHangs = Object.fromEntries(hosts.map((host) => [host, hang]));

/** Answers normally (from the zone) after `ms` of fake time, or rejects on abort like fetch. */
const after =
  (ms: number): Behaviour =>
  (_call: FakeCall, init: RequestInit) =>
    new Promise<undefined>((resolve, reject) => {
      const timer = setTimeout(() => resolve(undefined), ms);
      init.signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          reject(new DOMException('aborted', 'AbortError'));
        },
        { once: true },
      );
    }) as unknown as Promise<Response>;

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('hedged questions', () => {
  it('asks the next resolver when the first is silent past its hedge delay, and says so', async () => {
    const { fetch, calls } = fakeFetch(zone, { 'cloudflare-dns.com': hang });
    const client = new DohClient({ providers: chain, fetch, timeoutMs: 4_000 });
    const notices: ResolverNotice[] = [];
    const pending = client.query({ name: 'example.com', type: 'MX' }, { onNotice: (n) => notices.push(n) });
    await vi.advanceTimersByTimeAsync(999);
    expect(calls.map((c) => c.host)).toEqual(['cloudflare-dns.com']);
    await vi.advanceTimersByTimeAsync(1);
    const answer = await pending;
    expect(answer.resolver).toBe('google');
    expect(answer.hedged).toBe(true);
    expect(answer.failures).toEqual([expect.objectContaining({ code: 'resolver-slow', resolver: 'Cloudflare' })]);
    expect(answer.requests).toBe(2);
    expect(notices).toEqual([{ code: 'resolver-slow', slow: ['Cloudflare'], next: 'Google', afterMs: 1_000 }]);
  });

  it("derives the delay from the resolver's round trips: 3 x median, within 250 ms..1 s", () => {
    const health = new ResolverHealth();
    expect(health.hedgeDelayMs('u')).toBe(1_000);
    for (const rtt of [40, 50, 60]) health.answered('u', rtt);
    expect(health.hedgeDelayMs('u')).toBe(250);
    for (const rtt of [200, 210, 220, 230]) health.answered('u', rtt);
    expect(health.hedgeDelayMs('u')).toBe(600); // median of 40,50,60,200,210,220,230
    for (const rtt of [900, 900, 900, 900, 900]) health.answered('u', rtt);
    expect(health.hedgeDelayMs('u')).toBe(1_000);
  });

  it('keeps the first answer when it comes after the hedge went out, and aborts the hedge', async () => {
    const { fetch, calls } = fakeFetch(zone, { 'cloudflare-dns.com': after(1_200), 'dns.google': hang });
    const client = new DohClient({ providers: chain, fetch, timeoutMs: 4_000 });
    const pending = client.query({ name: 'example.com', type: 'MX' });
    await vi.advanceTimersByTimeAsync(1_200);
    const answer = await pending;
    expect(answer.resolver).toBe('cloudflare');
    expect(answer.hedged).toBeUndefined();
    expect(calls.map((c) => c.host)).toEqual(['cloudflare-dns.com', 'dns.google']);
    expect(client.limiter).toMatchObject({ peak: 2 });
  });

  it('never hedges to a demoted resolver while a healthy one is being waited on', async () => {
    const { fetch, calls } = fakeFetch(zone, { 'cloudflare-dns.com': hang, 'dns.google': after(1_500) });
    const health = new ResolverHealth();
    health.failed('https://dns.quad9.net/dns-query', { code: 'resolver-timeout', message: 'Quad9 timed out' });
    health.failed('https://dns.adguard-dns.com/dns-query', { code: 'resolver-timeout', message: 'AdGuard timed out' });
    const client = new DohClient({ providers: chain, fetch, timeoutMs: 4_000, health });
    const pending = client.query({ name: 'example.com', type: 'MX' });
    await vi.advanceTimersByTimeAsync(2_500);
    expect((await pending).resolver).toBe('google');
    // Cloudflare, then Google as a hedge at 1 s; Quad9 (demoted) not at 2 s.
    expect(calls.map((c) => c.host)).toEqual(['cloudflare-dns.com', 'dns.google']);
  });

  it('never hedges with fallback off', async () => {
    const { fetch, calls } = fakeFetch(zone, { 'cloudflare-dns.com': hang });
    const client = new DohClient({ providers: providerChain(BUILT_IN_PROVIDERS[0], false), fetch, timeoutMs: 4_000 });
    const pending = client.query({ name: 'example.com', type: 'MX' }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(await pending).toBeInstanceOf(AllResolversFailed);
    expect(calls.map((c) => c.host)).toEqual(['cloudflare-dns.com']);
  });

  it('with every resolver hanging, fails by the deadline naming each resolver tried', async () => {
    const { fetch, calls } = fakeFetch(zone, everyoneHangs);
    const client = new DohClient({ providers: chain, fetch, timeoutMs: 4_000 });
    let settledAt = 0;
    const pending = client.query({ name: 'example.com', type: 'MX' }).catch((e: unknown) => {
      settledAt = Date.now();
      return e;
    });
    await vi.advanceTimersByTimeAsync(6_000);
    const error = (await pending) as AllResolversFailed;
    expect(error).toBeInstanceOf(AllResolversFailed);
    expect(settledAt - 1_000_000).toBe(5_000);
    expect(error.failures.map((f) => f.resolver)).toEqual(['Cloudflare', 'Google', 'Quad9', 'AdGuard']);
    expect(error.message).toMatch(
      /^No resolver answered: Cloudflare \(no answer within 4000 ms\), Google \(no answer within 4000 ms\), Quad9 \(no answer within 3000 ms\), AdGuard \(no answer within 2000 ms\)\.$/,
    );
    expect(calls).toHaveLength(4);
  });
});

describe('health that outlives the client and the worker', () => {
  it('remembers a demotion through a store, so a new client (a restarted worker) asks the failed resolver last', async () => {
    const store = new MemoryHealthStore();
    const first = fakeFetch(zone, { 'cloudflare-dns.com': hang });
    const before = new DohClient({ providers: chain, fetch: first.fetch, timeoutMs: 300, health: new ResolverHealth({ store }) });
    const pending = before.query({ name: 'example.com', type: 'MX' });
    await vi.advanceTimersByTimeAsync(300);
    await pending;
    await vi.advanceTimersByTimeAsync(0);
    expect(store.saved?.demoted['https://cloudflare-dns.com/dns-query']).toMatchObject({ error: { code: 'resolver-timeout' } });

    // The worker is stopped: everything in memory is gone but the store.
    const second = fakeFetch(zone);
    const after = new DohClient({ providers: chain, fetch: second.fetch, timeoutMs: 300, health: new ResolverHealth({ store }) });
    const answer = await after.query({ name: 'mx.example.com', type: 'A' });
    expect(answer.resolver).toBe('google');
    expect(answer.failures).toEqual([expect.objectContaining({ code: 'resolver-skipped', resolver: 'Cloudflare' })]);
    expect(second.calls.map((c) => c.host)).toEqual(['dns.google']);
  });

  it('probes a demoted resolver off the critical path later, and brings it back when it answers', async () => {
    let cloudflareDown = true;
    const { fetch, calls } = fakeFetch(zone, { 'cloudflare-dns.com': (call, init) => (cloudflareDown ? hang(call, init) : undefined) });
    const health = new ResolverHealth({ probeEveryMs: 30_000 });
    const client = new DohClient({ providers: chain, fetch, timeoutMs: 300, health });
    const first = client.query({ name: 'example.com', type: 'MX' });
    await vi.advanceTimersByTimeAsync(300);
    await first;
    expect(health.demotion('https://cloudflare-dns.com/dns-query')).toBeDefined();

    cloudflareDown = false;
    await vi.advanceTimersByTimeAsync(30_000);
    calls.length = 0;
    const answer = await client.query({ name: 'mx.example.com', type: 'A' });
    // Google (now first) answers the user; Cloudflare gets a copy of the question on the side.
    expect(answer.resolver).toBe('google');
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.host).sort()).toEqual(['cloudflare-dns.com', 'dns.google']);
    expect(health.demotion('https://cloudflare-dns.com/dns-query')).toBeUndefined();
    expect(client.stats.probes).toBe(1);
  });
});

describe('cancel for real', () => {
  it('aborts the requests of a question when its only caller cancels', async () => {
    const aborted: string[] = [];
    const { fetch } = fakeFetch(zone, {
      'cloudflare-dns.com': (call, init) => {
        init.signal?.addEventListener('abort', () => aborted.push(call.host));
        return hang(call, init);
      },
    });
    const client = new DohClient({ providers: chain, fetch, timeoutMs: 10_000 });
    const cancel = new AbortController();
    const pending = client.query({ name: 'example.com', type: 'MX' }, { signal: cancel.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10);
    cancel.abort();
    expect(await pending).toBeInstanceOf(LookupAborted);
    expect(aborted).toEqual(['cloudflare-dns.com']);
  });

  it('keeps a shared question going while another caller still waits for it', async () => {
    const { fetch, calls } = fakeFetch(zone, { 'cloudflare-dns.com': after(100) });
    const client = new DohClient({ providers: chain, fetch });
    const cancel = new AbortController();
    const leaving = client.query({ name: 'example.com', type: 'MX' }, { signal: cancel.signal }).catch((e: unknown) => e);
    const staying = client.query({ name: 'example.com', type: 'MX' });
    cancel.abort();
    expect(await leaving).toBeInstanceOf(LookupAborted);
    await vi.advanceTimersByTimeAsync(100);
    expect((await staying).resolver).toBe('cloudflare');
    expect(calls).toHaveLength(1);
  });

  it('drops queued requests that were cancelled before they were sent', async () => {
    const { fetch, calls } = fakeFetch(zone, { 'cloudflare-dns.com': hang });
    const client = new DohClient({ providers: chain, fetch, maxInFlight: 1, timeoutMs: 10_000 });
    const cancel = new AbortController();
    const questions = ['a', 'b', 'c'].map((label) =>
      client.query({ name: `${label}.example.com`, type: 'A' }, { signal: cancel.signal }).catch((e: unknown) => e),
    );
    await vi.advanceTimersByTimeAsync(10);
    cancel.abort();
    for (const result of await Promise.all(questions)) expect(result).toBeInstanceOf(LookupAborted);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(1);
  });
});
