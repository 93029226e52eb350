/**
 * One bulk check: every domain of the list through `bulkLookup` (bounded lookups in flight on
 * one DoH client, whose own limiter keeps at most 64 requests in flight and backs off after
 * HTTP 429), each finished domain handed on as a result row at once.
 *
 * What each lookup asks is the caller's `lookup`, from `lookupOptionsFrom(choices, 'bulk')` (or
 * 'cli-bulk'; src/shared/lookup-options-from.ts), the one place that says why a bulk run asks no
 * PTR and no TXT unless the mail setup is on: a routing-only domain costs 3 requests (MX, A,
 * AAAA), not 5, and in the browser each request costs the worker and Chromium's network stack
 * more than the engine's work on its answer.
 */
import type { DohClient } from '../doh/doh-client';
import { bulkLookup } from '../lookup/bulk-lookup';
import type { LookupOptions } from '../lookup/lookup-options';
import { domainQuery } from '../query/build-query';
import { findRegistrableDomain } from '../query/registrable-domain';
import type { Report } from '../report';
import { resultOfReport } from './result-of-report';
import type { RunControl } from './run-control';
import type { BulkDomain, BulkResult } from './types';

export interface RunBulkOptions {
  /** What each lookup asks (the run adds its own `signal`). */
  lookup: Omit<LookupOptions, 'signal' | 'onUpdate'>;
  /** Lookups in flight at once (the engine's default when left out). */
  maxLookups?: number;
  control?: RunControl;
  /** Each finished domain, with its index in `domains`, and the full report behind it. */
  onResult?: (result: BulkResult, index: number, report: Report) => void;
}

export async function runBulk(domains: readonly BulkDomain[], client: DohClient, options: RunBulkOptions): Promise<(BulkResult | undefined)[]> {
  const { control } = options;
  const queries = domains.map((entry) => {
    const registrable = findRegistrableDomain(entry.domain);
    return domainQuery(entry.domain, { name: entry.domain, display: entry.display, ...(registrable === undefined ? {} : { registrable }) });
  });
  const results = new Array<BulkResult | undefined>(domains.length).fill(undefined);
  const lookup: Parameters<typeof bulkLookup>[2] = {
    ...options.lookup,
    onReport: (report, index) => {
      // A lookup cut short by cancel is no answer about the domain.
      if (control?.cancelled) return;
      const result = resultOfReport(domains[index]!, report);
      results[index] = result;
      options.onResult?.(result, index, report);
    },
  };
  if (options.maxLookups !== undefined) lookup.maxLookups = options.maxLookups;
  if (control) {
    lookup.signal = control.signal;
    lookup.beforeLookup = () => control.wait();
  }
  await bulkLookup(queries, client, lookup);
  return results;
}
