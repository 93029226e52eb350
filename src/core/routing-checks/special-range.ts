/**
 * MX addresses in special-purpose ranges (RFC 6890). `Address.range` is classified upstream.
 *
 * - Ranges the internet cannot reach (private, loopback, link-local, unique-local, CGNAT, ...):
 *   an error for a public domain, since no sender outside can deliver there; often a split-DNS
 *   leak of an internal answer. For a name under a TLD meant for internal networks (`.internal`,
 *   `.home.arpa`, `.local`, ...) a private address is expected, so it is only noted (and counts
 *   as usable everywhere else, see `reachableFor`); loopback and the like stay errors.
 * - Documentation and benchmarking ranges: not routed either, but they appear almost only in
 *   examples and test zones, where that is the point. Info, not warn: a warning on every example
 *   and test domain would teach people to ignore warnings. The message still says what it means
 *   for a real domain. One finding per kind for the whole report, not one per address.
 * - Tunnel ranges (Teredo, 6to4, the withdrawn 6to4 relay block): reachable in principle, but
 *   withdrawn or meant for clients, and many senders cannot reach them: a warning.
 */
import type { Finding } from '../vocabulary';
import type { ReportFacts } from './check';
import { addressOwners, describeOwned, type OwnedAddress } from './address-owners';
import { describeRange, INTERNAL_NETWORK_RANGES, isInternalName, rangeKind, TEST_RANGES, TUNNEL_RANGES, UNREACHABLE_RANGES } from './ranges';
import { addressesSettled, mailExchanges } from './usability';
import { domainDisplay, hostDisplay, listOf } from '../wording';

export function checkSpecialRange(report: ReportFacts): Finding[] {
  return [...perAddress(report), ...testRanges(report)];
}

function perAddress(report: ReportFacts): Finding[] {
  const domain = domainDisplay(report.query);
  const internal = isInternalName(report.query.name);
  return addressOwners(report).flatMap((owned): Finding[] => {
    const { address, exchanges } = owned;
    if (address.range === undefined) return [];
    const kind = rangeKind(address.range);
    const { phrase, rfc } = describeRange(address.range, address.family);
    const hosts = listOf(exchanges.map(hostDisplay));
    const subject = address.ip;

    if (UNREACHABLE_RANGES.has(kind)) {
      if (internal && INTERNAL_NETWORK_RANGES.has(kind)) {
        return [
          {
            code: 'mx-address-internal',
            severity: 'info',
            message: `${describeOwned(owned)} is ${phrase}. That is expected for ${domain}, a name for internal networks: only senders inside that network can deliver to it.`,
            rfc,
            subject,
          },
        ];
      }
      return [
        {
          code: 'mx-address-unreachable',
          severity: 'error',
          message:
            `${describeOwned(owned)} is ${phrase}, so senders on the internet cannot deliver to it. Give ${hosts} ` +
            `a public address in the public DNS. If this answer came from an internal resolver (split DNS), check ` +
            `what public resolvers return.`,
          rfc,
          subject,
        },
      ];
    }

    // Test ranges are summed up below, one finding for the whole report.
    if (TEST_RANGES.has(kind)) return [];

    if (TUNNEL_RANGES.has(kind)) {
      return [
        {
          code: 'mx-address-tunnel',
          severity: 'warn',
          message:
            `${describeOwned(owned)} is ${phrase}. Many senders cannot reach a server on such an address reliably. ` +
            `Give ${hosts} a native IPv6 (or IPv4) address.`,
          rfc,
          subject,
        },
      ];
    }
    return [];
  });
}

const TEST_WORDS: Record<string, string> = { documentation: 'documentation', benchmarking: 'network benchmarking' };

/**
 * Documentation and benchmarking addresses, one finding per kind for the whole report: a test
 * zone full of them should not bury the findings that matter under one note per address.
 */
function testRanges(report: ReportFacts): Finding[] {
  // A summary waits for every host's addresses, so it is said once and does not grow.
  if (!mailExchanges(report).every(addressesSettled)) return [];
  const byKind = new Map<string, OwnedAddress[]>();
  for (const owned of addressOwners(report)) {
    const kind = owned.address.range === undefined ? undefined : rangeKind(owned.address.range);
    if (kind === undefined || !TEST_RANGES.has(kind)) continue;
    byKind.set(kind, [...(byKind.get(kind) ?? []), owned]);
  }
  return [...byKind].map(([kind, owned]): Finding => {
    const hosts = [...new Set(owned.flatMap((o) => o.exchanges.map(hostDisplay)))];
    const ips = owned.map((o) => o.address.ip);
    const rfcs = [...new Set(owned.map((o) => describeRange(o.address.range!, o.address.family).rfc))].join(', ');
    const one = ips.length === 1;
    const finding: Finding = {
      code: 'mx-address-test-range',
      severity: 'info',
      message:
        `${listOf(hosts)} ${hosts.length === 1 ? 'is' : 'are'} on ${one ? 'an address' : 'addresses'} reserved for ` +
        `${TEST_WORDS[kind] ?? kind} (${listOf(ips)}; ${rfcs}), never used on the internet. That is expected in ` +
        `examples and test zones; on a real domain ${one ? 'it is a placeholder' : 'they are placeholders'} to ` +
        `replace with the real ${one ? 'address' : 'addresses'}.`,
      rfc: rfcs,
    };
    if (one) finding.subject = ips[0];
    return finding;
  });
}
