/**
 * The DNS blocklists (DNSBLs, RFC 5782) MXray asks about each mail server address, and what
 * their answers mean. Codes are the A records a list answers with (RFC 5782 §2.1), as each
 * operator documents them. SORBS is left out: it shut down in 2024.
 *
 * `severity` is what a listing means for the domain: `error` for lists that large receivers use
 * to refuse mail outright, `warn` for the rest (and for policy listings such as Spamhaus PBL).
 */

export interface BlocklistCode {
  /** Short name shown in the table cell: `SBL`, `XBL`. */
  label?: string;
  /** Plain language: what the operator says about an address with this code. */
  meaning: string;
  /** Overrides the list's severity for this code. */
  severity?: 'error' | 'warn';
  /** What to do, when it is not "fix the cause, then ask for removal". */
  advice?: string;
}

export interface BlocklistEntry {
  /** Stable, kebab-case: `spamhaus-zen`. */
  id: string;
  name: string;
  /** The zone the reversed address is put in front of. */
  zone: string;
  /** The list answers for IPv6 addresses (reversed nibbles, RFC 5782 §2.4). */
  ipv6: boolean;
  severity: 'error' | 'warn';
  /** The operator's lookup and removal page; `{ip}` is replaced by the address when present. */
  url: string;
  /** Answers in 127.0.0.0/8 the operator documents (others read as "listed, code undocumented"). */
  codes: Readonly<Record<string, BlocklistCode>>;
  /** Error answers in 127.255.255.0/24 the operator documents: the list refused to answer. */
  errorCodes?: Readonly<Record<string, string>>;
  /** A sentence on why the list refuses queries, for the "refused" finding. */
  refusalNote?: string;
  /** A sentence on how listings end, for the "listed" finding. */
  listingNote?: string;
}

const XBL: BlocklistCode = { label: 'XBL', meaning: 'a hijacked or infected host (malware, botnet or open proxy) was seen at this address' };
const PBL_ADVICE =
  'If this server sends mail itself, give the address a reverse DNS name of its own and ask for it to be taken off the PBL at https://check.spamhaus.org/; if it only receives mail, nothing needs doing.';
const PBL_NOTE =
  'this address is in a range that should not send mail straight to other servers (end-user or dynamic addresses); it says nothing bad about the server, but receivers using ZEN refuse mail it sends directly';

