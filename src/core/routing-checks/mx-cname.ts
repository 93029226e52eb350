/**
 * RFC 2181 §10.3 (and RFC 5321 §5.1): an MX record must name a host directly, not an alias.
 * Most senders follow the alias anyway, so we warn and show where it leads.
 */
import type { Finding } from '../vocabulary';
import type { ReportFacts } from './check';
import { addressesSettled, mailHosts } from './usability';
import { aliasTargets, domainDisplay, hostDisplay, listOf } from '../wording';

export function checkMxCname(report: ReportFacts): Finding[] {
  const domain = domainDisplay(report.query);
  return mailHosts(report)
    .filter((exchange) => !exchange.implicit && exchange.cname.length > 0)
    .flatMap((exchange): Finding[] => {
      const targets = aliasTargets(exchange.host, exchange.cname);
      const target = targets.at(-1);
      if (!target) return [];
      const host = hostDisplay(exchange);
      const ips = addressesSettled(exchange) ? exchange.addresses.map((address) => address.ip) : [];
      const resolves = ips.length > 0 ? `, which resolves to ${listOf(ips)}` : '';
      return [
        {
          code: 'mx-cname',
          severity: 'warn',
          message:
            `The MX record of ${domain} names ${host}, which is an alias (CNAME) for ${targets.join(' → ')}${resolves}. ` +
            `An MX record must name a host directly (RFC 2181 §10.3); most senders follow the alias anyway, but some ` +
            `refuse to. Point the MX record at ${target} instead.`,
          rfc: 'RFC 2181 §10.3',
          subject: exchange.host,
        },
      ];
    });
}
