// The bulk page in Chromium (bulk-page.ts) as a markdown table, with any problem under it.
import { markdownTable, ms } from '../table';
import { REQUEST_CAP, type BulkPageRow } from './bulk-page';

export function bulkPageTable(rows: readonly BulkPageRow[]): string {
  const table = markdownTable(
    [
      'domains',
      'RTT (ms)',
      'click → done (s)',
      'domains/s',
      'click → first row (ms)',
      'requests: log',
      'peak in flight: log',
      'worker heap after GC (MB)',
      'page heap after GC (MB)',
      'longest page task (ms)',
      'page tasks over 50 ms',
    ],
    rows.map((r) => [
      r.domains,
      r.rttMs,
      r.seconds,
      r.domainsPerSecond,
      ms(r.firstRowMs),
      r.requests,
      r.peakInFlight,
      r.workerHeapMb,
      r.pageHeapMb,
      r.longestTaskMs,
      r.longTasks,
    ]),
  );
  const problems = rows.flatMap((r) => r.problems);
  const note = problems.length > 0 ? `\n\n${problems.map((p) => `- ${p}`).join('\n')}` : '';
  return (
    `### Bulk page in Chromium (list pasted, run by the service worker; times from the click, to the frame after; cap ${REQUEST_CAP} requests in flight)\n\n` +
    `${table}${note}`
  );
}
