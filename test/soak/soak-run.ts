/**
 * The soak's loop: a discrete-event simulation of a browser running the real worker for 30
 * days. At each step it moves the clock to the next thing due — a timer the code set (a DoH
 * time-out), a scripted event (a worker stop, a browser restart, a day's end) or an alarm — and
 * lets everything that does not wait on time finish (`settle`). It watches as it goes:
 * - every put to the watch store (which check completed when, answered or failed), for the
 *   ground truth;
 * - at every quiet point, that each watched name has its alarm; every hour and after every stop
 *   or start, that each alarm is due no later than the name's interval after its last check;
 * - every day, that storage is within its bounds; on days 1 and 30, the heap after a GC.
 * Problems are collected, not thrown, so one run reports all of them.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { HISTORY_NAMES, HISTORY_PER_NAME, type NameHistory } from '../../src/core/history/history-bounds';
import { MAX_WATCHED_NAMES, WATCH_LOG_LIMIT, type WatchEntry, type WatchLogEntry } from '../../src/core/history/watch-schedule';
import type { FakeBrowser } from './fake-browser';
import type { DohStats } from './fake-doh-server';
import { compareWithLogs, expectedChanges, type CheckSeen, type Comparison } from './ground-truth';
import type { SimClock } from './sim-clock';
import { DAY, HOUR, MINUTE, type SoakPlan } from './soak-plan';
import { indexedDbFor, WorkerRun } from './worker-context';
import type { WorkerEdges } from './worker-bundle';
import type { ZoneModel } from './zone-model';

const DB_NAME = 'mxray';
const ALARM_PREFIX = 'watch:';
/** A check takes about this many turns of the event loop (its IndexedDB steps and answers). */
const CHANGE_STOP_TURNS = 16;

export interface SoakWorld {
  plan: SoakPlan;
  zone: ZoneModel;
  clock: SimClock;
  browser: FakeBrowser;
  doh: { stats: DohStats; fetchFor(worker: WorkerRun): WorkerEdges['fetch'] };
  /** Evaluates the worker's code afresh (its module state gone) on these edges. */
  startWorker(edges: WorkerEdges): void;
  gc: () => void;
}

export interface SoakFigures {
  days: number;
  names: number;
  checksRun: number;
  checksFailed: number;
  changesExpected: number;
  changesLogged: number;
  notifications: number;
  alarmsFired: number;
  workerStarts: number;
  workerStopsIdle: number;
  workerStopsMidCheck: number;
  browserRestarts: number;
  dohRequests: number;
  storage: {
    historyBytes: number;
    watchBytes: number;
    localBytes: number;
    sessionBytes: number;
    historyNames: number;
    maxChecksPerName: number;
    maxLogEntries: number;
  };
  heapMb: { day1: number; day7: number; day30: number };
  zoneChanges: ZoneModel['changesMade'];
  toggle?: { name: string; from: string; to: string; checksInside: number };
  wallSeconds: number;
  /** CPU time of the run (the machine may be shared: wall time says less). */
  cpuSeconds: number;
}

export interface SoakResult {
  figures: SoakFigures;
  comparison: Comparison;
  problems: string[];
}

type Event = { at: number; order: number; run: () => Promise<void> };

