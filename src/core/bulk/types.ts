/**
 * The vocabulary of a bulk check: what was read from the person's list (entries grouped by
 * domain, and the entries that are not a domain, each with its reason), and one result row per
 * domain. Plain data, so a run can be stored in IndexedDB or printed as NDJSON unchanged.
 */
import type { ScorecardId, ScorecardStatus } from '../mail/scorecard/types';
import type { DnsName } from '../vocabulary';

/**
 * The first question of email verification, answered once per domain:
 * - `accepts`: an MX host has an address;
 * - `implicit`: no MX, but the name has an address (RFC 5321 §5.1);
 * - `null-mx`: the domain refuses all mail (RFC 7505);
 * - `nxdomain`: the domain does not exist;
 * - `no-mail`: it exists, but there is no MX and no address, or no MX host resolves;
 * - `failed`: no usable answer (SERVFAIL, REFUSED, timeout, no resolver).
 */
export type Verdict = 'accepts' | 'implicit' | 'null-mx' | 'nxdomain' | 'no-mail' | 'failed';

export const VERDICTS: readonly Verdict[] = ['accepts', 'implicit', 'null-mx', 'nxdomain', 'no-mail', 'failed'];

/** One domain to look up, with the addresses of the list that use it. */
export interface BulkDomain {
  /** ASCII (`xn--` for IDNs), lower case: what is looked up. */
  domain: DnsName;
  /** Unicode, for people. */
  display: string;
  /** The distinct addresses (compared without case) that have this domain, in order of appearance. */
  addresses: string[];
  /** The domain was also given on its own (not only inside addresses). */
  bare: boolean;
}

/** A piece of the list that is not a domain or an address with a domain. */
export interface BulkInvalid {
  /** The text as found (shortened when long). */
  input: string;
  /** Why, in a sentence the person can act on. */
  invalid: string;
  /** 1-based line (or CSV row) it came from. */
  line: number;
}

export interface BulkInput {
  domains: BulkDomain[];
  invalid: BulkInvalid[];
  /** Addresses found in all (before removing repeats). */
  addressCount: number;
  /** Addresses or domains given more than once, counted once. */
  duplicates: number;
}

/** One finished domain: the facts a list-cleaning person needs, and why. */
export interface BulkResult {
  domain: DnsName;
  display: string;
  /** How many input addresses had this domain (0 when it was given only as a bare domain). */
  addresses: number;
  verdict: Verdict;
  /** The verdict in plain words. */
  verdictText: string;
  /** The most preferred MX host (ASCII), if any. */
  primaryMx?: DnsName;
  /** MX records (the null MX counts as none). */
  mxCount: number;
  provider?: string;
  /** With the mail setup: SPF and DMARC in one word each. */
  spf?: string;
  dmarc?: string;
  /** With the mail setup: each scorecard line's status (src/core/mail/scorecard), and the worst of them. */
  scorecard?: Partial<Record<ScorecardId, ScorecardStatus>>;
  scorecardWorst?: ScorecardStatus;
  /** The most serious finding of the report, in its words. */
  worstFinding?: string;
  /** Why the lookup failed (`failed`), or what was wrong with the exchanges. */
  error?: string;
}
