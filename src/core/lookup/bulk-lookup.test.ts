import { describe, expect, it } from 'vitest';
import { fakeFetch, wireResponse, type FakeCall, type FakeZone } from '../../../test/support/fake-doh';
import { DohClient } from '../doh/doh-client';
import { BUILT_IN_PROVIDERS } from '../doh/providers';
import { parseQuery } from '../query';
import { bulkLookup } from './bulk-lookup';

const names = ['a.example', 'b.example', 'c.example', 'd.example', 'e.example', 'f.example', 'g.example'];
const zone: FakeZone = Object.fromEntries(
  names.flatMap((name) => [
    [`${name} MX`, { answers: [{ name, type: 'MX', ttl: 300, data: { preference: 10, exchange: `mx.${name}` } }] }],
    [`mx.${name} A`, { answers: [{ name: `mx.${name}`, type: 'A', ttl: 300, data: '192.0.2.1' }] }],
  ]),
);
const queries = names.map((name) => parseQuery(name));
const cloudflare = BUILT_IN_PROVIDERS[0];

/** A fake resolver that answers after a tick and records how many MX questions it holds at once. */
function slowResolver() {
  let mxNow = 0;
  const seen = { mxPeak: 0 };
  const { fetch, calls } = fakeFetch(zone, {
    [new URL(cloudflare.url).host]: async (call: FakeCall) => {
      const isMx = call.type === 'MX';
      if (isMx) seen.mxPeak = Math.max(seen.mxPeak, ++mxNow);
      await new Promise((resolve) => setTimeout(resolve, 2));
      if (isMx) mxNow--;
      return wireResponse({ name: call.name!, type: call.type! }, zone[`${call.name} ${call.type}`]);
    },
  });
  return { fetch, calls, seen };
}

describe('bulkLookup', () => {
  it('returns one finished report per query, in the order asked', async () => {
    const { fetch } = fakeFetch(zone);
    const reports = await bulkLookup(queries, new DohClient({ providers: [cloudflare], fetch }), { maxLookups: 3 });
    expect(reports.map((r) => r?.query.name)).toEqual(names);
    expect(reports.every((r) => r?.status === 'done')).toBe(true);
    expect(reports.map((r) => r?.exchanges[0]?.host)).toEqual(names.map((name) => `mx.${name}`));
  });

  it('keeps at most maxLookups lookups in flight', async () => {
    const { fetch, seen } = slowResolver();
    await bulkLookup(queries, new DohClient({ providers: [cloudflare], fetch }), { maxLookups: 3 });
    // Every lookup asks MX first, at once; a fourth MX in flight would mean a fourth lookup.
    expect(seen.mxPeak).toBe(3);
  });

  it('streams each report as it finishes, with its index', async () => {
    const { fetch } = slowResolver();
    const seen: [string, number][] = [];
    await bulkLookup(queries, new DohClient({ providers: [cloudflare], fetch }), {
      maxLookups: 2,
      onReport: (report, index) => seen.push([report.query.name, index]),
    });
    expect(seen.map(([, index]) => index).sort()).toEqual(names.map((_, index) => index));
    expect(seen.every(([name, index]) => names[index] === name)).toBe(true);
  });

  it('starts no new lookup once cancelled, and leaves those entries undefined', async () => {
    const { fetch, calls } = slowResolver();
    const cancel = new AbortController();
    const reports = await bulkLookup(queries, new DohClient({ providers: [cloudflare], fetch }), {
      maxLookups: 1,
      signal: cancel.signal,
      onReport: () => cancel.abort(),
    });
    expect(reports[0]?.status).toBe('done');
    expect(reports.slice(1)).toEqual(names.slice(1).map(() => undefined));
    expect(calls.some((call) => call.name === 'b.example')).toBe(false);
  });

  it('goes on when a listener throws', async () => {
    const { fetch } = fakeFetch(zone);
    const reports = await bulkLookup(queries, new DohClient({ providers: [cloudflare], fetch }), {
      onReport: () => {
        throw new Error('listener bug');
      },
    });
    expect(reports.filter((r) => r?.status === 'done')).toHaveLength(names.length);
  });

  it('refuses a cap below one', async () => {
    const { fetch } = fakeFetch(zone);
    await expect(bulkLookup(queries, new DohClient({ providers: [cloudflare], fetch }), { maxLookups: 0 })).rejects.toThrow(RangeError);
  });
});
