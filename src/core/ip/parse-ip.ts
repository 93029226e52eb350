/**
 * One entry point for "is this text an IP address, and which one": strict parsing of both
 * families, canonical text out (RFC 5952 for IPv6), so addresses compare as plain strings.
 */
import { formatIpv4, parseIpv4Bytes } from './ipv4-text';
import { formatIpv6, parseIpv6Bytes } from './ipv6-text';

export type IpFamily = 4 | 6;

export interface ParsedIp {
  /** Canonical text: `192.0.2.1`, `2001:db8::1`, `::ffff:192.0.2.1`. */
  ip: string;
  family: IpFamily;
}

export interface IpBytes {
  family: IpFamily;
  /** 4 bytes for IPv4, 16 for IPv6, network order. */
  bytes: Uint8Array;
}

/**
 * The address in `text`, or `undefined`. Takes bare address text only: no brackets, no zone
 * (`%eth0`), no port, no surrounding space (callers that accept those strip them first).
 */
export function parseIp(text: string): ParsedIp | undefined {
  const parsed = parseIpBytes(text);
  return parsed && { ip: formatIpBytes(parsed.bytes), family: parsed.family };
}

export function parseIpBytes(text: string): IpBytes | undefined {
  if (text.includes(':')) {
    const bytes = parseIpv6Bytes(text);
    return bytes && { family: 6, bytes };
  }
  const bytes = parseIpv4Bytes(text);
  return bytes && { family: 4, bytes };
}

/** Canonical text of a 4- or 16-byte address. */
export function formatIpBytes(bytes: Uint8Array): string {
  if (bytes.length === 4) return formatIpv4(bytes);
  if (bytes.length === 16) return formatIpv6(bytes);
  throw new RangeError(`an IP address has 4 or 16 bytes, not ${bytes.length}`);
}
