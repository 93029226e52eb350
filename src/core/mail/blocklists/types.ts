/**
 * The blocklist (DNSBL) section: every mail server address asked of every list, as plain,
 * serialisable data the UI, the CLI and the JSON copy share.
 */
import type { AnswerStatus, DnsName, ErrorInfo } from '../../vocabulary';

/**
 * - `listed`: an A record in 127.0.0.0/8 (RFC 5782 §2.1);
 * - `not-listed`: NXDOMAIN (or a name with no A record);
 * - `refused`: the list answered an error code in 127.255.255.0/24 (Spamhaus: public resolver,
 *   over quota, malformed query). Not a listing: the result is unknown. Not the DNS REFUSED
 *   rcode, which is an `error` with `status: 'refused'`;
 * - `bad-answer`: an A record outside 127.0.0.0/8: the list is broken or answers every name;
 * - `error`: no usable answer (SERVFAIL, REFUSED, timeout, no resolver);
 * - `not-checked`: not asked (see `BlocklistResult.notChecked`);
 * - `pending`: asked, no answer yet.
 */
export type BlocklistState = 'pending' | 'listed' | 'not-listed' | 'refused' | 'bad-answer' | 'error' | 'not-checked';

/** Why a list was not asked about an address. */
export type NotCheckedReason =
  | 'ipv4-only-list' // an IPv6 address and a list that only covers IPv4
  | 'special-address' // private, loopback, ...: no list can say anything about it (and 127.0.0.2 is every list's test entry)
  | 'not-an-address';

export interface BlocklistResult {
  /** The list's id in `BlocklistSection.lists`. */
  list: string;
  state: BlocklistState;
  /** The name asked: reversed address + zone. Absent when not checked. */
  query?: DnsName;
  /** The A records answered, numerically sorted: listing codes, error codes or bad answers. */
  codes: string[];
  /** Short names of the listing codes (`SBL`), where the list has them. */
  labels: string[];
  /** What each code means, in the order of `codes`. */
  meanings: string[];
  /** For `listed`: how much the listing matters. */
  severity?: 'error' | 'warn';
  /** For `error`: the DNS status, and the resolver failure when there is one. */
  status?: AnswerStatus;
  error?: ErrorInfo;
  notChecked?: NotCheckedReason;
}

export interface BlocklistTarget {
  /** Canonical address text. */
  ip: string;
  family: 4 | 6;
  /** The mail hosts with this address, in MX order. */
  hosts: DnsName[];
  /** The special-purpose range it lies in, when that is why it was not checked. */
  range?: string;
  /** One per list, in the order of `BlocklistSection.lists`. */
  results: BlocklistResult[];
}

/** What the section says about each list, so the data explains itself without the table. */
export interface BlocklistInfo {
  id: string;
  name: string;
  zone: DnsName;
  ipv6: boolean;
  /** Lookup and removal page; `{ip}` stands for the address. */
  url: string;
}

export interface BlocklistSection {
  status: 'pending' | 'done';
  lists: BlocklistInfo[];
  /** Addresses in MX order, each once. */
  targets: BlocklistTarget[];
  /** Addresses left out because there were more than `MAX_BLOCKLIST_ADDRESSES`. */
  omitted: string[];
}
