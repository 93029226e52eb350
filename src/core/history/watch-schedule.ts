/**
 * The watch list's clock, pure: when each watched name is checked next, and what a check's
 * outcome does to it. The worker's alarms only ask this (src/background/watch); tests drive it
 * with a fake clock.
 *
 * - A check is due every `everyMinutes` (6 hours by default, never less than 15 minutes).
 * - A failed check (resolver down, offline, the main question unanswered) is not a change: it
 *   is retried sooner (5, then 10, 20… minutes, never later than the normal interval), and after
 *   `MAX_FAILURES` in a row the name shows "could not check" until a check succeeds.
 * - A change is logged with its time and words, counted as unseen (the badge) until the
 *   Watch view is opened, and returned as the alert to notify.
 */
import { describeDiff, withOlderChecks, type ChangeItem } from './describe-diff';
import { diffFacts } from './diff-facts';
import type { MailFacts } from './facts-types';
import { changeSummary } from './summary';

/**
 * The stored entry's shape (src/core/storage/watch-record.ts): 1 = release 0.1.0's, without this
 * field; 2 = the same fields, versioned, its last facts migrated to the current facts.
 */
export const WATCH_ENTRY_VERSION = 2;

export const DEFAULT_WATCH_MINUTES = 6 * 60;
export const MIN_WATCH_MINUTES = 15;
export const MAX_WATCH_MINUTES = 7 * 24 * 60;
export const MAX_FAILURES = 3;
export const FIRST_RETRY_MINUTES = 5;
/** At most this many watched names: each is a lookup on the user's resolver every interval. */
export const MAX_WATCHED_NAMES = 200;
/** The change log keeps this many entries per name. */
export const WATCH_LOG_LIMIT = 50;

export type WatchStatus = 'ok' | 'changed' | 'retrying' | 'could-not-check';

export interface WatchLogEntry {
  at: number;
  summary: string;
  items: ChangeItem[];
}

export interface WatchEntry {
  /** Always written (newWatch, and every entry read back); an entry without it is 0.1.0's (version 1). */
  version?: number;
  name: string;
  display: string;
  everyMinutes: number;
  addedAt: number;
  lastCheckAt?: number;
  /** The last check that got an answer. */
  lastOkAt?: number;
  nextCheckAt: number;
  status: WatchStatus;
  /** Failed checks in a row. */
  failures: number;
  lastError?: string;
  /** The facts the next check is compared with. */
  lastFacts?: MailFacts;
  /** Newest last, at most WATCH_LOG_LIMIT. */
  log: WatchLogEntry[];
  /** Changes logged since the Watch view was last opened. */
  unseen: number;
  /**
   * The times of logged changes whose notifications are not shown yet: written with the change,
   * each removed once shown, so a worker stopped between the two shows it at its next start.
   */
  notifyPending?: number[];
}

export function clampMinutes(minutes: number): number {
  if (!Number.isFinite(minutes)) return DEFAULT_WATCH_MINUTES;
  return Math.min(MAX_WATCH_MINUTES, Math.max(MIN_WATCH_MINUTES, Math.round(minutes)));
}

export function newWatch(name: string, display: string, now: number, options: { everyMinutes?: number; facts?: MailFacts } = {}): WatchEntry {
  const everyMinutes = clampMinutes(options.everyMinutes ?? DEFAULT_WATCH_MINUTES);
  const entry: WatchEntry = {
    version: WATCH_ENTRY_VERSION,
    name,
    display,
    everyMinutes,
    addedAt: now,
    nextCheckAt: now + everyMinutes * 60_000,
    status: 'ok',
    failures: 0,
    log: [],
    unseen: 0,
  };
  // Without facts yet (an import, a watch set before any lookup), check soon to have some.
  if (options.facts) entry.lastFacts = options.facts;
  else entry.nextCheckAt = now + 60_000;
  return entry;
}

export type CheckOutcome = { ok: true; facts: MailFacts } | { ok: false; error: string };

export function afterCheck(entry: WatchEntry, outcome: CheckOutcome, now: number): { entry: WatchEntry; alert?: WatchLogEntry } {
  const next: WatchEntry = { ...entry, lastCheckAt: now, log: [...entry.log] };
  const failed = !outcome.ok || outcome.facts.verdict === 'unanswered';
  if (failed) {
    next.failures = entry.failures + 1;
    next.lastError = outcome.ok ? 'no resolver answered the MX question' : outcome.error;
    next.status = next.failures >= MAX_FAILURES ? 'could-not-check' : 'retrying';
    const retry = Math.min(entry.everyMinutes, FIRST_RETRY_MINUTES * 2 ** (next.failures - 1));
    next.nextCheckAt = now + (next.status === 'could-not-check' ? entry.everyMinutes : retry) * 60_000;
    return { entry: next };
  }
  next.failures = 0;
  delete next.lastError;
  next.lastOkAt = now;
  next.nextCheckAt = now + entry.everyMinutes * 60_000;
  const previous = entry.lastFacts;
  next.lastFacts = outcome.facts;
  if (!previous) {
    next.status = entry.unseen > 0 ? 'changed' : 'ok';
    return { entry: next };
  }
  const diff = diffFacts(previous, outcome.facts);
  // Only real changes count: a check an older MXray never made ("not checked before") alerts nobody.
  const items: ChangeItem[] = describeDiff(diff, previous, outcome.facts);
  if (items.length === 0) {
    next.status = entry.unseen > 0 ? 'changed' : 'ok';
    return { entry: next };
  }
  const alert: WatchLogEntry = { at: now, summary: withOlderChecks(changeSummary(items, previous.checkedAt, now), diff), items };
  next.log = [...next.log, alert].slice(-WATCH_LOG_LIMIT);
  next.notifyPending = [...(entry.notifyPending ?? []), now];
  next.unseen = entry.unseen + 1;
  next.status = 'changed';
  return { entry: next, alert };
}

/** The Watch view was opened: its changes are seen. */
export function markSeen(entry: WatchEntry): WatchEntry {
  return { ...entry, unseen: 0, status: entry.status === 'changed' ? 'ok' : entry.status };
}

export function unseenTotal(entries: readonly WatchEntry[]): number {
  return entries.reduce((sum, e) => sum + e.unseen, 0);
}

/** When a name's alarm should ring: its next check, but never in the past (a browser that slept, a restart). */
export function alarmTime(entry: WatchEntry, now: number): number {
  return Math.max(entry.nextCheckAt, now + 1_000);
}

export function statusText(entry: WatchEntry): string {
  switch (entry.status) {
    case 'ok':
      return entry.lastOkAt === undefined ? 'not checked yet' : entry.log.length > 0 ? 'no new change' : 'no change';
    case 'changed':
      return `${entry.unseen} new change${entry.unseen === 1 ? '' : 's'}`;
    case 'retrying':
      return `check failed (${entry.lastError ?? 'no answer'}), retrying`;
    case 'could-not-check':
      return `could not check: ${entry.failures} failures in a row (${entry.lastError ?? 'no answer'})`;
  }
}
