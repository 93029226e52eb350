/**
 * The words of the status line (a `role="status"` live region): short, because screen readers
 * announce every change. Progress while running says how far the lookup got.
 */
import type { Report } from '../../core/report';

export function statusText(report: Report | undefined, running: boolean): string {
  if (!report) return running ? 'Looking up…' : '';
  if (report.status === 'done') {
    return report.stats.requests === 0 ? `Done in ${report.elapsedMs} ms (from cache)` : `Done in ${report.elapsedMs} ms`;
  }
  const total = report.exchanges.length;
  if (total === 0) return 'Looking up…';
  const resolved = report.exchanges.filter((exchange) => exchange.state !== 'pending').length;
  return `Looking up… ${resolved} of ${total} mail server${total === 1 ? '' : 's'} resolved`;
}
