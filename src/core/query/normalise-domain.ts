/**
 * A domain name as typed -> the name MXray queries (ASCII, lower case, no trailing dot) and the
 * name it shows (Unicode). Every rejection says what was wrong with the name.
 */
import { toUnicode } from 'punycode/';
import { parseIp } from '../ip/parse-ip';
import { InvalidQuery } from './invalid-query';
import { describeCharacter, quoteInput } from './quote-input';
import { endsInNumber, numberInDomainSlotMessage, type DomainSlot } from './explain-bad-ip';
import { MAX_LABEL_LENGTH, MAX_NAME_LENGTH } from './query-limits';
import { findRegistrableDomain, isTopLevelDomain } from './registrable-domain';

export interface NormalisedDomain {
  /** ASCII (`xn--` for IDNs), lower case, no trailing dot. */
  name: string;
  /** For people: Unicode labels. */
  display: string;
  registrable?: string;
}

/**
 * Letters, digits, hyphen and underscore (RFC 1035 §2.3.1 LDH, plus `_` for names such as
 * `_dmarc.example.com`, RFC 8552), anything beyond ASCII for IDNs, and dots between labels.
 */
const ALLOWED = /^[a-zA-Z0-9_.\-\u{80}-\u{10FFFF}]$/u;
const ASCII_LABEL = /^[a-z0-9_-]+$/;

/** UTS #46 §2.3 (after IDNA2003): these full stops separate labels just like ".". */
const UNICODE_DOTS = /[\u3002\uFF0E\uFF61]/g;

export function normaliseDomain(text: string, slot: DomainSlot, input: string): NormalisedDomain {
  const fail = (reason: ConstructorParameters<typeof InvalidQuery>[1], message: string) => new InvalidQuery(input, reason, message);

  // Anything past four times the limit cannot shrink enough under IDNA mapping to fit.
  if (text.length > MAX_NAME_LENGTH * 4) {
    throw fail('too-long-name', `${quoteInput(text)} is ${text.length} characters long; a domain name can be at most ${MAX_NAME_LENGTH} (RFC 1035 §2.3.4).`);
  }
  let dotted = text.replace(UNICODE_DOTS, '.');
  // RFC 1034 §3.1: a trailing dot marks an absolute name; the name is the same without it.
  if (dotted.endsWith('.')) dotted = dotted.slice(0, -1);
  if (dotted === '') throw fail('empty', `${quoteInput(text)} is the DNS root, not a domain. Type a domain name, such as example.com.`);
  checkNoEmptyLabel(dotted, text, fail);
  for (const char of dotted) {
    if (!ALLOWED.test(char) || /[\s\p{Cc}]/u.test(char)) {
      throw fail('bad-character', `${quoteInput(text)} has ${describeCharacter(char)} in it; a domain name has only letters, digits, hyphens and dots.`);
    }
  }
  if (endsInNumber(dotted)) throw fail('ip-in-domain-slot', numberInDomainSlotMessage(text, slot));

  const name = toAscii(dotted, text, fail);
  const idn = name !== dotted.toLowerCase();
  const asciiNote = idn ? ` in its ASCII form (${name.length > 40 ? 'xn--…' : name})` : '';
  checkNoEmptyLabel(name, text, fail); // UTS #46 removes some characters (soft hyphens, ZWSP)
  if (endsInNumber(name)) {
    // Full-width digits (`１.２.３.４`) map to ASCII ones under UTS #46.
    const ip = parseIp(name);
    throw fail(
      'ip-in-domain-slot',
      ip === undefined
        ? numberInDomainSlotMessage(name, slot)
        : `${quoteInput(text)} is an IP address written with non-ASCII digits. Type it with ASCII digits: ${ip.ip}.`,
    );
  }
  for (const label of name.split('.')) {
    if (!ASCII_LABEL.test(label)) {
      const char = [...label].find((c) => !/[a-z0-9_-]/.test(c)) ?? label;
      throw fail(
        'bad-character',
        `${quoteInput(text)} has ${describeCharacter(char)} in it${asciiNote}; a domain name has only letters, digits, hyphens and dots.`,
      );
    }
    if (label.length > MAX_LABEL_LENGTH) {
      throw fail(
        'too-long-label',
        `${quoteInput(label)} in ${quoteInput(text)} is ${label.length} characters long${asciiNote}; each part between dots can be at most ${MAX_LABEL_LENGTH} (RFC 1035 §2.3.4).`,
      );
    }
    // RFC 5321 §4.1.2: a mail domain's labels start and end with a letter or digit.
    if (label.startsWith('-') || label.endsWith('-')) {
      throw fail(
        'bad-hyphen',
        `${quoteInput(text)}: the part ${quoteInput(label)} ${label.startsWith('-') ? 'begins' : 'ends'} with a hyphen, which a domain name cannot (RFC 5321 §4.1.2).`,
      );
    }
  }
  if (name.length > MAX_NAME_LENGTH) {
    throw fail(
      'too-long-name',
      `${quoteInput(text)} is ${name.length} characters long${asciiNote}; a domain name can be at most ${MAX_NAME_LENGTH} (RFC 1035 §2.3.4).`,
    );
  }
  if (!name.includes('.') && !isTopLevelDomain(name)) throw fail('single-label', singleLabelMessage(name, text));

  const registrable = findRegistrableDomain(name);
  return { name, display: toDisplay(name), ...(registrable === undefined ? {} : { registrable }) };
}

