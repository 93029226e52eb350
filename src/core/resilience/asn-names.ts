/**
 * The DNS names Team Cymru's IP-to-ASN service answers TXT questions at
 * (https://www.team-cymru.com/ip-asn-mapping): the address reversed like a PTR name, under
 * `origin.asn.cymru.com` (IPv4, octets) or `origin6.asn.cymru.com` (IPv6, nibbles), and the AS
 * name at `AS<n>.asn.cymru.com`. Asked through the user's own resolver like every other question.
 */
import { buildPtrName } from '../ip/ptr-name';
import type { DnsName } from '../vocabulary';

export const ASN_ZONE = 'asn.cymru.com';

/** `25.2.0.192.origin.asn.cymru.com` for 192.0.2.25; nibbles under `origin6` for IPv6. */
export function originName(ip: string, family: 4 | 6): DnsName {
  const reverse = buildPtrName(ip);
  return family === 4 ? `${reverse.replace(/\.in-addr\.arpa$/, '')}.origin.${ASN_ZONE}` : `${reverse.replace(/\.ip6\.arpa$/, '')}.origin6.${ASN_ZONE}`;
}

/** `as64500.asn.cymru.com` (DNS names compare case-insensitively; MXray keeps them lower case). */
export function asNameName(asn: number): DnsName {
  return `as${asn}.${ASN_ZONE}`;
}
