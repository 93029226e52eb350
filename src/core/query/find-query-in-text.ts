/**
 * The thing to look up in a right-clicked selection: the selection itself when it is one
 * query, else the first email address in it, else the first domain name (or URL host), else
 * the first IP address. Emails win over domains because an address says whose mail is meant;
 * a bare domain in prose is as often a web site.
 *
 * Linear in the length of the text: one split into tokens, one pass over "@" signs, and
 * bounded work per token.
 */
import type { Query } from '../vocabulary';
import { tryParseQuery } from './parse-query';
import { emailsInText } from './find-emails-in-text';
import { isKnownOrSpecialUseTld } from './registrable-domain';
import { HOST_SCHEMES } from './url-schemes';
import { MAX_INPUT_LENGTH } from './query-limits';

/** Characters that never occur inside a domain, URL host or IP address in running text. */
const SEPARATORS = /[\s<>()"'“”‘’«»,;|{}\u200B]+/;

/** Hex digits, colons, dots and brackets only: worth asking whether it is an IP address. */
const IP_LIKE = /^[0-9a-fA-F:.[\]]+$/;

const URL_START = /^([a-zA-Z][a-zA-Z0-9+.-]{0,31}):\/\//;

export function findQueryInText(text: string): Query | undefined {
  return wholeSelection(text) ?? firstEmail(text) ?? firstHostInText(text);
}

function firstEmail(text: string): Query | undefined {
  const first = emailsInText(text).next();
  return first.done ? undefined : first.value;
}

/**
 * A selection that is exactly one query (a URL, `"Jo Bloggs" <jo@example.com>`) is taken as
 * typed, with three exceptions that are more likely prose: a lone word such as "com" (a TLD,
 * so it parses), a URL followed by more words (its path would swallow an email address after
 * it), and non-ASCII running into a name with no real TLD (`john@example.comまで`).
 */
function wholeSelection(text: string): Query | undefined {
  if (text.length > MAX_INPUT_LENGTH) return undefined;
  const result = tryParseQuery(text);
  if (!result.ok) return undefined;
  const { query } = result;
  if (query.kind === 'domain' && (!query.name.includes('.') || /\s/.test(text.trim()))) return undefined;
  if (query.kind !== 'ip' && /\P{ASCII}/u.test(text) && !isKnownOrSpecialUseTld(lastLabel(query.name))) return undefined;
  return query;
}

function lastLabel(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

function firstHostInText(text: string): Query | undefined {
  let firstIp: Query | undefined;
  for (const token of text.split(SEPARATORS)) {
    const query = hostInToken(token);
    if (query?.kind === 'domain') return query;
    if (query?.kind === 'ip') firstIp ??= query;
  }
  return firstIp;
}

function hostInToken(raw: string): Query | undefined {
  const url = URL_START.exec(raw);
  if (url !== null) {
    if (!HOST_SCHEMES.has(url[1]!.toLowerCase())) return undefined;
    const afterSlashes = raw.slice(url[0].length);
    const end = afterSlashes.search(/[/\\?#]/);
    return parsed(`${url[0]}${end < 0 ? afterSlashes : afterSlashes.slice(0, end)}`);
  }
  if (raw.includes('@')) return undefined; // the email pass has had it
  // Sentence punctuation around the token; a colon may be the end of an IPv6 address.
  const token = raw.replace(/^[*.¿¡`]+/, '').replace(/[.!?*`]+$/, '');
  if (IP_LIKE.test(token)) {
    const asIp = parsed(token) ?? parsed(token.replace(/:+$/, ''));
    if (asIp?.kind === 'ip') return asIp;
  }
  const host = token.split(/[/\\?#:]/, 1)[0] ?? '';
  if (!looksLikeDomain(host)) return undefined;
  const query = parsed(host);
  if (query?.kind !== 'domain') return undefined;
  return isKnownOrSpecialUseTld(lastLabel(query.name)) ? query : undefined;
}

/**
 * A dot, and a last label of letters that is a real TLD: "e.g", "v1.2" and "Node.js" are not
 * domains. (File names with a country-code extension, such as "README.md", still look like one.)
 * Non-ASCII TLDs are checked after IDNA mapping, by the caller.
 */
function looksLikeDomain(host: string): boolean {
  const dot = host.lastIndexOf('.');
  if (dot <= 0 || host.length > MAX_INPUT_LENGTH) return false;
  const tld = host.slice(dot + 1);
  if (/^\P{ASCII}+$/u.test(tld)) return true;
  return /^(?:[A-Za-z]{2,}|[Xx][Nn]--[A-Za-z0-9-]+)$/.test(tld) && isKnownOrSpecialUseTld(tld.toLowerCase());
}

function parsed(text: string): Query | undefined {
  if (text.length > MAX_INPUT_LENGTH) return undefined;
  const result = tryParseQuery(text);
  return result.ok ? result.query : undefined;
}
