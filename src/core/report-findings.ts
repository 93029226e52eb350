/**
 * A report's findings, all of them: the routing checks into `findings`, each mail section's into
 * `mail.findings`, both through the one pipeline of src/core/findings. Run on every snapshot.
 */
import { runChecks } from './routing-checks';
import { withMailFindings } from './mail/mail-diagnostics';
import type { Report } from './report';

export function withFindings(report: Report): Report {
  report.findings = runChecks(report);
  withMailFindings(report);
  return report;
}
