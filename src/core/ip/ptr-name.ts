/**
 * Reverse-lookup names, both ways: the name whose PTR record names an address, and the
 * address a reverse name stands for (a symmetric codec: `parsePtrName(buildPtrName(ip)) === ip`).
 */
import { formatIpBytes, parseIpBytes } from './parse-ip';

const IPV4_SUFFIX = '.in-addr.arpa';
const IPV6_SUFFIX = '.ip6.arpa';

/**
 * `192.0.2.25` -> `25.2.0.192.in-addr.arpa` (RFC 1035 §3.5: octets in reverse order);
 * `2001:db8::1` -> `1.0.0.0.…8.b.d.0.1.0.0.2.ip6.arpa` (RFC 3596 §2.5: 32 hex nibbles, least
 * significant first). Throws a RangeError when `ip` is not an address: callers pass addresses
 * they have already parsed.
 */
export function buildPtrName(ip: string): string {
  const parsed = parseIpBytes(ip);
  if (parsed === undefined) throw new RangeError(`not an IP address: ${ip.slice(0, 60)}`);
  const bytes = Array.from(parsed.bytes).reverse();
  if (parsed.family === 4) return bytes.join('.') + IPV4_SUFFIX;
  const nibbles = bytes.flatMap((byte) => [(byte & 0x0f).toString(16), (byte >> 4).toString(16)]);
  return nibbles.join('.') + IPV6_SUFFIX;
}

/**
 * The canonical address a full reverse name stands for, or `undefined` for anything else:
 * other names, partial reverse zones (`2.0.192.in-addr.arpa`), RFC 2317 classless names
 * (`0/25.2.0.192.in-addr.arpa`), and labels that are not the exact canonical form (`01`, `ff`),
 * since those are different DNS names from the one `buildPtrName` makes.
 * Case and one trailing dot are ignored (RFC 4343: DNS names compare case-insensitively).
 */
export function parsePtrName(name: string): string | undefined {
  if (name.length > 80) return undefined; // longest is 72 characters (ip6.arpa with a dot)
  const lower = (name.endsWith('.') ? name.slice(0, -1) : name).toLowerCase();
  if (lower.endsWith(IPV4_SUFFIX)) {
    const labels = lower.slice(0, -IPV4_SUFFIX.length).split('.');
    if (labels.length !== 4) return undefined;
    const parsed = parseIpBytes(labels.reverse().join('.'));
    return parsed && formatIpBytes(parsed.bytes);
  }
  if (lower.endsWith(IPV6_SUFFIX)) {
    const labels = lower.slice(0, -IPV6_SUFFIX.length).split('.');
    if (labels.length !== 32 || !labels.every((label) => /^[0-9a-f]$/.test(label))) return undefined;
    const bytes = new Uint8Array(16);
    for (let i = 0; i < 16; i++) {
      // labels run least significant nibble first: byte 15's low nibble is labels[0]
      bytes[15 - i] = Number.parseInt(labels[2 * i + 1]! + labels[2 * i]!, 16);
    }
    return formatIpBytes(bytes);
  }
  return undefined;
}
