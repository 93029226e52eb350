/**
 * check_host() (RFC 7208 §4) as MXray reports it: the result, how it was reached, what it cost
 * against the limits, and the addresses the record authorizes. Plain data, so it crosses a
 * message port and prints as JSON unchanged.
 */
import type { SpfQualifier } from '../types';

/** The seven results of RFC 7208 §2.6, lower case as in Received-SPF (§9.1). */
export type SpfResult = 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'permerror' | 'temperror';

/** The identity checked (RFC 7208 §2.3, §2.4): MAIL FROM, or the HELO name when MAIL FROM is empty. */
export type SpfIdentity = 'mailfrom' | 'helo';

/** One record on the way to the result: the root, or a record reached by include/redirect. */
export interface SpfStep {
  domain: string;
  via: 'root' | 'include' | 'redirect';
  /** The term that led here (`include:_spf.example.com`); absent for the root. */
  term?: string;
}

/** Why a check ended in permerror, temperror or none: the exact term and record, and why. */
export interface SpfProblem {
  /** The record's domain. */
  domain: string;
  /** The term as written, when one term is to blame. */
  term?: string;
  reason: string;
  /** The RFC 7208 section that decides it, e.g. `4.6.4`. */
  section: string;
}

/** What each evaluated term did, in evaluation order (includes nested under their record). */
export interface SpfTermLog {
  domain: string;
  term: string;
  /** How deep the record is: 0 for the checked domain's own record. */
  depth: number;
  outcome: 'match' | 'no match' | 'error';
  /** For a/mx/ptr/exists/include: what the DNS said, in a few words. */
  detail?: string;
}

export interface AuthorizedRange {
  /** `203.0.113.0/24`, `2001:db8::/32`; a single address has /32 or /128. */
  range: string;
  family: 4 | 6;
  /** Number of addresses, as decimal text (IPv6 ranges do not fit a JS number). */
  addresses: string;
  /** The record that lists it. */
  domain: string;
  term: string;
}

/** A `+a`, `+mx`, `+exists`, `+ptr` (or an include that depends on the sender): no fixed list of addresses. */
export interface UnflattenableName {
  mechanism: 'a' | 'mx' | 'exists' | 'ptr' | 'include' | 'redirect';
  term: string;
  domain: string;
  /** The name it asks about, once macros are expanded for this sender (absent when it needs %{p}). */
  target?: string;
}

/**
 * "Who may send": every range a `+ip4`/`+ip6` of the record, its `+include`s and its redirect
 * allows, and the names whose addresses can change under it (RFC 7208 §5). Ranges in records
 * behind a `-include`, `~include` or `?include`, and terms after `all`, authorize nothing.
 */
export interface AuthorizedSenders {
  ranges: AuthorizedRange[];
  names: UnflattenableName[];
  /** Distinct addresses covered (overlaps counted once), decimal text. */
  total4: string;
  total6: string;
  /** A record in the tree could not be read (DNS error, several records, syntax error, budget). */
  incomplete: string[];
}

/** A check as the popup asks it: the IP as pasted, the MAIL FROM ("" for a bounce: the HELO name is checked), the HELO name. */
export interface SpfCheckPayload {
  ip: string;
  sender: string;
  helo: string | null;
}

export interface SpfCheck {
  result: SpfResult;
  /** The address checked, canonical; an IPv4-mapped IPv6 address is checked as IPv4 (RFC 7208 §5). */
  ip: string;
  family: 4 | 6;
  /** The identity's domain (`<domain>` of check_host()). */
  domain: string;
  /** `<sender>`: local-part@domain, `postmaster@` when there is no local-part (RFC 7208 §4.3). */
  sender: string;
  helo: string | null;
  identity: SpfIdentity;
  /** For `fail` only (RFC 7208 §6.2): the domain's `exp=` text expanded, or the default one. */
  explanation: string | null;
  explanationSource: 'exp' | 'default' | null;
  /** `example.com`, `include:_spf.example.com`, `ip4:203.0.113.0/24 matched`: how the result was reached. */
  path: string[];
  /** `path` joined with " → ". */
  pathText: string;
  /** The records on the path, root first. */
  trail: SpfStep[];
  /** The mechanism that matched, innermost (inside the include that passed). */
  matched: { domain: string; term: string } | null;
  /** The term of the checked domain's record (or of its redirect target) whose qualifier gave the result. */
  decidedBy: { domain: string; term: string; qualifier: SpfQualifier } | null;
  problem: SpfProblem | null;
  /** DNS-querying terms evaluated (include, a, mx, ptr, exists, redirect; RFC 7208 §4.6.4: at most 10). */
  lookups: number;
  /** Those whose answer was NODATA or NXDOMAIN (at most 2). */
  voidLookups: number;
  lookupLimit: number;
  voidLimit: number;
  terms: SpfTermLog[];
  /** Round trips on the check's critical path (answers from the cache add none). */
  roundTrips: number;
  /** Distinct DNS questions the check asked (fetched-ahead ones included). */
  questions: number;
  /** Whether include/redirect targets and a/mx names were fetched ahead in parallel. */
  prefetch: boolean;
  authorized: AuthorizedSenders | null;
}
