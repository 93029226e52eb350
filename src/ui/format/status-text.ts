/**
 * The words of the status line (a `role="status"` live region): short, because screen readers
 * announce every change. Progress while running says how far the lookup got.
 */
import type { Report } from '../../core/report';

/** A notice is shown while it is news: at most this long after it was said (in snapshot time). */
const NOTICE_SHOWN_MS = 2_000;

/** The newest notice of a running report, while it is recent; `undefined` otherwise. */
export function currentNotice(report: Report | undefined): string | undefined {
  const latest = report?.status === 'running' ? report.notices?.at(-1) : undefined;
  return latest && report!.elapsedMs - latest.atMs < NOTICE_SHOWN_MS ? latest.message : undefined;
}

export function statusText(report: Report | undefined, running: boolean, notice?: string): string {
  if (!report) return running ? (notice ? `Looking up… ${notice}` : 'Looking up…') : '';
  if (report.status === 'done') {
    return report.stats.requests === 0 ? `Done in ${report.elapsedMs} ms (from cache)` : `Done in ${report.elapsedMs} ms`;
  }
  const total = report.exchanges.length;
  // A slow resolver is said at once (report.notices), never left as a bare "Looking up…".
  const latest = currentNotice(report) ?? notice;
  const waiting = latest ? `Looking up… ${latest}` : 'Looking up…';
  if (total === 0) return waiting;
  const resolved = report.exchanges.filter((exchange) => exchange.state !== 'pending').length;
  return `${waiting} ${resolved} of ${total} mail server${total === 1 ? '' : 's'} resolved`;
}
