/**
 * What happens in the soak's 30 days, decided up front from a seed (the toggle excepted: it
 * follows the toggled name's own checks). Times are milliseconds since the epoch, simulated.
 */
import type { Outage } from './fake-doh-server';
import { random } from './zone-model';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface Restart {
  at: number;
  closedFor: number;
  /** Chrome keeps alarms across a restart; Firefox forgets them (the worker re-creates them at start). */
  keepAlarms: boolean;
}

export interface WorkerStop {
  at: number;
  /**
   * Undefined: stopped while idle. A number: stopped during the next check, after that many turns
   * of the event loop (each turn is one step of IndexedDB work or of the lookup's answers).
   */
  midCheckTurns?: number;
}

export interface SoakPlan {
  seed: number;
  start: number;
  days: number;
  /** Minutes between checks, one per watched name. */
  intervals: number[];
  outages: Outage[];
  restarts: Restart[];
  stops: WorkerStop[];
  /** This many of the checks that find a change are stopped part-way (at turn 0, 1, 2… of the check). */
  changeStops: number;
  /** The names are watched one by one over this long from the start. */
  watchSpread: number;
  /** The toggle is placed after the toggled name's first answered check after this time. */
  toggleAfter: number;
}

/**
 * The mix of intervals across the watch schedule's range: the Watch view's 15 minutes, 1 hour and
 * 6 hours (its default), and between them 30 minutes, 2 and 4 hours (setWatchInterval takes any).
 * Most names at the default, fewer the shorter the interval, as a list of 200 would be, and the
 * short ones among the names whose zone changes (the zone model's groups: 0-19 MX, 20-39 SPF,
 * 40-59 DMARC, the last 20 the shared provider), so a change meets every interval.
 */
function intervalsFor(names: number): number[] {
  const intervals = Array<number>(names).fill(360);
  const provider = names - 20;
  const set = (minutes: number, indexes: number[]) => indexes.forEach((i) => (intervals[i] = minutes));
  set(15, [0]);
  set(30, [20, 40]);
  set(60, [1, 21, 41, provider]);
  set(120, [2, 3, 22, 23, 42, 43, provider + 1, provider + 2]);
  set(240, [4, 5, 6, 24, 25, 26, 44, 45, 46, provider + 3, provider + 4, provider + 5, 60, 61, 62]);
  return intervals;
}

export function soakPlan(seed = 2025, options: { names?: number; days?: number; stopsPerDay?: number } = {}): SoakPlan {
  const names = options.names ?? 200;
  const days = options.days ?? 30;
  const rand = random(seed ^ 0x5eed);
  const intervals = intervalsFor(names);
  const start = Date.UTC(2026, 0, 5, 0, 0, 0);
  const at = (day: number, hour = 0) => start + day * DAY + hour * HOUR;
  const outages = (
    [
      // The chosen resolver down for a whole day: the fallbacks answer, so nothing fails.
      { from: at(8, 6), to: at(9, 6), mode: 'primary-down' },
      // Every resolver down (offline) for a whole day: every check fails, and none is a change.
      { from: at(12), to: at(13), mode: 'all-down' },
      // Resolvers that hang for three hours: every question times out.
      { from: at(20, 3), to: at(20, 6), mode: 'hang' },
    ] satisfies Outage[]
  ).filter((o) => o.from < at(days));
  const restarts: Restart[] = [
    { at: at(10, 18), closedFor: 14 * HOUR, keepAlarms: true },
    { at: at(23, 9), closedFor: 3 * HOUR, keepAlarms: false },
  ].filter((r) => r.at < at(days));
  const stops: WorkerStop[] = [];
  const perDay = options.stopsPerDay ?? 4;
  for (let day = 0; day < days; day++) {
    for (let k = 0; k < perDay; k++) {
      const time = at(day) + Math.floor(rand() * DAY);
      // Half of them in the middle of a check, at a random step of it.
      stops.push(rand() < 0.5 ? { at: time } : { at: time, midCheckTurns: Math.floor(rand() * 60) });
    }
  }
  stops.sort((a, b) => a.at - b.at);
  return { seed, start, days, intervals, outages, restarts, stops, watchSpread: 6 * HOUR, changeStops: 48, toggleAfter: at(Math.min(5, days - 1)) };
}
