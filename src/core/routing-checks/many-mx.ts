/**
 * A long MX list. RFC 5321 §5.1 lets senders cap how many addresses they try per delivery
 * attempt, and they do (Postfix's default `smtp_mx_address_limit` is 5), so hosts far down the
 * list are hardly ever tried.
 */
import type { Finding } from '../vocabulary';
import type { ReportFacts } from './check';
import { mailExchanges } from './usability';
import { domainDisplay } from '../wording';

export const MANY_MX = 10;

export function checkManyMx(report: ReportFacts): Finding[] {
  const hosts = new Set(
    mailExchanges(report)
      .filter((exchange) => !exchange.implicit)
      .map((exchange) => exchange.host),
  );
  // Hosts a bounded lookup left out (lookup/work-budget.ts) are still listed by the domain.
  const listed = hosts.size + (report.leftOut?.mxHosts ?? 0);
  if (listed <= MANY_MX) return [];
  return [
    {
      code: 'many-mx',
      severity: 'info',
      message:
        `${domainDisplay(report.query)} lists ${listed} MX hosts. Senders try only the first few per delivery ` +
        `attempt (Postfix, for example, stops after 5 addresses by default), so hosts far down the list are rarely ` +
        `used. A handful of MX hosts is enough; for more capacity, put more servers behind each name.`,
      rfc: 'RFC 5321 §5.1',
      subject: report.query.name,
    },
  ];
}
