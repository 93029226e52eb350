/**
 * RFC 1035 §3.3.9: the EXCHANGE of an MX record is a domain name. "192.0.2.50" written there is
 * looked up as a host name (labels 192, 0, 2, 50), which does not exist, so senders cannot use it.
 */
import type { Finding } from '../vocabulary';
import type { ReportFacts } from './check';
import { mailHosts } from './usability';
import { domainDisplay, hostDisplay } from '../wording';

export function checkMxIpLiteral(report: ReportFacts): Finding[] {
  const domain = domainDisplay(report.query);
  return mailHosts(report)
    .filter((exchange) => exchange.state === 'ip-literal')
    .map((exchange): Finding => {
      const ip = hostDisplay(exchange);
      const record = ip.includes(':') ? 'AAAA' : 'A';
      return {
        code: 'mx-ip-literal',
        severity: 'error',
        message:
          `The MX record of ${domain} names ${ip}, an IP address, but an MX record must name a host (RFC 1035 §3.3.9). ` +
          `Senders look "${ip}" up as a host name, find nothing, and skip it. Give the server a host name with an ` +
          `${record} record for ${ip} (for example mail.${domain}) and point the MX record at that name.`,
        rfc: 'RFC 1035 §3.3.9',
        subject: exchange.host,
      };
    });
}
