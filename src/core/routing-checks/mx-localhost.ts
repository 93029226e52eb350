/**
 * `MX 0 localhost.` is an old way of saying "no mail here": every sender that follows it tries
 * to deliver to itself, fails, and (depending on the software) retries for days. RFC 7505's null
 * MX says the same thing in a way senders understand at once.
 */
import type { Finding } from '../vocabulary';
import type { ReportFacts } from './check';
import { mailHosts } from './usability';
import { domainDisplay, hostDisplay } from '../wording';

export function checkMxLocalhost(report: ReportFacts): Finding[] {
  const domain = domainDisplay(report.query);
  return mailHosts(report)
    .filter((exchange) => !exchange.implicit && (exchange.host === 'localhost' || exchange.host.startsWith('localhost.')))
    .map((exchange): Finding => ({
      code: 'mx-localhost',
      severity: 'warn',
      message:
        `The MX record of ${domain} names ${hostDisplay(exchange)}, which means "this machine" to whoever looks it up, ` +
        `so each sender would try to deliver to itself. That is an old way of saying "${domain} takes no mail", and ` +
        `senders may retry for days. If ${domain} should receive no mail, replace all its MX records with the ` +
        `null MX "0 ." (RFC 7505), which senders understand at once.`,
      rfc: 'RFC 7505 §3',
      subject: exchange.host,
    }));
}
