/**
 * An MX host that exists but has neither an A nor an AAAA record (NODATA for both, RFC 2308
 * §2.2). Senders have nothing to connect to and skip it.
 */
import type { Finding } from '../vocabulary';
import type { ReportFacts } from './check';
import { brokenHostConsequence, brokenHostSeverity, mailHosts } from './usability';
import { hostDisplay, mailTo, sentences } from '../wording';
import { isNolistingPrimary } from './mx-nolisting';

export function checkMxNoAddress(report: ReportFacts): Finding[] {
  return mailHosts(report)
    .filter((exchange) => exchange.state === 'no-address' && !isNolistingPrimary(report, exchange))
    .map((exchange): Finding => {
      const host = hostDisplay(exchange);
      const consequence = brokenHostConsequence(report, exchange, mailTo(report.query));
      return {
        code: 'mx-host-no-address',
        severity: brokenHostSeverity(report, exchange),
        message: sentences(
          `${host} has no IPv4 or IPv6 address, so senders skip it.`,
          consequence,
          `Add an A or AAAA record for ${host}, or remove its MX record.`,
        ),
        rfc: 'RFC 5321 §5.1',
        subject: exchange.host,
      };
    });
}
