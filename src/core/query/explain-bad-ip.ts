/**
 * Plain-language reasons why something meant as an IP address is not one, or why a number sits
 * where a domain name belongs. Only message text lives here; the decisions are the parsers'.
 */
import { parseIp } from '../ip/parse-ip';
import { quoteInput } from './quote-input';

export type DomainSlot = 'domain' | 'email' | 'url';

const HEX_NUMBER = /^0x[0-9a-f]*$/i;
const DECIMAL = /^[0-9]+$/;
const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];

/**
 * WHATWG URL §3.5 "ends in a number checker": a host whose last label is a decimal or `0x`
 * number is read as an IPv4 address by browsers. No top-level domain is numeric (RFC 3696 §2),
 * so such a name is never a domain.
 */
export function endsInNumber(name: string): boolean {
  const trimmed = name.endsWith('.') ? name.slice(0, -1) : name;
  const last = trimmed.slice(trimmed.lastIndexOf('.') + 1);
  return DECIMAL.test(last) || HEX_NUMBER.test(last);
}

/** Exactly four decimal numbers with dots: an IPv4 address, or a typo of one. */
export function looksLikeIpv4(text: string): boolean {
  return /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/.test(text);
}

/** Only hex digits, dots and at least two colons: an IPv6 address, or a typo of one. */
export function looksLikeIpv6(text: string): boolean {
  return /^[0-9a-f:.]+$/i.test(text) && text.indexOf(':') !== text.lastIndexOf(':');
}

/** For text `looksLikeIpv4` accepts but `parseIp` does not. */
export function badIpv4Message(text: string): string {
  const parts = text.split('.');
  const big = parts.find((part) => Number(part) > 255);
  const problem =
    big !== undefined
      ? `${big.length > 6 ? 'one number' : big} is more than 255`
      : `${parts.find((part) => part.length > 1 && part.startsWith('0')) ?? 'a number'} has a leading zero, which some programs read as octal, so MXray does not guess`;
  return `${quoteInput(text)} is not an IPv4 address: ${problem}. Write four numbers from 0 to 255 without leading zeros, as in 192.0.2.1.`;
}

/** For text `looksLikeIpv6` accepts but `parseIp` does not. */
export function badIpv6Message(text: string): string {
  const groups = text.split(':');
  const long = groups.find((group) => !group.includes('.') && group.length > 4);
  const problem =
    text.split('::').length > 2
      ? 'it has "::" more than once'
      : /:::/.test(text)
        ? 'it has three colons in a row'
        : long !== undefined
          ? `"${long.slice(0, 12)}" has more than four hex digits`
          : groups.filter((group) => group !== '').length > 8
            ? 'it has more than eight groups'
            : 'its groups do not add up to eight';
  return `${quoteInput(text)} is not an IPv6 address (RFC 4291 §2.2): ${problem}. An IPv6 address is up to eight groups of one to four hex digits separated by colons, with at most one "::", as in 2001:db8::1.`;
}

/** For an IPv6 address with a `%zone`, which names a network interface on one computer. */
export function zoneIdMessage(text: string, address: string): string {
  return `${quoteInput(text)} has a zone (the part from "%"), which names a network interface on one computer and means nothing to DNS. Type the address without it: ${address}.`;
}

/** For a name that ends in a number where a domain name belongs (`endsInNumber`). */
export function numberInDomainSlotMessage(text: string, slot: DomainSlot): string {
  const quoted = quoteInput(text);
  if (slot === 'email') {
    const ip = parseIp(text);
    if (ip !== undefined) {
      const literal = ip.family === 6 ? `IPv6:${ip.ip}` : ip.ip;
      return `${quoted} after the @ is an IP address, not a domain name. An email address writes one in square brackets, as in postmaster@[${literal}] (RFC 5321 §4.1.3); to look up the address itself, type ${ip.ip}.`;
    }
    return `${quoted} after the @ ends in a number, so it is not a domain name. Type the domain of the address, as in user@example.com.`;
  }
  const parts = text.replace(/\.$/, '').split('.');
  const numeric = parts.every((part) => DECIMAL.test(part) || HEX_NUMBER.test(part));
  if (!numeric) {
    return `${quoted} ends in a number, so it is not a domain name: no top-level domain is all digits (RFC 3696 §2). Check the end of the name, as in example.com.`;
  }
  const browser = browserIpv4Reading(text);
  const reading = browser === undefined ? '' : ` (a browser would read it as ${browser}, other programs differently)`;
  if (parts.length < 4 || parts.some((part) => HEX_NUMBER.test(part))) {
    return `${quoted} is a shorthand IP address form${reading}. MXray takes only the full form: four numbers from 0 to 255 in decimal, as in 192.0.2.1.`;
  }
  return `${quoted} has ${WORDS[parts.length] ?? parts.length} numbers, so it is not a domain name (those never end in a number), and not an IPv4 address either: that has exactly four, each 0 to 255, as in 192.0.2.1.`;
}

function browserIpv4Reading(text: string): string | undefined {
  try {
    const host = new URL(`http://${text}/`).hostname;
    return parseIp(host) === undefined ? undefined : host;
  } catch {
    return undefined;
  }
}
