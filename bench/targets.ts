// The targets MXray's engine is held to (docs/performance.md), checked against one run's figures.
import type { BulkRow } from './bulk-throughput';
import type { BundleRow } from './bundle-sizes';
import type { DiagnosticsRow } from './diagnostics-latency';
import type { EngineRow } from './engine-latency';

export interface TargetResult {
  target: string;
  limit: string;
  measured: string;
  met: boolean;
}

const KB = 1024;

export function evaluateTargets(engine: EngineRow[], bundles: BundleRow[], bulk: BulkRow[], diagnostics: DiagnosticsRow[] = []): TargetResult[] {
  const results: TargetResult[] = [];
  const diag50 = diagnostics.filter((row) => row.rttMs === 50);
  if (diag50.length > 0) {
    const limit = 1.2 * 50 + 60;
    results.push({
      target: `time to first MX at 50 ms RTT with every mail diagnostic on (${diag50.map((row) => row.domain).join(', ')}); the MX request in the first burst`,
      limit: `≤ ${limit} ms, MX sent before any answer`,
      measured: `${diag50.map((row) => `${row.firstMxMs} ms`).join(', ')}; MX in the first burst: ${diag50.every((row) => row.mxInFirstBurst) ? 'always' : 'NOT always'}`,
      met: diag50.every((row) => row.firstMxMs <= limit && row.mxInFirstBurst),
    });
  }
  const at = (rttMs: number, exchanges: number) => engine.find((row) => row.rttMs === rttMs && row.exchanges === exchanges);

  const at50 = engine.filter((row) => row.rttMs === 50);
  if (at50.length > 0) {
    const limit = 1.2 * 50 + 60;
    results.push({
      target: 'time to first MX at 50 ms RTT (1, 5, 20 MX)',
      limit: `≤ 1.2 × RTT + 60 ms = ${limit} ms`,
      measured: at50.map((row) => `${row.engine.firstMxMs} ms`).join(', '),
      met: at50.every((row) => row.engine.firstMxMs <= limit),
    });
  }

  for (const rttMs of [...new Set(engine.map((row) => row.rttMs))]) {
    const rows = [at(rttMs, 5), at(rttMs, 20)].filter((row) => row !== undefined);
    if (rows.length === 0) continue;
    const limit = 3.5 * rttMs + 100;
    results.push({
      target: `complete report at ${rttMs} ms RTT (5, 20 MX)`,
      limit: `≤ 3.5 × RTT + 100 ms = ${limit} ms`,
      measured: rows.map((row) => `${row.engine.completeMs} ms`).join(', '),
      met: rows.every((row) => row.engine.completeMs <= limit),
    });
  }

  const five50 = at(50, 5);
  if (five50) {
    results.push({
      target: 'speed-up over the sequential plan, 5 MX at 50 ms RTT',
      limit: '≥ 5×',
      measured: `${five50.speedup}× (${five50.baseline.completeMs} vs ${five50.engine.completeMs} ms)`,
      met: five50.speedup >= 5,
    });
  }

  if (engine.length > 0) {
    const worst = Math.max(...engine.flatMap((row) => row.samples.engine.flatMap((s) => [s.cacheRequests, s.cacheLogRequests])));
    results.push({
      target: 'cached re-lookup within TTL',
      limit: '0 requests',
      measured: `${worst} requests (worst of all runs, client and log)`,
      met: worst === 0,
    });
    const agree = engine.every((row) => row.engine.countsAgree);
    results.push({
      target: 'requests: report stats = fault-server log',
      limit: 'equal in every run',
      measured: agree ? 'equal in every run' : 'differ (see engine table)',
      met: agree,
    });
  }

  const size = (name: string) => bundles.find((row) => row.entry === name);
  // The popup's budget was 18 KB gz; issue 24 raised it to 20 for the page's first questions
  // (startLookupAskingFirst, the relay, the report merge: 1.4 KB at load), then to 24 for
  // popup-early.js, the classic script that sends the lookup while popup.js loads (4 KB: the
  // polyfill is in it once more, being a bundle of its own). The routing lookup itself
  // (ask-first, 36 KB gz with the DoH client and the wire codec) is a chunk fetched as the popup
  // opens with the worker stopped, counted below; docs/performance.md has what each costs and what it buys.
  const popupPage = pageRow(size('chromium-popup'), size('chromium-popup-early'));
  for (const [row, label, limitKb] of [
    [popupPage, 'popup JS', 24],
    [size('chromium-background'), 'service worker JS', 45],
  ] as const) {
    if (!row) continue;
    results.push({
      target: `${label} at load (${row.files.map((file) => file.split('/').pop()).join(' + ')})`,
      limit: `≤ ${limitKb} KB gz`,
      measured: `${(row.gzipBytes / KB).toFixed(1)} KB gz`,
      met: row.gzipBytes <= limitKb * KB,
    });
  }
  const popup = size('chromium-popup');
  const askFirst = popup?.lazyFiles.find((file) => /\/ask-first-[^/]*\.js$/.test(file));
  if (popup && askFirst) {
    const gzip = popup.lazyGzip?.[askFirst];
    if (gzip !== undefined)
      results.push({
        target: `popup's first-questions chunk (${askFirst.split('/').pop()}), fetched as the popup opens with the worker stopped`,
        limit: '≤ 40 KB gz',
        measured: `${(gzip / KB).toFixed(1)} KB gz`,
        met: gzip <= 40 * KB,
      });
  }

  const bulkDefault = bulk.find((row) => row.isDefault);
  if (bulkDefault) {
    results.push({
      target: `bulk throughput at 50 ms RTT (${bulkDefault.maxLookups} lookups, ≤ ${bulkDefault.maxInFlight} requests in flight)`,
      limit: '≥ 100 domains/s',
      measured: `${bulkDefault.domainsPerSecond} domains/s, peak ${bulkDefault.limiterPeak} in flight`,
      met: bulkDefault.domainsPerSecond >= 100 && bulkDefault.limiterPeak <= bulkDefault.maxInFlight && bulkDefault.failedLookups === 0,
    });
  }
  return results;
}

/** One page's scripts at load, from the bundles it loads (popup.html: popup-early.js, then popup.js and its chunks). */
function pageRow(...rows: (BundleRow | undefined)[]): Pick<BundleRow, 'files' | 'gzipBytes'> | undefined {
  const present = rows.filter((row): row is BundleRow => row !== undefined);
  if (present.length === 0) return undefined;
  return { files: present.flatMap((row) => row.files), gzipBytes: present.reduce((sum, row) => sum + row.gzipBytes, 0) };
}
