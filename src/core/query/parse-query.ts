/**
 * What a person typed, pasted or right-clicked -> a `Query`: a domain, an email address, a URL
 * or an IP address, normalised so the lookup and the cache see one spelling of each name.
 *
 * The order of the tests matters and is the point of this file: an IP address first (an IPv6
 * address looks like `scheme:`), then `Name <address>`, URLs by scheme, `user@host`, and
 * whatever is left is a domain name.
 */
import type { Query } from '../vocabulary';
import { parseIp } from '../ip/parse-ip';
import { InvalidQuery } from './invalid-query';
import { quoteInput } from './quote-input';
import { stripWrapping } from './strip-wrapping';
import { unquotedIndexes } from './unquoted-positions';
import { normaliseDomain } from './normalise-domain';
import { angleAddress, parseEmail } from './parse-email';
import { mailtoAddress } from './parse-mailto';
import { parseUrlHost } from './parse-url-host';
import { parseAddressLiteral } from './parse-address-literal';
import { HOST_SCHEMES, unsupportedSchemeMessage } from './url-schemes';
import { badIpv4Message, badIpv6Message, looksLikeIpv4, looksLikeIpv6, zoneIdMessage, type DomainSlot } from './explain-bad-ip';
import { domainQuery, ipQuery } from './build-query';
import { MAX_INPUT_LENGTH } from './query-limits';

export type ParseResult = { ok: true; query: Query } | { ok: false; error: InvalidQuery };

/** RFC 3986 §3.1 scheme, bounded so a long word cannot cost more than a short one. */
const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]{0,31}):/;

/** Characters that only a URL has after a host: path, query, fragment, port. */
const URL_PARTS = /[/\\?#:]/;

/** Throws `InvalidQuery` (and nothing else) when `input` is none of the accepted forms. */
export function parseQuery(input: string): Query {
  if (input.length > MAX_INPUT_LENGTH) {
    throw new InvalidQuery(
      input,
      'too-long-input',
      `That text is ${input.length.toLocaleString('en')} characters long; MXray reads at most ${MAX_INPUT_LENGTH.toLocaleString('en')}. Paste just the domain, email address, web address or IP address.`,
    );
  }
  return parseText(input, input, true);
}

export function tryParseQuery(input: string): ParseResult {
  try {
    return { ok: true, query: parseQuery(input) };
  } catch (error) {
    if (error instanceof InvalidQuery) return { ok: false, error };
    throw error;
  }
}

function parseText(raw: string, input: string, outermost: boolean): Query {
  const text = stripWrapping(raw);
  if (text === '') {
    throw new InvalidQuery(input, 'empty', 'There is nothing to look up. Type a domain (example.com), an email address, a web address or an IP address.');
  }
  if (text.startsWith('[') && text.endsWith(']')) return ipQuery(input, parseAddressLiteral(text.slice(1, -1), input));
  const ip = parseIp(text) ?? (text.endsWith('.') ? parseIp(text.slice(0, -1)) : undefined);
  if (ip !== undefined) return ipQuery(input, ip);
  rejectBrokenIpv6(text, input);

  const inAngles = outermost ? angleAddress(text) : undefined;
  if (inAngles !== undefined) return parseText(inAngles, input, false);

  const scheme = SCHEME.exec(text);
  if (scheme !== null) {
    const name = scheme[1]!.toLowerCase();
    const rest = text.slice(scheme[0].length);
    if (name === 'mailto') {
      const address = mailtoAddress(rest, input);
      return parseEmail(angleAddress(address) ?? address, input);
    }
    if (HOST_SCHEMES.has(name)) return hostQuery(rest, input);
    // `example.com:8080`, `localhost:3000/x`: a host and port, not a scheme.
    if (!name.includes('.') && !/^(?:[0-9]+(?:[/?#]|$)|$)/.test(rest)) {
      throw new InvalidQuery(input, 'unsupported-scheme', unsupportedSchemeMessage(scheme[1]!, text));
    }
    return hostQuery(text, input);
  }
  if (text.startsWith('//')) return hostQuery(text, input);

  const ats = unquotedIndexes(text, '@');
  const at = ats[ats.length - 1];
  if (at !== undefined) {
    const domain = text.slice(at + 1);
    // `user@example.com/path` is a URL without its scheme; `a/b@example.com` is an email.
    if (!domain.startsWith('[') && URL_PARTS.test(domain)) return hostQuery(text, input);
    return parseEmail(text, input);
  }
  if (text.includes('@') && text.includes('"')) {
    throw new InvalidQuery(
      input,
      'bad-email',
      `${quoteInput(text)} opens a double quote but never closes it; quotes go around the whole part before the @, as in "john doe"@example.com.`,
    );
  }
  if (URL_PARTS.test(text)) return hostQuery(text, input);
  return parseHost(text, 'domain', input);
}

/** A URL's host (`rest` is what follows `scheme:`, or the whole text when there is none). */
function hostQuery(rest: string, input: string): Query {
  const { host, bracketed } = parseUrlHost(rest, input);
  if (bracketed) return ipQuery(input, parseAddressLiteral(host, input));
  return parseHost(host, 'url', input);
}

/** A bare host: an IPv4 address, a mistyped one, or a domain name. */
function parseHost(host: string, slot: DomainSlot, input: string): Query {
  const ip = parseIp(host);
  if (ip !== undefined) return ipQuery(input, ip);
  if (looksLikeIpv4(host)) throw new InvalidQuery(input, 'bad-ip', badIpv4Message(host));
  return domainQuery(input, normaliseDomain(host, slot, input));
}

/** `fe80::1%eth0`, `2001:db8:::1`: meant as IPv6, and saying so beats "unsupported scheme". */
function rejectBrokenIpv6(text: string, input: string): void {
  const zone = text.indexOf('%');
  if (zone > 0) {
    const address = parseIp(text.slice(0, zone));
    if (address?.family === 6) throw new InvalidQuery(input, 'ip-zone-id', zoneIdMessage(text, address.ip));
  }
  if (looksLikeIpv6(text)) throw new InvalidQuery(input, 'bad-ip', badIpv6Message(text));
  if (zone > 0 && looksLikeIpv6(text.slice(0, zone))) throw new InvalidQuery(input, 'bad-ip', badIpv6Message(text.slice(0, zone)));
}
