import { describe, expect, it } from 'vitest';
import { fakeFetch, wireResponse, type FakeCall, type FakeZone } from '../../../test/support/fake-doh';
import { DohClient } from '../doh/doh-client';
import { BUILT_IN_PROVIDERS } from '../doh/providers';
import { extractEntries } from './extract-entries';
import { runBulk } from './run-bulk';
import { RunControl } from './run-control';
import { summarise } from './summarise';
import type { BulkResult } from './types';
// The shells' own options (a test may reach past src/core's rule: it checks the path they use).
import { lookupOptionsFrom } from '../../shared/lookup-options-from';
import { DEFAULT_SETTINGS } from '../../shared/settings';

/** What the bulk page's run asks: routing facts, or with its "with mail setup" switch. */
const bulkLookupOptions = (mailSetup = false) => lookupOptionsFrom({ ...DEFAULT_SETTINGS, diagnostics: mailSetup }, 'bulk');

const cloudflare = BUILT_IN_PROVIDERS[0];
const mx = (name: string, exchange: string, preference = 10) => ({ name, type: 'MX' as const, ttl: 300, data: { preference, exchange } });
const a = (name: string, ip: string) => ({ name, type: 'A' as const, ttl: 300, data: ip });
const zone: FakeZone = {
  'ok.test MX': { answers: [mx('ok.test', 'mx.ok.test')] },
  'mx.ok.test A': { answers: [a('mx.ok.test', '192.0.2.1')] },
  'mx.ok.test AAAA': {},
  'google.test MX': { answers: [mx('google.test', 'aspmx.l.google.com', 1)] },
  'aspmx.l.google.com A': { answers: [a('aspmx.l.google.com', '192.0.2.2')] },
  'aspmx.l.google.com AAAA': {},
  'implicit.test MX': {},
  'implicit.test A': { answers: [a('implicit.test', '192.0.2.3')] },
  'implicit.test AAAA': {},
  'null.test MX': { answers: [mx('null.test', '.', 0)] },
  'empty.test MX': {},
  'empty.test A': {},
  'empty.test AAAA': {},
  'dangling.test MX': { answers: [mx('dangling.test', 'gone.dangling.test')] },
  'broken.test MX': { rcode: 'SERVFAIL' },
};
const list = 'a@ok.test\nb@ok.test\ngoogle.test\nimplicit.test\nnull.test\nempty.test\ndangling.test\nnowhere.test\nbroken.test\n';

function client(behaviours = {}) {
  const { fetch } = fakeFetch(zone, behaviours);
  return new DohClient({ providers: [cloudflare], fetch, timeoutMs: 500 });
}

