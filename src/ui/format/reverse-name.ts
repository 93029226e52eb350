/**
 * The reverse (PTR) name of an address, for the dig copy. src/core/ip's `buildPtrName` parses
 * every IP form strictly; the report only holds canonical text its parser already wrote, so this
 * small reader saves the popup the whole IP parser (about 0.5 KB gzipped). A test checks it
 * against `buildPtrName` on random addresses.
 */

/** `192.0.2.1` -> `1.2.0.192.in-addr.arpa` (RFC 1035 §3.5); IPv6 as 32 nibbles, least significant first (RFC 3596 §2.5). */
export function reverseName(ip: string): string {
  if (!ip.includes(':')) return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
  const words = (side: string) =>
    side === ''
      ? []
      : side.split(':').flatMap((group) => {
          if (!group.includes('.')) return [group];
          // RFC 4291 §2.2: an embedded IPv4 address fills the last two groups.
          const [a, b, c, d] = group.split('.').map((octet) => Number(octet).toString(16).padStart(2, '0'));
          return [`${a}${b}`, `${c}${d}`];
        });
  const [head = '', tail] = ip.split('::');
  const before = words(head);
  const after = tail === undefined ? [] : words(tail);
  const groups = [...before, ...Array<string>(8 - before.length - after.length).fill('0'), ...after];
  return `${[...groups.map((group) => group.padStart(4, '0')).join('')].reverse().join('.')}.ip6.arpa`;
}
