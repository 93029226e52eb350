/**
 * `scorecard(report)`: one line per standard, in the order of SCORECARD_IDS, each from its rule
 * in scorecard-rules.ts. Pure; recomputed on every snapshot with the findings it reads
 * (report-findings.ts), so a partial report says "Still checking…" where answers are missing.
 */
import type { Report } from '../../report';
import { judged } from './judgement';
import { SCORECARD_RULES } from './scorecard-rules';
import { SCORECARD_IDS, type ScorecardLine } from './types';

export function scorecard(report: Report): ScorecardLine[] {
  // A name that does not exist has no mail setup to judge; the MX line says why (RFC 8020).
  const absent = report.mxStatus === 'nxdomain';
  return SCORECARD_IDS.map((id) => {
    const { status, summary } = absent && id !== 'mx' ? judged('not-checked', `${report.query.display} does not exist`) : SCORECARD_RULES[id].judge(report);
    return { id, status, summary };
  });
}
