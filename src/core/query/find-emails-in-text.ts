/**
 * Email addresses in running text: a right-clicked selection, a pasted message. Anchored on
 * each "@" and bounded on both sides (64 characters back, 253 forward, RFC 5321 §4.5.3.1), so
 * 100 KB of anything costs one pass: there is no regular expression that could backtrack over
 * the whole text.
 *
 * The local part is read with the characters addresses use in practice (letters, digits and
 * `. _ % + - '`), not all of RFC 5322 atext: in prose and links "/", "=" and "?" are
 * delimiters (`?email=a@example.com`) far more often than parts of an address. Quoted and
 * UTF-8 local parts are for the quick box (`parseQuery`), which reads every RFC 5322 form.
 */
import type { Query } from '../vocabulary';
import { InvalidQuery } from './invalid-query';
import { parseEmail } from './parse-email';
import { isKnownOrSpecialUseTld } from './registrable-domain';
import { MAX_LOCAL_PART_OCTETS, MAX_NAME_LENGTH } from './query-limits';

/** Every address in `text`, in order, the same address once (`user@example.com`, ASCII domain). */
export function findAllEmailsInText(text: string): string[] {
  const seen = new Set<string>();
  for (const query of emailsInText(text)) if (query.email !== undefined) seen.add(query.email);
  return [...seen];
}

/** The addresses in `text` as email queries, in order of appearance. */
export function* emailsInText(text: string): Generator<Query> {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    const query = emailAt(text, at);
    if (query !== undefined) yield query;
  }
}

function emailAt(text: string, at: number): Query | undefined {
  let start = at;
  while (start > 0 && at - start <= MAX_LOCAL_PART_OCTETS && isLocalChar(text.charCodeAt(start - 1))) start--;
  if (at - start > MAX_LOCAL_PART_OCTETS) return undefined;
  // A sentence's dots and quotes before the address are not part of it.
  while (start < at && (text[start] === '.' || text[start] === "'")) start++;
  if (start === at || inUrlAuthority(text, start)) return undefined;
  const local = text.slice(start, at);
  // First with Unicode letters (`user@bücher.de`), then ASCII only, for text written with no
  // space after the address (`john@example.comまで`).
  return tryEmail(local, domainAfter(text, at + 1, true)) ?? tryEmail(local, domainAfter(text, at + 1, false));
}

/** `https://user@example.com/`: user information in a URL (RFC 3986 §3.2.1), not a mailbox. */
function inUrlAuthority(text: string, start: number): boolean {
  return /:\/\/[^\s/]*$/.test(text.slice(Math.max(0, start - 48), start));
}

function tryEmail(local: string, domain: string): Query | undefined {
  const tld = domain.slice(domain.lastIndexOf('.') + 1);
  if (!domain.includes('.') || !/^(?:[A-Za-z]{2,}|[Xx][Nn]--[A-Za-z0-9-]+|\P{ASCII}+)$/u.test(tld)) return undefined;
  const text = `${local}@${domain}`;
  try {
    const query = parseEmail(text, text);
    // Non-ASCII running into the domain is more often the sentence than an IDN: require a real TLD.
    const asciiTld = query.name.slice(query.name.lastIndexOf('.') + 1);
    if (/\P{ASCII}/u.test(domain) && !isKnownOrSpecialUseTld(asciiTld)) return undefined;
    return query.kind === 'email' ? query : undefined;
  } catch (error) {
    if (error instanceof InvalidQuery) return undefined;
    throw error;
  }
}

/** The longest run of domain characters from `from`, less trailing dots and hyphens (the sentence's). */
function domainAfter(text: string, from: number, unicode: boolean): string {
  let end = from;
  while (end < text.length && end - from <= MAX_NAME_LENGTH) {
    const code = text.codePointAt(end)!;
    if (!isDomainChar(code, unicode)) break;
    end += code > 0xffff ? 2 : 1;
  }
  while (end > from && (text[end - 1] === '.' || text[end - 1] === '-')) end--;
  return text.slice(from, end);
}

function isLocalChar(code: number): boolean {
  return isAsciiAlnum(code) || code === 0x2e || code === 0x5f || code === 0x25 || code === 0x2b || code === 0x2d || code === 0x27; // . _ % + - '
}

function isDomainChar(code: number, unicode: boolean): boolean {
  if (isAsciiAlnum(code) || code === 0x2e || code === 0x2d || code === 0x5f) return true; // . - _
  return unicode && code > 0x7f && /[\p{L}\p{M}\p{N}]/u.test(String.fromCodePoint(code));
}

function isAsciiAlnum(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}
