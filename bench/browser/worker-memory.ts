// The service worker's JS heap over 1,000 lookups driven through the extension: lookup ports
// opened from an extension page, 64 at a time, each as the popup opens one (LookupRequest,
// src/shared/messages.ts). Heap read over DevTools on the worker's own target after
// `HeapProfiler.collectGarbage`, at 0, 200, 500 and 1,000 lookups.
// The names: the 200 bulk domains, the fixtures but five-mx.test (kept out of the cache for the
// big-cache popup runs), and 272 names that do not exist (5 negative answers each, cached
// 60 s): 500 in all, twice round, about 3,200 distinct questions against the worker's cap of
// 2,000 (src/background/engine.ts). The cache fills, the LRU evicts, and the second round asks
// again for what was evicted, positive answers whose TTL (300 s) has not run out included: the
// cap is what holds the heap. The cache's size is read from its storage.session snapshot (which
// leaves out expired answers); at the end, one save of it (storage.session.set) is timed.
// Why 64 at a time: every answer makes the worker save its whole cache to storage.session (at
// most every 150 ms), which with ~1,600 entries holds the browser process for ~0.5 s a time;
// the more lookups share a save, the sooner the 1,000 are through (8 at a time took 260 s).
import { READ_CACHE } from './worker-start-state';
import type { Page } from 'playwright-core';
import { BULK_DOMAINS } from '../bulk-throughput';
import { FIXTURES } from '../memory';
import { round } from '../stats';
import type { BrowserBench } from './browser-bench';
import { FRESH_DOMAIN } from './popup-latency';
import { DRIVER_PAGE } from './probed-extension';

export const WORKER_LOOKUPS = 1_000;
const CHECKPOINTS = [0, 200, 500, 1_000];
const IN_FLIGHT = 64;
const KNOWN = [...BULK_DOMAINS, ...FIXTURES.filter((name) => name !== FRESH_DOMAIN)];
const ABSENT = Array.from({ length: 500 - KNOWN.length }, (_, i) => `absent-${String(i + 1).padStart(3, '0')}.test`);
export const WORKER_NAMES = [...KNOWN, ...ABSENT];

export interface WorkerMemoryPoint {
  lookups: number;
  heapUsedMB: number;
  heapTotalMB: number;
  /** Entries in the worker's cache snapshot (storage.session). */
  cacheEntries: number;
  /** Requests the resolver received so far (fault-server log). */
  requests: number;
}

export interface WorkerMemory {
  points: WorkerMemoryPoint[];
  distinctNames: number;
  /** Lookups that ended without a final report (port dropped, refused input). */
  unfinished: number;
  /** The worker was the same all along (its time origin never changed). */
  sameWorker: boolean;
  seconds: number;
  /**
   * One storage.session.set of the whole cache as it was left (what every save cost before
   * saves became incremental), and one save of a single lookup's worth of answers (60), as the
   * worker now does: it writes only the answers stored since the last save.
   */
  cacheSave: { entries: number; jsonKB: number; ms: number; lookupMs: number };
}

/** Times one write of the whole cache as it now is, and one of 60 entries, to scratch keys (removed again). */
const TIME_ONE_SAVE = `${READ_CACHE}.then(async (answerCache) => {
  let started = performance.now();
  await chrome.storage.session.set({ benchSaveCopy: answerCache });
  const ms = performance.now() - started;
  await chrome.storage.session.remove('benchSaveCopy');
  const some = Object.fromEntries(answerCache.slice(0, 60).map(([key, entry]) => ['benchCopy:' + key, entry]));
  started = performance.now();
  await chrome.storage.session.set(some);
  const lookupMs = performance.now() - started;
  await chrome.storage.session.remove(Object.keys(some));
  return { entries: answerCache.length, jsonKB: JSON.stringify(answerCache).length / 1024, ms, lookupMs };
})`;

/** Installed in an extension page: runs lookups over the `lookup` port, `inFlight` at a time. */
const DRIVER = `window.__benchLookups = async (inputs, inFlight) => {
  let next = 0;
  let unfinished = 0;
  const one = (input) => new Promise((resolve) => {
    const port = chrome.runtime.connect({ name: 'lookup' });
    const finish = (ok) => { if (!ok) unfinished++; port.disconnect(); resolve(); };
    port.onMessage.addListener((message) => {
      if (message.type === 'invalid') finish(false);
      else if (message.report.status === 'done') finish(true);
    });
    port.onDisconnect.addListener(() => { unfinished++; resolve(); });
    port.postMessage({ type: 'lookup', input, source: 'menu' });
  });
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (next < inputs.length) await one(inputs[next++]);
  }));
  return unfinished;
}`;

async function point(bench: BrowserBench, lookups: number): Promise<WorkerMemoryPoint> {
  // Let the last lookup's cache save land (throttled to 150 ms) before reading its size.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const heap = await bench.worker.heapAfterGc();
  const cacheEntries = await bench.worker.evaluate<number>(`${READ_CACHE}.then((entries) => entries.length)`);
  return {
    lookups,
    heapUsedMB: round(heap.usedBytes / 2 ** 20, 2),
    heapTotalMB: round(heap.totalBytes / 2 ** 20, 2),
    cacheEntries,
    requests: bench.cloudflare.log.length,
  };
}

export async function measureWorkerMemory(bench: BrowserBench): Promise<WorkerMemory> {
  bench.setRttMs(0);
  await bench.worker.clearCacheAndStop();
  await bench.worker.start();
  await bench.front.warmUpstream();
  bench.cloudflare.clearLog();
  const driver: Page = await bench.browser.context.newPage();
  try {
    await driver.goto(bench.browser.url(DRIVER_PAGE));
    await driver.evaluate(DRIVER);
    const inputs = Array.from({ length: WORKER_LOOKUPS }, (_, i) => WORKER_NAMES[i % WORKER_NAMES.length]!);
    const origin = await bench.worker.evaluate<number>('performance.timeOrigin');
    const points: WorkerMemoryPoint[] = [];
    let unfinished = 0;
    const started = performance.now();
    for (let i = 0; i < CHECKPOINTS.length; i++) {
      const from = CHECKPOINTS[i - 1] ?? 0;
      const to = CHECKPOINTS[i]!;
      if (to > from) unfinished += (await driver.evaluate(`window.__benchLookups(${JSON.stringify(inputs.slice(from, to))}, ${IN_FLIGHT})`)) as number;
      points.push(await point(bench, to));
    }
    const seconds = round((performance.now() - started) / 1000, 1);
    const sameWorker = (await bench.worker.evaluate<number>('performance.timeOrigin')) === origin;
    const save = await bench.worker.evaluate<WorkerMemory['cacheSave']>(TIME_ONE_SAVE);
    const cacheSave = { entries: save.entries, jsonKB: round(save.jsonKB, 0), ms: round(save.ms, 0), lookupMs: round(save.lookupMs, 1) };
    return { points, distinctNames: new Set(inputs).size, unfinished, sameWorker, seconds, cacheSave };
  } finally {
    await bench.worker.detach();
    await driver.close();
  }
}
