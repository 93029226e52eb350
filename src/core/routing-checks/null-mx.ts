/**
 * RFC 7505 §3: a domain that accepts no mail publishes a single MX record `0 .` (preference 0,
 * the root as exchange). It must be the only MX record, and its preference must be 0.
 */
import type { Finding } from '../vocabulary';
import type { ReportFacts } from './check';
import { domainDisplay, hostDisplay, listOf, mailTo } from '../wording';

export function checkNullMx(report: ReportFacts): Finding[] {
  if (report.query.kind === 'ip' || report.mxStatus !== 'ok') return [];
  const domain = domainDisplay(report.query);
  const subject = report.query.name;

  if (report.nullMx) {
    return [
      {
        code: 'null-mx',
        severity: 'info',
        message:
          `${domain} does not accept mail: its only MX record is the null MX "0 ." (RFC 7505). ` +
          `Senders reject ${mailTo(report.query)} at once instead of trying to deliver it. ` +
          `If ${domain} should receive mail, replace it with MX records for the mail servers.`,
        rfc: 'RFC 7505 §3',
        subject,
      },
    ];
  }

  const dots = report.exchanges.filter((exchange) => exchange.state === 'null');
  if (dots.length === 0) return [];
  const written = listOf(dots.map((dot) => `"${dot.preference} ."`));
  const others = report.exchanges.filter((exchange) => exchange.state !== 'null');

  if (others.length > 0) {
    return [
      {
        code: 'null-mx-mixed',
        severity: 'error',
        message:
          `${domain} publishes ${written}, the null MX that means "this domain accepts no mail", together with ` +
          `other MX records (${listOf(others.map(hostDisplay))}). RFC 7505 forbids mixing them, and senders disagree ` +
          `on what it means: some refuse to send, others skip the "." and deliver. Remove the "." record if ` +
          `${domain} receives mail, or the other MX records if it does not.`,
        rfc: 'RFC 7505 §3',
        subject,
      },
    ];
  }

  // Only "." targets, but not a single "0 .": e.g. "10 .". The intent is clear, the record is not.
  return [
    {
      code: 'null-mx-preference',
      severity: 'warn',
      message:
        `${domain} publishes ${written} as its MX. A null MX must be exactly "0 ." (preference 0). Senders ` +
        `that follow RFC 7505 to the letter do not treat this as "no mail" and look for a server called ".", ` +
        `which has no address, so mail fails only after retrying. Change the record to "0 .".`,
      rfc: 'RFC 7505 §3',
      subject,
    },
  ];
}
