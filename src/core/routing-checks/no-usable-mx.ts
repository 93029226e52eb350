/**
 * RFC 5321 §5.1: "If MX records are present, but none of them are usable, or the implicit MX is
 * unusable, this situation MUST be reported as an error." Said only once every MX host is
 * settled; each host's own finding says what is wrong with it, this one says what it adds up to.
 * Hosts MXray could not look up because its own resolvers failed keep the verdict open: that
 * says nothing about the domain.
 */
import type { Exchange } from '../report';
import type { Finding } from '../vocabulary';
import type { ReportFacts } from './check';
import { exchangeUsability, mailHosts } from './usability';
import { domainDisplay, hostDisplay, listOf, mailTo } from '../wording';

type Reason = 'nxdomain' | 'no-address' | 'ip-literal' | 'error' | 'unreachable';

/** Each reason in the singular and the plural: "mx1 does not exist", "mx1 and mx2 do not exist". */
const REASON_WORDS: Record<Reason, [string, string]> = {
  nxdomain: ['does not exist', 'do not exist'],
  'no-address': ['has no address', 'have no address'],
  'ip-literal': ['is an IP address instead of a host name', 'are IP addresses instead of host names'],
  error: ['cannot be looked up (SERVFAIL or REFUSED)', 'cannot be looked up (SERVFAIL or REFUSED)'],
  unreachable: ['has only addresses the internet cannot reach', 'have only addresses the internet cannot reach'],
};

export function checkNoUsableMx(report: ReportFacts): Finding[] {
  if (report.nullMx) return [];
  const exchanges = mailHosts(report);
  if (exchanges.length === 0) return [];
  if (!exchanges.every((exchange) => exchangeUsability(report, exchange) === 'unusable')) return [];
  const domain = domainDisplay(report.query);

  const byReason = new Map<Reason, string[]>();
  for (const exchange of exchanges) {
    const reason = reasonOf(exchange);
    byReason.set(reason, [...(byReason.get(reason) ?? []), hostDisplay(exchange)]);
  }
  const reasons = listOf([...byReason].map(([reason, hosts]) => `${listOf(hosts)} ${REASON_WORDS[reason][hosts.length === 1 ? 0 : 1]}`));

  const single = exchanges.length === 1;
  const lead = single
    ? exchanges[0]!.implicit
      ? `${domain} has no MX record, and its own address cannot take mail either: ${reasons}.`
      : `The only mail server for ${domain} cannot be used: ${reasons}.`
    : `None of the ${exchanges.length} mail servers for ${domain} can be used: ${reasons}.`;
  const mail = mailTo(report.query);
  const until = single ? 'until it is fixed' : 'until at least one of them is fixed';
  return [
    {
      code: 'no-usable-mx',
      severity: 'error',
      message: `${lead} ${mail.charAt(0).toUpperCase()}${mail.slice(1)} will bounce ${until}.`,
      rfc: 'RFC 5321 §5.1',
      subject: report.query.name,
    },
  ];
}

function reasonOf(exchange: Exchange): Reason {
  switch (exchange.state) {
    case 'nxdomain':
    case 'no-address':
    case 'ip-literal':
    case 'error':
      return exchange.state;
    default:
      return exchange.addresses.length === 0 ? 'no-address' : 'unreachable';
  }
}
