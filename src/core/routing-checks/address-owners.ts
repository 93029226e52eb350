/**
 * Addresses across all mail exchanges, each once, with the hosts that resolve to it. Two MX
 * hosts on one address get one PTR finding that names both, not two findings.
 */
import type { Address, Exchange } from '../report';
import type { ReportFacts } from './check';
import { hostDisplay, listOf } from '../wording';

export interface OwnedAddress {
  address: Address;
  exchanges: Exchange[];
}

export function addressOwners(report: ReportFacts): OwnedAddress[] {
  const byIp = new Map<string, OwnedAddress>();
  for (const exchange of report.exchanges) {
    if (exchange.state === 'null') continue;
    for (const address of exchange.addresses) {
      const known = byIp.get(address.ip);
      if (!known) {
        byIp.set(address.ip, { address, exchanges: [exchange] });
        continue;
      }
      if (!known.exchanges.includes(exchange)) known.exchanges.push(exchange);
      // The same address may be further along under another host: keep the most complete view.
      if (pendingCount(address) < pendingCount(known.address)) known.address = address;
    }
  }
  return [...byIp.values()];
}

function pendingCount(address: Address): number {
  return (address.ptrStatus === 'pending' ? 1 : 0) + (address.fcrdns === 'pending' ? 1 : 0);
}

/** `192.0.2.1 (mx1.example.com and mx2.example.com)`. */
export function describeOwned({ address, exchanges }: OwnedAddress): string {
  return `${address.ip} (${listOf(exchanges.map(hostDisplay))})`;
}
