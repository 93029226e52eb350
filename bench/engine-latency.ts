// Section 1 and 2: one lookup at a simulated resolver round trip (the fault server's
// `/delay/<rtt>`), the naive sequential plan beside it, and the same lookup again from the cache.
// Each run gets a fresh DohClient (empty cache) over connections opened just before it.
import { DohClient } from '../src/core/doh/doh-client';
import { customProvider } from '../src/core/doh/providers';
import { lookupMail } from '../src/core/lookup/lookup-mail';
import { parseQuery } from '../src/core/query';
import type { Report } from '../src/core/report';
import { criticalPathDepth } from '../test/stack/fault-log';
import { readFaultLog } from '../test/stack/fault-log-client';
import type { StackInfo } from '../test/stack/stack-info';
import type { BenchFetch } from './bench-fetch';
import { lookupSequentially } from './sequential-baseline';
import { median, round, sameOrRange } from './stats';

export const RTTS_MS = [0, 20, 50, 100] as const;
export const DOMAINS = [
  { name: 'one-mx.test', short: 'one', exchanges: 1 },
  { name: 'five-mx.test', short: 'five', exchanges: 5 },
  { name: 'twenty-mx.test', short: 'twenty', exchanges: 20 },
] as const;

export function faultDohUrl(stack: Pick<StackInfo, 'faultUrl'>, tag: string, rttMs: number): string {
  return `${stack.faultUrl}/tag/${tag}/delay/${rttMs}/dns-query`;
}

interface EngineSample {
  firstMxMs: number;
  completeMs: number;
  reportRequests: number;
  logRequests: number;
  roundTrips: number;
  logDepth: number;
  cacheMs: number;
  cacheRequests: number;
  cacheLogRequests: number;
  /** TLS connections opened during the timed lookup (0 when the warm-up did its job). */
  newConnections: number;
  problems: string[];
}

interface BaselineSample {
  firstMxMs: number;
  completeMs: number;
  requests: number;
  logRequests: number;
  logDepth: number;
  newConnections: number;
}

export interface EngineRow {
  rttMs: number;
  domain: string;
  exchanges: number;
  runs: number;
  engine: {
    firstMxMs: number;
    completeMs: number;
    requests: string;
    logRequests: string;
    countsAgree: boolean;
    roundTrips: string;
    logDepth: string;
  };
  baseline: { runs: number; firstMxMs: number; completeMs: number; requests: string; logRequests: string; logDepth: string };
  /** Sequential complete / engine complete (medians). */
  speedup: number;
  cache: { ms: number; requests: string; logRequests: string };
  problems: string[];
  samples: { engine: EngineSample[]; baseline: BaselineSample[] };
}

export interface EngineOptions {
  stack: StackInfo;
  bench: BenchFetch;
  engineRuns: number;
  baselineRuns: number;
  log?: (line: string) => void;
}

async function engineSample(options: EngineOptions, domain: (typeof DOMAINS)[number], rttMs: number, run: number): Promise<EngineSample> {
  const { stack, bench } = options;
  const tag = `engine-${domain.short}-${rttMs}-${run}`;
  const client = new DohClient({ providers: [customProvider(faultDohUrl(stack, tag, rttMs))], fetch: bench.fetch });
  const query = parseQuery(domain.name);
  await bench.warm();

  let firstMxMs = Number.NaN;
  const connectionsBefore = bench.connections();
  const started = performance.now();
  const report = await lookupMail(query, client, {
    onUpdate: (update) => {
      if (Number.isNaN(firstMxMs) && update.exchanges.length > 0) firstMxMs = performance.now() - started;
    },
  });
  const completeMs = performance.now() - started;
  const newConnections = bench.connections() - connectionsBefore;
  const log = await readFaultLog(stack, tag);

  const cacheStarted = performance.now();
  const again = await lookupMail(query, client);
  const cacheMs = performance.now() - cacheStarted;
  const logAfter = await readFaultLog(stack, tag);

  return {
    firstMxMs,
    completeMs,
    reportRequests: report.stats.requests,
    logRequests: log.length,
    roundTrips: report.stats.roundTrips,
    logDepth: criticalPathDepth(log),
    cacheMs,
    cacheRequests: again.stats.requests,
    cacheLogRequests: logAfter.length - log.length,
    newConnections,
    problems: [
      ...problemsOf(report, domain.exchanges, tag),
      ...log.filter((e) => e.httpStatus !== 200).map((e) => `${tag}: HTTP ${e.httpStatus ?? 'aborted'} for ${e.name} ${e.type}`),
    ],
  };
}

