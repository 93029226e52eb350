/**
 * An MX host that does not exist (NXDOMAIN). Senders skip it; if it is the only one, mail
 * bounces (RFC 5321 §5.1: MX records present but none usable is an error).
 */
import type { Finding } from '../vocabulary';
import type { ReportFacts } from './check';
import { brokenHostConsequence, brokenHostSeverity, mailHosts } from './usability';
import { hostDisplay, mailTo, sentences } from '../wording';
import { isNolistingPrimary } from './mx-nolisting';

export function checkMxNxdomain(report: ReportFacts): Finding[] {
  return mailHosts(report)
    .filter((exchange) => exchange.state === 'nxdomain' && !isNolistingPrimary(report, exchange))
    .map((exchange): Finding => {
      const host = hostDisplay(exchange);
      const consequence = brokenHostConsequence(report, exchange, mailTo(report.query));
      return {
        code: 'mx-host-nxdomain',
        severity: brokenHostSeverity(report, exchange),
        message: sentences(
          `The MX host ${host} does not exist (NXDOMAIN), so senders cannot deliver to it.`,
          consequence,
          `Correct the MX record to name the real mail server, or create ${host} with its address.`,
        ),
        rfc: 'RFC 5321 §5.1',
        subject: exchange.host,
      };
    });
}
