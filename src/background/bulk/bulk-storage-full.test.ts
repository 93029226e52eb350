// A bulk run when storage is full: the worker's real runner and store over fake-indexeddb with a
// quota (src/platform/testing/quota-limited-idb.ts). The resolver is unreachable (fetch fails), so
// each domain finishes as an error row: rows to save, without a DNS stack. The questions about the
// first ten domains fail at once and the rest wait for the test, so rows still arrive after the run paused.
import 'fake-indexeddb/auto';
import * as dnsPacket from '@leichtgewicht/dns-packet';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isStorageFull } from '../../platform/storage-full';
import { limitIndexedDbQuota, type QuotaLimit } from '../../platform/testing/quota-limited-idb';
import type { BulkEvent, BulkProgressView } from '../../shared/bulk-messages';
import { bulkCommand, onBulkEvent } from './bulk-runner';
import { loadJob } from './bulk-store';

vi.mock('../../platform/extension-api', async () => ({ extensionApi: (await import('../../platform/testing/fake-extension-api')).sharedFakeBrowser().api }));

// Twenty: the ten held back ask 30 questions, under the client's 64 in flight, so the first ten's fallback questions are not queued behind them.
const DOMAINS = Array.from({ length: 20 }, (_, i) => `d${i}.example`);
let quota: QuotaLimit;
let openGate = () => {};
const gate = new Promise<void>((resolve) => (openGate = resolve));
/** The domain number a DoH GET asks about (`d7.example` → 7), read from its RFC 8484 `dns` parameter. */
function askedDomain(url: string): number {
  const wire = Buffer.from(new URL(url).searchParams.get('dns') ?? '', 'base64url');
  const name = dnsPacket.decode(new Uint8Array(wire)).questions?.[0]?.name ?? '';
  return Number(/(?:^|\.)d(\d+)\.example$/.exec(name)?.[1] ?? -1);
}

beforeAll(() => {
  vi.stubGlobal('fetch', async (input: string | URL | Request) => {
    if (askedDomain(String(input instanceof Request ? input.url : input)) >= 10) await gate;
    throw new TypeError('Failed to fetch');
  });
  quota = limitIndexedDbQuota(Number.POSITIVE_INFINITY);
});

afterAll(() => {
  quota.release();
  vi.unstubAllGlobals();
});

/** Resolves with the first progress (from now on) that `ok` accepts: counted events, no clock. */
function progressWhere(ok: (progress: BulkProgressView) => boolean): Promise<BulkProgressView> {
  return new Promise((resolve) => {
    const stop = onBulkEvent((event) => {
      if (event.type === 'rows' && ok(event.progress)) {
        stop();
        resolve(event.progress);
      }
    });
  });
}

const attach = () =>
  new Promise<Extract<BulkEvent, { type: 'job' }>>((resolve) => void bulkCommand({ type: 'attach' }, (event) => event.type === 'job' && resolve(event)));

describe('a bulk run when storage is full', () => {
  it('does not start when even the job cannot be saved, and says so', async () => {
    quota.setLimit(0);
    const failure = await bulkCommand({ type: 'start', lines: DOMAINS.map((d) => ({ line: 1, text: d })), mailSetup: false }, () => undefined).catch(
      (e: unknown) => e,
    );
    expect(isStorageFull(failure)).toBe(true);
    expect((failure as Error).message).toBe('Storage is full: the run did not start. Free some disk space, then start it again.');
    expect((await attach()).job).toBeUndefined();
  });

  it('pauses itself, keeps every finished row (saved or in memory) for the exports, tries nothing more until resumed, then saves them all', async () => {
    quota.setLimit(Number.POSITIVE_INFINITY);
    await bulkCommand({ type: 'start', lines: DOMAINS.map((d, i) => ({ line: i + 1, text: d })), mailSetup: false }, () => undefined);
    // The job record is in; room for a few rows more.
    quota.setLimit(quota.used() + 1_500);
    const paused = await progressWhere((p) => p.storageFull === true);
    expect(paused.status).toBe('paused');
    // One refusal, or two when the next flush's save had started before the first one failed.
    const refused = quota.refused;
    expect(refused).toBeGreaterThanOrEqual(1);
    expect(refused).toBeLessThanOrEqual(2);

    // While paused for space, the lookups in flight finish and the flushes go on, but nothing is written.
    const all = progressWhere((p) => p.done === DOMAINS.length);
    openGate();
    expect(await all).toMatchObject({ status: 'paused', storageFull: true });
    expect(quota.refused).toBe(refused);
    const kept = await attach();
    expect(kept.job).toMatchObject({ status: 'paused', storageFull: true });
    const saved = (await loadJob())!.rows.length;
    expect(saved).toBeLessThan(kept.rows.length);
    expect(kept.rows.length).toBe(kept.job!.done);
    expect(new Set(kept.rows.map(([index]) => index)).size).toBe(kept.rows.length);

    // Space freed; the person resumes: the rows kept in memory are saved first, then the rest.
    quota.setLimit(Number.POSITIVE_INFINITY);
    const finished = progressWhere((p) => p.status === 'done');
    await bulkCommand({ type: 'resume' }, () => undefined);
    await finished;
    // The last flush emits, then saves: read until that save has landed (bounded, no clock).
    let stored = (await loadJob())!;
    for (let read = 0; read < 50 && stored.job.status !== 'done'; read++) stored = (await loadJob())!;
    expect(stored.rows.map(([index]) => index).sort((a, b) => a - b)).toEqual(DOMAINS.map((_, i) => i));
    expect(stored.job).toMatchObject({ status: 'done', storageFull: false });
  });
});
