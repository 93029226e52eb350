/**
 * Slow, broken and cancelled, against the real stack (issue 12): hedged questions, cancel for
 * real, health kept through a store. The fault server's log is the witness: it records each
 * request as finished (an HTTP status) or aborted by the client.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DohClient } from '../../src/core/doh/doh-client';
import { customProvider } from '../../src/core/doh/providers';
import { MemoryHealthStore, ResolverHealth } from '../../src/core/doh/resolver-health';
import { bulkLookup } from '../../src/core/lookup/bulk-lookup';
import { lookupMail } from '../../src/core/lookup/lookup-mail';
import { parseQuery } from '../../src/core/query';
import type { FaultLogEntry } from '../stack/fault-log';
import { readFaultLog } from '../stack/fault-log-client';
import '../stack/stack-info';
import { createTrustedFetch } from '../stack/trusted-fetch';

const stack = inject('stack');
const trusted = createTrustedFetch(stack.caPem);
afterAll(() => trusted.close());

let tagCounter = 0;
const faultUrl = (modes: string) => {
  const tag = `resilience-${process.pid}-${++tagCounter}`;
  return { tag, url: `${stack.faultUrl}/tag/${tag}/${modes}/dns-query` };
};

const client = (urls: string[], extra: Partial<ConstructorParameters<typeof DohClient>[0]> = {}) =>
  new DohClient({ providers: urls.map((u) => customProvider(u)), fetch: trusted.fetch, timeoutMs: 4_000, ...extra });

/** Polls the log until `done` holds (the server sees a client's abort a moment after it). */
async function logUntil(tag: string, done: (log: FaultLogEntry[]) => boolean): Promise<FaultLogEntry[]> {
  for (let i = 0; i < 200; i++) {
    const log = await readFaultLog(stack, tag);
    if (done(log)) return log;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`fault log for ${tag} never settled`);
}
const settled = (log: FaultLogEntry[]) => log.length > 0 && log.every((e) => e.endMs !== null);

describe('cancel for real', () => {
  it('aborting a lookup aborts its HTTP requests: the resolver sees every one of them cancelled', async () => {
    const { tag, url } = faultUrl('hang');
    const cancel = new AbortController();
    const done = lookupMail(parseQuery('five-mx.test'), client([url], { timeoutMs: 30_000 }), { signal: cancel.signal });
    await logUntil(tag, (log) => log.length === 5);
    cancel.abort();
    await done;
    const log = await logUntil(tag, settled);
    const aborted = log.filter((e) => e.aborted).length;
    const finished = log.filter((e) => e.httpStatus !== null).length;
    console.log(`cancelled lookup: ${log.length} requests, ${aborted} aborted, ${finished} finished`);
    expect(log).toHaveLength(5);
    expect(aborted).toBe(5);
    expect(finished).toBe(0);
  });

  it('cancelling a bulk run aborts what is in flight and sends nothing more', async () => {
    const { tag, url } = faultUrl('hang');
    const cancel = new AbortController();
    const queries = Array.from({ length: 40 }, (_, i) => parseQuery(`bulk-${String(i + 1).padStart(3, '0')}.test`));
    const run = bulkLookup(queries, client([url], { timeoutMs: 30_000 }), { signal: cancel.signal, maxLookups: 4 });
    await logUntil(tag, (log) => log.length >= 20);
    cancel.abort();
    await run;
    const log = await logUntil(tag, settled);
    console.log(`cancelled bulk run: ${log.length} requests, ${log.filter((e) => e.aborted).length} aborted`);
    expect(log).toHaveLength(20); // 4 lookups x 5 first questions, then nothing
    expect(log.every((e) => e.aborted)).toBe(true);
  });
});

describe('hedged questions against the real stack', () => {
  it('with the first resolver hanging, the mail servers come from the second, and the hung requests are aborted', async () => {
    const { tag, url } = faultUrl('hang');
    const report = await lookupMail(parseQuery('five-mx.test'), client([url, stack.dohUrl]));
    expect(report.exchanges).toHaveLength(5);
    expect(report.resolverEvents).toContainEqual(expect.objectContaining({ error: expect.objectContaining({ code: 'resolver-slow' }) }));
    expect(report.findings.map((f) => f.message).join('\n')).toMatch(/was slow to answer \(nothing after \d+ ms\), so MXray asked 127\.0\.0\.1:\d+ too/);
    const log = await logUntil(tag, settled);
    // Only the first burst went to the hung resolver: it was demoted at once.
    expect(log).toHaveLength(5);
    expect(log.every((e) => e.aborted)).toBe(true);
  });

  it('with the first resolver resetting connections, falls back at once', async () => {
    const { url } = faultUrl('reset');
    const report = await lookupMail(parseQuery('one-mx.test'), client([url, stack.dohUrl]));
    expect(report.exchanges[0]?.addresses.length).toBe(2);
    expect(report.resolverEvents[0]?.error.code).toBe('resolver-unreachable');
  });

  it('a new client (a restarted worker) remembers the demotion through the store', async () => {
    const store = new MemoryHealthStore();
    const { tag, url } = faultUrl('hang');
    await lookupMail(parseQuery('one-mx.test'), client([url, stack.dohUrl], { health: new ResolverHealth({ store }) }));
    const before = (await logUntil(tag, settled)).length;
    const report = await lookupMail(parseQuery('five-mx.test'), client([url, stack.dohUrl], { health: new ResolverHealth({ store }) }));
    expect(report.exchanges).toHaveLength(5);
    expect(report.resolverEvents.some((e) => e.error.code === 'resolver-skipped')).toBe(true);
    expect(await readFaultLog(stack, tag)).toHaveLength(before);
  });
});
