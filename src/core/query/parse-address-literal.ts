/**
 * An IP address in square brackets: `[2001:db8::1]` as in URLs (RFC 3986 §3.2.2), or
 * `[192.0.2.1]` / `[IPv6:2001:db8::1]` after an email "@" (RFC 5321 §4.1.3).
 */
import { parseIp, type ParsedIp } from '../ip/parse-ip';
import { InvalidQuery } from './invalid-query';
import { quoteInput } from './quote-input';
import { badIpv4Message, badIpv6Message, looksLikeIpv4, looksLikeIpv6, zoneIdMessage } from './explain-bad-ip';

/** `inner` is the text between the brackets. */
export function parseAddressLiteral(inner: string, input: string): ParsedIp {
  // RFC 5321 §4.1.3 tags IPv6 literals in email; URLs do not. Both are accepted.
  const untagged = inner.replace(/^ipv6:/i, '');
  const parsed = parseIp(untagged);
  if (parsed !== undefined) return parsed;
  const zone = untagged.indexOf('%');
  if (zone >= 0) {
    // RFC 6874: in a URL the "%" of a zone is itself escaped as "%25".
    const address = parseIp(untagged.slice(0, zone));
    if (address?.family === 6) throw new InvalidQuery(input, 'ip-zone-id', zoneIdMessage(untagged, address.ip));
  }
  const message = looksLikeIpv4(untagged)
    ? badIpv4Message(untagged)
    : looksLikeIpv6(untagged)
      ? badIpv6Message(untagged)
      : `${quoteInput(`[${inner}]`)} is not an IP address. Inside square brackets MXray expects an IPv6 address, as in [2001:db8::1], or an IPv4 one, as in [192.0.2.1].`;
  throw new InvalidQuery(input, 'bad-ip', message);
}
