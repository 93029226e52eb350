/**
 * A lookup says on screen what it is waiting for (issue 12, section 4), under a fake clock: the
 * snapshot after the hedge names the slow resolver and the one asked too; with every resolver
 * hanging the report is done by the deadline and names each one tried.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, hang, type FakeZone } from '../../../test/support/fake-doh';
import { DohClient } from '../doh/doh-client';
import { BUILT_IN_PROVIDERS, providerChain } from '../doh/providers';
import { parseQuery } from '../query/parse-query';
import type { Report } from '../report';
import { lookupMail } from './lookup-mail';
import { slowSentence } from './lookup-notices';

const zone: FakeZone = {
  'example.com MX': { answers: [{ name: 'example.com', type: 'MX', ttl: 300, data: { preference: 10, exchange: 'mx.example.com' } }] },
  'mx.example.com A': { answers: [{ name: 'mx.example.com', type: 'A', ttl: 60, data: '192.0.2.1' }] },
};
const chain = providerChain(BUILT_IN_PROVIDERS[0], true);

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('lookup notices', () => {
  it('says "Cloudflare is slow to answer; also asking Google" in a snapshot as the hedge goes out', async () => {
    const { fetch } = fakeFetch(zone, { 'cloudflare-dns.com': hang });
    const client = new DohClient({ providers: chain, fetch, timeoutMs: 4_000 });
    const snapshots: Report[] = [];
    const done = lookupMail(parseQuery('example.com'), client, { onUpdate: (r) => snapshots.push(r) });
    await vi.advanceTimersByTimeAsync(999);
    expect(snapshots.every((s) => !s.notices)).toBe(true);
    // The hedge and its answer land in the same fake millisecond: the notice is in the first
    // snapshot that goes out after it, whether or not the answer has come.
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(50);
    const report = await done;
    expect(snapshots.find((s) => s.notices)?.notices).toEqual([
      { code: 'resolver-slow', message: 'Cloudflare is slow to answer; also asking Google.', atMs: 1_000 },
    ]);
    expect(report.exchanges[0]?.addresses[0]?.ip).toBe('192.0.2.1');
    expect(report.resolverEvents).toContainEqual(
      expect.objectContaining({ resolver: 'Cloudflare', next: 'Google', error: expect.objectContaining({ code: 'resolver-slow' }) }),
    );
    expect(report.findings.find((f) => f.code === 'resolver-fallback')?.message).toMatch(
      /^Cloudflare was slow to answer \(nothing after 1000 ms\), so MXray asked Google too\. Google answered instead\.$/,
    );
  });

  it('with every resolver hanging, a snapshot names who is being asked, and the report is done by the deadline', async () => {
    const { fetch } = fakeFetch(zone, Object.fromEntries(chain.map((p) => [new URL(p.url).host, hang])));
    const client = new DohClient({ providers: chain, fetch, timeoutMs: 4_000 });
    const snapshots: Report[] = [];
    let doneAt = 0;
    const done = lookupMail(parseQuery('example.com'), client, { onUpdate: (r) => snapshots.push(r) }).then((r) => {
      doneAt = Date.now() - 1_000_000;
      return r;
    });
    await vi.advanceTimersByTimeAsync(1_100);
    expect(snapshots.at(-1)?.status).toBe('running');
    expect(snapshots.at(-1)?.notices?.map((n) => n.message)).toEqual(['Cloudflare is slow to answer; also asking Google.']);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(snapshots.at(-1)?.notices?.at(-1)?.message).toBe('Cloudflare, Google and Quad9 are slow to answer; also asking AdGuard.');
    await vi.advanceTimersByTimeAsync(3_000);
    const report = await done;
    expect(doneAt).toBeLessThanOrEqual(6_000);
    expect(report.mxStatus).toBe('error');
    expect(report.errors[0]?.message).toMatch(/^No resolver answered: Cloudflare \(.+\), Google \(.+\), Quad9 \(.+\), AdGuard \(.+\)\.$/);
  });

  it('words several slow resolvers as a list', () => {
    expect(slowSentence({ code: 'resolver-slow', slow: ['Cloudflare', 'Google'], next: 'Quad9', afterMs: 2_000 })).toBe(
      'Cloudflare and Google are slow to answer; also asking Quad9.',
    );
  });
});
