/**
 * One SPF record into its terms (RFC 7208 §4.5, §4.6, §5, §6), each checked against the ABNF
 * of §12. A term that breaks it carries an `error`: receivers stop at any one with permerror
 * (§4.6). Never throws, and runs in time linear in the record's length.
 */
import { parseIp } from '../../ip';
import { checkDomainSpec, scanMacroString } from './spf-macro';
import type { ParsedSpf, SpfMechanism, SpfMechanismName, SpfModifier, SpfQualifier, SpfTerm } from './types';

/** RFC 7208 §4.5: `v=spf1` (case-insensitive, RFC 5234 §2.3), then a space or the end. */
const VERSION = /^v=spf1(?: |$)/i;
/** A qualifier, then a name (RFC 7208 §12: `name = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." )`). */
const TERM = /^([-+~?]?)([a-z][a-z0-9_.-]*)/i;
/** ip4-cidr-length and the "//" ip6-cidr-length of dual-cidr-length, at the end of an a/mx term. */
const DUAL_CIDR = /(?:\/([0-9]+))?(?:\/\/([0-9]+))?$/;
/** No leading zeros (RFC 7208 §12: "0" / %x31-39 0*2DIGIT). */
const PREFIX = /^(?:0|[1-9][0-9]{0,2})$/;

const MECHANISMS = new Set<string>(['all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists']);

/** True for a TXT record that is an SPF record (RFC 7208 §4.5); other TXT records are ignored. */
export function isSpfRecord(record: string): boolean {
  return VERSION.test(record);
}

export interface ParseSpfOptions {
  /**
   * Only the ABNF of RFC 7208 §12, as check_host() applies it: a plain domain-spec may hold any
   * visible character (`a:foo:bar/baz.example.com`). Without it, such a name, which DNS cannot
   * hold as a host name, is an error too (what the SPF tree reports).
   */
  grammarOnly?: boolean;
}

export function parseSpf(record: string, options: ParseSpfOptions = {}): ParsedSpf {
  if (typeof record !== 'string' || !VERSION.test(record)) return { isSpf: false, terms: [], errors: ['The record does not start with "v=spf1".'] };
  // Terms are separated by one or more spaces (RFC 7208 §4.6.1); only SP, not tabs.
  const terms = record
    .slice(6)
    .split(' ')
    .filter((text) => text !== '')
    .map((text) => parseTerm(text, options.grammarOnly === true));
  // RFC 7208 §6: redirect and exp may each appear once.
  const seen = new Set<string>();
  for (const term of terms) {
    if (term.kind !== 'modifier' || (term.name !== 'redirect' && term.name !== 'exp')) continue;
    if (seen.has(term.name)) term.error ??= `${term.name}= may appear only once in a record`;
    seen.add(term.name);
  }
  return { isSpf: true, terms, errors: terms.flatMap((term) => (term.error ? [`"${term.text}": ${term.error}`] : [])) };
}

export function isMechanismName(name: string): name is SpfMechanismName {
  return MECHANISMS.has(name);
}

function parseTerm(text: string, grammarOnly: boolean): SpfTerm {
  const head = TERM.exec(text);
  if (!head) return { kind: 'invalid', text, macro: false, error: 'it is neither a mechanism nor a modifier' };
  const qualifier = (head[1] || '+') as SpfQualifier;
  const name = head[2]!.toLowerCase();
  const rest = text.slice(head[0].length);
  if (rest.startsWith('=')) return parseModifier(text, name, rest.slice(1), head[1] !== '', grammarOnly);
  if (!isMechanismName(name)) return { kind: 'invalid', text, macro: false, error: `"${head[2]}" is not an SPF mechanism` };
  if (rest !== '' && !rest.startsWith(':') && !rest.startsWith('/')) {
    return { kind: 'invalid', text, macro: false, error: `"${text}" is not an SPF mechanism or modifier` };
  }
  const mechanism: SpfMechanism = { kind: 'mechanism', text, qualifier, name, macro: false };
  const error = mechanismError(mechanism, rest, grammarOnly);
  if (error) mechanism.error = error;
  return mechanism;
}

