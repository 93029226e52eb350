/**
 * The "Resilience" block of the terminal report: the compact line, then its findings (how
 * senders use the MX set, and what shared failure may stop the backups). DNS data through
 * `terminalSafe` like everywhere else.
 */
import type { Finding, Report } from '../core/report';
import { terminalSafe } from './terminal-safe';

/** `findingLine` is format-report.ts's, passed in so the two files do not import each other. */
export function resilienceLines(report: Report, color: boolean, findingLine: (finding: Finding, color: boolean) => string): string[] {
  const resilience = report.resilience;
  if (!resilience || resilience.summary === '') return [];
  const title = color ? '\u001b[1mResilience\u001b[0m' : 'Resilience';
  return ['', `${title}  ${terminalSafe(resilience.summary)}`, ...resilience.findings.map((finding) => findingLine(finding, color))];
}
