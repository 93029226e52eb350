/**
 * Domain names in check_host(): is `<domain>` well formed (RFC 7208 §4.3), and the name a
 * domain-spec stands for once its macros are expanded (§4.8, §7.3: the trailing dot dropped, the
 * left side truncated to 253 characters).
 */
import { toASCII } from 'punycode/';

const MAX_NAME = 253;
/** `toplabel` of RFC 7208 §7.1: not all digits (so an IP address is not a domain). */
const TOPLABEL = /^(?:[a-z0-9]*[a-z][a-z0-9]*|[a-z0-9]+-[a-z0-9-]*[a-z0-9])$/i;

/** Lower case, no trailing dot, IDNs in their `xn--` form. */
export function canonicalName(name: string): string {
  const bare = name.endsWith('.') ? name.slice(0, -1) : name;
  let ascii = bare;
  if ([...bare].some((char) => char.charCodeAt(0) > 0x7f)) {
    try {
      ascii = toASCII(bare);
    } catch {
      ascii = bare;
    }
  }
  return ascii.toLowerCase();
}

/**
 * Why `<domain>` is not a name check_host() can work on, or undefined when it is. RFC 7208 §4.3:
 * "malformed (e.g., label longer than 63 characters, zero-length label not at the end, etc.)
 * or is not a multi-label domain name" gives "none". A domain literal (`[192.0.2.1]`) or an IP
 * address is not a domain name either.
 */
export function invalidDomainReason(domain: string): string | undefined {
  if (domain === '') return 'the domain is empty';
  if (domain.length > MAX_NAME) return `the domain is ${domain.length} characters long; a domain name has at most ${MAX_NAME}`;
  const labels = domain.split('.');
  if (labels.length < 2) return `"${domain}" is not a multi-label domain name`;
  if (labels.some((label) => label === '')) return `"${domain}" has an empty label`;
  const long = labels.find((label) => label.length > 63);
  if (long) return `"${domain}" has a label of ${long.length} characters; a label has at most 63`;
  if (/[^\x21-\x7e]|[[\]@]/.test(domain)) return `"${domain}" holds characters a domain name cannot have`;
  if (!TOPLABEL.test(labels.at(-1)!)) return `"${domain}" does not end in a top-level domain (it is an address, or its last label is all digits)`;
  return undefined;
}

/**
 * The expanded domain-spec as a query name: trailing dot removed, then, if longer than 253
 * characters, labels dropped from the left until it fits (RFC 7208 §7.3).
 */
export function targetName(expanded: string): string {
  let name = canonicalName(expanded);
  while (name.length > MAX_NAME && name.includes('.')) name = name.slice(name.indexOf('.') + 1);
  return name;
}

/** A name DNS cannot be asked about (empty or over-long label): the mechanism cannot match (RFC 7208 §4.8). */
export function unaskableReason(name: string): string | undefined {
  if (name === '' || name.length > MAX_NAME) return `"${name}" is not a name DNS can be asked about`;
  if (name.split('.').some((label) => label === '' || label.length > 63)) return `"${name}" has an empty or over-long label, so DNS cannot be asked about it`;
  return undefined;
}

/** `name` is `target` or a name below it (RFC 7208 §5.5). */
export function isAtOrBelow(name: string, target: string): boolean {
  return name === target || name.endsWith(`.${target}`);
}
