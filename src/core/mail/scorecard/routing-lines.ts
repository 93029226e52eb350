/**
 * The routing lines of the scorecard: where mail goes (the routing findings), IPv6 on the MX
 * hosts, and whether the backups survive an outage (`report.resilience`). They need no --all.
 */
import type { Exchange, Report } from '../../report';
import { CHECKING, fromFindings, hostList, judged, NO_MAIL_ACCEPTED, type Judgement } from './judgement';

/**
 * Not held against the MX line: a resolver fallback is about the resolver, not the domain; and
 * reverse DNS (PTR, forward-confirmed) matters to the servers that *send* from those addresses,
 * while delivery to an MX needs none. Bulk runs and watch checks ask no PTR at all, so leaving
 * them out also keeps this line the same in every shell (docs/scorecard.md).
 */
const NOT_ABOUT_THE_ROUTE = new Set(['resolver-fallback', 'missing-ptr', 'multiple-ptr', 'fcrdns-fail', 'ptr-invalid-hostname', 'ptr-lookup-failed']);

const routingPending = (report: Report) => report.mxStatus === 'pending' || report.exchanges.some((exchange) => exchange.state === 'pending');

/** RFC 5321 §5.1: senders need an MX host that resolves; RFC 7505: or a clear null MX. */
export function judgeMx(report: Report): Judgement {
  if (report.query.kind === 'ip') return judged('not-checked', 'An address, not a domain');
  if (report.mxStatus === 'pending') return CHECKING;
  const problem = fromFindings(report.findings.filter((finding) => !NOT_ABOUT_THE_ROUTE.has(finding.code)));
  if (problem) return problem;
  if (routingPending(report)) return CHECKING;
  if (report.nullMx) return judged('pass', 'Null MX: says clearly that it accepts no mail');
  const reachable = report.exchanges.filter((exchange) => exchange.state === 'resolved');
  if (reachable.length === 0) return judged('fail', 'No mail host with an address');
  if (report.implicitMx) return judged('pass', 'No MX: mail goes to the domain itself');
  return judged('pass', `${reachable.length} MX host${reachable.length === 1 ? '' : 's'}, ${reachable.length === 1 ? 'resolves' : 'all resolve'}`);
}

const hasIpv6 = (exchange: Exchange) => exchange.addresses.some((address) => address.family === 6);

/** RFC 3901 §3 and internet.nl: every mail host reachable over IPv6 as well as IPv4. */
export function judgeIpv6(report: Report): Judgement {
  if (report.query.kind === 'ip') return judged('not-checked', 'An address, not a domain');
  if (report.nullMx) return NO_MAIL_ACCEPTED;
  if (routingPending(report) || report.exchanges.some((exchange) => exchange.addressStatus.AAAA === 'pending')) return CHECKING;
  const hosts = report.exchanges.filter((exchange) => exchange.state === 'resolved');
  if (hosts.length === 0) return judged('not-checked', 'No mail host with an address to check');
  const without = hosts.filter((exchange) => !hasIpv6(exchange)).map((exchange) => exchange.display);
  if (without.length === 0) return judged('pass', hosts.length === 1 ? 'The MX host has an IPv6 address' : `All ${hosts.length} MX hosts have an IPv6 address`);
  if (without.length === hosts.length) return judged('fail', hosts.length === 1 ? 'The MX host has no IPv6 address' : 'No MX host has an IPv6 address');
  return judged('warn', `No IPv6 address: ${hostList(without)}`);
}

/** RFC 5321 §5.1 (backups by preference): do the backups survive the outage they are meant for? */
export function judgeResilience(report: Report): Judgement {
  if (report.query.kind === 'ip') return judged('not-checked', 'An address, not a domain');
  if (report.nullMx) return NO_MAIL_ACCEPTED;
  const resilience = report.resilience;
  if (!resilience) return report.mxStatus === 'pending' ? CHECKING : judged('not-checked', 'No mail host to assess');
  if (resilience.status === 'pending') return CHECKING;
  const words = (fallback: Judgement | undefined) => resilience.summary || fallback?.summary || 'See Resilience';
  const problem = fromFindings(resilience.findings);
  if (resilience.severity === 'error') return judged('fail', words(problem));
  if (resilience.severity === 'warn') return judged('warn', words(problem));
  return judged('pass', words(undefined));
}
