/**
 * The two halves of a DNSBL question: the name to ask (RFC 5782 §2.1 and §2.4) and what the
 * answer means (RFC 5782 §2.1 and §5, plus the 127.255.255.0/24 error codes lists use).
 */
import { buildPtrName, parseIpBytes } from '../../ip';
import type { DnsName } from '../../vocabulary';
import type { AskResult } from '../dns-ask';
import type { BlocklistEntry } from './blocklist-table';
import type { BlocklistResult } from './types';

/**
 * `192.0.2.1` on `zen.spamhaus.org` -> `1.2.0.192.zen.spamhaus.org` (RFC 5782 §2.1: octets
 * reversed); IPv6 -> 32 nibbles, least significant first (RFC 5782 §2.4), the same order as
 * ip6.arpa. `undefined` for text that is not an address.
 */
export function dnsblName(ip: string, zone: DnsName): DnsName | undefined {
  if (parseIpBytes(ip) === undefined) return undefined;
  return buildPtrName(ip).replace(/\.(in-addr|ip6)\.arpa$/, '') + '.' + zone;
}

type Reading = Omit<BlocklistResult, 'list' | 'query'>;

const GENERIC_ERROR = 'the list answered with an error code, not a listing (lists use these to refuse queries from public resolvers or over their quota)';

/** What one answer says about one address on `list`. Never throws. */
export function readDnsblAnswer(list: BlocklistEntry, answer: AskResult): Reading {
  switch (answer.status) {
    case 'nxdomain':
    case 'nodata':
      // RFC 5782 §2.1: listed means an A record; no A record means not listed.
      return { state: 'not-listed', codes: [], labels: [], meanings: [] };
    case 'ok':
      return readCodes(list, answer.values);
    default: {
      const reading: Reading = { state: 'error', codes: [], labels: [], meanings: [], status: answer.status };
      if (answer.error) reading.error = answer.error;
      return reading;
    }
  }
}

function readCodes(list: BlocklistEntry, values: readonly string[]): Reading {
  const codes = sortAddresses(values.map((value) => value.trim()));
  if (codes.length === 0) return { state: 'not-listed', codes: [], labels: [], meanings: [] };
  const octets = codes.map(ipv4Octets);
  const empty = { labels: [] as string[] };
  // An answer outside 127.0.0.0/8 is no DNSBL code (RFC 5782 §2.1): a dead list's wildcard, a
  // resolver rewriting NXDOMAIN to an ad server, ...
  const bad = codes.filter((_, i) => octets[i]?.[0] !== 127);
  if (bad.length > 0) return { state: 'bad-answer', codes: bad, meanings: bad.map(() => 'not a blocklist answer (outside 127.0.0.0/8)'), ...empty };
  const errors = codes.filter((_, i) => octets[i]![1] === 255 && octets[i]![2] === 255);
  if (errors.length > 0) {
    return { state: 'refused', codes: errors, meanings: errors.map((code) => list.errorCodes?.[code] ?? GENERIC_ERROR), ...empty };
  }
  const known = codes.map((code) => list.codes[code]);
  const severities = known.map((entry) => entry?.severity ?? list.severity);
  return {
    state: 'listed',
    codes,
    labels: [...new Set(known.flatMap((entry) => (entry?.label ? [entry.label] : [])))],
    meanings: known.map((entry, i) => entry?.meaning ?? `${list.name} lists this address (code ${codes[i]}, which MXray has no description for)`),
    severity: severities.includes('error') ? 'error' : 'warn',
  };
}

function ipv4Octets(text: string): number[] | undefined {
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) return undefined;
  const octets = text.split('.').map(Number);
  return octets.every((octet) => octet <= 255) ? octets : undefined;
}

/** Dotted quads in numeric order, anything else after them in text order. */
function sortAddresses(values: readonly string[]): string[] {
  const key = (value: string) => ipv4Octets(value)?.reduce((sum, octet) => sum * 256 + octet, 0) ?? Number.MAX_SAFE_INTEGER;
  return [...new Set(values)].sort((a, b) => key(a) - key(b) || (a < b ? -1 : a > b ? 1 : 0));
}
