/**
 * The identities a message carries: the RFC5322.From domain DMARC evaluates, the MAIL FROM the
 * receiver recorded in Return-Path (SPF's identity), and the Subject for people.
 */
import { InvalidQuery } from '../../query/invalid-query';
import { normaliseDomain } from '../../query/normalise-domain';
import type { ParsedMessage } from '../types';
import { utf8Text } from './byte-string';
import { displayText } from './display-text';
import { parseMailboxList } from './mailbox-list';

export interface FromDomain {
  /** ASCII, lower case, no trailing dot; null when the message has no single readable From domain. */
  domain: string | null;
  /** Why `domain` is null, in words; null when it is not. */
  problem: string | null;
}

/** The cap on a field read for addresses: a real From is well under 1 KB. */
const MAX_FIELD = 8 * 1024;

/**
 * RFC 7489 §6.6.1 (and DMARCbis): DMARC applies to a message with exactly one From field that
 * holds exactly one mailbox; anything else has no single author domain to evaluate.
 */
export function fromDomain(message: ParsedMessage): FromDomain {
  const fields = message.headers.filter((field) => field.key === 'from');
  if (fields.length === 0) return problem('The message has no From field, so DMARC has no author domain to check (RFC 5322 §3.6.2 requires one).');
  if (fields.length > 1) return problem(`The message has ${fields.length} From fields; DMARC cannot say whose it is (RFC 7489 §6.6.1).`);
  const mailboxes = parseMailboxList(utf8Text(fields[0]!.value.slice(0, MAX_FIELD)));
  if (mailboxes.length === 0) return problem('The From field holds no address, so DMARC has no author domain to check.');
  if (mailboxes.length > 1) {
    return problem(`The From field holds ${mailboxes.length} addresses; DMARC cannot say whose it is (RFC 7489 §6.6.1).`);
  }
  const mailbox = mailboxes[0]!;
  if (mailbox.literal) return problem(`The From address ends in an address literal ([${mailbox.domain}]), not a domain, so DMARC cannot check it.`);
  if (mailbox.domain === '') return problem('The From address has no domain (no "@"), so DMARC cannot check it.');
  const domain = asciiDomain(mailbox.domain);
  if (typeof domain !== 'string') return problem(`The From domain cannot be read: ${domain.reason}`);
  return { domain, problem: null };
}

/**
 * The MAIL FROM address the receiver recorded (RFC 5321 §4.4: the final server adds Return-Path
 * on top), from the topmost Return-Path field: "" for the null sender `<>` of bounces, null
 * without a Return-Path or when it holds no address.
 */
export function returnPath(message: ParsedMessage): string | null {
  const field = message.headers.find((header) => header.key === 'return-path');
  if (field === undefined) return null;
  const text = utf8Text(field.value.slice(0, MAX_FIELD));
  const mailboxes = parseMailboxList(text);
  if (mailboxes.length === 0) return /<\s*>/.test(text) ? '' : null;
  const { local, domain, literal } = mailboxes[0]!;
  if (domain === '') return local === '' ? '' : null;
  return `${local}@${literal ? `[${domain}]` : domain}`;
}

/** The domain of `local@domain`, ASCII and lower case, or null when there is no readable domain name. */
export function addressDomain(address: string): string | null {
  const at = address.lastIndexOf('@');
  if (at < 0) return null;
  const domain = asciiDomain(address.slice(at + 1));
  return typeof domain === 'string' ? domain : null;
}

/** The Subject for people (encoded-words decoded), or null without one. */
export function subjectText(message: ParsedMessage): string | null {
  const field = message.headers.find((header) => header.key === 'subject');
  return field === undefined ? null : displayText(field.value);
}

/**
 * The name as MXray asks DNS about it: the same normalisation a typed query gets (UTS #46 to
 * ASCII, lower case, no trailing dot), so the links to full reports name the same domain.
 */
function asciiDomain(text: string): string | { reason: string } {
  const name = text.trim();
  if (name.startsWith('[')) return { reason: `${name} is an address literal, not a domain name.` };
  try {
    return normaliseDomain(name, 'email', name).name;
  } catch (error) {
    if (error instanceof InvalidQuery) return { reason: error.message };
    return { reason: `"${name.slice(0, 80)}" is not a domain name.` };
  }
}

function problem(sentence: string): FromDomain {
  return { domain: null, problem: sentence };
}
