/**
 * An MX target that is a single label (`mail`): almost always `mail.` in a zone file, where the
 * stray final dot turned a name relative to the zone into a top-level name (RFC 1035 §5.1). The
 * opposite of the missing-trailing-dot mistake. Only said once the name is known not to resolve.
 */
import type { Finding } from '../vocabulary';
import type { ReportFacts } from './check';
import { mailHosts } from './usability';
import { domainDisplay, hostDisplay } from '../wording';

export function checkUnqualifiedMx(report: ReportFacts): Finding[] {
  const zone = report.query.registrable ?? report.query.name;
  const zoneDisplay = report.query.registrable === undefined || report.query.registrable === report.query.name ? domainDisplay(report.query) : zone;
  return mailHosts(report).flatMap((exchange): Finding[] => {
    if (exchange.implicit || exchange.state === 'ip-literal') return [];
    if (!exchange.host || exchange.host.includes('.') || exchange.host === 'localhost') return [];
    if (exchange.state !== 'nxdomain' && exchange.state !== 'no-address') return [];
    const host = hostDisplay(exchange);
    return [
      {
        code: 'mx-unqualified-host',
        severity: 'warn',
        message:
          `The MX host "${host}" is a single label, not a full host name, and senders find no such server. In the ` +
          `zone file it was probably written "${host}." with a final dot, which makes it a top-level name. Write ` +
          `the full name with the dot ("${host}.${zoneDisplay}.") or the short name without it ("${host}").`,
        rfc: 'RFC 1035 §5.1',
        subject: exchange.host,
      },
    ];
  });
}
