// The state a timed lookup starts from. The answer cache never holds the name about to be looked
// up: storage.session is cleared (or rewritten) in the worker, then the worker is restarted, and
// its in-memory cache goes with it. Then:
// - warm: the worker started again and used once (a lookup of one-mx.test in a result page,
//   closed again), so its code has run and its HTTP/2 connection to the resolver is open, as for
//   a second lookup a few seconds after the first;
// - cold: the worker left stopped and the resolver's connections closed, as for the first click
//   after a while (MV3 stops a worker idle for 30 s): worker start and TLS are in the figures;
// - cold worker: as warm, then the worker stopped again (its code and memory gone) while the
//   browser keeps its HTTP/2 connection to the resolver: the worker's start alone against warm
//   (issue 12, section 5's goal: first MX no later than warm + 40 ms);
// - big cache: as warm, but the cache restored with the answers the worker-memory run left
//   (1,300-1,700 of other names; the cap is 2,000), as after a long session: every save of the
//   cache (src/background/engine.ts) then writes all of them.
import type { BrowserBench } from './browser-bench';
import { waitForMarks } from './paint-marks';

export type Start = 'warm' | 'cold' | 'cold worker' | 'big cache';

/** Looked up to warm the worker: a name that shares no question with the timed one. */
const WARM_UP_DOMAIN = 'one-mx.test';
/** The worker saves its cache at most every 150 ms (src/background/engine.ts). */
const SAVE_THROTTLE_MS = 150;

/** storage.session's `answer:<key>` entries as [key, entry] pairs (src/background/engine.ts). */
export type CacheSnapshot = [string, { expiresAt: number }][];

/** Worker-side expression: the persisted cache as [key, entry] pairs. */
export const READ_CACHE =
  "chrome.storage.session.get(null).then((stored) => Object.entries(stored).filter(([key]) => key.startsWith('answer:')).map(([key, entry]) => [key.slice(7), entry]))";

export async function readCacheSnapshot(bench: BrowserBench): Promise<CacheSnapshot> {
  await new Promise((resolve) => setTimeout(resolve, SAVE_THROTTLE_MS + 100));
  return bench.worker.evaluate<CacheSnapshot>(READ_CACHE);
}

/** Waits until the worker's pending cache save has been written (storage calls run in order). */
async function flushCacheSave(bench: BrowserBench): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, SAVE_THROTTLE_MS + 50));
  await bench.worker.evaluate("chrome.storage.session.get('bench-flush')");
  await bench.worker.detach();
}

async function warmUp(bench: BrowserBench): Promise<void> {
  const page = await bench.browser.context.newPage();
  await page.goto(bench.browser.url(`popup.html?q=${WARM_UP_DOMAIN}`));
  await waitForMarks(page);
  await page.close();
  await flushCacheSave(bench);
}

export async function prepareStart(bench: BrowserBench, start: Start, bigCache?: CacheSnapshot): Promise<void> {
  await bench.worker.clearCacheAndStop();
  if (start === 'cold') {
    await bench.front.dropConnections();
  } else {
    await bench.worker.start();
    if (start === 'big cache') {
      if (!bigCache) throw new Error('a big-cache start needs the snapshot to restore');
      // Pushed an hour out, so nothing expires during the runs (negative answers live 60 s).
      const entries = Object.fromEntries(bigCache.map(([key, entry]) => [`answer:${key}`, { ...entry, expiresAt: Date.now() + 3_600_000 }]));
      await bench.worker.evaluate(`chrome.storage.session.set(${JSON.stringify(entries)})`);
      await bench.worker.stop();
      await bench.worker.start();
    }
    await bench.worker.detach();
    await warmUp(bench);
    if (start === 'cold worker') await bench.worker.clearCacheAndStop();
  }
  await bench.front.warmUpstream();
  bench.cloudflare.clearLog();
}
