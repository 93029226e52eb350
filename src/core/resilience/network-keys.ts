/**
 * Address arithmetic for "do these servers share a network?": the /24 (IPv4) or /48 (IPv6) an
 * address lies in, the common unit of a site or a customer network, and prefix membership.
 */
import { formatIpBytes, parseIpBytes } from '../ip/parse-ip';

/** `192.0.2.0/24` for 192.0.2.25, `2001:db8:1::/48` for 2001:db8:1:2::25; `undefined` for non-addresses. */
export function siteNetwork(ip: string): string | undefined {
  const parsed = parseIpBytes(ip);
  if (!parsed) return undefined;
  const bits = parsed.family === 4 ? 24 : 48;
  return `${formatIpBytes(masked(parsed.bytes, bits))}/${bits}`;
}

/** A CIDR prefix as text, checked: `{ bytes, length, family }`, or `undefined`. */
export function parsePrefix(text: string): { bytes: Uint8Array; length: number; family: 4 | 6 } | undefined {
  const match = /^([0-9a-fA-F.:]+)\/(\d{1,3})$/.exec(text.trim());
  if (!match) return undefined;
  const parsed = parseIpBytes(match[1]!);
  const length = Number(match[2]);
  if (!parsed || length > parsed.bytes.length * 8) return undefined;
  return { bytes: parsed.bytes, length, family: parsed.family };
}

/** Does `prefix` (CIDR text) contain `ip`? False for anything unreadable or another family. */
export function prefixContains(prefix: string, ip: string): boolean {
  const net = parsePrefix(prefix);
  const address = parseIpBytes(ip);
  if (!net || !address || net.family !== address.family) return false;
  const a = masked(net.bytes, net.length);
  const b = masked(address.bytes, net.length);
  return a.every((byte, index) => byte === b[index]);
}

function masked(bytes: Uint8Array, bits: number): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const keep = Math.max(0, Math.min(8, bits - i * 8));
    out[i] = bytes[i]! & ((0xff << (8 - keep)) & 0xff);
  }
  return out;
}
