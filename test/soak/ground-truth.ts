/**
 * The soak's independent account of what should have been logged: from the zone model and the
 * times each name's checks actually completed (a check a worker stop cut short never completed),
 * never from the watch code's own diff. A completed check at `t` that got an answer must log a
 * change exactly when the zone's signature at `t` differs from the one at the name's previous
 * answered check; a failed check logs nothing. Each logged change is notified exactly once.
 */
import type { WatchLogEntry } from '../../src/core/history/watch-schedule';
import { ZoneModel } from './zone-model';

export interface CheckSeen {
  at: number;
  ok: boolean;
}

export interface ExpectedChange {
  name: string;
  at: number;
  kinds: string[];
}

export function expectedChanges(zone: ZoneModel, checks: ReadonlyMap<string, readonly CheckSeen[]>): ExpectedChange[] {
  const expected: ExpectedChange[] = [];
  for (const [name, seen] of checks) {
    let previous: string | undefined;
    for (const check of seen) {
      if (!check.ok) continue;
      const now = zone.signature(name, check.at);
      if (previous !== undefined && now !== previous) expected.push({ name, at: check.at, kinds: ZoneModel.kindsChanged(previous, now) });
      previous = now;
    }
  }
  return expected.sort((a, b) => a.at - b.at || (a.name < b.name ? -1 : 1));
}

/** What a logged change must mention for each kind of zone change (the change log's items). */
function mentions(entry: WatchLogEntry, kind: string): boolean {
  switch (kind) {
    case 'mx':
      return entry.items.some((i) => i.topic === 'mx');
    case 'addresses':
      return entry.items.some((i) => i.topic === 'host' || i.topic === 'mx');
    case 'spf':
      return entry.items.some((i) => i.topic === 'record' && i.subject === 'SPF');
    case 'dmarc':
      return entry.items.some((i) => i.topic === 'record' && i.subject === 'DMARC');
    default:
      return false;
  }
}

export interface Comparison {
  expected: number;
  logged: number;
  notified: number;
  problems: string[];
}

/**
 * Every expected change logged once (at its check's time, about what changed), nothing else
 * logged, and one notification for each (`watch:<name>:<time>`, as the worker names them).
 */
export function compareWithLogs(
  expected: readonly ExpectedChange[],
  logs: ReadonlyMap<string, readonly WatchLogEntry[]>,
  notificationIds: readonly string[],
): Comparison {
  const problems: string[] = [];
  const key = (name: string, at: number) => `${name} @ ${new Date(at).toISOString()}`;
  const want = new Map(expected.map((e) => [key(e.name, e.at), e]));
  const logged = new Map<string, WatchLogEntry>();
  let loggedCount = 0;
  for (const [name, log] of logs) {
    for (const entry of log) {
      loggedCount++;
      const k = key(name, entry.at);
      if (logged.has(k)) problems.push(`logged twice: ${k}`);
      logged.set(k, entry);
      const wanted = want.get(k);
      if (!wanted) problems.push(`logged but no change was visible: ${k}: ${entry.summary}`);
      else
        for (const kind of wanted.kinds)
          if (!mentions(entry, kind) && !(kind === 'addresses' && wanted.kinds.includes('mx')))
            problems.push(`${k}: the log does not mention the ${kind} change: ${entry.summary}`);
    }
  }
  for (const k of want.keys()) if (!logged.has(k)) problems.push(`missed: ${k} (${want.get(k)!.kinds.join(', ')} changed)`);
  const notified = new Map<string, number>();
  for (const id of notificationIds) notified.set(id, (notified.get(id) ?? 0) + 1);
  for (const e of expected) {
    const id = `watch:${e.name}:${e.at}`;
    const times = notified.get(id) ?? 0;
    if (times !== 1) problems.push(`notified ${times} times: ${key(e.name, e.at)}`);
    notified.delete(id);
  }
  for (const [id, times] of notified) problems.push(`notification for no change: ${id} (${times}×)`);
  return { expected: expected.length, logged: loggedCount, notified: notificationIds.length, problems };
}
