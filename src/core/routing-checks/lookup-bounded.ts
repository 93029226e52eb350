/**
 * A lookup that hit one of MXray's work bounds (lookup/work-budget.ts) says what it left out
 * and why, so a report cut short is never read as the whole story.
 */
import type { Finding } from '../vocabulary';
import type { ReportFacts } from './check';
import { domainDisplay } from '../wording';

export function checkLookupBounded(report: ReportFacts): Finding[] {
  const left = report.leftOut;
  if (!left) return [];
  const parts: string[] = [];
  if (left.mxHosts > 0) parts.push(`${left.mxHosts} MX host${left.mxHosts === 1 ? '' : 's'} beyond the ${left.bounds.mxHosts} most preferred`);
  if (left.addresses > 0) parts.push(`${left.addresses} address${left.addresses === 1 ? '' : 'es'} beyond ${left.bounds.addressesPerHost} per host`);
  if (left.questions > 0) parts.push(`${left.questions} question${left.questions === 1 ? '' : 's'} beyond the ${left.bounds.questions} one lookup may ask`);
  if (parts.length === 0) return [];
  return [
    {
      code: 'lookup-bounded',
      severity: 'warn',
      message:
        `This report is incomplete on purpose: MXray left out ${parts.join(', ')}. ` +
        `It bounds the work of one lookup so that a zone this large (or a hostile one) cannot flood the resolver or exhaust memory; ` +
        `senders try only the first few hosts and addresses anyway. Check ${domainDisplay(report.query)} with dig for the full list.`,
      subject: report.query.name,
    },
  ];
}
