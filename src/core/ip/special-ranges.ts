/**
 * Special-purpose address blocks, from the IANA IPv4 and IPv6 Special-Purpose Address Registries
 * (RFC 6890 and the RFCs that added to them), plus multicast (RFC 5771, RFC 4291 §2.7) and the
 * deprecated IPv6 site-local block (RFC 3879), which are in other registries.
 *
 * A mail server on one of these addresses is either unreachable from the internet or a mistake,
 * so the report points it out. Blocks the registry marks "globally reachable" are listed only
 * where they cut a hole in a larger listed block (kind `reachable`); the most specific block
 * wins, and a reachable one means "nothing to flag". NAT64 `64:ff9b::/96` (RFC 6052) is one of
 * those: a mail server behind a DNS64/NAT64 gateway is reached normally.
 */

export type SpecialRangeKind =
  | 'this-network'
  | 'unspecified'
  | 'private'
  | 'cgnat'
  | 'loopback'
  | 'link-local'
  | 'protocol-assignment'
  | 'documentation'
  | 'benchmarking'
  | 'multicast'
  | 'reserved'
  | 'broadcast'
  | 'deprecated-relay'
  | 'ipv4-mapped'
  | 'ipv4-compatible'
  | 'translation-local'
  | 'discard-only'
  | 'teredo'
  | '6to4'
  | 'srv6'
  | 'unique-local'
  | 'site-local'
  /** Internal: a globally reachable hole in a listed block, never returned by `classifyAddress`. */
  | 'reachable';

export interface SpecialRange {
  /** CIDR block as the registry writes it. */
  cidr: string;
  /** What kind of block; the same word for both families (`private` covers RFC 1918 only, `unique-local` is IPv6's). */
  kind: SpecialRangeKind;
  /** Plain language, for a person: what an address here is. */
  label: string;
  rfc: string;
}

const PRIVATE = 'a private network address (RFC 1918), not reachable from the internet';
const DOCUMENTATION = 'a documentation address, reserved for examples and never used on the internet';
const PROTOCOL = 'an address reserved for IETF protocol assignments, not an ordinary host';

