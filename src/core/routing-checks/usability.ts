/**
 * When is a mail exchange usable, and when do we know? Shared by the checks that summarise
 * (no usable MX, the "all good" finding) and those whose severity depends on the other hosts,
 * so they all agree.
 */
import type { Exchange } from '../report';
import type { ReportFacts } from './check';
import { reachableFor } from './ranges';

/** The real mail exchanges: everything but the null MX `.` (RFC 7505). None for IP queries. */
export function mailExchanges(report: ReportFacts): Exchange[] {
  if (report.query.kind === 'ip') return [];
  return report.exchanges.filter((exchange) => exchange.state !== 'null');
}

/**
 * Each MX host once (the first, lowest-preference record of it): per-host findings use this, so
 * a host listed twice gets one finding, not two.
 */
export function mailHosts(report: ReportFacts): Exchange[] {
  const seen = new Set<string>();
  return mailExchanges(report).filter((exchange) => !seen.has(exchange.host) && seen.add(exchange.host));
}

/** Both address questions answered (or never asked). */
export function addressesSettled(exchange: Exchange): boolean {
  return exchange.state !== 'pending' && exchange.addressStatus.A !== 'pending' && exchange.addressStatus.AAAA !== 'pending';
}

/**
 * - `usable`: has an address a sender could connect to (known as soon as one lands).
 * - `unusable`: every answer is in and none gives such an address.
 * - `unknown`: MXray's own resolvers failed, which says nothing about the host.
 * - `pending`: not known yet.
 */
export type Usability = 'usable' | 'unusable' | 'unknown' | 'pending';

export function exchangeUsability(report: ReportFacts, exchange: Exchange): Usability {
  if (exchange.state === 'null') return 'unusable';
  if (exchange.addresses.some(reachableFor(report))) return 'usable';
  switch (exchange.state) {
    case 'pending':
      return 'pending';
    case 'resolved':
      return addressesSettled(exchange) ? 'unusable' : 'pending';
    case 'error':
      // 'error' is "no resolver gave a usable answer": our problem, not necessarily the host's.
      // SERVFAIL and REFUSED are what senders' resolvers will see too.
      return exchange.addressStatus.A === 'error' || exchange.addressStatus.AAAA === 'error' ? 'unknown' : 'unusable';
    default:
      // no-address, nxdomain, ip-literal
      return 'unusable';
  }
}

/** How the other mail exchanges of the domain fare: decides whether one broken host is fatal. */
export function othersUsability(report: ReportFacts, exchange: Exchange): 'some-usable' | 'none-usable' | 'not-yet-known' {
  const others = mailHosts(report).filter((other) => other.host !== exchange.host);
  const states = others.map((other) => exchangeUsability(report, other));
  if (states.includes('usable')) return 'some-usable';
  if (states.every((state) => state === 'unusable')) return 'none-usable';
  return 'not-yet-known';
}

/**
 * Severity for one broken MX host: an error when no other host can take the mail, a warning when
 * another one can, or might (while its answers are pending or our resolvers failed). It may rise
 * from warn to error as answers land, never fall: we do not call mail lost until we know.
 */
export function brokenHostSeverity(report: ReportFacts, exchange: Exchange): 'error' | 'warn' {
  return othersUsability(report, exchange) === 'none-usable' ? 'error' : 'warn';
}

/** The closing sentence for a broken host, matching `brokenHostSeverity`. */
export function brokenHostConsequence(report: ReportFacts, exchange: Exchange, mailTo: string): string {
  switch (othersUsability(report, exchange)) {
    case 'some-usable':
      return 'Senders use the other MX hosts meanwhile.';
    case 'none-usable':
      return mailHosts(report).length === 1
        ? `It is the only MX host, so ${mailTo} cannot be delivered.`
        : `No other MX host works either, so ${mailTo} cannot be delivered.`;
    default:
      return '';
  }
}
