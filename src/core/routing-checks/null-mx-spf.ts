/**
 * A domain with a null MX cannot receive bounces, so RFC 7505 §4.2 lets receivers reject mail
 * whose envelope sender is at such a domain. If its SPF record still authorises senders, that
 * mail is likely to be rejected; if it has no SPF at all, anyone can forge it more easily.
 */
import type { Finding } from '../vocabulary';
import { parseSpf } from '../mail/spf/parse-spf';
import type { ReportFacts } from './check';
import { domainDisplay } from '../wording';

/** Does this SPF record (RFC 7208) allow any host to send? `v=spf1 -all` does not. */
export function spfAuthorisesSenders(record: string, nullMx: boolean): boolean {
  const parsed = parseSpf(record);
  // A term that breaks the syntax makes the whole record a permerror (RFC 7208 §4.6): no sender passes.
  if (!parsed.isSpf || parsed.errors.length > 0) return false;
  return parsed.terms.some((term) => {
    // A redirect hands the answer to another record, which may well allow senders.
    if (term.kind === 'modifier') return term.name === 'redirect';
    if (term.kind !== 'mechanism') return false;
    // RFC 7208 §5.4: an "mx" without a domain means this domain's MX hosts, and a null MX has none.
    if (nullMx && term.name === 'mx' && term.domain === undefined) return false;
    return term.qualifier === '+';
  });
}

export function checkNullMxSpf(report: ReportFacts): Finding[] {
  if (report.query.kind === 'ip' || !report.nullMx) return [];
  if (report.txt.status === 'pending') return [];
  const domain = domainDisplay(report.query);
  const subject = report.query.name;

  if (report.txt.status === 'ok' || report.txt.status === 'nodata') {
    const sending = report.txt.spf.filter((record) => spfAuthorisesSenders(record, true));
    if (sending.length > 0) {
      return [
        {
          code: 'null-mx-sends-mail',
          severity: 'warn',
          message:
            `${domain} says it accepts no mail (null MX), but its SPF record "${sending[0]}" allows servers to send ` +
            `mail from it. Receivers may reject mail from a domain that cannot take replies or bounces (RFC 7505 §4.2). ` +
            `If ${domain} sends mail, give it real MX records; if it does not, change the SPF record to "v=spf1 -all".`,
          rfc: 'RFC 7505 §4.2',
          subject,
        },
      ];
    }
    if (report.txt.spf.length === 0) {
      return [
        {
          code: 'null-mx-no-spf',
          severity: 'info',
          message:
            `${domain} accepts no mail (null MX) and has no SPF record. If it sends no mail either, publish ` +
            `"v=spf1 -all" (and a DMARC record with p=reject) so that others cannot easily send mail in its name.`,
          subject,
        },
      ];
    }
  }
  return [];
}
