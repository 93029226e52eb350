/**
 * The serialisable data model every part of MXray shares: what was asked (Query), what the
 * DNS said (Exchange, Address, TxtSummary) and what it means (Finding).
 *
 * Everything here is plain data (no classes, no functions, no Dates) so a Report can cross a
 * message port, be stored in `storage.session`, or be printed as JSON by the CLI unchanged.
 * `REPORT_VERSION` is bumped when a field changes meaning, so stored reports can be migrated.
 */

import type { MailDiagnostics } from './mail/mail-diagnostics';
import type { SinceLast } from './history/since-last';

/** 2: `mail` (the mail diagnostics) added. */
export const REPORT_VERSION = 2;

/** A DNS name as MXray keeps it: ASCII (punycode), lower case, no trailing dot. */
export type DnsName = string;

export type QueryKind = 'domain' | 'email' | 'ip';

/** What the user asked about, normalised. Built by `parseQuery` in `src/core/query`. */
export interface Query {
  kind: QueryKind;
  /** The text the user gave, untouched (for display and history). */
  input: string;
  /**
   * The name to look up. For `domain` and `email`: the ASCII domain. For `ip`: the canonical
   * address text (`192.0.2.1`, `2001:db8::1`).
   */
  name: DnsName;
  /** The name for people: Unicode for IDNs, the address for IPs. */
  display: string;
  /** The registrable domain (public suffix list) for domain/email, `undefined` for IPs or bare suffixes. */
  registrable?: DnsName;
  /** For `email`: the address as given, local part untouched, domain in ASCII. */
  email?: string;
  /** For `ip`: 4 or 6, and the reverse name (`1.2.0.192.in-addr.arpa`, nibbles for IPv6). */
  family?: 4 | 6;
  ptrName?: DnsName;
}

export type Severity = 'ok' | 'info' | 'warn' | 'error';

/** One plain-language diagnostic. `code` is stable (tests, JSON users); `message` is for people. */
export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  /** The standard the rule comes from, e.g. `RFC 7505 §3`. */
  rfc?: string;
  /** The host or address the finding is about, when it is about one. */
  subject?: string;
}

/** A resolver or DNS failure, made serialisable. See `src/core/errors.ts`. */
export interface ErrorInfo {
  code: string;
  message: string;
  resolver?: string;
  /** The question it was about, e.g. `mx.example.com AAAA`. */
  question?: string;
}

/**
 * The outcome of one DNS question as the report sees it. `nodata` is NOERROR with no records
 * of the type asked (RFC 2308 §2.2); `nxdomain` means the name does not exist at all; `error`
 * means no resolver gave a usable answer (timeout, HTTP error, bad response).
 */
export type AnswerStatus = 'pending' | 'ok' | 'nodata' | 'nxdomain' | 'servfail' | 'refused' | 'error' | 'skipped';

/** FCrDNS: does a PTR name resolve back to the address (forward-confirmed reverse DNS)? */
export type Fcrdns = 'pending' | 'pass' | 'fail' | 'none' | 'skipped';

export interface PtrName {
  name: DnsName;
  /** Forward addresses of `name` in the same family as the address it came from. */
  forward: string[];
  forwardStatus: AnswerStatus;
}

export interface Address {
  ip: string;
  family: 4 | 6;
  ttl: number;
  /** Status of the PTR question for this address. */
  ptrStatus: AnswerStatus;
  ptr: PtrName[];
  fcrdns: Fcrdns;
  /** Special-purpose range the address lies in (RFC 6890 registries), if any. */
  range?: string;
}

export type ExchangeState =
  | 'pending'      // address questions still in flight
  | 'resolved'     // at least one address
  | 'no-address'   // the name exists but has no A/AAAA (NODATA for both)
  | 'nxdomain'     // the name does not exist
  | 'ip-literal'   // the MX target is written as an IP address, not a host name
  | 'error'        // the questions failed (SERVFAIL, REFUSED, resolver failure)
  | 'null';        // the null MX "." (RFC 7505): nothing to resolve

export interface Exchange {
  /** Target host as in the MX RDATA, normalised; `""` for the null MX `.`. */
  host: DnsName;
  /** Same host for people (Unicode for IDNs). */
  display: string;
  preference: number;
  /** TTL of the MX record (or of the address records for an implicit MX). */
  ttl: number;
  /** RFC 5321 §5.1: no MX records, so the domain itself is the mail host. */
  implicit: boolean;
  /** When the target is an alias: the names it points through, in order (RFC 2181 §10.3 says it must not be one). */
  cname: DnsName[];
  state: ExchangeState;
  addressStatus: { A: AnswerStatus; AAAA: AnswerStatus };
  addresses: Address[];
  errors: ErrorInfo[];
}

export interface TxtSummary {
  /** TXT records at the name, each with its strings joined (RFC 7208 §3.3). */
  records: string[];
  status: AnswerStatus;
  /** The `v=spf1` records among them. */
  spf: string[];
  /** The `v=DMARC1` records at `_dmarc.<name>`. */
  dmarc: string[];
  dmarcStatus: AnswerStatus;
}

/** A resolver that failed and what was tried next (shown so fallback is never silent). */
export interface ResolverEvent {
  resolver: string;
  error: ErrorInfo;
  /** The resolver (its name) asked next, if any. Resolvers here are named as people know them. */
  next?: string;
}

export interface LookupStats {
  /** HTTP requests sent (fallback retries included). */
  requests: number;
  /** Questions answered from the cache. */
  cacheHits: number;
  /** Longest chain of network round trips that waited on each other (critical-path depth). */
  roundTrips: number;
}

export interface Report {
  version: typeof REPORT_VERSION;
  query: Query;
  /** The resolver the user chose (provider id); others appear in `resolverEvents` when used. */
  resolver: string;
  /** The resolvers that actually answered, in first-use order. */
  answeredBy: string[];
  startedAt: number;
  elapsedMs: number;
  status: 'running' | 'done';
  /** What the MX question for the name itself said. */
  mxStatus: AnswerStatus;
  /** TTL of the MX RRset (seconds) when there is one. */
  mxTtl?: number;
  /** Status of the name's own A/AAAA (used for implicit MX). */
  hostStatus: { A: AnswerStatus; AAAA: AnswerStatus };
  /** The domain's MX is the single null MX "0 ." (RFC 7505). */
  nullMx: boolean;
  /** No MX, but the domain has addresses: mail goes to the domain itself (RFC 5321 §5.1). */
  implicitMx: boolean;
  /** When the queried name is itself an alias: the CNAME chain the resolver followed. */
  cname: DnsName[];
  /** Mail exchanges sorted by preference (ties kept in answer order). */
  exchanges: Exchange[];
  txt: TxtSummary;
  /** For IP queries: the reverse names of the address and their forward check. */
  ptr?: Address;
  findings: Finding[];
  errors: ErrorInfo[];
  resolverEvents: ResolverEvent[];
  /** DNSSEC: did the resolver set AD on the MX answer (validated)? `undefined` until known. */
  authenticated?: boolean;
  stats: LookupStats;
  /** The mail diagnostics (SPF, DMARC, DKIM, MTA-STS, ...), when they were asked for. */
  mail?: MailDiagnostics;
  /** Set by the extension's history: what changed since the last kept facts of this name. */
  sinceLast?: SinceLast;
}
