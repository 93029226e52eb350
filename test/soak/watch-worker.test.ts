/**
 * Two things the soak (watch-soak.test.ts) found in the watch code, each held here on its own
 * with the soak's fakes (the worker bundle, the fake browser and clock, the zone's resolvers):
 * - a worker stopped in the middle of a check left the name with no alarm (the browser removes a
 *   one-shot alarm as it rings): now the alarm stays, and rings again 5 minutes later;
 * - every check read the whole watch list to set a badge it did not change: now only a check
 *   that logged a change does;
 * - a worker stopped after a check logged a change but before its notification lost the
 *   notification for good: now the change is written with a note that its notification is due,
 *   and the next start shows it (once: the note goes when it is shown).
 */
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
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
/** The last profile's worker: stopped before the next profile starts on an empty database. */
let previous: (() => WorkerRun | undefined) | undefined;

function deleteDatabase(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase('mxray');
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('the database is still open'));
  });
}

beforeAll(async () => {
  bundle = await bundleWorker();
  clock.install(START);
});
afterAll(() => clock.uninstall());

/** One browser profile watching `intervals.length` names of a zone model (w001.soak.example…). */
async function profile(intervals: number[], days = 5) {
  previous?.()?.stop();
  await clock.settle();
  await deleteDatabase();
  const zone = new ZoneModel({ start: clock.now(), days, seed: 7, quietAround: [] }, intervals);
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
  previous = () => worker;
  start();
  for (const [i, n] of zone.names.entries()) {
    expect(await browser.message({ request: 'watchName', payload: { input: n.name, everyMinutes: intervals[i] } })).toMatchObject({ ok: true });
  }
  await clock.settle();
  return { zone, browser, ringNext, doh };
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

  it('shows the notification of every logged change once, whatever step of the check the worker was stopped at', async () => {
    const { zone, browser, ringNext } = await profile(Array<number>(20).fill(360), 40);
    await ringNext(); // the first checks: facts to compare with
    const seen = new Map<string, string>(zone.names.map((n) => [n.name, zone.signature(n.name, clock.now())]));
    let stops = 0;
    // Every check that is about to find a change is stopped, at turn 0, 1, 2… of it in turn.
    while (stops < 32) {
      const at = browser.nextAlarmAt()!;
      const names = [...browser.alarms.values()].filter((a) => a.scheduledTime <= at).map((a) => a.name.slice('watch:'.length));
      const changing = names.some((name) => seen.get(name) !== zone.signature(name, at));
      const rang = await ringNext(changing ? stops++ % 16 : undefined);
      if (!changing) for (const alarm of rang) seen.set(alarm.name.slice('watch:'.length), zone.signature(alarm.name.slice('watch:'.length), at));
    }
    // A day more, unstopped: every start shows what a stopped worker left, every check logs what it missed.
    const until = clock.now() + 24 * HOUR;
    while (browser.nextAlarmAt()! < until) await ringNext();
    const db = await openDB('mxray');
    const logged = (await db.getAll('watch')).flatMap((w: { name: string; log: { at: number }[] }) => w.log.map((l) => `watch:${w.name}:${l.at}`));
    db.close();
    expect(logged.length).toBeGreaterThanOrEqual(16);
    expect(browser.notifications.map((n) => n.id).sort()).toEqual(logged.sort());
  });
});
