/**
 * Addresses against CIDR ranges for ip4/ip6/a/mx (RFC 7208 §5.6, §5.3), the `i` macro's dotted
 * form (§7.3), and range sizes for "authorized senders".
 */
import { formatIpBytes, parseIpBytes, type IpBytes } from '../../../ip';

/** The address SPF checks: an IPv4-mapped IPv6 address (::ffff:a.b.c.d) is IPv4 (RFC 7208 §5). */
export function spfAddress(ip: string): IpBytes | undefined {
  const parsed = parseIpBytes(ip);
  if (!parsed) return undefined;
  const b = parsed.bytes;
  if (parsed.family === 6 && b.slice(0, 10).every((byte) => byte === 0) && b[10] === 0xff && b[11] === 0xff) return { family: 4, bytes: b.slice(12) };
  return parsed;
}

/** Is `address` inside `network`/`prefix`? Different families never match. */
export function inRange(address: IpBytes, network: IpBytes, prefix: number): boolean {
  if (address.family !== network.family) return false;
  let bits = prefix;
  for (let i = 0; i < address.bytes.length && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((address.bytes[i]! & mask) !== (network.bytes[i]! & mask)) return false;
  }
  return true;
}

/** `i` (RFC 7208 §7.3): the dotted quad, or the 32 nibbles of an IPv6 address separated by dots. */
export function dottedAddress(address: IpBytes): string {
  if (address.family === 4) return Array.from(address.bytes).join('.');
  return Array.from(address.bytes)
    .flatMap((byte) => [(byte >> 4).toString(16), (byte & 0x0f).toString(16)])
    .join('.');
}

export function readableAddress(address: IpBytes): string {
  return formatIpBytes(address.bytes);
}

/** The first and last address of a range, as integers. */
export function rangeBounds(network: IpBytes, prefix: number): [bigint, bigint] {
  const width = BigInt(network.bytes.length * 8);
  let value = 0n;
  for (const byte of network.bytes) value = (value << 8n) | BigInt(byte);
  const host = width - BigInt(prefix);
  const first = (value >> host) << host;
  return [first, first + (1n << host) - 1n];
}

/** The canonical network text of a range (host bits cleared): `203.0.113.0/24`. */
export function rangeText(network: IpBytes, prefix: number): string {
  const [first] = rangeBounds(network, prefix);
  const bytes = new Uint8Array(network.bytes.length);
  let value = first;
  for (let i = bytes.length - 1; i >= 0; i--) {
    bytes[i] = Number(value & 0xffn);
    value >>= 8n;
  }
  return `${formatIpBytes(bytes)}/${prefix}`;
}

/** Addresses covered by the union of ranges, overlaps once. */
export function unionSize(ranges: [bigint, bigint][]): bigint {
  const sorted = [...ranges].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let total = 0n;
  let end = -1n;
  for (const [first, last] of sorted) {
    if (last <= end) continue;
    total += last - (first > end ? first : end + 1n) + 1n;
    end = last;
  }
  return total;
}
