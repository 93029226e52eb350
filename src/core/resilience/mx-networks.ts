/**
 * The facts the diversity findings and the summary line read: for each MX host that has
 * addresses a sender can use, their /24 or /48 networks, origin ASes and registry countries.
 */
import type { ReportFacts } from '../routing-checks/check';
import { reachableFor } from '../routing-checks/ranges';
import { addressesSettled, mailHosts } from '../routing-checks/usability';
import type { Address, Exchange } from '../report';
import { siteNetwork } from './network-keys';

export interface HostNetworks {
  exchange: Exchange;
  addresses: Address[];
}

export interface MxNetworks {
  /** Every host's addresses are in and every network question answered. */
  settled: boolean;
  /** The network lookups were off (no address carries `asn`). */
  asnOff: boolean;
  hosts: HostNetworks[];
  /** Distinct /24 (IPv4) and /48 (IPv6) networks. */
  sites: string[];
  /** Distinct origin ASes with their names, in first-seen order. */
  ases: { number: number; name?: string }[];
  countries: string[];
  /** Some usable address has no known AS (not announced, unreadable, failed). */
  unknownAs: boolean;
}

export function mxNetworks(report: ReportFacts): MxNetworks {
  const reachable = reachableFor(report);
  const all = mailHosts(report);
  const hosts = all.flatMap((exchange) => {
    const addresses = exchange.addresses.filter(reachable);
    return addresses.length > 0 ? [{ exchange, addresses }] : [];
  });
  const addresses = hosts.flatMap((host) => host.addresses);
  const asnOff = addresses.length > 0 && addresses.every((address) => address.asn === undefined);
  const settled = all.every(addressesSettled) && addresses.every((address) => address.asn?.status !== 'pending');
  const sites = [...new Set(addresses.flatMap((address) => siteNetwork(address.ip) ?? []))];
  const ases = new Map<number, { number: number; name?: string }>();
  const countries = new Set<string>();
  for (const address of addresses) {
    const asn = address.asn;
    if (asn?.status !== 'ok' || asn.number === undefined) continue;
    if (!ases.has(asn.number)) ases.set(asn.number, asn.name ? { number: asn.number, name: asn.name } : { number: asn.number });
    if (asn.country) countries.add(asn.country);
  }
  const unknownAs = !asnOff && addresses.some((address) => address.asn?.status !== 'ok' || address.asn.number === undefined);
  return { settled, asnOff, hosts, sites, ases: [...ases.values()], countries: [...countries], unknownAs };
}

/** `AS64500 (EXAMPLE-NET - Example Networks, DE)`, or `AS64500` without a name. */
export function asText(as: { number: number; name?: string }): string {
  return as.name ? `AS${as.number} (${as.name})` : `AS${as.number}`;
}
