/**
 * Many mail lookups on one client: a list pasted into the CLI, a page full of addresses. The
 * client's limiter already caps HTTP requests in flight (64 by default, so a public resolver is
 * not flooded); this adds a cap on *lookups* in flight, for two reasons measured in
 * docs/performance.md:
 *   - without it, all N lookups ask their first questions at once, and the limiter's queue (first
 *     come, first served) holds every later question behind all of them: the first report
 *     arrives only near the end, and a cancelled run still has thousands of questions queued;
 *   - with it, reports finish steadily from the start (`onReport`), at the same throughput.
 * Reports come back in the order of `queries`; cancelling stops new lookups from starting.
 */
import type { DohClient } from '../doh/doh-client';
import type { Report } from '../report';
import type { Query } from '../vocabulary';
import { lookupMail, type LookupOptions } from './lookup-mail';

/**
 * One lookup of a domain with one MX keeps about 8 requests over 3 round trips, so ~3 in flight
 * on average: 32 lookups keep the client's 64-request cap busy without queueing far ahead of it.
 */
export const DEFAULT_MAX_LOOKUPS = 32;

export interface BulkLookupOptions extends Omit<LookupOptions, 'onUpdate'> {
  /** Lookups in flight at once (default `DEFAULT_MAX_LOOKUPS`). */
  maxLookups?: number;
  /** Each finished report as soon as it is finished, with its index in `queries`. */
  onReport?: (report: Report, index: number) => void;
  /** Awaited before each lookup starts: a bulk run's pause holds new lookups here. */
  beforeLookup?: () => Promise<void> | void;
}

/**
 * Looks up every query; resolves when all have finished. An entry is `undefined` only when
 * `signal` aborted the run before that lookup started.
 */
export async function bulkLookup(queries: readonly Query[], client: DohClient, options: BulkLookupOptions = {}): Promise<(Report | undefined)[]> {
  const { maxLookups = DEFAULT_MAX_LOOKUPS, onReport, beforeLookup, ...lookupOptions } = options;
  if (!(maxLookups >= 1)) throw new RangeError('maxLookups must be at least 1');
  const reports = new Array<Report | undefined>(queries.length).fill(undefined);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < queries.length && !lookupOptions.signal?.aborted) {
      if (beforeLookup) {
        await beforeLookup();
        if (next >= queries.length || lookupOptions.signal?.aborted) break;
      }
      const index = next++;
      const report = await lookupMail(queries[index]!, client, lookupOptions);
      reports[index] = report;
      try {
        onReport?.(report, index);
      } catch {
        // A listener's bug must not stop the other lookups.
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(maxLookups, queries.length) }, worker));
  return reports;
}