describe('runBulk', () => {
  it('gives every domain its verdict, with the routing facts', async () => {
    const input = extractEntries(list);
    const results = (await runBulk(input.domains, client(), { lookup: bulkLookupOptions() })) as BulkResult[];
    const byDomain = Object.fromEntries(results.map((r) => [r.domain, r]));
    expect(Object.fromEntries(results.map((r) => [r.domain, r.verdict]))).toEqual({
      'ok.test': 'accepts',
      'google.test': 'accepts',
      'implicit.test': 'implicit',
      'null.test': 'null-mx',
      'empty.test': 'no-mail',
      'dangling.test': 'no-mail',
      'nowhere.test': 'nxdomain',
      'broken.test': 'failed',
    });
    expect(byDomain['ok.test']).toMatchObject({ addresses: 2, primaryMx: 'mx.ok.test', mxCount: 1, verdictText: 'accepts mail' });
    expect(byDomain['google.test']).toMatchObject({ addresses: 0, provider: 'Google Workspace' });
    expect(byDomain['null.test']!.mxCount).toBe(0);
    expect(byDomain['broken.test']!.error).toMatch(/\S/);
    expect(summarise(results)).toMatchObject({
      domains: 8,
      notAccepting: 5,
      counts: { accepts: 2, implicit: 1, 'null-mx': 1, 'no-mail': 2, nxdomain: 1, failed: 1 },
    });
  });

  it('pauses (no new lookup starts), resumes, and reports every domain', async () => {
    const control = new RunControl();
    const input = extractEntries(list);
    const seen: string[] = [];
    const run = runBulk(input.domains, client(), {
      lookup: bulkLookupOptions(),
      control,
      maxLookups: 1,
      onResult: (result) => {
        seen.push(result.domain);
        if (seen.length === 2) control.pause();
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(control.paused).toBe(true);
    expect(seen).toHaveLength(2);
    control.resume();
    const results = await run;
    expect(results.every(Boolean)).toBe(true);
    expect(seen).toHaveLength(input.domains.length);
  });

  it('cancels: lookups in flight are aborted and leave no row, none start after', async () => {
    const control = new RunControl();
    const input = extractEntries(list);
    const calls: string[] = [];
    const slow = async (call: FakeCall) => {
      calls.push(call.name!);
      await new Promise((resolve) => setTimeout(resolve, 30));
      return wireResponse({ name: call.name!, type: call.type! }, zone[`${call.name} ${call.type}`]);
    };
    const { fetch } = fakeFetch(zone, { [new URL(cloudflare.url).host]: slow });
    const run = runBulk(input.domains, new DohClient({ providers: [cloudflare], fetch }), { control, maxLookups: 2, lookup: bulkLookupOptions() });
    await new Promise((resolve) => setTimeout(resolve, 10));
    control.cancel();
    const results = await run;
    expect(results.filter(Boolean)).toHaveLength(0);
    // Only the two lookups in flight asked anything.
    expect(calls.every((name) => name.endsWith('ok.test') || name.endsWith('google.test'))).toBe(true);
  });

  it("gives the same rows when the name's addresses are asked beside MX, at the cost of two requests a domain", async () => {
    const input = extractEntries(list);
    const late = fakeFetch(zone);
    const early = fakeFetch(zone);
    const lateRows = await runBulk(input.domains, new DohClient({ providers: [cloudflare], fetch: late.fetch }), { lookup: bulkLookupOptions() });
    const earlyRows = await runBulk(input.domains, new DohClient({ providers: [cloudflare], fetch: early.fetch }), {
      lookup: { ...bulkLookupOptions(), nameAddresses: 'with-mx' },
    });
    expect(lateRows).toEqual(earlyRows);
    // Each of the 8 named domains' A and AAAA, less the 2 domains whose MX answer was NODATA (asked either way).
    expect(early.calls.length - late.calls.length).toBe(2 * (8 - 2));
  });

  it("asks what lookupOptionsFrom(settings, 'bulk') says: routing facts only (MX; the name's A and AAAA only after NODATA; no TXT, no PTR, even with PTR on in the settings), and the TXT with the mail setup", async () => {
    expect(DEFAULT_SETTINGS.ptr).toBe(true);
    const asked = (calls: FakeCall[]) => [...new Set(calls.filter((c) => c.name === 'ok.test').map((c) => c.type))].sort();
    const routing = fakeFetch(zone);
    await runBulk(extractEntries('a@ok.test').domains, new DohClient({ providers: [cloudflare], fetch: routing.fetch }), { lookup: bulkLookupOptions() });
    expect(asked(routing.calls)).toEqual(['MX']);
    expect(routing.calls.some((c) => c.type === 'PTR' || c.name === '_dmarc.ok.test')).toBe(false);
    const withSetup = fakeFetch(zone);
    await runBulk(extractEntries('a@ok.test').domains, new DohClient({ providers: [cloudflare], fetch: withSetup.fetch }), { lookup: bulkLookupOptions(true) });
    expect(asked(withSetup.calls)).toEqual(['MX', 'TXT']);
    expect(withSetup.calls.some((c) => c.name === '_dmarc.ok.test' && c.type === 'TXT')).toBe(true);
  });
});
