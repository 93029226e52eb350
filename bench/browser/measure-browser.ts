// The in-browser section of `npm run bench`: popup and result page timings at 0 and 50 ms RTT
// (and the popup from a stopped worker at 50), the cached re-lookup, the worker's heap over 1,000
// lookups, then the popup again with the cache those lookups left (see the files it calls).
// Issue #24 (section `popup`): the toolbar popup warm and from a stopped worker is measured for
// each build under test (builds.ts: the build before a change and this one), one browser per
// build launched the same way on the same DNS stack, the builds in turn run by run; then the
// routing report against the 80-line lookup (plain-vs-mxray.ts) and one cold click's trace
// (cold-click-trace.ts). The rest (result page, checks on/off, worker heap) is this build's only.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { StackInfo } from '../../test/stack/stack-info';
import { median, round } from '../stats';
import { startBrowserBench, type BrowserBench } from './browser-bench';
import type { BuildLabel, BuildUnderTest } from './builds';
import { traceColdClick, type ColdClickTrace } from './cold-click-trace';
import { measurePlainVsMxray, type PlainRow } from './plain-vs-mxray';
import { cachedSample, FRESH_DOMAIN, freshRequests, freshSample, type CachedSample, type FreshSample, type Surface } from './popup-latency';
import { PROCESS_GROUPS, type CpuUse } from './process-cpu';
import { measureWorkerMemory, type WorkerMemory } from './worker-memory';
import { readCacheSnapshot, type CacheSnapshot, type Start } from './worker-start-state';
import { measureRoutingVsChecks, type RoutingRow } from './routing-vs-checks';

/** `popup`: measured in every build under test (section `popup`); `rest`: this build only (section `browser`). */
type Scenario = { surface: Surface; start: Start; section: 'popup' | 'rest' };
const WARM_POPUP: Scenario = { surface: 'toolbar popup', start: 'warm', section: 'popup' };
const WARM_PAGE: Scenario = { surface: 'result page', start: 'warm', section: 'rest' };
/** The popup from a stopped worker (wake-up and TLS in the figures) at the engine target's RTT only. */
const COLD: Scenario = { surface: 'toolbar popup', start: 'cold', section: 'popup' };
/** The popup from a stopped worker, the connection kept: the worker's start alone (issue 12, section 5; issue #24's "cold"). */
const COLD_WORKER: Scenario = { surface: 'toolbar popup', start: 'cold worker', section: 'popup' };
export const BROWSER_RTTS_MS = [0, 50] as const;
const SCENARIOS_AT: Record<(typeof BROWSER_RTTS_MS)[number], readonly Scenario[]> = {
  0: [WARM_POPUP, WARM_PAGE, COLD_WORKER],
  50: [WARM_POPUP, WARM_PAGE, COLD_WORKER, COLD],
};
/** The big-cache popup runs: at the engine target's RTT, 3 runs (each rewrites ~1 MB of cache). */
const BIG_CACHE_RTT_MS = 50;
const BIG_CACHE_RUNS = 3;

type NumberFields<T> = { [K in keyof T as T[K] extends number ? K : never]: number };

export interface FreshRow {
  build: BuildLabel;
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
  build: BuildLabel;
  rttMs: number;
  runs: number;
  median: NumberFields<CachedSample>;
  maxRequests: number;
  allFromCache: boolean;
  samples: CachedSample[];
}

export interface BrowserResults {
  chromium: string;
  /** The builds measured: "before" (a git ref) and "after" (this checkout's dist/chromium). */
  builds: { label: BuildLabel; commit: string }[];
  domain: string;
  runs: number;
  /** Starting xdotool and sending the chord: inside every "from the key press" figure. */
  xdotoolMs: number;
  fresh: FreshRow[];
  cached: CachedRow[];
  /** The routing report with every mail check on against off (issue 12, section 6). */
  routing: RoutingRow[];
  /** Issue #24: the routing report on screen against the 80-line lookup, per build. */
  plain: PlainRow[];
  /** Issue #24: one cold click of this build, milestone by milestone. */
  trace?: ColdClickTrace;
  memory?: WorkerMemory;
  problems: string[];
  seconds: number;
}