/**
 * UTS #46 processing (non-transitional, as IDNA2008 browsers do) through the WHATWG URL parser,
 * the same mapping the browser applies to what people type in the address bar: `Bücher.de` ->
 * `xn--bcher-kva.de`, `Ａ.com` -> `a.com`, and broken `xn--` labels rejected.
 */
function toAscii(dotted: string, text: string, fail: (r: 'bad-idn', m: string) => InvalidQuery): string {
  const lower = dotted.toLowerCase();
  // Plain LDH needs no mapping beyond lower case (RFC 4343), unless it carries an A-label to check.
  if (/^[a-z0-9_.-]*$/.test(lower) && !/(^|\.)xn--/.test(lower)) return lower;
  const href = `http://${dotted}/`;
  // canParse first: refusals are common (every stray symbol), and exceptions are slow.
  if (!URL.canParse(href)) {
    throw fail(
      'bad-idn',
      `${quoteInput(text)} is not a valid internationalised domain name (UTS #46): it has a character or an xn-- part that no domain name can hold. Check for a typo or a stray symbol.`,
    );
  }
  const host = new URL(href).hostname;
  return host.endsWith('.') ? host.slice(0, -1) : host;
}

function toDisplay(name: string): string {
  if (!name.includes('xn--')) return name;
  try {
    return toUnicode(name);
  } catch {
    return name; // already validated by the URL parser; a display fallback, never a rejection
  }
}

function checkNoEmptyLabel(name: string, text: string, fail: (r: 'empty-label', m: string) => InvalidQuery): void {
  if (name.startsWith('.')) throw fail('empty-label', `${quoteInput(text)} starts with a dot; a domain name starts with a letter or digit, as in example.com.`);
  if (name.includes('..'))
    throw fail('empty-label', `${quoteInput(text)} has two dots in a row; a domain name has something between every pair of dots, as in mail.example.com.`);
  if (name.endsWith('.')) throw fail('empty-label', `${quoteInput(text)} ends with more than one dot; a domain name ends with at most one.`);
}

function singleLabelMessage(name: string, text: string): string {
  if (name === 'localhost') {
    return `${quoteInput(text)} always means this computer (RFC 6761 §6.3); it has no mail servers in public DNS. Type a domain name, such as example.com.`;
  }
  return `${quoteInput(text)} has no dot and is not a top-level domain, so public DNS knows nothing about it. Type the full domain name, such as ${name.slice(0, 30)}.example.com.`;
}
