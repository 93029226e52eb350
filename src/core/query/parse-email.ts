/**
 * Email addresses in the forms people paste: `user@example.com`, `user+tag@Example.COM`,
 * `"john doe"@example.com` (RFC 5322 §3.4.1), `John Doe <john@example.com>` (§3.4 name-addr),
 * `john@example.com (John)` (§3.2.2 comment), `user@bücher.de` and a UTF-8 local part
 * (RFC 6531 §3.3), and `user@[192.0.2.1]` (RFC 5321 §4.1.3 address literal).
 *
 * Only the domain decides where mail goes, so the local part is checked for what would make
 * the text not an address (a space, a second "@", an unbalanced quote), not for every RFC 5322
 * rule: a misplaced dot (`john..doe@`) is the mailbox owner's business, and some providers
 * accept it.
 */
import type { Query } from '../vocabulary';
import { InvalidQuery } from './invalid-query';
import { describeCharacter, quoteInput } from './quote-input';
import { unquotedIndexes } from './unquoted-positions';
import { normaliseDomain } from './normalise-domain';
import { parseAddressLiteral } from './parse-address-literal';
import { emailQuery, ipQuery } from './build-query';
import { MAX_LOCAL_PART_OCTETS } from './query-limits';

/** RFC 5322 §3.2.3 atext, and the dots between atoms; anything beyond ASCII per RFC 6531 §3.3. */
const LOCAL_CHAR = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.\u{80}-\u{10FFFF}]$/u;

/**
 * The address inside `Name <address>` (RFC 5322 §3.4), or `undefined` when `text` has no such
 * form. The display name may be quoted and contain "<".
 */
export function angleAddress(text: string): string | undefined {
  if (!text.endsWith('>')) return undefined;
  const open = unquotedIndexes(text, '<')[0];
  return open === undefined ? undefined : text.slice(open + 1, -1).trim();
}

/** `text` is an address with exactly the one "@" that `parseQuery` found (quoted ones aside). */
export function parseEmail(text: string, input: string): Query {
  const bad = (message: string) => new InvalidQuery(input, 'bad-email', message);
  const address = withoutComment(text);
  const ats = unquotedIndexes(address, '@');
  const at = ats[ats.length - 1];
  if (at === undefined) throw bad(`${quoteInput(address)} has no @, so it is not an email address. Type one such as user@example.com.`);
  if (ats.length > 1) throw bad(`${quoteInput(address)} has more than one @; an email address has exactly one, as in user@example.com.`);
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local === '') throw bad(`${quoteInput(address)} has nothing before the @; an email address looks like user@example.com.`);
  if (domain === '') throw bad(`${quoteInput(address)} has nothing after the @; an email address ends with a domain, as in user@example.com.`);
  checkLocalPart(local, address, bad);
  if (domain.startsWith('[') && domain.endsWith(']')) {
    const ip = parseAddressLiteral(domain.slice(1, -1), input);
    return ipQuery(input, ip, `${local}@[${ip.family === 6 ? 'IPv6:' : ''}${ip.ip}]`);
  }
  return emailQuery(input, local, normaliseDomain(domain, 'email', input));
}

/** RFC 5322 §3.2.2: a trailing `(comment)` is not part of the address. */
function withoutComment(text: string): string {
  if (!text.endsWith(')')) return text;
  const open = text.lastIndexOf('(');
  return open > 0 ? text.slice(0, open).trimEnd() : text;
}

function checkLocalPart(local: string, address: string, bad: (message: string) => InvalidQuery): void {
  if (new TextEncoder().encode(local).length > MAX_LOCAL_PART_OCTETS) {
    throw bad(
      `${quoteInput(address)} has more than ${MAX_LOCAL_PART_OCTETS} characters before the @, more than an email address may have (RFC 5321 §4.5.3.1.1).`,
    );
  }
  if (local.startsWith('"')) {
    checkQuotedLocalPart(local, address, bad);
    return;
  }
  for (const char of local) {
    if (LOCAL_CHAR.test(char)) continue;
    const what = describeCharacter(char);
    throw bad(
      char === '"'
        ? `${quoteInput(address)} has a double quote in the middle of the part before the @; quotes go around all of it, as in "john doe"@example.com.`
        : `${quoteInput(address)} has ${what} before the @, which an email address can only have inside double quotes, as in "john doe"@example.com.`,
    );
  }
}

/** RFC 5322 §3.2.4 quoted-string: `"` … `"` with `\`-escapes, and nothing after the closing quote. */
function checkQuotedLocalPart(local: string, address: string, bad: (message: string) => InvalidQuery): void {
  for (let i = 1; i < local.length; i++) {
    const char = local[i]!;
    if (char === '\\') {
      i++;
      continue;
    }
    if (char === '"') {
      if (i === local.length - 1) return;
      throw bad(
        `${quoteInput(address)} has text between the closing quote and the @; quotes go around the whole part before the @, as in "john doe"@example.com.`,
      );
    }
    if (/[\p{Cc}]/u.test(char) && char !== '\t') {
      throw bad(`${quoteInput(address)} has ${describeCharacter(char)} before the @, which no email address can hold.`);
    }
  }
  throw bad(`${quoteInput(address)} opens a double quote before the @ but never closes it, as in "john doe"@example.com.`);
}
