/**
 * Records a resolver sent that MXray did not use (class CH, an MX beside NXDOMAIN, the wrong
 * type or owner: src/core/doh/stray-records.ts), said in a sentence, since ignoring data
 * silently would hide that the resolver, or something between, is not behaving as DNS does.
 */
import type { Finding } from '../vocabulary';
import type { ReportFacts } from './check';

/** The same kind of stray record in many answers needs saying a few times, not hundreds. */
const MAX_FINDINGS = 5;

export function checkAnswerIgnored(report: ReportFacts): Finding[] {
  const notes = report.errors.filter((error) => error.code === 'answer-ignored');
  const findings = notes.slice(0, MAX_FINDINGS).map((note): Finding => ({
    code: 'answer-records-ignored',
    severity: 'warn',
    message:
      `${note.message} A resolver that sends such records ` +
      `is not answering as DNS does (RFC 1035, RFC 2181), so MXray reads only what the answer may hold; try another resolver to compare.`,
    rfc: 'RFC 2181 §5.4.1',
    ...(note.question ? { subject: note.question } : {}),
  }));
  if (notes.length > MAX_FINDINGS) {
    findings.push({ code: 'answer-records-ignored', severity: 'warn', message: `${notes.length - MAX_FINDINGS} more answers held records MXray ignored.` });
  }
  return findings;
}
