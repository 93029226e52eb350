/**
 * Fills `address.asn` as the answers land: the origin question first (the address reversed under
 * `origin.asn.cymru.com` / `origin6.asn.cymru.com`), then the AS name. Asked only once the
 * address is known, so never on the path to the first MX; identical questions (the same address
 * under two MX hosts, many addresses in one AS) are joined or answered from the cache by the DoH
 * client, so each is sent once. Never rejects.
 */
import { rangeKind, UNREACHABLE_RANGES } from '../routing-checks/ranges';
import type { AskResult, DnsAsk } from '../mail/dns-ask';
import type { Address } from '../report';
import { asNameName, originName } from './asn-names';
import { pickAsName, pickOrigin } from './parse-asn';
import type { AsnInfo } from './types';

/** Not worth asking about: addresses the public internet cannot reach have no route origin. */
export function asnApplies(address: Pick<Address, 'range'>): boolean {
  return !address.range || !UNREACHABLE_RANGES.has(rangeKind(address.range));
}

/** The starting state: pending, or skipped for an address no AS announces. */
export function newAsnInfo(address: Pick<Address, 'range'>): AsnInfo {
  return { status: asnApplies(address) ? 'pending' : 'skipped' };
}

/**
 * `after` is the address answer the questions follow (for the round-trip count). The info object
 * is replaced, not mutated in place, only where the lookup hands it out: here it is the draft's.
 */
export async function probeAsn(address: Address, ask: DnsAsk, after?: AskResult): Promise<void> {
  const info = (address.asn ??= newAsnInfo(address));
  if (info.status !== 'pending') return;
  const origin = await ask(originName(address.ip, address.family), 'TXT', after);
  if (origin.status !== 'ok') {
    info.status = origin.status === 'nxdomain' || origin.status === 'nodata' ? 'none' : 'error';
    return;
  }
  const record = pickOrigin(origin.values, address.ip);
  if (!record) {
    info.status = 'unreadable';
    return;
  }
  info.status = 'ok';
  info.number = record.origins[0]!;
  if (record.origins.length > 1) info.origins = record.origins;
  if (record.prefix) info.prefix = record.prefix;
  if (record.country) info.country = record.country;
  if (record.registry) info.registry = record.registry;
  if (record.allocated) info.allocated = record.allocated;
  const named = await ask(asNameName(info.number), 'TXT', origin);
  const asName = named.status === 'ok' ? pickAsName(named.values, info.number) : undefined;
  if (asName?.name) info.name = asName.name;
  // The origin record's country is the prefix's allocation; the AS's own is the fallback.
  if (!info.country && asName?.country) info.country = asName.country;
  if (!info.registry && asName?.registry) info.registry = asName.registry;
}

/** What the probe needs to know about the answer that gave the address. */
export function addressAnswer(ip: string, family: 4 | 6, depth: number): AskResult {
  return { name: ip, type: family === 4 ? 'A' : 'AAAA', status: 'ok', values: [ip], authenticated: false, depth };
}
