// The in-browser results as markdown tables (printed, and written into docs/performance.md):
// popupTables, issue #24's before/after block (the toolbar popup in every build under test, the
// routing against the 80-line lookup, one cold click's trace), and browserTables, the rest
// (result page, checks on/off, worker heap), each written into its own block of the doc.
import { sameOrRange } from '../stats';
import { markdownTable, ms, type Cell } from '../table';
import type { TargetResult } from '../targets';
import type { BrowserResults, CachedRow, FreshRow } from './measure-browser';
import type { WorkerMemory } from './worker-memory';
import { PROCESS_GROUPS } from './process-cpu';

const from = (row: FreshRow) => (row.surface === 'toolbar popup' ? 'key' : 'nav');
const startLabel = (row: FreshRow) => (row.start === 'big cache' ? `warm, ${row.cacheEntries ?? '?'} answers cached` : row.start);
/** Rows of issue #24's block: the toolbar popup in every build (not the big-cache runs, this build's only). */
export const isPopupRow = (row: FreshRow) => row.surface === 'toolbar popup' && row.start !== 'big cache';
/** Whether the builds column says anything (more than one build measured). */
const manyBuilds = (results: BrowserResults) => (results.builds?.length ?? 1) > 1;

/** Who sent the first request, over the runs: page, worker, or "page 3/5". */
function firstRequestFrom(row: FreshRow): string {
  const known = row.samples.filter((s) => !Number.isNaN(s.firstRequestFromPage));
  const page = known.filter((s) => s.firstRequestFromPage === 1).length;
  if (known.length === 0) return '-';
  return page === 0 ? 'worker' : page === known.length ? 'page' : `page ${page}/${known.length}`;
}

function latencyTable(rows: readonly FreshRow[], builds: boolean): string {
  return markdownTable(
    [
      ...(builds ? ['build'] : []),
      'surface',
      'start',
      'RTT (ms)',
      'key/nav → document start',
      'document start → first row',
      'key/nav → first row',
      'document start → Done',
      'key/nav → Done',
      'requests: log',
      'depth: log',
      'new TLS connections',
    ],
    rows.map((row): Cell[] => {
      const m = row.median;
      return [
        ...(builds ? [row.build] : []),
        row.surface,
        startLabel(row),
        row.rttMs,
        ms(m.documentStart),
        ms(m.firstRow - m.documentStart),
        ms(m.firstRow),
        ms(m.done - m.documentStart),
        ms(m.done),
        m.requests,
        sameOrRange(row.samples.map((s) => s.depth)),
        m.newConnections,
      ];
    }),
  );
}

function waterfallTable(rows: readonly FreshRow[], builds: boolean): string {
  return markdownTable(
    [
      ...(builds ? ['build'] : []),
      'surface',
      'start',
      'RTT (ms)',
      'from',
      'document start',
      'DOMContentLoaded',
      '"Looking up" shown',
      'worker started',
      'first request at resolver',
      'first request from',
      'MX answered',
      'MX at resolver (ms)',
      'MX report in page',
      'first row painted',
      'routing on screen',
      'Done painted',
      'engine "Done in" (ms)',
      'TLS handshake (ms)',
    ],
    rows.map((row): Cell[] => {
      const m = row.median;
      return [
        ...(builds ? [row.build] : []),
        row.surface,
        startLabel(row),
        row.rttMs,
        from(row),
        ms(m.documentStart),
        ms(m.domContentLoaded),
        ms(m.lookupStarted),
        m.workerStarted < 0 ? 'running' : ms(m.workerStarted),
        ms(m.firstRequest),
        firstRequestFrom(row),
        ms(m.mxAnswered),
        ms(m.mxAnswered - m.mxAsked),
        ms(m.mxMessage),
        ms(m.firstRow),
        ms(m.routing),
        ms(m.done),
        ms(m.engineMs),
        ms(m.tlsMs),
      ];
    }),
  );
}

function cpuTable(fresh: readonly FreshRow[], builds: boolean): string {
  const rows = fresh.filter((row) => row.cpu);
  return markdownTable(
    [
      ...(builds ? ['build'] : []),
      'start',
      'RTT (ms)',
      'window (ms)',
      'extension process started (runs)',
      ...PROCESS_GROUPS,
      'all: CPU',
      'all: waiting for a core',
    ],
    rows.map((row): Cell[] => {
      const cpu = row.cpu!;
      const total = (pick: 'cpuMs' | 'waitMs') => PROCESS_GROUPS.reduce((sum, group) => sum + cpu[group][pick], 0);
      const started = row.samples.filter((s) => s.newExtensionProcess === 1).length;
      return [
        ...(builds ? [row.build] : []),
        startLabel(row),
        row.rttMs,
        ms(row.median.cpuWindowMs),
        `${started} of ${row.samples.length}`,
        ...PROCESS_GROUPS.map((group) => `${cpu[group].cpuMs} / ${cpu[group].waitMs}`),
        total('cpuMs'),
        total('waitMs'),
      ];
    }),
  );
}

