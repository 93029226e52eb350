/**
 * The report a lookup builds: what the DNS said about mail routing (Exchange, Address,
 * TxtSummary), how the lookup went, and the mail diagnostics (`mail`). The shared words
 * (Query, Finding, AnswerStatus...) are in vocabulary.ts, re-exported here for the shells.
 *
 * Everything here is plain data (no classes, no functions, no Dates) so a Report can cross a
 * message port, be stored in `storage.session`, or be printed as JSON by the CLI unchanged.
 * `REPORT_VERSION` is bumped when a field changes meaning, so stored reports can be migrated.
 */

import type { MailDiagnostics } from './mail/mail-types';
import type { AnswerStatus, DnsName, ErrorInfo, Finding, Query } from './vocabulary';

export type { AnswerStatus, DnsName, ErrorInfo, Finding, Query, QueryKind, Severity } from './vocabulary';
import type { AsnInfo, Resilience } from './resilience/types';
import type { SinceLast } from './history/change-types';

/** 2: `mail` (the mail diagnostics) added. */
export const REPORT_VERSION = 2;

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
  /** Its network: origin AS, announced prefix, registry country (src/core/resilience); absent when turned off. */
  asn?: AsnInfo;
}

export type ExchangeState =
  | 'pending' // address questions still in flight
  | 'resolved' // at least one address
  | 'no-address' // the name exists but has no A/AAAA (NODATA for both)
  | 'nxdomain' // the name does not exist
  | 'ip-literal' // the MX target is written as an IP address, not a host name
  | 'error' // the questions failed (SERVFAIL, REFUSED, resolver failure)
  | 'null'; // the null MX "." (RFC 7505): nothing to resolve

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

/** What a lookup left out because it reached a work bound (src/core/lookup/work-budget.ts). */
export interface LeftOut {
  mxHosts: number;
  addresses: number;
  questions: number;
  bounds: { mxHosts: number; addressesPerHost: number; questions: number };
}

/** Said while a lookup runs, e.g. "Cloudflare is slow to answer; also asking Google." */
export interface LookupNotice {
  code: string;
  message: string;
  /** Milliseconds after the lookup started. */
  atMs: number;
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
  /** The chain could not be followed: it loops, or is longer than resolvers follow (mxStatus is then `servfail`). */
  cnameProblem?: 'loop' | 'too-long';
  /** Mail exchanges sorted by preference, ties by host name (so a reordered answer reads the same). */
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
  /** Do the backups survive the outage they are for? (src/core/resilience; recomputed on every snapshot). */
  resilience?: Resilience;

  /** Only when a work bound was reached: what was not asked or resolved. */
  leftOut?: LeftOut;
  /** Progress worth saying while it runs (slow resolvers, hedged questions); newest last. */
  notices?: LookupNotice[];
  /** Set by the extension's history: what changed since the last kept facts of this name. */
  sinceLast?: SinceLast;
}