export const SPECIAL_RANGES: readonly SpecialRange[] = [
  // IPv4
  { cidr: '0.0.0.0/8', kind: 'this-network', rfc: 'RFC 791 §3.2', label: 'a "this network" address (RFC 791), never a destination' },
  { cidr: '0.0.0.0/32', kind: 'unspecified', rfc: 'RFC 1122 §3.2.1.3', label: 'the unspecified address 0.0.0.0, which means "no address"' },
  { cidr: '10.0.0.0/8', kind: 'private', rfc: 'RFC 1918', label: PRIVATE },
  { cidr: '100.64.0.0/10', kind: 'cgnat', rfc: 'RFC 6598', label: 'a carrier-grade NAT shared address (RFC 6598), not reachable from the internet' },
  { cidr: '127.0.0.0/8', kind: 'loopback', rfc: 'RFC 1122 §3.2.1.3', label: 'a loopback address (RFC 1122): it means "this computer"' },
  { cidr: '169.254.0.0/16', kind: 'link-local', rfc: 'RFC 3927', label: 'a link-local address (RFC 3927), valid only on one local network segment' },
  { cidr: '172.16.0.0/12', kind: 'private', rfc: 'RFC 1918', label: PRIVATE },
  { cidr: '192.0.0.0/24', kind: 'protocol-assignment', rfc: 'RFC 6890 §2.1', label: `${PROTOCOL} (RFC 6890)` },
  { cidr: '192.0.0.9/32', kind: 'reachable', rfc: 'RFC 7723', label: 'the Port Control Protocol anycast address' },
  { cidr: '192.0.0.10/32', kind: 'reachable', rfc: 'RFC 8155', label: 'the TURN anycast address' },
  { cidr: '192.0.2.0/24', kind: 'documentation', rfc: 'RFC 5737', label: `${DOCUMENTATION} (RFC 5737)` },
  { cidr: '192.88.99.0/24', kind: 'deprecated-relay', rfc: 'RFC 7526', label: 'a former 6to4 relay anycast address, withdrawn by RFC 7526' },
  { cidr: '192.168.0.0/16', kind: 'private', rfc: 'RFC 1918', label: PRIVATE },
  { cidr: '198.18.0.0/15', kind: 'benchmarking', rfc: 'RFC 2544', label: 'a network benchmarking address (RFC 2544), not used on the internet' },
  { cidr: '198.51.100.0/24', kind: 'documentation', rfc: 'RFC 5737', label: `${DOCUMENTATION} (RFC 5737)` },
  { cidr: '203.0.113.0/24', kind: 'documentation', rfc: 'RFC 5737', label: `${DOCUMENTATION} (RFC 5737)` },
  { cidr: '224.0.0.0/4', kind: 'multicast', rfc: 'RFC 5771', label: 'a multicast group address (RFC 5771), not a single host' },
  { cidr: '240.0.0.0/4', kind: 'reserved', rfc: 'RFC 1112 §4', label: 'a reserved address (RFC 1112), not in use on the internet' },
  { cidr: '255.255.255.255/32', kind: 'broadcast', rfc: 'RFC 8190', label: 'the limited broadcast address (RFC 919), not a single host' },

  // IPv6
  { cidr: '::/128', kind: 'unspecified', rfc: 'RFC 4291 §2.5.2', label: 'the unspecified address ::, which means "no address"' },
  { cidr: '::1/128', kind: 'loopback', rfc: 'RFC 4291 §2.5.3', label: 'the loopback address (RFC 4291): it means "this computer"' },
  { cidr: '::/96', kind: 'ipv4-compatible', rfc: 'RFC 4291 §2.5.5.1', label: 'a deprecated "IPv4-compatible" IPv6 address (RFC 4291), no longer used' },
  {
    cidr: '::ffff:0:0/96',
    kind: 'ipv4-mapped',
    rfc: 'RFC 4291 §2.5.5.2',
    label: 'an IPv4-mapped IPv6 address (RFC 4291): an IPv4 address in IPv6 form, never routed as IPv6',
  },
  { cidr: '64:ff9b::/96', kind: 'reachable', rfc: 'RFC 6052', label: 'a NAT64 address (RFC 6052)' },
  { cidr: '64:ff9b:1::/48', kind: 'translation-local', rfc: 'RFC 8215', label: 'a local-use NAT64 address (RFC 8215), meaningful only inside one network' },
  { cidr: '100::/64', kind: 'discard-only', rfc: 'RFC 6666', label: 'a discard-only address (RFC 6666): traffic to it is dropped' },
  { cidr: '2001::/23', kind: 'protocol-assignment', rfc: 'RFC 2928', label: `${PROTOCOL} (RFC 2928)` },
  { cidr: '2001::/32', kind: 'teredo', rfc: 'RFC 4380', label: 'a Teredo tunnel address (RFC 4380), meant for clients behind NAT, not for servers' },
  { cidr: '2001:1::1/128', kind: 'reachable', rfc: 'RFC 7723', label: 'the Port Control Protocol anycast address' },
  { cidr: '2001:1::2/128', kind: 'reachable', rfc: 'RFC 8155', label: 'the TURN anycast address' },
  { cidr: '2001:1::3/128', kind: 'reachable', rfc: 'RFC 9665', label: 'the DNS-SD service registration anycast address' },
  { cidr: '2001:2::/48', kind: 'benchmarking', rfc: 'RFC 5180', label: 'a network benchmarking address (RFC 5180), not used on the internet' },
  { cidr: '2001:3::/32', kind: 'reachable', rfc: 'RFC 7450', label: 'an AMT address' },
  { cidr: '2001:4:112::/48', kind: 'reachable', rfc: 'RFC 7535', label: 'an AS112 address' },
  { cidr: '2001:20::/28', kind: 'reachable', rfc: 'RFC 7343', label: 'an ORCHIDv2 identifier' },
  { cidr: '2001:30::/28', kind: 'reachable', rfc: 'RFC 9374', label: 'a DRIP entity tag' },
  { cidr: '2001:db8::/32', kind: 'documentation', rfc: 'RFC 3849', label: `${DOCUMENTATION} (RFC 3849)` },
  { cidr: '2002::/16', kind: '6to4', rfc: 'RFC 3056', label: 'a 6to4 tunnel address (RFC 3056); 6to4 is being phased out (RFC 7526)' },
  { cidr: '3fff::/20', kind: 'documentation', rfc: 'RFC 9637', label: `${DOCUMENTATION} (RFC 9637)` },
  { cidr: '5f00::/16', kind: 'srv6', rfc: 'RFC 9602', label: 'a segment routing (SRv6) identifier (RFC 9602), not a host address' },
  {
    cidr: 'fc00::/7',
    kind: 'unique-local',
    rfc: 'RFC 4193',
    label: 'a unique local address (RFC 4193), the IPv6 kind of private address, not reachable from the internet',
  },
  { cidr: 'fe80::/10', kind: 'link-local', rfc: 'RFC 4291 §2.5.6', label: 'a link-local address (RFC 4291), valid only on one local network segment' },
  { cidr: 'fec0::/10', kind: 'site-local', rfc: 'RFC 3879', label: 'a site-local address, deprecated by RFC 3879 and not reachable from the internet' },
  { cidr: 'ff00::/8', kind: 'multicast', rfc: 'RFC 4291 §2.7', label: 'a multicast group address (RFC 4291), not a single host' },
];