function cachedTable(cached: readonly CachedRow[], builds: boolean): string {
  return markdownTable(
    [
      ...(builds ? ['build'] : []),
      'RTT (ms)',
      '"Looking up" shown → "Done" painted',
      'document start → Done painted',
      'key → Done painted',
      'engine "Done in" (ms)',
      'requests: log (worst run)',
      'status says "from cache"',
    ],
    cached.map((row): Cell[] => [
      ...(builds ? [row.build] : []),
      row.rttMs,
      ms(row.median.lookupToDone),
      ms(row.median.documentToDone),
      ms(row.median.keyToDone),
      ms(row.median.engineMs),
      row.maxRequests,
      row.allFromCache,
    ]),
  );
}

function memoryTable(memory: WorkerMemory): string {
  const table = markdownTable(
    ['lookups', 'JS heap used after GC (MB)', 'JS heap total (MB)', 'cache entries (storage.session)', 'requests sent (log)'],
    memory.points.map((p) => [p.lookups, p.heapUsedMB.toFixed(2), p.heapTotalMB.toFixed(2), p.cacheEntries, p.requests]),
  );
  const save = memory.cacheSave;
  return `${table}\n\n${memory.distinctNames} names, 1,000 lookups in ${memory.seconds} s at 0 ms RTT; ${memory.unfinished} without a final report; ${memory.sameWorker ? 'one worker throughout (never restarted)' : 'the worker was RESTARTED on the way'}. The whole cache as left (${save.entries} entries, ${save.jsonKB} KB as JSON) in one storage.session.set: ${save.ms} ms, what every save cost before saves became incremental; one lookup's worth (60 answers), as the worker now writes: ${save.lookupMs ?? '?'} ms.`;
}

function routingTable(results: BrowserResults): string {
  return markdownTable(
    ['RTT (ms)', 'mail checks', 'nav → first row', 'nav → routing report in page', 'nav → routing on screen', 'on − off', 'nav → Done', 'requests: log'],
    results.routing.map((row) => {
      const off = results.routing.find((r) => r.rttMs === row.rttMs && r.checks === 'checks off');
      return [
        row.rttMs,
        row.checks,
        ms(row.firstRow),
        ms(row.routingMessage),
        ms(row.routing),
        row === off || !off ? '' : ms(row.routing - off.routing),
        ms(row.done),
        row.requests,
      ];
    }),
  );
}

/** Issue #24's headline: key press → first MX row, warm and from a stopped worker, per build. */
function coldWarmTable(results: BrowserResults): string {
  const popup = results.fresh.filter(isPopupRow);
  const rtts = [...new Set(popup.map((row) => row.rttMs))];
  const builds = [...new Set(popup.map((row) => row.build))];
  const find = (rttMs: number, build: string, start: string) => popup.find((r) => r.rttMs === rttMs && r.build === build && r.start === start)?.median;
  return markdownTable(
    [
      'RTT (ms)',
      'build',
      'key → document start (warm)',
      'warm: key → first row',
      'cold: key → first row',
      'cold − warm',
      'warm: document start → first row',
      'cold, new TLS connection: key → first row',
    ],
    rtts.flatMap((rttMs) =>
      builds.map((build): Cell[] => {
        const warm = find(rttMs, build, 'warm');
        const cold = find(rttMs, build, 'cold worker');
        const tls = find(rttMs, build, 'cold');
        const value = (x: number | undefined) => (x === undefined ? '-' : ms(x));
        return [
          rttMs,
          build,
          value(warm?.documentStart),
          value(warm?.firstRow),
          value(cold?.firstRow),
          warm && cold ? ms(cold.firstRow - warm.firstRow) : '-',
          warm ? ms(warm.firstRow - warm.documentStart) : '-',
          value(tls?.firstRow),
        ];
      }),
    ),
  );
}

function plainTable(results: BrowserResults): string {
  return markdownTable(
    [
      'RTT (ms)',
      ...(manyBuilds(results) ? ['build'] : []),
      'what',
      'key/nav → routing on screen',
      'document start → routing on screen',
      '× the 80-line lookup',
      'requests: log',
    ],
    results.plain.map((row): Cell[] => [
      row.rttMs,
      ...(manyBuilds(results) ? [row.build] : []),
      row.subject,
      ms(row.fromStart),
      ms(row.fromDocument),
      `${row.ratio.toFixed(2)}×`,
      row.requests,
    ]),
  );
}

function traceList(results: BrowserResults): string {
  const trace = results.trace!;
  const lines = trace.steps.map((step) => `- ${ms(step.ms).padStart(5)} ms  ${step.milestone}`);
  const who = trace.firstRequestFrom === 'none' ? 'no request was seen' : `the first request came from the ${trace.firstRequestFrom}`;
  return `${lines.join('\n')}\n\n${trace.requests} requests, ${trace.pageRequests} of them sent by the page; ${who}.`;
}

function goalsTable(goals: readonly TargetResult[]): string {
  return markdownTable(
    ['goal (this build)', 'limit', 'measured', 'met'],
    goals.map((goal) => [goal.target, goal.limit, goal.measured, goal.met]),
  );
}

