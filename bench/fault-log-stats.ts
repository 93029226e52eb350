// What the fault server's request log says about a run, independently of the engine's own stats.
import type { FaultLogEntry } from '../test/stack/fault-log';

/** Most requests the server was holding at one moment (an answer sent frees its slot first). */
export function peakInFlight(entries: readonly FaultLogEntry[]): number {
  const events: [number, number][] = [];
  for (const entry of entries) {
    events.push([entry.startMs, +1]);
    events.push([entry.endMs ?? Number.POSITIVE_INFINITY, -1]);
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let peak = 0;
  for (const [, change] of events) {
    now += change;
    peak = Math.max(peak, now);
  }
  return peak;
}

/** Requests per HTTP status, e.g. `{200: 23, 429: 23}`. */
export function statusCounts(entries: readonly FaultLogEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of entries) {
    const key = entry.aborted ? 'aborted' : String(entry.httpStatus);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
