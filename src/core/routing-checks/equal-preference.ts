/**
 * RFC 5321 §5.1: MX hosts with the same preference are tried in random order, which spreads the
 * load between them. Worth saying, because people often read the list as "first one first".
 */
import type { Exchange } from '../report';
import type { Finding } from '../vocabulary';
import type { ReportFacts } from './check';
import { mailExchanges } from './usability';
import { hostDisplay, listOf } from '../wording';

export function checkEqualPreference(report: ReportFacts): Finding[] {
  const groups = new Map<number, Exchange[]>();
  for (const exchange of mailExchanges(report)) {
    if (exchange.implicit) continue;
    const group = groups.get(exchange.preference) ?? [];
    if (!group.some((other) => other.host === exchange.host)) group.push(exchange);
    groups.set(exchange.preference, group);
  }
  return [...groups.entries()]
    .filter(([, group]) => group.length > 1)
    .map(([preference, group]): Finding => {
      const hosts = group.map(hostDisplay);
      return {
        code: 'mx-equal-preference',
        severity: 'info',
        message:
          `${listOf(hosts)} share preference ${preference}: senders pick one of them at random for each delivery, ` +
          `which spreads the load, and try the other${group.length > 2 ? 's' : ''} if it does not answer (RFC 5321 §5.1).`,
        rfc: 'RFC 5321 §5.1',
      };
    });
}