export const BLOCKLISTS: readonly BlocklistEntry[] = [
  {
    id: 'spamhaus-zen',
    name: 'Spamhaus ZEN',
    zone: 'zen.spamhaus.org',
    ipv6: true,
    severity: 'error',
    url: 'https://check.spamhaus.org/',
    codes: {
      '127.0.0.2': { label: 'SBL', meaning: 'Spamhaus has seen spam, or a spam operation, at this address' },
      '127.0.0.3': { label: 'CSS', meaning: 'Spamhaus has seen low-reputation bulk mail (snowshoe spam) sent from this address' },
      '127.0.0.4': XBL,
      '127.0.0.5': XBL,
      '127.0.0.6': XBL,
      '127.0.0.7': XBL,
      '127.0.0.9': { label: 'DROP', meaning: 'the address is in a network that Spamhaus considers hijacked or run by criminals' },
      '127.0.0.10': { label: 'PBL', meaning: `its ISP says ${PBL_NOTE}`, severity: 'warn', advice: PBL_ADVICE },
      '127.0.0.11': { label: 'PBL', meaning: `Spamhaus says ${PBL_NOTE}`, severity: 'warn', advice: PBL_ADVICE },
      '127.0.0.30': { label: 'BCL', meaning: 'a botnet command-and-control server was seen at this address' },
    },
    errorCodes: {
      '127.255.255.252': 'the query was malformed',
      '127.255.255.254': 'the query came through a public or open resolver',
      '127.255.255.255': 'the resolver sent Spamhaus too many queries',
    },
    refusalNote: 'Spamhaus does not answer queries sent through public resolvers such as Cloudflare or Google, which is how MXray asks.',
  },
  {
    id: 'spamcop',
    name: 'SpamCop',
    zone: 'bl.spamcop.net',
    ipv6: false,
    severity: 'error',
    url: 'https://www.spamcop.net/bl.shtml?{ip}',
    codes: { '127.0.0.2': { meaning: 'SpamCop users recently reported spam from this address' } },
    listingNote: 'SpamCop listings expire on their own about a day after the reports stop.',
  },
  {
    id: 'barracuda',
    name: 'Barracuda',
    zone: 'b.barracudacentral.org',
    ipv6: false,
    severity: 'error',
    url: 'https://www.barracudacentral.org/lookups/lookup-reputation',
    codes: { '127.0.0.2': { meaning: "Barracuda's reputation system has seen spam from this address" } },
    listingNote: 'Barracuda takes removal requests at https://www.barracudacentral.org/rbl/removal-request.',
  },
  {
    id: 'uceprotect-1',
    name: 'UCEPROTECT Level 1',
    zone: 'dnsbl-1.uceprotect.net',
    ipv6: false,
    severity: 'warn',
    url: 'https://www.uceprotect.net/en/rblcheck.php',
    codes: { '127.0.0.2': { meaning: "this address sent mail to UCEPROTECT's spam traps" } },
    listingNote: 'Level 1 listings expire on their own after 7 days without new spam-trap hits.',
  },
  {
    id: 'psbl',
    name: 'PSBL',
    zone: 'psbl.surriel.com',
    ipv6: false,
    severity: 'warn',
    url: 'https://psbl.org/listing?ip={ip}',
    codes: { '127.0.0.2': { meaning: "this address sent mail to PSBL's spam traps" } },
    listingNote: 'PSBL lets you remove the address yourself from its lookup page.',
  },
  {
    id: 'mailspike',
    name: 'Mailspike',
    zone: 'bl.mailspike.net',
    ipv6: false,
    severity: 'warn',
    url: 'https://mailspike.io/',
    codes: {
      '127.0.0.2': { label: 'zombie', meaning: 'Mailspike sees this address sending spam like a hijacked host' },
      '127.0.0.10': { label: 'worst', meaning: 'Mailspike rates the reputation of this address as the worst' },
      '127.0.0.11': { label: 'very bad', meaning: 'Mailspike rates the reputation of this address as very bad' },
      '127.0.0.12': { label: 'bad', meaning: 'Mailspike rates the reputation of this address as bad' },
    },
  },
  {
    id: 's5h',
    name: 's5h.net',
    zone: 'all.s5h.net',
    ipv6: false,
    severity: 'warn',
    url: 'https://www.s5h.net/',
    codes: {},
  },
  {
    id: 'spamrats',
    name: 'SpamRATS',
    zone: 'all.spamrats.com',
    ipv6: false,
    severity: 'warn',
    url: 'https://www.spamrats.com/lookup.php?ip={ip}',
    codes: {
      '127.0.0.36': { label: 'Dyna', meaning: 'this address looks like a dynamic or end-user address (generic reverse DNS) and sent mail' },
      '127.0.0.37': { label: 'NoPtr', meaning: 'this address sent mail without reverse DNS (no PTR record)' },
      '127.0.0.38': { label: 'Spam', meaning: 'this address sent spam to SpamRATS' },
      '127.0.0.43': { label: 'Auth', meaning: 'this address tried to guess mail passwords' },
    },
  },
  {
    id: 'dronebl',
    name: 'DroneBL',
    zone: 'dnsbl.dronebl.org',
    ipv6: true,
    severity: 'warn',
    url: 'https://dronebl.org/lookup?ip={ip}',
    codes: {
      '127.0.0.3': { meaning: 'an IRC drone was seen at this address' },
      '127.0.0.5': { meaning: 'a spam "bottler" was seen at this address' },
      '127.0.0.6': { meaning: 'an unknown spambot or drone was seen at this address' },
      '127.0.0.7': { meaning: 'a DDoS drone was seen at this address' },
      '127.0.0.8': { meaning: 'an open SOCKS proxy runs at this address' },
      '127.0.0.9': { meaning: 'an open HTTP proxy runs at this address' },
      '127.0.0.10': { meaning: 'a proxy chain runs at this address' },
      '127.0.0.11': { meaning: 'an open web page proxy runs at this address' },
      '127.0.0.12': { meaning: 'an open DNS resolver runs at this address' },
      '127.0.0.13': { meaning: 'brute-force attacks came from this address' },
      '127.0.0.14': { meaning: 'an open WinGate proxy runs at this address' },
      '127.0.0.15': { meaning: 'a compromised router or gateway was seen at this address' },
      '127.0.0.16': { meaning: 'an autorooting worm was seen at this address' },
      '127.0.0.17': { meaning: 'the address was found in a botnet' },
      '127.0.0.255': { meaning: 'DroneBL lists this address without a category' },
    },
  },
];

/** The list with this id, if MXray knows it. */
export function blocklistById(id: string): BlocklistEntry | undefined {
  return BLOCKLISTS.find((entry) => entry.id === id);
}

/** The operator's page for `ip`. */
export function blocklistUrl(url: string, ip: string): string {
  return url.replace('{ip}', encodeURIComponent(ip));
}
