// The in-browser section of `npm run bench`: popup and result page timings at 0 and 50 ms RTT
// (and the popup from a stopped worker at 50), the cached re-lookup, the worker's heap over 1,000
// lookups, then the popup again with the cache those lookups left (see the files it calls).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { StackInfo } from '../../test/stack/stack-info';
import { median, round } from '../stats';
import { startBrowserBench, type BrowserBench } from './browser-bench';
import { cachedSample, FRESH_DOMAIN, freshRequests, freshSample, type CachedSample, type FreshSample, type Surface } from './popup-latency';
import { PROCESS_GROUPS, type CpuUse } from './process-cpu';
import { measureWorkerMemory, type WorkerMemory } from './worker-memory';
import { readCacheSnapshot, type CacheSnapshot, type Start } from './worker-start-state';
import { measureRoutingVsChecks, type RoutingRow } from './routing-vs-checks';

type Scenario = { surface: Surface; start: Start };
const WARM: readonly Scenario[] = [
  { surface: 'toolbar popup', start: 'warm' },
  { surface: 'result page', start: 'warm' },
];
/** The popup from a stopped worker (wake-up and TLS in the figures) at the engine target's RTT only. */
const COLD: Scenario = { surface: 'toolbar popup', start: 'cold' };
/** The popup from a stopped worker, the connection kept: the worker's start alone (issue 12, section 5). */
const COLD_WORKER: Scenario = { surface: 'toolbar popup', start: 'cold worker' };
export const BROWSER_RTTS_MS = [0, 50] as const;
const SCENARIOS_AT: Record<(typeof BROWSER_RTTS_MS)[number], readonly Scenario[]> = { 0: [...WARM, COLD_WORKER], 50: [...WARM, COLD_WORKER, COLD] };
/** The big-cache popup runs: at the engine target's RTT, 3 runs (each rewrites ~1 MB of cache). */
const BIG_CACHE_RTT_MS = 50;
const BIG_CACHE_RUNS = 3;

type NumberFields<T> = { [K in keyof T as T[K] extends number ? K : never]: number };

export interface FreshRow {
  surface: Surface;
  start: Start;
  rttMs: number;
  runs: number;
  median: NumberFields<FreshSample>;
  /** Medians per process group (toolbar popup only). */
  cpu?: CpuUse;
  /** Answers in the cache at the start (big-cache runs). */
  cacheEntries?: number;
  samples: FreshSample[];
}

export interface CachedRow {
  rttMs: number;
  runs: number;
  median: NumberFields<CachedSample>;
  maxRequests: number;
  allFromCache: boolean;
  samples: CachedSample[];
}

export interface BrowserResults {
  chromium: string;
  domain: string;
  runs: number;
  /** Starting xdotool and sending the chord: inside every "from the key press" figure. */
  xdotoolMs: number;
  fresh: FreshRow[];
  cached: CachedRow[];
  /** The routing report with every mail check on against off (issue 12, section 6). */
  routing: RoutingRow[];
  memory?: WorkerMemory;
  problems: string[];
  seconds: number;
}

export interface BrowserSections {
  /** Popup and result page at 0 and 50 ms RTT, and the cached re-lookup. */
  timings: boolean;
  /** The worker heap over 1,000 lookups, then the popup with the cache they left. */
  workerMemory: boolean;
}

function medians<T extends object>(samples: readonly T[]): NumberFields<T> {
  const first = (samples[0] ?? {}) as Record<string, unknown>;
  const keys = Object.keys(first).filter((key) => typeof first[key] === 'number');
  const values = (key: string) => samples.map((s) => (s as Record<string, number>)[key]!).filter((v) => !Number.isNaN(v));
  return Object.fromEntries(keys.map((key) => [key, round(median(values(key)))])) as NumberFields<T>;
}

function cpuMedians(samples: readonly FreshSample[]): CpuUse | undefined {
  const uses = samples.flatMap((s) => (s.cpu ? [s.cpu] : []));
  if (uses.length === 0) return undefined;
  const of = (pick: (use: CpuUse) => number) => round(median(uses.map(pick)), 0);
  return Object.fromEntries(PROCESS_GROUPS.map((group) => [group, { cpuMs: of((u) => u[group].cpuMs), waitMs: of((u) => u[group].waitMs) }])) as CpuUse;
}

async function xdotoolStartMs(display: string): Promise<number> {
  const run = promisify(execFile);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await run('xdotool', ['getmouselocation'], { env: { ...process.env, DISPLAY: display } });
    times.push(performance.now() - started);
  }
  return round(median(times));
}