function problemsOf(report: Report, exchanges: number, tag: string): string[] {
  const problems: string[] = [];
  if (report.status !== 'done') problems.push(`${tag}: report not done`);
  if (report.exchanges.length !== exchanges) problems.push(`${tag}: ${report.exchanges.length} exchanges, expected ${exchanges}`);
  for (const error of report.errors) problems.push(`${tag}: ${error.code} ${error.message}`);
  return problems;
}

async function baselineSample(options: EngineOptions, domain: (typeof DOMAINS)[number], rttMs: number, run: number): Promise<BaselineSample> {
  const { stack, bench } = options;
  const tag = `sequential-${domain.short}-${rttMs}-${run}`;
  const client = new DohClient({ providers: [customProvider(faultDohUrl(stack, tag, rttMs))], fetch: bench.fetch });
  await bench.warm();
  const connectionsBefore = bench.connections();
  const result = await lookupSequentially(domain.name, client);
  const newConnections = bench.connections() - connectionsBefore;
  const log = await readFaultLog(stack, tag);
  return {
    firstMxMs: result.firstMxMs,
    completeMs: result.completeMs,
    requests: result.requests,
    logRequests: log.length,
    logDepth: criticalPathDepth(log),
    newConnections,
  };
}

export async function measureEngine(options: EngineOptions): Promise<EngineRow[]> {
  const rows: EngineRow[] = [];
  for (const rttMs of RTTS_MS) {
    for (const domain of DOMAINS) {
      const engine: EngineSample[] = [];
      const baseline: BaselineSample[] = [];
      // Interleaved, so slow drift of the machine affects both plans alike.
      for (let run = 0; run < Math.max(options.engineRuns, options.baselineRuns); run++) {
        if (run < options.engineRuns) engine.push(await engineSample(options, domain, rttMs, run));
        if (run < options.baselineRuns) baseline.push(await baselineSample(options, domain, rttMs, run));
      }
      const of = <T>(samples: T[], pick: (s: T) => number) => samples.map(pick);
      const row: EngineRow = {
        rttMs,
        domain: domain.name,
        exchanges: domain.exchanges,
        runs: engine.length,
        engine: {
          firstMxMs: round(median(of(engine, (s) => s.firstMxMs))),
          completeMs: round(median(of(engine, (s) => s.completeMs))),
          requests: sameOrRange(of(engine, (s) => s.reportRequests)),
          logRequests: sameOrRange(of(engine, (s) => s.logRequests)),
          countsAgree: engine.every((s) => s.reportRequests === s.logRequests),
          roundTrips: sameOrRange(of(engine, (s) => s.roundTrips)),
          logDepth: sameOrRange(of(engine, (s) => s.logDepth)),
        },
        baseline: {
          runs: baseline.length,
          firstMxMs: round(median(of(baseline, (s) => s.firstMxMs))),
          completeMs: round(median(of(baseline, (s) => s.completeMs))),
          requests: sameOrRange(of(baseline, (s) => s.requests)),
          logRequests: sameOrRange(of(baseline, (s) => s.logRequests)),
          logDepth: sameOrRange(of(baseline, (s) => s.logDepth)),
        },
        speedup: 0,
        cache: {
          ms: round(median(of(engine, (s) => s.cacheMs)), 2),
          requests: sameOrRange(of(engine, (s) => s.cacheRequests)),
          logRequests: sameOrRange(of(engine, (s) => s.cacheLogRequests)),
        },
        problems: engine.flatMap((s) => s.problems),
        samples: { engine, baseline },
      };
      row.speedup = round(row.baseline.completeMs / row.engine.completeMs, 2);
      rows.push(row);
      options.log?.(
        `  rtt ${rttMs} ms ${domain.name}: first MX ${row.engine.firstMxMs} ms, complete ${row.engine.completeMs} ms, sequential ${row.baseline.completeMs} ms (${row.speedup}×)`,
      );
    }
  }
  return rows;
}
