/**
 * IPv4 addresses as text, strictly: four decimal numbers 0-255 joined by dots (the form
 * RFC 1123 §2.1 calls "dotted-decimal" and `inet_pton` accepts), nothing else.
 *
 * Deliberately stricter than the WHATWG URL parser and `inet_aton`, which also read `0x7f.1`,
 * `127.1` or `0177.0.0.1`: those legacy forms mean different addresses to different programs, so a
 * lookup tool must not guess.
 */

/** A number 0-255 with no leading zero: `0`, `7`, `42`, `255`, never `07` (octal to some parsers). */
const OCTET = /^(?:0|[1-9][0-9]{0,2})$/;

/** The four bytes of a dotted-quad IPv4 address, or `undefined` if `text` is not exactly one. */
export function parseIpv4Bytes(text: string): Uint8Array | undefined {
  if (text.length > 15) return undefined;
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes = new Uint8Array(4);
  for (const [i, part] of parts.entries()) {
    if (!OCTET.test(part)) return undefined;
    const value = Number(part);
    if (value > 255) return undefined;
    bytes[i] = value;
  }
  return bytes;
}

/** `192.0.2.1` from its four bytes. */
export function formatIpv4(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, 4)).join('.');
}
