/** "Copy as JSON": the Report itself (versioned, see src/core/report.ts), the same as `mxray --json`. */
import type { Report } from '../../core/report';

export function formatJson(report: Report): string {
  return JSON.stringify(report, null, 2);
}
