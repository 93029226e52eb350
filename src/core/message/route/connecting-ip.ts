/**
 * The address that connected to the receiving side: the one SPF is checked for (RFC 7208 §4.1
 * <ip>). In the order the receiver's own words are most direct:
 *   1. Received-SPF client-ip= (RFC 7208 §9.1), the address its SPF check used;
 *   2. Authentication-Results smtp.remote-ip (RFC 8601 §2.7.4), or Microsoft's
 *      "spf=pass (sender IP is 203.0.113.9)";
 *   3. the topmost Received line whose sending address is not internal (private, loopback,
 *      link-local...): the first hop that came from outside;
 * and otherwise none. Only the topmost Received-SPF and Authentication-Results are read: fields
 * further down were added on the way, or by the sender.
 */
import { parseIp } from '../../ip/parse-ip';
import { parseAuthenticationResults, type AuthResults } from '../claims/auth-results';
import { parseReceivedSpf } from '../claims/received-spf';
import type { Hop, ParsedMessage } from '../types';
import { isInternalAddress } from './sender-address';

export interface ConnectingIp {
  /** Canonical address text. */
  ip: string;
  /** Where it was read, in words: "Received-SPF client-ip", "Received (hop 3, by mx.example.net)". */
  source: string;
  /** The HELO name the client gave, when a header says it. */
  helo: string | null;
}

/** Microsoft 365 writes the address into the spf result's comment. */
const SENDER_IP_IS = /\bsender IP is ([0-9A-Fa-f:.]{2,45})/i;

export function connectingIp(message: ParsedMessage, hops: readonly Hop[]): ConnectingIp | null {
  const spfField = message.headers.find((header) => header.key === 'received-spf');
  const arField = message.headers.find((header) => header.key === 'authentication-results');
  const spf = spfField ? parseReceivedSpf(spfField.value) : null;
  const ar = arField ? parseAuthenticationResults(arField.value) : null;
  const arHelo = ar ? property(ar, 'smtp.helo') : null;

  const spfIp = spf?.pairs['client-ip'] === undefined ? undefined : parseIp(spf.pairs['client-ip'].trim());
  if (spfIp) return { ip: spfIp.ip, source: 'Received-SPF client-ip', helo: spf!.pairs['helo'] ?? arHelo ?? heloOf(hops, spfIp.ip) };

  if (ar) {
    const remote = property(ar, 'smtp.remote-ip');
    const remoteIp = remote === null ? undefined : parseIp(remote.replace(/^\[|\]$/g, '').replace(/^ipv6:/i, ''));
    if (remoteIp) return { ip: remoteIp.ip, source: 'Authentication-Results smtp.remote-ip', helo: arHelo ?? heloOf(hops, remoteIp.ip) };
    const microsoft = senderIpIs(ar);
    if (microsoft) return { ip: microsoft, source: 'Authentication-Results "sender IP is"', helo: arHelo ?? heloOf(hops, microsoft) };
  }

  for (let index = hops.length - 1; index >= 0; index--) {
    const hop = hops[index]!;
    if (hop.ip === null || isInternalAddress(hop.ip)) continue;
    return { ip: hop.ip, source: `Received (hop ${index + 1}${hop.by ? `, by ${hop.by}` : ''})`, helo: hop.from };
  }
  return null;
}

/** The first result that has the property (spf's smtp.helo, iprev's smtp.remote-ip...). */
function property(ar: AuthResults, name: string): string | null {
  for (const entry of ar.results) if (Object.hasOwn(entry.properties, name) && entry.properties[name] !== '') return entry.properties[name]!;
  return null;
}

function senderIpIs(ar: AuthResults): string | null {
  for (const entry of ar.results.filter((result) => result.method === 'spf')) {
    for (const text of [...entry.comments, entry.reason ?? '']) {
      const match = SENDER_IP_IS.exec(text);
      const ip = match ? parseIp(match[1]!.replace(/[.:]$/, '')) : undefined;
      if (ip) return ip.ip;
    }
  }
  return null;
}

/** The HELO name of the topmost hop that recorded this address. */
function heloOf(hops: readonly Hop[], ip: string): string | null {
  for (let index = hops.length - 1; index >= 0; index--) if (hops[index]!.ip === ip) return hops[index]!.from;
  return null;
}
