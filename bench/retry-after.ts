// Section 4b: backing off on HTTP 429. The fault server's `/status/429` answers 429 with
// `Retry-After: 1`. The client retries a rate-limited request once, after Retry-After (capped at
// 5 s), when no other resolver is left to ask (doh-client.ts). Two runs, counted from both sides:
//   - every request rate-limited: one question, two requests a second apart, then a failure;
//   - only the first try of each question rate-limited (a resolver whose limit resets): a whole
//     five-mx.test lookup, every question sent twice, the report complete and without errors.
import { DohClient } from '../src/core/doh/doh-client';
import type { FetchLike } from '../src/core/doh/doh-request';
import { customProvider } from '../src/core/doh/providers';
import { AllResolversFailed } from '../src/core/errors';
import { lookupMail } from '../src/core/lookup/lookup-mail';
import { parseQuery } from '../src/core/query';
import { criticalPathDepth } from '../test/stack/fault-log';
import { readFaultLog } from '../test/stack/fault-log-client';
import type { StackInfo } from '../test/stack/stack-info';
import type { BenchFetch } from './bench-fetch';
import { faultDohUrl } from './engine-latency';
import { statusCounts } from './fault-log-stats';
import { round } from './stats';

export interface RetryRow {
  scenario: string;
  questions: number;
  requests: number;
  logRequests: number;
  statuses: Record<string, number>;
  /** Between the end of a 429 and the start of the retry of the same question. */
  retryGapMs: number;
  elapsedMs: number;
  /** The engine's critical-path depth (lookups only). */
  roundTrips?: number;
  logDepth: number;
  outcome: string;
}

/** Sends the first request for each distinct question to `/status/429`, the rest through untouched. */
function firstTryRateLimited(fetch: FetchLike): FetchLike {
  const seen = new Set<string>();
  return (input, init) => {
    const url = new URL(input);
    const question = url.searchParams.get('dns') ?? '';
    if (seen.has(question)) return fetch(input, init);
    seen.add(question);
    url.pathname = url.pathname.replace(/\/dns-query$/, '/status/429/dns-query');
    return fetch(url.href, init);
  };
}

function retryGaps(entries: { name: string | null; type: string | null; startMs: number; endMs: number | null; httpStatus: number | null }[]): number[] {
  const gaps: number[] = [];
  const last429 = new Map<string, number>();
  for (const entry of [...entries].sort((a, b) => a.startMs - b.startMs)) {
    const key = `${entry.name} ${entry.type}`;
    const limitedAt = last429.get(key);
    if (limitedAt !== undefined) gaps.push(entry.startMs - limitedAt);
    if (entry.httpStatus === 429) last429.set(key, entry.endMs ?? entry.startMs);
  }
  return gaps;
}

export async function measureRetryAfter(stack: StackInfo, bench: BenchFetch): Promise<RetryRow[]> {
  await bench.warm(8);
  const rows: RetryRow[] = [];

  {
    const tag = 'retry-all-429';
    const client = new DohClient({ providers: [customProvider(`${stack.faultUrl}/tag/${tag}/status/429/dns-query`)], fetch: bench.fetch });
    const started = performance.now();
    let outcome: string;
    let requests = 0;
    try {
      await client.query({ name: 'one-mx.test', type: 'MX' });
      outcome = 'answered (unexpected)';
    } catch (error) {
      requests = error instanceof AllResolversFailed ? error.requests : Number.NaN;
      outcome = error instanceof AllResolversFailed ? `failed: ${error.message}` : `threw ${String(error)}`;
    }
    const elapsedMs = performance.now() - started;
    const entries = await readFaultLog(stack, tag);
    rows.push({
      scenario: 'every request gets 429',
      questions: 1,
      requests,
      logRequests: entries.length,
      statuses: statusCounts(entries),
      retryGapMs: round(Math.min(...retryGaps(entries)), 0),
      elapsedMs: round(elapsedMs, 0),
      logDepth: criticalPathDepth(entries),
      outcome,
    });
  }

  {
    const tag = 'retry-first-429';
    const client = new DohClient({ providers: [customProvider(faultDohUrl(stack, tag, 0))], fetch: firstTryRateLimited(bench.fetch) });
    const started = performance.now();
    const report = await lookupMail(parseQuery('five-mx.test'), client);
    const elapsedMs = performance.now() - started;
    const entries = await readFaultLog(stack, tag);
    const gaps = retryGaps(entries);
    rows.push({
      scenario: 'first try of each question gets 429',
      questions: new Set(entries.map((e) => `${e.name} ${e.type}`)).size,
      requests: report.stats.requests,
      logRequests: entries.length,
      statuses: statusCounts(entries),
      retryGapMs: round(Math.min(...gaps), 0),
      elapsedMs: round(elapsedMs, 0),
      roundTrips: report.stats.roundTrips,
      logDepth: criticalPathDepth(entries),
      outcome:
        report.status === 'done' && report.errors.length === 0
          ? `complete: ${report.exchanges.length} MX, no errors`
          : `errors: ${report.errors.map((e) => e.code).join(', ')}`,
    });
  }
  return rows;
}
