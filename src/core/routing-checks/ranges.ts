/**
 * What the special-purpose ranges (RFC 6890 registries) mean for mail. The range is classified
 * upstream (`src/core/ip`) and arrives as `Address.range`, either as the block (`10.0.0.0/8`, as
 * the lookup writes it) or as the kind (`private`); both are understood here, and the block's own
 * wording and RFC from `SPECIAL_RANGES` are used when it is known.
 */
import { SPECIAL_RANGES, type SpecialRange } from '../ip/special-ranges';
import type { Address } from '../report';
import type { ReportFacts } from './check';

const BY_BLOCK: ReadonlyMap<string, SpecialRange> = new Map(SPECIAL_RANGES.map((range) => [range.cidr, range]));

/**
 * Kinds the public internet cannot reach, or that are never a host: a sender on the internet
 * cannot deliver there.
 */
export const UNREACHABLE_RANGES: ReadonlySet<string> = new Set([
  'this-network',
  'unspecified',
  'private',
  'shared',
  'cgnat',
  'loopback',
  'link-local',
  'protocol-assignment',
  'multicast',
  'reserved',
  'broadcast',
  'ipv4-mapped',
  'ipv4-compatible',
  'translation-local',
  'discard-only',
  'srv6',
  'unique-local',
  'site-local',
]);

/**
 * Kinds set aside for examples and tests. Not routed either, but they appear almost only in
 * examples and test zones, where that is the intent.
 */
export const TEST_RANGES: ReadonlySet<string> = new Set(['documentation', 'benchmarking']);

/** Reachable in principle through transition tunnels that are withdrawn or meant for clients. */
export const TUNNEL_RANGES: ReadonlySet<string> = new Set(['teredo', '6to4', 'deprecated-relay']);

/** `private` for `10.0.0.0/8` or for `private`. */
export function rangeKind(range: string): string {
  return BY_BLOCK.get(range)?.kind ?? range;
}

/** Completes "192.0.2.1 is ...", naming the RFC: "a private network address (RFC 1918), ...". */
export function describeRange(range: string, family: 4 | 6): { phrase: string; rfc: string } {
  const known = BY_BLOCK.get(range);
  if (known) return { phrase: known.label, rfc: known.rfc };
  const v4 = family === 4;
  const words = (phrase: string, rfc: string) => ({ phrase: `${phrase.replace('%', rfc)}`, rfc });
  switch (range) {
    case 'private':
      return words('a private network address (%), not reachable from the internet', 'RFC 1918');
    case 'loopback':
      return words('a loopback address (%): it means "this computer"', v4 ? 'RFC 1122 §3.2.1.3' : 'RFC 4291 §2.5.3');
    case 'unspecified':
      return words('the unspecified address (%), which means "no address"', v4 ? 'RFC 1122 §3.2.1.3' : 'RFC 4291 §2.5.2');
    case 'link-local':
      return words('a link-local address (%), valid only on one local network segment', v4 ? 'RFC 3927' : 'RFC 4291 §2.5.6');
    case 'unique-local':
      return words('a unique local address (%), the IPv6 kind of private address, not reachable from the internet', 'RFC 4193');
    case 'shared':
    case 'cgnat':
      return words('a carrier-grade NAT shared address (%), not reachable from the internet', 'RFC 6598');
    case 'multicast':
      return words('a multicast group address (%), not a single host', v4 ? 'RFC 5771' : 'RFC 4291 §2.7');
    case 'documentation':
      return words('a documentation address, reserved for examples and never used on the internet (%)', v4 ? 'RFC 5737' : 'RFC 3849');
    case 'benchmarking':
      return words('a network benchmarking address (%), not used on the internet', v4 ? 'RFC 2544' : 'RFC 5180');
    default:
      return words(`a special-purpose address (${range}, %)`, 'RFC 6890');
  }
}

/**
 * Names under TLDs meant for networks that are not the internet (RFC 6761 `.localhost`, RFC 6762
 * `.local` and the informal `.lan`, `.corp`, `.home`, `.intranet`, `.private` of its appendix G,
 * RFC 8375 `.home.arpa`, ICANN's reserved `.internal`). Public resolvers never answer for them;
 * when a report has answers, they came from an internal resolver.
 */
const INTERNAL_SUFFIXES = ['internal', 'local', 'localhost', 'home.arpa', 'lan', 'corp', 'home', 'intranet', 'private'];

export function isInternalName(name: string): boolean {
  return INTERNAL_SUFFIXES.some((suffix) => name === suffix || name.endsWith(`.${suffix}`));
}

/** Private-network kinds that senders inside the same network reach normally. */
export const INTERNAL_NETWORK_RANGES: ReadonlySet<string> = new Set(['private', 'unique-local', 'shared', 'cgnat', 'site-local']);

/**
 * Could a sender connect to this address? From the internet unless `internalNetwork` (the domain
 * is an internal name, see `isInternalName`), where private addresses are the normal case.
 * Unknown ranges count as yes.
 */
export function isReachable(address: Address, internalNetwork = false): boolean {
  if (address.range === undefined) return true;
  const kind = rangeKind(address.range);
  if (internalNetwork && INTERNAL_NETWORK_RANGES.has(kind)) return true;
  return !UNREACHABLE_RANGES.has(kind);
}

/** `isReachable` for the domain of this report. */
export function reachableFor(report: ReportFacts): (address: Address) => boolean {
  const internal = report.query.kind !== 'ip' && isInternalName(report.query.name);
  return (address) => isReachable(address, internal);
}
