/**
 * Two things the soak (watch-soak.test.ts) found in the watch code, each held here on its own
 * with the soak's fakes (the worker bundle, the fake browser and clock, the zone's resolvers):
 * - a worker stopped in the middle of a check left the name with no alarm (the browser removes a
 *   one-shot alarm as it rings): now the alarm stays, and rings again 5 minutes later;
 * - every check read the whole watch list to set a badge it did not change: now only a check
 *   that logged a change does.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeBrowser } from './fake-browser';
import { fakeDohFetch } from './fake-doh-server';
import { SimClock } from './sim-clock';
import { DAY, HOUR, MINUTE } from './soak-plan';
import { bundleWorker, type WorkerBundle } from './worker-bundle';
import { indexedDbFor, WorkerRun } from './worker-context';
import { ZoneModel } from './zone-model';

const START = Date.UTC(2026, 0, 5);
const clock = new SimClock();
let bundle: WorkerBundle;

beforeAll(async () => {
  bundle = await bundleWorker();
  clock.install(START);
});
afterAll(() => clock.uninstall());

/** One browser profile watching `intervals.length` names of a zone model (w001.soak.example…). */
async function profile(intervals: number[]) {
  const zone = new ZoneModel({ start: START, days: 5, seed: 7, quietAround: [] }, intervals);
  const browser = createFakeBrowser();
  const doh = fakeDohFetch(zone, [], { 'psl-trie.json': bundle.suffixTrie });
  browser.storage.local.set({ settings: { version: 1, diagnostics: false, ptr: false, asn: false, history: true } });
  let worker: WorkerRun | undefined;
  let runs = 0;
  const start = () => {
    worker = new WorkerRun(++runs);
    bundle.evaluate({
      extensionApi: browser.apiFor(worker),
      fetch: doh.fetchFor(worker),
      indexedDB: indexedDbFor(worker, indexedDB),
      ...clock.timersFor(worker),
    });
  };
  /** Moves the clock to the next alarm and rings it (starting a worker when none runs). */
  const ringNext = async (turnsBeforeStop?: number) => {
    clock.advanceTo(browser.nextAlarmAt()!);
    const due = browser.takeDueAlarms(clock.now());
    if (!worker?.alive) start();
    for (const alarm of due) browser.fireAlarm(alarm);
    if (turnsBeforeStop !== undefined) {
      await clock.turns(turnsBeforeStop);
      worker!.stop();
    }
    await clock.settle();
    return due;
  };
  start();
  for (const [i, n] of zone.names.entries()) {
    expect(await browser.message({ request: 'watchName', payload: { input: n.name, everyMinutes: intervals[i] } })).toMatchObject({ ok: true });
  }
  await clock.settle();
  return { zone, browser, ringNext };
}

/** Counts getAll() calls on the watch store while `during` runs. */
async function watchListReads(during: () => Promise<unknown>): Promise<number> {
  const proto = IDBObjectStore.prototype;
  const getAll = proto.getAll;
  let reads = 0;
  proto.getAll = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['getAll']>) {
    if (this.name === 'watch') reads++;
    return getAll.apply(this, args);
  };
  try {
    await during();
  } finally {
    proto.getAll = getAll;
  }
  return reads;
}

describe('the watch worker, with the soak fakes', () => {
  it('keeps a name its alarm when the worker is stopped during its check, and checks it again within 5 minutes', async () => {
    const { browser, ringNext } = await profile([60]);
    const alarm = 'watch:w001.soak.example';
    await ringNext(); // the first check, a minute after watching: facts to compare with
    // Stopped at every step of the next check in turn: before it asks anything, mid-lookup, mid-write.
    for (let turns = 0; turns < 12; turns++) {
      const [rang] = await ringNext(turns);
      expect(rang?.name).toBe(alarm);
      const next = browser.alarms.get(alarm);
      expect(next, `no alarm after a stop at turn ${turns}`).toBeDefined();
      expect(next!.scheduledTime).toBeLessThanOrEqual(rang!.scheduledTime + 60 * MINUTE);
    }
    // A check that is not stopped sets the next one an interval later.
    const [rang] = await ringNext();
    expect(browser.alarms.get(alarm)!.scheduledTime).toBe(clock.now() + HOUR);
    expect(rang).toBeDefined();
  });

  it('retries a check the worker never finished 5 minutes after it started', async () => {
    const { browser, ringNext } = await profile([360]);
    await ringNext();
    const [rang] = await ringNext(0);
    expect(browser.alarms.get('watch:w001.soak.example')!.scheduledTime).toBe(rang!.scheduledTime + 5 * MINUTE);
  });

  it('reads the whole watch list for the badge only after a check that logged a change', async () => {
    const { zone, browser, ringNext } = await profile([360, 360, 360]);
    const start = clock.now();
    await ringNext(); // the three first checks, at the same minute
    // The three names' MX sets flip within their first 2.5 days (zone-model.ts, group `mx-flip`):
    // the first check after a flip logs it. Until then, no check reads the list.
    expect(zone.names.map((n) => n.group)).toEqual(['mx-flip', 'mx-flip', 'mx-flip']);
    let quietChecks = 0;
    let changes = 0;
    while (changes === 0 && clock.now() < start + 4 * DAY) {
      const reads = await watchListReads(() => ringNext());
      changes = browser.notifications.length;
      if (changes === 0) quietChecks++;
      expect(reads).toBe(changes);
    }
    expect(changes).toBeGreaterThan(0);
    expect(quietChecks).toBeGreaterThan(0);
    expect(browser.stats.badgeText).toBe(String(changes));
  });
});
