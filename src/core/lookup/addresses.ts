/**
 * Pure functions from answers to the report's addresses: an address as first seen, its PTR
 * names, and whether one of them forward-confirms it (FCrDNS).
 */
import { normaliseName, type DnsRecord } from '../dns/message';
import { classifyAddress } from '../ip/classify-address';
import { parseIp } from '../ip/parse-ip';
import type { Address, PtrName } from '../report';

/** At most this many PTR names of one address are forward-checked (a PTR RRset can be huge). */
export const MAX_PTR_NAMES = 5;

/** A new address, its PTR still to ask (or skipped when reverse DNS is off). */
export function newAddress(ip: string, family: 4 | 6, ttl: number, askPtr: boolean): Address {
  const address: Address = {
    ip,
    family,
    ttl,
    ptrStatus: askPtr ? 'pending' : 'skipped',
    ptr: [],
    fcrdns: askPtr ? 'pending' : 'skipped',
  };
  const range = classifyAddress(ip);
  if (range) address.range = range.range;
  return address;
}

/** The addresses of A or AAAA records, canonical, each once. */
export function addressesOf(records: readonly DnsRecord[]): { ip: string; family: 4 | 6; ttl: number }[] {
  const seen = new Set<string>();
  const addresses: { ip: string; family: 4 | 6; ttl: number }[] = [];
  for (const record of records) {
    const parsed = parseIp(String(record.data));
    if (!parsed || seen.has(parsed.ip)) continue;
    seen.add(parsed.ip);
    addresses.push({ ip: parsed.ip, family: parsed.family, ttl: record.ttl });
  }
  return addresses;
}

/** The distinct PTR names, sorted, each with its forward check pending (or skipped). */
export function ptrNamesOf(records: readonly DnsRecord[], forwardCheck: boolean): PtrName[] {
  const names = [...new Set(records.map((r) => normaliseName(String(r.data))))].sort();
  return names.map((name) => ({ name, forward: [], forwardStatus: forwardCheck ? 'pending' : 'skipped' }));
}

/** Passes once any PTR name resolves back to the address; fails once none is pending. */
export function fcrdnsOf(address: Address): Address['fcrdns'] {
  if (address.ptr.some((p) => p.forward.includes(address.ip))) return 'pass';
  if (address.ptr.some((p) => p.forwardStatus === 'pending')) return 'pending';
  return 'fail';
}
