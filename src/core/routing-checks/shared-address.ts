/**
 * Several MX hosts that resolve to exactly the same addresses are one server under several
 * names: a "backup" MX like that adds no redundancy. Only judged once every host's addresses are in.
 */
import type { Exchange } from '../report';
import type { Finding } from '../vocabulary';
import type { ReportFacts } from './check';
import { addressesSettled, mailExchanges } from './usability';
import { hostDisplay, listOf } from '../wording';

export function checkSharedAddress(report: ReportFacts): Finding[] {
  const exchanges = mailExchanges(report);
  // Wait for every host, not just the group: a host still pending could join the group later.
  if (!exchanges.every(addressesSettled)) return [];
  const byAddressSet = new Map<string, Exchange[]>();
  const seenHosts = new Set<string>();
  for (const exchange of exchanges) {
    if (exchange.implicit || seenHosts.has(exchange.host)) continue;
    seenHosts.add(exchange.host);
    if (exchange.addresses.length === 0) continue;
    const key = exchange.addresses
      .map((address) => address.ip)
      .sort()
      .join(' ');
    byAddressSet.set(key, [...(byAddressSet.get(key) ?? []), exchange]);
  }
  return [...byAddressSet.values()]
    .filter((group) => group.length > 1)
    .map((group): Finding => {
      const ips = group[0]!.addresses.map((address) => address.ip);
      const samePreference = group.every((exchange) => exchange.preference === group[0]!.preference);
      const effect = samePreference
        ? 'so listing them separately does not spread the load'
        : 'so the lower-priority ones are no backup: when the first is down, so are they';
      return {
        code: 'mx-shared-address',
        severity: 'info',
        message:
          `${listOf(group.map(hostDisplay))} resolve to the same ${ips.length === 1 ? 'address' : `${ips.length} addresses`} ` +
          `(${listOf(ips)}): they are one server under ${group.length} names, ${effect}.`,
      };
    });
}