/** Fills in the mechanism's arguments from `rest` (what follows its name); the error, if any. */
function mechanismError(mechanism: SpfMechanism, rest: string, grammarOnly: boolean): string | undefined {
  switch (mechanism.name) {
    case 'all':
      return rest === '' ? undefined : '"all" takes no argument';
    case 'include':
    case 'exists':
      if (!rest.startsWith(':'))
        return rest === '' ? `"${mechanism.name}" needs a domain: ${mechanism.name}:example.com` : `"${mechanism.name}" takes no prefix length`;
      return domainError(mechanism, rest.slice(1), grammarOnly);
    case 'ptr':
      if (rest === '') return undefined;
      if (!rest.startsWith(':')) return '"ptr" takes no prefix length';
      return domainError(mechanism, rest.slice(1), grammarOnly);
    case 'a':
    case 'mx':
      return addressMechanismError(mechanism, rest, grammarOnly);
    case 'ip4':
    case 'ip6':
      return networkError(mechanism, rest);
  }
}

function domainError(mechanism: SpfMechanism | SpfModifier, spec: string, grammarOnly: boolean): string | undefined {
  if (mechanism.kind === 'mechanism') mechanism.domain = spec;
  const check = checkDomainSpec(spec, grammarOnly);
  mechanism.macro = check.macro;
  return check.error;
}

/** `a` and `mx`: `[":" domain-spec] [dual-cidr-length]` (RFC 7208 §5.3, §5.4). */
function addressMechanismError(mechanism: SpfMechanism, rest: string, grammarOnly: boolean): string | undefined {
  const cidr = DUAL_CIDR.exec(rest)!;
  const head = rest.slice(0, cidr.index);
  const spec = head.slice(1);
  const badCidr = `"${rest.slice(rest.indexOf('/'))}" is not a valid prefix length (the forms are /24, //64 and /24//64)`;
  if (head !== '' && !head.startsWith(':')) return badCidr;
  // A "/" left in a plain domain is a prefix length that does not parse (macro-strings may hold one).
  if (!grammarOnly && spec.includes('/') && !spec.includes('%')) return badCidr;
  if (cidr[1] !== undefined) {
    const error = prefixError(cidr[1], 32, 'IPv4');
    if (error) return error;
    mechanism.cidr4 = Number(cidr[1]);
  }
  if (cidr[2] !== undefined) {
    const error = prefixError(cidr[2], 128, 'IPv6');
    if (error) return error;
    mechanism.cidr6 = Number(cidr[2]);
  }
  return head === '' ? undefined : domainError(mechanism, spec, grammarOnly);
}

/** `ip4:` ip4-network [ip4-cidr-length], `ip6:` ip6-network [ip6-cidr-length] (RFC 7208 §5.6). */
function networkError(mechanism: SpfMechanism, rest: string): string | undefined {
  const family = mechanism.name === 'ip4' ? 4 : 6;
  const familyName = family === 4 ? 'IPv4' : 'IPv6';
  if (!rest.startsWith(':') || rest.length === 1)
    return `"${mechanism.name}" needs an ${familyName} address: ${mechanism.name}:${family === 4 ? '192.0.2.0/24' : '2001:db8::/32'}`;
  const body = rest.slice(1);
  const slash = body.indexOf('/');
  const address = slash < 0 ? body : body.slice(0, slash);
  const parsed = parseIp(address);
  if (!parsed || parsed.family !== family) return `"${address}" is not an ${familyName} address`;
  mechanism.network = parsed.ip;
  if (slash < 0) return undefined;
  const error = prefixError(body.slice(slash + 1), family === 4 ? 32 : 128, familyName);
  if (error) return error;
  if (family === 4) mechanism.cidr4 = Number(body.slice(slash + 1));
  else mechanism.cidr6 = Number(body.slice(slash + 1));
  return undefined;
}

function prefixError(digits: string, max: number, familyName: string): string | undefined {
  if (PREFIX.test(digits) && Number(digits) <= max) return undefined;
  return `"/${digits}" is not an ${familyName} prefix length (0 to ${max}, no leading zeros)`;
}

/** `redirect=` and `exp=` take a domain-spec; any other name takes a macro-string (RFC 7208 §6). */
function parseModifier(text: string, name: string, value: string, qualified: boolean, grammarOnly: boolean): SpfModifier {
  const modifier: SpfModifier = { kind: 'modifier', text, name, value, macro: false };
  if (qualified) {
    modifier.error = 'a modifier (name=value) takes no qualifier';
  } else if (name === 'redirect' || name === 'exp') {
    const error = value === '' ? `${name}= needs a domain` : domainError(modifier, value, grammarOnly);
    if (error) modifier.error = error;
  } else {
    // Unknown modifiers are ignored by receivers, but their value must still be a macro-string.
    const scan = scanMacroString(value, true);
    modifier.macro = scan.macro;
    if (scan.error) modifier.error = scan.error;
  }
  return modifier;
}
