// The benchmark results as markdown tables: printed by `npm run bench` and pasted (or written
// with --update-docs) into docs/performance.md.
import { browserTables, isPopupRow, popupTables } from './browser/browser-tables';
import { popupGoals } from './browser/browser-targets';
import { messageVerifyTable, type MessageVerifyRow } from './message-verify';
import type { BulkPageRow } from './browser/bulk-page';
import { bulkPageTable } from './browser/bulk-page-table';
import type { BrowserResults } from './browser/measure-browser';
import type { BulkRow, CeilingRow } from './bulk-throughput';
import type { BundleRow } from './bundle-sizes';
import { diagnosticsTable, type DiagnosticsRow } from './diagnostics-latency';
import type { EngineRow } from './engine-latency';
import type { MemoryRun } from './memory';
import type { RetryRow } from './retry-after';
import { kb, markdownTable, ms } from './table';
import type { TargetResult } from './targets';

export interface BenchResults {
  machine: { date: string; cpus: string; node: string; loadAverage: { start: number; end: number } };
  engine?: EngineRow[];
  bundles?: BundleRow[];
  tldtsAloneGzipBytes?: number;
  /** dist/chromium/psl-trie.json: the list the worker reads when it starts, not JS it evaluates. */
  suffixListFile?: { bytes: number; gzipBytes: number };
  bulk?: BulkRow[];
  ceiling?: CeilingRow;
  retry?: RetryRow[];
  memory?: MemoryRun[];
  browser?: BrowserResults;
  /** The bulk page in Chromium, 1,000 and 10,000 domains (issue #13). */
  bulkPage?: BulkPageRow[];
  diagnostics?: DiagnosticsRow[];
  /** Explaining a message once its keys are in (issue #22), and the runs it is the median of. */
  messageVerify?: MessageVerifyRow[];
  messageVerifyRuns?: number;
  targets: TargetResult[];
}

export function engineTables(rows: EngineRow[]): string {
  const runs = rows[0]?.runs ?? 0;
  const baselineRuns = rows[0]?.baseline.runs ?? 0;
  const engine = markdownTable(
    ['RTT (ms)', 'domain', 'first MX (ms)', 'complete (ms)', 'requests: report', 'requests: log', 'round trips: report', 'depth: log'],
    rows.map((r) => [
      r.rttMs,
      r.domain,
      ms(r.engine.firstMxMs),
      ms(r.engine.completeMs),
      r.engine.requests,
      r.engine.logRequests,
      r.engine.roundTrips,
      r.engine.logDepth,
    ]),
  );
  const versus = markdownTable(
    ['RTT (ms)', 'domain', 'engine (ms)', 'sequential (ms)', 'speed-up', 'sequential requests', 'sequential depth: log', 'sequential first MX (ms)'],
    rows.map((r) => [
      r.rttMs,
      r.domain,
      ms(r.engine.completeMs),
      ms(r.baseline.completeMs),
      `${r.speedup.toFixed(2)}×`,
      r.baseline.requests,
      r.baseline.logDepth,
      ms(r.baseline.firstMxMs),
    ]),
  );
  const cache = markdownTable(
    ['RTT (ms)', 'domain', 'cold (ms)', 'cached (ms)', 'requests: report', 'requests: log'],
    rows.map((r) => [r.rttMs, r.domain, ms(r.engine.completeMs), r.cache.ms.toFixed(2), r.cache.requests, r.cache.logRequests]),
  );
  const problems = rows.flatMap((r) => r.problems);
  const handshakes = rows.flatMap((r) => [...r.samples.engine, ...r.samples.baseline]).reduce((sum, s) => sum + s.newConnections, 0);
  return [
    `### Engine: one lookup, fresh cache, warm connections (median of ${runs} runs)`,
    '',
    engine,
    '',
    `### Sequential baseline beside it: time to the complete report (medians of ${baselineRuns} / ${runs} runs)`,
    '',
    versus,
    '',
    '### The same lookup again, same client, within TTL',
    '',
    cache,
    '',
    `TLS connections opened inside timed runs (all runs, both plans): ${handshakes}.`,
    ...(problems.length > 0 ? ['', `Problems seen: ${problems.slice(0, 10).join('; ')}`] : []),
  ].join('\n');
}