export async function runSoak(world: SoakWorld): Promise<SoakResult> {
  const { plan, zone, clock, browser } = world;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const end = plan.start + plan.days * DAY;
  const names = zone.names.map((n) => n.name);
  /** The names watched so far (they are added over the first hours). */
  const watched: string[] = [];
  const problems: string[] = [];
  const checks = new Map<string, CheckSeen[]>(names.map((n) => [n, []]));
  const lastCheckAt = new Map<string, number>();
  const lastFiredAt = new Map<string, number>();
  const addedAt = new Map<string, number>();
  let checksRun = 0;
  let checksFailed = 0;
  let worker: WorkerRun | undefined;
  let workerId = 0;
  let workerStarts = 0;
  let stopsIdle = 0;
  let stopsMidCheck = 0;
  let restarts = 0;
  let browserUp = true;
  let pendingMidStop: number | undefined;
  let toggleArmed = false;
  let changeStopsLeft = plan.changeStops;
  let changeStopTurn = 0;
  /** The zone as each name's last answered check saw it. */
  const seenSignature = new Map<string, string>();
  const changePending = (name: string, t: number) => seenSignature.has(name) && seenSignature.get(name) !== zone.signature(name, t);
  const heap = { day1: 0, day7: 0, day30: 0 };
  const problem = (text: string) => {
    if (problems.length < 200) problems.push(`${new Date(clock.now()).toISOString()} ${text}`);
  };

  // Every completed check, as the watch store sees it written (a check cut short writes nothing).
  const unobserve = observeWatchPuts((entry) => {
    if (entry.lastCheckAt === undefined || entry.lastCheckAt === lastCheckAt.get(entry.name)) return;
    lastCheckAt.set(entry.name, entry.lastCheckAt);
    const ok = entry.failures === 0 && entry.lastOkAt === entry.lastCheckAt;
    checks.get(entry.name)?.push({ at: entry.lastCheckAt, ok });
    if (ok) seenSignature.set(entry.name, zone.signature(entry.name, entry.lastCheckAt));
    checksRun++;
    if (!ok) checksFailed++;
    const toggled = zone.names.find((n) => n.group === 'toggle');
    if (ok && toggleArmed && toggled && entry.name === toggled.name && entry.lastCheckAt >= plan.toggleAfter) {
      toggleArmed = false;
      zone.addToggle(toggled.name, entry.lastCheckAt + HOUR + 17 * MINUTE, entry.lastCheckAt + 2 * HOUR + 41 * MINUTE);
    }
  });
  // Opened once the worker has made the database (opening it first would make an empty one).
  let db: IDBPDatabase | undefined;

  async function startWorker(): Promise<void> {
    const run = new WorkerRun(++workerId);
    worker = run;
    workerStarts++;
    world.startWorker({
      extensionApi: browser.apiFor(run),
      fetch: world.doh.fetchFor(run),
      indexedDB: indexedDbFor(run, indexedDB),
      ...world.clock.timersFor(run),
    });
  }

  function stopWorker(): void {
    worker?.stop();
    worker = undefined;
  }

  /** Cheap, at every quiet point: one alarm for each watched name, no other watch alarm. */
  function alarmsPresent(): void {
    if (!browserUp) return;
    // Only watch alarms exist in the soak: their count says it, and the names are looked at only when it is off.
    const count = browser.alarms.size;
    if (count === watched.length) return;
    const missing = watched.filter((n) => !browser.alarms.has(ALARM_PREFIX + n));
    problem(`${missing.length} watched name(s) without an alarm (${missing.slice(0, 5).join(', ')}); ${count} watch alarms`);
  }

  /**
   * Each alarm due no later than its name's interval after its last check (the last completed
   * one, or the last one its alarm started), or at once when that is past. From what the soak
   * saw (the watch store's writes, the alarms fired); `fromStore` reads the store too, to check
   * the watch list itself is whole.
   */
  async function alarmsDue(fromStore = false): Promise<void> {
    if (!browserUp) return;
    if (fromStore && db) {
      const entries = (await db.getAll('watch')) as WatchEntry[];
      if (entries.length !== watched.length) problem(`${entries.length} names on the watch list, not ${watched.length}`);
      for (const e of entries)
        if (e.lastCheckAt !== lastCheckAt.get(e.name))
          problem(`${e.name}: the store says its last check was at ${e.lastCheckAt}, its writes said ${lastCheckAt.get(e.name)}`);
    }
    for (const name of watched) {
      const alarm = browser.alarms.get(ALARM_PREFIX + name);
      if (!alarm) {
        problem(`no alarm for ${name}`);
        continue;
      }
      const last = Math.max(lastCheckAt.get(name) ?? addedAt.get(name)!, lastFiredAt.get(name) ?? 0);
      const everyMinutes = zone.watched(name)!.everyMinutes;
      const bound = Math.max(last + everyMinutes * MINUTE, clock.now() + 1_000);
      if (alarm.scheduledTime > bound)
        problem(
          `${name}'s alarm is due ${new Date(alarm.scheduledTime).toISOString()}, later than ${everyMinutes} min after its last check (${new Date(last).toISOString()})`,
        );
    }
  }

  async function storageBounds(): Promise<SoakFigures['storage']> {
    if (!db) throw new Error('storage read before the worker made the database');
    const history = (await db.getAll('history')) as NameHistory[];
    const watches = (await db.getAll('watch')) as WatchEntry[];
    const maxChecks = Math.max(0, ...history.map((h) => h.checks.length));
    const maxLog = Math.max(0, ...watches.map((w) => w.log.length));
    if (history.length > HISTORY_NAMES) problem(`history holds ${history.length} names, over ${HISTORY_NAMES}`);
    if (maxChecks > HISTORY_PER_NAME) problem(`history holds ${maxChecks} checks of a name, over ${HISTORY_PER_NAME}`);
    if (watches.length > MAX_WATCHED_NAMES) problem(`the watch list holds ${watches.length} names, over ${MAX_WATCHED_NAMES}`);
    if (maxLog > WATCH_LOG_LIMIT) problem(`a change log holds ${maxLog} entries, over ${WATCH_LOG_LIMIT}`);
    return {
      historyBytes: JSON.stringify(history).length,
      watchBytes: JSON.stringify(watches).length,
      localBytes: browser.storage.local.bytes(),
      sessionBytes: browser.storage.session.bytes(),
      historyNames: history.length,
      maxChecksPerName: maxChecks,
      maxLogEntries: maxLog,
    };
  }

  function heapMb(): number {
    world.gc();
    world.gc();
    return process.memoryUsage().heapUsed / 2 ** 20;
  }

  // The scripted events, in time order.
  const events: Event[] = [];
  let order = 0;
  const at = (time: number, run: () => Promise<void>) => events.push({ at: time, order: order++, run });
  for (const stop of plan.stops)
    at(stop.at, async () => {
      if (!browserUp || !worker) return;
      if (stop.midCheckTurns !== undefined) {
        pendingMidStop = stop.midCheckTurns;
        return;
      }
      stopWorker();
      stopsIdle++;
      await clock.settle();
      await alarmsDue();
    });
  for (const restart of plan.restarts) {
    at(restart.at, async () => {
      stopWorker();
      browserUp = false;
      pendingMidStop = undefined;
      await clock.settle();
      browser.browserClosed(restart.keepAlarms);
    });
    at(restart.at + restart.closedFor, async () => {
      browserUp = true;
      restarts++;
      // Firefox forgets the alarms: nothing would wake the worker for them, so it starts with the
      // browser (as opening any MXray page would start it), and its start re-creates them.
      if (!restart.keepAlarms) {
        await startWorker();
        await clock.settle();
        await alarmsDue(true);
      }
    });
  }
  for (let hour = 1; hour <= plan.days * 24; hour++) at(plan.start + hour * HOUR - 1, () => alarmsDue());
  for (let day = 1; day <= plan.days; day++)
    at(plan.start + day * DAY - 1, async () => {
      await storageBounds();
      await alarmsDue(true);
      if (day === 1) heap.day1 = heapMb();
      if (day === 7) heap.day7 = heapMb();
      if (day === plan.days) heap.day30 = heapMb();
    });
  at(plan.toggleAfter, async () => {
    toggleArmed = true;
  });
  // Day 0: the worker starts, and the 200 names are watched through the Watch view's request,
  // one by one over the first hours (a list is built up, not pasted at one instant, so the
  // checks do not all fall on the same minute).
  await startWorker();
  zone.names.forEach((n, i) =>
    at(plan.start + Math.floor((i / zone.names.length) * plan.watchSpread), async () => {
      if (!worker) await startWorker();
      const answer = (await browser.message({ request: 'watchName', payload: { input: n.name, everyMinutes: n.everyMinutes } })) as {
        ok: boolean;
        error?: string;
      };
      if (!answer?.ok) throw new Error(`could not watch ${n.name}: ${answer?.error ?? 'no answer'}`);
      watched.push(n.name);
      addedAt.set(n.name, clock.now());
      await clock.settle();
      db ??= await openDB(DB_NAME);
    }),
  );
  events.sort((a, b) => a.at - b.at || a.order - b.order);

  let next = 0;
  for (;;) {
    const now = clock.now();
    const alarmAt = browserUp ? browser.nextAlarmAt() : undefined;
    const timerAt = clock.nextTimerAt();
    const eventAt = events[next]?.at;
    const candidates = [alarmAt, timerAt, eventAt].filter((t): t is number => t !== undefined);
    const t = Math.max(now, Math.min(...candidates));
    if (candidates.length === 0 || t >= end) break;
    clock.advanceTo(t);
    if (timerAt !== undefined && timerAt <= t) {
      clock.runDueTimers();
      await clock.settle();
      continue;
    }
    if (eventAt !== undefined && eventAt <= t) {
      await events[next++]!.run();
      continue;
    }
    const due = browser.takeDueAlarms(t);
    if (!worker) await startWorker(); // the alarm wakes the worker: its start runs, then the event
    // Some of the checks that will log a change are cut short, at each step in turn: the stop
    // lands before, during and after the write of the change and of its notification.
    if (pendingMidStop === undefined && changeStopsLeft > 0 && due.some((a) => changePending(a.name.slice(ALARM_PREFIX.length), t))) {
      pendingMidStop = changeStopTurn++ % CHANGE_STOP_TURNS;
      changeStopsLeft--;
    }
    for (const alarm of due) {
      lastFiredAt.set(alarm.name.slice(ALARM_PREFIX.length), t);
      browser.fireAlarm(alarm);
    }
    if (pendingMidStop !== undefined) {
      await clock.turns(pendingMidStop);
      pendingMidStop = undefined;
      stopWorker();
      stopsMidCheck++;
      await clock.settle();
      alarmsPresent();
      await alarmsDue();
      continue;
    }
    await clock.settle();
    alarmsPresent();
  }
  // The last day's checks end; the soak stops the clock at day 30's end.
  await clock.settle();
  const storage = await storageBounds();
  const watches = (await db!.getAll('watch')) as WatchEntry[];
  const logs = new Map<string, WatchLogEntry[]>(watches.map((w) => [w.name, w.log]));
  const expected = expectedChanges(zone, checks);
  const comparison = compareWithLogs(
    expected,
    logs,
    browser.notifications.map((n) => n.id),
  );
  let toggle: SoakFigures['toggle'];
  if (zone.toggle) {
    const inside = checks.get(zone.toggle.name)!.filter((c) => c.at >= zone.toggle!.from && c.at <= zone.toggle!.to).length;
    toggle = { name: zone.toggle.name, from: new Date(zone.toggle.from).toISOString(), to: new Date(zone.toggle.to).toISOString(), checksInside: inside };
    if (inside > 0) problem(`the toggle of ${zone.toggle.name} had a check inside it: it proves nothing`);
    if (logs.get(zone.toggle.name)!.length > 0) problem(`the toggle of ${zone.toggle.name} was logged: ${logs.get(zone.toggle.name)![0]!.summary}`);
  } else problem('the toggle was never placed');
  if (browser.stats.badgeText !== String(Math.min(999, comparison.logged)) && comparison.logged > 0)
    problem(`the badge says "${browser.stats.badgeText}", with ${comparison.logged} changes unseen`);
  stopWorker();
  db?.close();
  unobserve();
  return {
    figures: {
      days: plan.days,
      names: names.length,
      checksRun,
      checksFailed,
      changesExpected: comparison.expected,
      changesLogged: comparison.logged,
      notifications: comparison.notified,
      alarmsFired: browser.stats.alarmsFired,
      workerStarts,
      workerStopsIdle: stopsIdle,
      workerStopsMidCheck: stopsMidCheck,
      browserRestarts: restarts,
      dohRequests: world.doh.stats.requests,
      storage,
      heapMb: heap,
      zoneChanges: zone.changesMade,
      ...(toggle ? { toggle } : {}),
      wallSeconds: (performance.now() - started) / 1000,
      cpuSeconds: (() => {
        const used = process.cpuUsage(cpuStarted);
        return (used.user + used.system) / 1e6;
      })(),
    },
    comparison,
    problems: [...problems, ...comparison.problems],
  };
}

/** Calls `seen` with each watch entry written, once its transaction commits. */
function observeWatchPuts(seen: (entry: Pick<WatchEntry, 'name' | 'lastCheckAt' | 'lastOkAt' | 'failures'>) => void): () => void {
  const proto = IDBObjectStore.prototype;
  const put = proto.put;
  proto.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    const request = put.call(this, value, key);
    if (this.name === 'watch') {
      const { name, lastCheckAt, lastOkAt, failures } = value as WatchEntry;
      this.transaction.addEventListener('complete', () => seen({ name, lastCheckAt, lastOkAt, failures }));
    }
    return request;
  };
  return () => {
    proto.put = put;
  };
}
