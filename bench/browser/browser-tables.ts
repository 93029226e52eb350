// The in-browser results as markdown tables (printed, and written into docs/performance.md).
import { sameOrRange } from '../stats';
import { markdownTable, ms } from '../table';
import type { BrowserResults, FreshRow } from './measure-browser';
import type { WorkerMemory } from './worker-memory';
import { PROCESS_GROUPS } from './process-cpu';

const from = (row: FreshRow) => (row.surface === 'toolbar popup' ? 'key' : 'nav');
const startLabel = (row: FreshRow) => (row.start === 'big cache' ? `warm, ${row.cacheEntries ?? '?'} answers cached` : row.start);

function latencyTable(results: BrowserResults): string {
  return markdownTable(
    [
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
    results.fresh.map((row) => {
      const m = row.median;
      return [
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

function waterfallTable(results: BrowserResults): string {
  return markdownTable(
    [
      'surface',
      'start',
      'RTT (ms)',
      'from',
      'document start',
      'DOMContentLoaded',
      '"Looking up" shown',
      'worker started',
      'first request at resolver',
      'MX answered',
      'MX at resolver (ms)',
      'MX report in page',
      'first row painted',
      'Done painted',
      'engine "Done in" (ms)',
      'TLS handshake (ms)',
    ],
    results.fresh.map((row) => {
      const m = row.median;
      return [
        row.surface,
        startLabel(row),
        row.rttMs,
        from(row),
        ms(m.documentStart),
        ms(m.domContentLoaded),
        ms(m.lookupStarted),
        m.workerStarted < 0 ? 'running' : ms(m.workerStarted),
        ms(m.firstRequest),
        ms(m.mxAnswered),
        ms(m.mxAnswered - m.mxAsked),
        ms(m.mxMessage),
        ms(m.firstRow),
        ms(m.done),
        ms(m.engineMs),
        ms(m.tlsMs),
      ];
    }),
  );
}

function cpuTable(results: BrowserResults): string {
  const rows = results.fresh.filter((row) => row.cpu);
  return markdownTable(
    ['start', 'RTT (ms)', 'window (ms)', 'extension process started (runs)', ...PROCESS_GROUPS, 'all: CPU', 'all: waiting for a core'],
    rows.map((row) => {
      const cpu = row.cpu!;
      const total = (pick: 'cpuMs' | 'waitMs') => PROCESS_GROUPS.reduce((sum, group) => sum + cpu[group][pick], 0);
      const started = row.samples.filter((s) => s.newExtensionProcess === 1).length;
      return [
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

function cachedTable(results: BrowserResults): string {
  return markdownTable(
    [
      'RTT (ms)',
      '"Looking up" shown → "Done" painted',
      'document start → Done painted',
      'key → Done painted',
      'engine "Done in" (ms)',
      'requests: log (worst run)',
      'status says "from cache"',
    ],
    results.cached.map((row) => [
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

export function browserTables(results: BrowserResults): string {
  const parts: string[] = [];
  if (results.fresh.length > 0) {
    parts.push(
      `### In the browser: ${results.domain}, popup open to the first mail server row and to "Done" (Chromium ${results.chromium}, median of ${results.runs} runs)`,
      `Times from the key press (toolbar popup; starting xdotool takes ${results.xdotoolMs} ms of it) or from the navigation call (result page); "document start" is the page's performance.timeOrigin.`,
      latencyTable(results),
      '### Where the time goes: milestones of the same runs, ms from the key press or navigation (medians)',
      waterfallTable(results),
      '### CPU while one toolbar popup lookup runs: ms on a core / ms waiting for one, per process (medians; window: just before the key press to the last answer + 0.6 s, or + 3 s with the big cache)',
      cpuTable(results),
    );
  }
  if (results.cached.length > 0) parts.push('### The same lookup again in the toolbar popup, within TTL (right after each warm run)', cachedTable(results));
  if (results.routing?.length > 0) {
    parts.push(
      `### The routing report with every mail check on against off (result page, warm worker, ${results.domain}, median of ${results.runs} runs each, interleaved)`,
      'On: the mail diagnostics, the blocklists and the network (ASN) lookups; off: none of them. "Routing report" is the first report whose MX, addresses, PTR and forward checks are all answered (src/core/lookup/routing-progress.ts); "on screen" is the animation frame after it reached the page.',
      routingTable(results),
    );
  }
  if (results.memory) parts.push('### Service worker heap over 1,000 lookups through the lookup port', memoryTable(results.memory));
  if (results.problems.length > 0) parts.push(`Problems seen: ${results.problems.slice(0, 10).join('; ')}`);
  return parts.join('\n\n');
}