export function bundleTable(rows: BundleRow[], tldtsAloneGzipBytes?: number, suffixListFile?: { bytes: number; gzipBytes: number }): string {
  const table = markdownTable(
    ['entry', 'files at load', 'minified (KB)', 'gzip at load (KB)', 'lazy chunks gzip (KB)', 'largest contributors at load: minified KB (share, ≈ gz KB)'],
    rows.map((r) => [
      r.entry,
      r.files.map((file) => file.replace(/^dist\//, '')).join(' + '),
      kb(r.bytes),
      kb(r.gzipBytes),
      r.lazyFiles.length > 0 ? `${kb(r.lazyGzipBytes)} (${r.lazyFiles.length})` : '-',
      r.contributors.map((c) => `${c.group} ${kb(c.bytes)} (${Math.round(c.share * 100)}%, ≈${kb(c.approxGzipBytes)})`).join(', '),
    ]),
  );
  const tldts = tldtsAloneGzipBytes ? ` tldts in a page (its inputs minified and gzipped together): ${kb(tldtsAloneGzipBytes)} KB gz.` : '';
  const file = suffixListFile
    ? ` The worker reads the list from psl-trie.json (${kb(suffixListFile.bytes)} KB, ${kb(suffixListFile.gzipBytes)} KB gz in the package), parsed as JSON, not evaluated as JS.`
    : '';
  const note = tldts || file ? `\n\n${(tldts + file).trim()}` : '';
  return `### Bundles (KB = 1,024 bytes; gzip level 9, each file on its own)\n\n${table}${note}`;
}

export function bulkTables(bulk: BulkRow[], retry: RetryRow[], ceiling?: CeilingRow): string {
  const table = markdownTable(
    [
      'lookups in flight (cap)',
      'domains/s',
      'requests/s',
      'first report (ms)',
      'total (s)',
      'requests: report',
      'requests: log',
      'peak in flight: limiter',
      'peak in flight: log',
      'failed',
      'client CPU (ms/lookup)',
      'new TLS connections',
    ],
    bulk.map((r) => [
      `${r.maxLookups}${r.isDefault ? ' (default)' : ''}`,
      r.domainsPerSecond,
      r.requestsPerSecond,
      r.firstReportMs,
      r.seconds,
      r.requests,
      r.logRequests,
      r.limiterPeak,
      r.logPeak,
      r.failedLookups,
      r.clientCpuMsPerLookup,
      r.newConnections,
    ]),
  );
  const engineOnly = ceiling
    ? `\n\nThe engine alone (the same lookups, answers recorded once and replayed from memory, no network): ${ceiling.domainsPerSecond} domains/s, ${ceiling.cpuMsPerLookup} ms CPU per lookup.`
    : '';
  const retries = markdownTable(
    ['scenario', 'questions', 'requests: client', 'requests: log', 'HTTP statuses (log)', 'retry after (ms)', 'elapsed (ms)', 'outcome'],
    retry.map((r) => [
      r.scenario,
      r.questions,
      r.requests,
      r.logRequests,
      Object.entries(r.statuses)
        .map(([status, count]) => `${count}× ${status}`)
        .join(', '),
      r.retryGapMs,
      r.elapsedMs,
      r.outcome,
    ]),
  );
  return [
    '### Bulk: 200 bulk-NNN.test domains, 50 ms RTT, requests in flight capped at 64 (DohClient default)',
    '',
    table + engineOnly,
    '',
    '### HTTP 429 with Retry-After: 1 (one resolver, so nothing to fall back to)',
    '',
    retries,
  ].join('\n');
}

export function memoryTable(runs: MemoryRun[]): string {
  const table = markdownTable(
    ['cache cap (entries)', 'lookups', 'heap after GC (MB)', 'cache entries', 'requests sent'],
    runs.flatMap((run) => run.points.map((p) => [run.cacheMaxEntries, p.lookups, p.heapMB.toFixed(2), p.cacheEntries, p.requests])),
  );
  const growth = runs
    .map((run) => `cap ${run.cacheMaxEntries}: ${run.growthLastHalfMB >= 0 ? '+' : ''}${run.growthLastHalfMB} MB from 500 to 1,000 lookups (${run.seconds} s)`)
    .join('; ');
  return `### Memory: one client, 1,000 lookups at 0 ms RTT\n\n${table}\n\n${growth}.`;
}

export function targetTable(targets: TargetResult[]): string {
  return `### Targets\n\n${markdownTable(
    ['target', 'limit', 'measured', 'met'],
    targets.map((t) => [t.target, t.limit, t.measured, t.met]),
  )}`;
}

function machineLine(results: BenchResults): string {
  const { date, cpus, node, loadAverage } = results.machine;
  return `Measured ${date} on ${cpus}, Node ${node}; 1-minute load average ${loadAverage.start} at the start, ${loadAverage.end} at the end.`;
}

/** Issue #24's block (the toolbar popup before and after, the 80-line lookup, a cold click), when it ran. */
export function popupBlock(results: BenchResults): string | undefined {
  const browser = results.browser;
  if (!browser || !(browser.fresh.some(isPopupRow) || browser.plain?.length > 0 || browser.trace)) return undefined;
  return `${machineLine(results)}\n\n${popupTables(browser, popupGoals(browser))}`;
}

/** Everything but issue #24's block (popupBlock). */
export function allTables(results: BenchResults): string {
  const parts = [machineLine(results), targetTable(results.targets)];
  if (results.engine) parts.push(engineTables(results.engine));
  if (results.diagnostics) parts.push(diagnosticsTable(results.diagnostics));
  if (results.bulk && results.retry) parts.push(bulkTables(results.bulk, results.retry, results.ceiling));
  if (results.memory) parts.push(memoryTable(results.memory));
  if (results.browser) {
    const rest = browserTables(results.browser);
    if (rest) parts.push(rest);
  }
  if (results.bulkPage) parts.push(bulkPageTable(results.bulkPage));
  if (results.messageVerify) parts.push(messageVerifyTable(results.messageVerify, results.messageVerifyRuns ?? 0));
  if (results.bundles) parts.push(bundleTable(results.bundles, results.tldtsAloneGzipBytes, results.suffixListFile));
  return parts.join('\n\n');
}