export interface BrowserSections {
  /** Issue #24: the toolbar popup warm and cold at 0 and 50 ms RTT in every build, the cached re-lookup, the 80-line lookup, the trace. */
  popup: boolean;
  /** This build's result page at 0 and 50 ms RTT, and the routing with the checks on and off. */
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

/** One browser per build under test; `after` (this build) is always among them. */
export interface BenchOfBuild {
  label: BuildLabel;
  bench: BrowserBench;
}

async function freshRows(
  benches: readonly BenchOfBuild[],
  rttMs: number,
  scenarios: readonly Scenario[],
  runs: number,
  problems: string[],
  bigCache?: CacheSnapshot,
) {
  for (const { bench } of benches) bench.setRttMs(rttMs);
  // Every (scenario, build) pair measured: popup scenarios in every build, the rest in this one.
  const pairs = scenarios.flatMap((scenario) =>
    benches.filter(({ label }) => scenario.section === 'popup' || label === 'after').map((of) => ({ scenario, ...of })),
  );
  const samples = pairs.map(() => [] as FreshSample[]);
  const again = new Map<BuildLabel, CachedSample[]>();
  // Scenarios and builds interleaved run by run, so a slow spell of the machine falls on all of them.
  for (let run = 0; run < runs; run++) {
    for (const [i, { scenario, label: build, bench }] of pairs.entries()) {
      const { surface, start } = scenario;
      const sample = await freshSample(bench, surface, start, bigCache);
      samples[i]!.push(sample);
      const label = `${surface}, ${start}, ${rttMs} ms, ${build}, run ${run + 1}`;
      const connections = start === 'cold' ? 1 : 0; // a cold worker keeps the browser's connection
      if (sample.requests !== freshRequests(start))
        problems.push(`${label}: ${sample.requests} requests, expected ${freshRequests(start)} (was the cache empty?)`);
      if (sample.newConnections !== connections) problems.push(`${label}: ${sample.newConnections} new TLS connections, expected ${connections}`);
      if (surface === 'toolbar popup' && start === 'warm') again.set(build, [...(again.get(build) ?? []), await cachedSample(bench)]);
    }
  }
  const fresh = pairs.map(({ scenario: { surface, start }, label }, i): FreshRow => {
    const cpu = cpuMedians(samples[i]!);
    return { build: label, surface, start, rttMs, runs, median: medians(samples[i]!), ...(cpu ? { cpu } : {}), samples: samples[i]! };
  });
  const cached = [...again].map(([build, runsOf]): CachedRow => ({
    build,
    rttMs,
    runs: runsOf.length,
    median: medians(runsOf),
    maxRequests: Math.max(...runsOf.map((s) => s.requests)),
    allFromCache: runsOf.every((s) => s.fromCache),
    samples: runsOf,
  }));
  return { fresh, cached };
}

export async function measureBrowser(
  stack: StackInfo,
  builds: readonly BuildUnderTest[],
  runs: number,
  sections: BrowserSections,
  log: (line: string) => void,
): Promise<BrowserResults> {
  const started = performance.now();
  const benches: BenchOfBuild[] = [];
  try {
    for (const build of sections.popup ? builds : builds.filter((b) => b.label === 'after')) {
      benches.push({ label: build.label, bench: await startBrowserBench(stack, build.dir) });
    }
    const bench = benches.find((b) => b.label === 'after')?.bench;
    if (!bench) throw new Error('the browser bench needs this build ("after") among the builds under test');
    const chromium = bench.browser.context.browser()?.version() ?? 'unknown';
    const problems: string[] = [];
    const fresh: FreshRow[] = [];
    const cached: CachedRow[] = [];
    for (const rttMs of sections.popup || sections.timings ? BROWSER_RTTS_MS : []) {
      const scenarios = SCENARIOS_AT[rttMs].filter((s) => (s.section === 'popup' ? sections.popup : sections.timings));
      const rows = await freshRows(benches, rttMs, scenarios, runs, problems);
      fresh.push(...rows.fresh);
      cached.push(...rows.cached);
      for (const row of rows.fresh)
        log(`  ${row.surface}, ${row.start}, ${rttMs} ms, ${row.build}: first row ${row.median.firstRow} ms, Done ${row.median.done} ms`);
      for (const row of rows.cached)
        log(`  toolbar popup again within TTL, ${rttMs} ms, ${row.build}: lookup to Done ${row.median.lookupToDone} ms, ${row.maxRequests} requests`);
    }
    const routing = sections.timings ? await measureRoutingVsChecks(bench, BROWSER_RTTS_MS, runs) : [];
    for (const row of routing)
      log(
        `  result page, ${row.checks}, ${row.rttMs} ms: routing on screen ${row.routing} ms, first row ${row.firstRow} ms, Done ${row.done} ms, ${row.requests} requests`,
      );
    const plain = sections.popup ? await measurePlainVsMxray(benches, BROWSER_RTTS_MS, runs, problems) : [];
    for (const row of plain)
      log(
        `  ${row.subject}${row.subject.startsWith('MXray') ? ', every check on' : ''}, ${row.rttMs} ms, ${row.build}: document start → routing on screen ${row.fromDocument} ms (${row.ratio}×)`,
      );
    let trace: ColdClickTrace | undefined;
    if (sections.popup) {
      trace = await traceColdClick(bench);
      log(`  one cold click (${trace.start}, ${trace.rttMs} ms): ${trace.steps.map((step) => `${step.milestone} ${step.ms}`).join(', ')}`);
    }
    let memory: WorkerMemory | undefined;
    if (sections.workerMemory) {
      log('  worker heap over 1,000 lookups');
      memory = await measureWorkerMemory(bench);
      log(`  ... ${memory.seconds} s; heap ${memory.points.map((p) => p.heapUsedMB).join(', ')} MB`);
      if (memory.unfinished > 0) problems.push(`worker memory: ${memory.unfinished} lookups ended without a report`);
      if (!memory.sameWorker) problems.push('worker memory: the worker was restarted during the 1,000 lookups');
      const snapshot = await readCacheSnapshot(bench);
      log(`  toolbar popup with the cache the 1,000 lookups left (${snapshot.length} entries), ${BIG_CACHE_RTT_MS} ms`);
      const bigScenario: Scenario = { surface: 'toolbar popup', start: 'big cache', section: 'rest' };
      const big = await freshRows([{ label: 'after', bench }], BIG_CACHE_RTT_MS, [bigScenario], BIG_CACHE_RUNS, problems, snapshot);
      fresh.push(...big.fresh.map((row) => ({ ...row, cacheEntries: snapshot.length })));
    }
    const xdotoolMs = await xdotoolStartMs(bench.browser.display!);
    return {
      chromium,
      builds: builds.filter((b) => benches.some((of) => of.label === b.label)).map(({ label, commit }) => ({ label, commit })),
      domain: FRESH_DOMAIN,
      runs,
      xdotoolMs,
      fresh,
      cached,
      routing,
      plain,
      ...(trace ? { trace } : {}),
      ...(memory ? { memory } : {}),
      problems,
      seconds: round((performance.now() - started) / 1000),
    };
  } finally {
    for (const { bench } of benches) await bench.close();
  }
}