async function freshRows(bench: BrowserBench, rttMs: number, scenarios: readonly Scenario[], runs: number, problems: string[], bigCache?: CacheSnapshot) {
  bench.setRttMs(rttMs);
  const samples = scenarios.map(() => [] as FreshSample[]);
  const again: CachedSample[] = [];
  // Scenarios interleaved run by run, so a slow spell of the machine falls on all of them.
  for (let run = 0; run < runs; run++) {
    for (const [i, { surface, start }] of scenarios.entries()) {
      const sample = await freshSample(bench, surface, start, bigCache);
      samples[i]!.push(sample);
      const label = `${surface}, ${start}, ${rttMs} ms, run ${run + 1}`;
      const connections = start === 'cold' ? 1 : 0; // a cold worker keeps the browser's connection
      if (sample.requests !== freshRequests(start))
        problems.push(`${label}: ${sample.requests} requests, expected ${freshRequests(start)} (was the cache empty?)`);
      if (sample.newConnections !== connections) problems.push(`${label}: ${sample.newConnections} new TLS connections, expected ${connections}`);
      if (surface === 'toolbar popup' && start === 'warm') again.push(await cachedSample(bench));
    }
  }
  const fresh = scenarios.map(({ surface, start }, i): FreshRow => {
    const cpu = cpuMedians(samples[i]!);
    return { surface, start, rttMs, runs, median: medians(samples[i]!), ...(cpu ? { cpu } : {}), samples: samples[i]! };
  });
  const cached: CachedRow | undefined =
    again.length > 0
      ? {
          rttMs,
          runs: again.length,
          median: medians(again),
          maxRequests: Math.max(...again.map((s) => s.requests)),
          allFromCache: again.every((s) => s.fromCache),
          samples: again,
        }
      : undefined;
  return { fresh, cached };
}

export async function measureBrowser(stack: StackInfo, runs: number, sections: BrowserSections, log: (line: string) => void): Promise<BrowserResults> {
  const started = performance.now();
  const bench = await startBrowserBench(stack);
  try {
    const chromium = bench.browser.context.browser()?.version() ?? 'unknown';
    const problems: string[] = [];
    const fresh: FreshRow[] = [];
    const cached: CachedRow[] = [];
    for (const rttMs of sections.timings ? BROWSER_RTTS_MS : []) {
      const rows = await freshRows(bench, rttMs, SCENARIOS_AT[rttMs], runs, problems);
      fresh.push(...rows.fresh);
      if (rows.cached) cached.push(rows.cached);
      for (const row of rows.fresh) log(`  ${row.surface}, ${row.start}, ${rttMs} ms: first row ${row.median.firstRow} ms, Done ${row.median.done} ms`);
      log(`  toolbar popup again within TTL, ${rttMs} ms: lookup to Done ${rows.cached?.median.lookupToDone} ms, ${rows.cached?.maxRequests} requests`);
    }
    const routing = sections.timings ? await measureRoutingVsChecks(bench, BROWSER_RTTS_MS, runs) : [];
    for (const row of routing)
      log(
        `  result page, ${row.checks}, ${row.rttMs} ms: routing on screen ${row.routing} ms, first row ${row.firstRow} ms, Done ${row.done} ms, ${row.requests} requests`,
      );
    let memory: WorkerMemory | undefined;
    if (sections.workerMemory) {
      log('  worker heap over 1,000 lookups');
      memory = await measureWorkerMemory(bench);
      log(`  ... ${memory.seconds} s; heap ${memory.points.map((p) => p.heapUsedMB).join(', ')} MB`);
      if (memory.unfinished > 0) problems.push(`worker memory: ${memory.unfinished} lookups ended without a report`);
      if (!memory.sameWorker) problems.push('worker memory: the worker was restarted during the 1,000 lookups');
      const snapshot = await readCacheSnapshot(bench);
      log(`  toolbar popup with the cache the 1,000 lookups left (${snapshot.length} entries), ${BIG_CACHE_RTT_MS} ms`);
      const big = await freshRows(bench, BIG_CACHE_RTT_MS, [{ surface: 'toolbar popup', start: 'big cache' }], BIG_CACHE_RUNS, problems, snapshot);
      fresh.push(...big.fresh.map((row) => ({ ...row, cacheEntries: snapshot.length })));
    }
    const xdotoolMs = await xdotoolStartMs(bench.browser.display!);
    return {
      chromium,
      domain: FRESH_DOMAIN,
      runs,
      xdotoolMs,
      fresh,
      cached,
      routing,
      ...(memory ? { memory } : {}),
      problems,
      seconds: round((performance.now() - started) / 1000),
    };
  } finally {
    await bench.close();
  }
}