/**
 * Issue #24's block: the toolbar popup before and after, the routing against the 80-line lookup,
 * one cold click. `goals`: the issue's goals read on this build (browser-targets.ts).
 */
export function popupTables(results: BrowserResults, goals: readonly TargetResult[] = []): string {
  const popup = results.fresh.filter(isPopupRow);
  const builds = manyBuilds(results);
  const buildNames = (results.builds ?? []).map((b) => `${b.label} = ${b.commit}`).join(', ');
  const parts: string[] = [];
  if (popup.length > 0) {
    parts.push(
      `### Toolbar popup${builds ? ' before and after' : ''}: ${results.domain}, key press → first MX row (Chromium ${results.chromium}, median of ${results.runs} runs${builds ? `, builds in turn run by run: ${buildNames}` : ''})`,
      `Warm: the worker running, its connection open; cold: the worker stopped (as Chrome stops it after 30 s idle), the browser's connection kept; "new TLS connection": the worker stopped and the connection closed too (50 ms only). Times from the key press (starting xdotool takes ${results.xdotoolMs} ms of it).`,
      coldWarmTable(results),
      '### Every figure of those runs',
      latencyTable(popup, builds),
      '### Where the time goes: milestones of the same runs, ms from the key press (medians)',
      '"First request at resolver" is the lookup\'s first, whoever sent it; "first request from" says whether the page or the worker sent it (the paint probe notes the questions the page fetches itself: request-senders.ts). "Routing on screen": the frame that showed the mail server table complete (MX, addresses, PTR, FCrDNS).',
      waterfallTable(popup, builds),
      "### CPU while one toolbar popup lookup runs: ms on a core / ms waiting for one, per process (medians; window: just before the key press to the last answer + 0.6 s; every Chromium on the machine counts, the other build's idle browser too)",
      cpuTable(popup, builds),
    );
  }
  if (results.cached.length > 0)
    parts.push('### The same lookup again in the toolbar popup, within TTL (right after each warm run)', cachedTable(results.cached, builds));
  if (results.plain?.length > 0) {
    parts.push(
      `### The routing report complete against the 80-line lookup (every mail check on, warm worker, ${results.domain}, median of ${results.runs} runs, interleaved)`,
      `The 80-line lookup (bench/browser/plain-lookup/) asks the routing's 19 questions (the MX, the hosts' A and AAAA, the addresses' PTR; the PTR names' forward checks are the hosts' own questions), each as soon as it can, with no cache and no checks, and renders once; it runs as an extension page of the same build (same permissions, same resolver). "Routing on screen": MXray's mail server table complete (MX, addresses, PTR, FCrDNS), the lookup's one render, each at the frame after. The ratio is from document start, so the toolbar popup's opening (Chromium's) stays out of it.`,
      plainTable(results),
    );
  }
  if (results.trace) {
    parts.push(
      `### One cold click of this build: toolbar popup, worker stopped (connection kept), ${results.trace.rttMs} ms RTT, ms from the key press`,
      traceList(results),
    );
  }
  if (goals.length > 0) parts.push("### Issue #24's goals on this build", goalsTable(goals));
  if (parts.length > 0 && results.problems.length > 0) parts.push(`Problems seen: ${results.problems.slice(0, 10).join('; ')}`);
  return parts.join('\n\n');
}

/** The rest of the in-browser results: this build's result page, checks on/off, worker heap. */
export function browserTables(results: BrowserResults): string {
  const parts: string[] = [];
  const rest = results.fresh.filter((row) => !isPopupRow(row));
  if (rest.length > 0) {
    parts.push(
      `### In the browser: ${results.domain}, result page open to the first mail server row and to "Done" (Chromium ${results.chromium}, median of ${results.runs} runs; the toolbar popup is in its own block, issue #24)`,
      `Times from the navigation call (result page) or the key press (toolbar popup; starting xdotool takes ${results.xdotoolMs} ms of it); "document start" is the page's performance.timeOrigin.`,
      latencyTable(rest, false),
      '### Where the time goes: milestones of the same runs, ms from the navigation or key press (medians)',
      waterfallTable(rest, false),
    );
    if (rest.some((row) => row.cpu))
      parts.push('### CPU while the popup runs with the big cache (window: key press to the last answer + 3 s)', cpuTable(rest, false));
  }
  if (results.routing?.length > 0) {
    parts.push(
      `### The routing report with every mail check on against off (result page, warm worker, ${results.domain}, median of ${results.runs} runs each, interleaved)`,
      'On: the mail diagnostics, the blocklists and the network (ASN) lookups; off: none of them. "Routing report" is the first report whose MX, addresses, PTR and forward checks are all answered (src/core/lookup/routing-progress.ts); "on screen" is the frame that showed the mail server table complete.',
      routingTable(results),
    );
  }
  if (results.memory) parts.push('### Service worker heap over 1,000 lookups through the lookup port', memoryTable(results.memory));
  // Said once: in issue #24's block when that ran.
  if (!results.fresh.some(isPopupRow) && results.problems.length > 0) parts.push(`Problems seen: ${results.problems.slice(0, 10).join('; ')}`);
  return parts.join('\n\n');
}
