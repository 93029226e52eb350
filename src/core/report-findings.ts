/**
 * A report's findings, all of them: the routing checks into `findings`, each mail section's into
 * `mail.findings`, both through the one pipeline of src/core/findings, and the resilience of
 * the MX set into `resilience`, and the scorecard read from them all into `mail.scorecard`. Run on every snapshot.
 */
import { runChecks } from './routing-checks';
import { withMailFindings } from './mail/mail-diagnostics';
import type { Report } from './report';
import { assessResilience } from './resilience';
import { scorecard } from './mail/scorecard';

export function withFindings(report: Report): Report {
  report.findings = runChecks(report);
  withMailFindings(report);
  const resilience = assessResilience(report);
  if (resilience) report.resilience = resilience;
  // Last: the scorecard reads the findings and the resilience above.
  if (report.mail) report.mail.scorecard = scorecard(report);
  return report;
}
