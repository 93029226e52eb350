/** The DMARC section of a report: what `_dmarc` said at the domain and its parents (plain data). */
import type { AnswerStatus, DnsName } from '../../vocabulary';

export type DmarcPolicy = 'none' | 'quarantine' | 'reject';

/** The tags of a DMARC record (RFC 7489 §6.3 and DMARCbis §4.7), valid values only. */
export interface DmarcTags {
  p?: DmarcPolicy;
  sp?: DmarcPolicy;
  np?: DmarcPolicy;
  /** Historic in RFC 9989 (t= replaces it): read, shown, never applied. */
  pct?: number;
  adkim?: 'r' | 's';
  aspf?: 'r' | 's';
  /** Valid report URIs, any size suffix (`!10m`, obsolete) removed. */
  rua: string[];
  ruf: string[];
  fo?: string;
  /** Historic in RFC 9989, like ri=: read and shown, nothing more. */
  rf?: string;
  ri?: number;
  psd?: 'y' | 'n' | 'u';
  t?: 'y' | 'n';
}

/** How `effective` was reached when it is not simply the tag's value. */
export type DmarcFallback =
  /** No p= tag: DMARCbis reads p=none; RFC 7489 receivers do the same only when rua= is valid. */
  | 'p-missing'
  /** p=, sp= or np= unreadable, rua= valid: receivers act as if p=none (RFC 7489 §6.6.3). */
  | 'none-for-rua'
  /** p=, sp= or np= unreadable, no valid rua=: receivers apply no DMARC at all. */
  | 'ignored';

export interface DmarcRecordParse {
  tags: DmarcTags;
  /** Problems, as sentences; receivers skip the broken tags (RFC 7489 §6.3, DMARCbis §4.8). */
  errors: string[];
  /** Tags neither RFC 7489 nor DMARCbis define: receivers ignore them. */
  unknownTags: string[];
  /** The policy for the domain the record is published at (p=, after fallbacks); `undefined`: no DMARC. */
  policy?: DmarcPolicy;
  fallback?: DmarcFallback;
}

/** One `_dmarc.<domain> TXT` question of the tree walk. */
export interface DmarcLookup {
  /** The domain, without `_dmarc.`. */
  domain: DnsName;
  status: AnswerStatus;
  /** TXT records there that start with `v=DMARC1`. */
  records: string[];
  /** Records that look like DMARC but do not start with `v=DMARC1`, so receivers discard them. */
  discarded: string[];
}

/** Where the policy that applies to the domain was found (DMARCbis §4.10.1). */
export type DmarcSource = 'domain' | 'organizational-domain' | 'public-suffix-domain';

export interface DmarcPolicyFound {
  source: DmarcSource;
  /** The domain whose record applies. */
  domain: DnsName;
  record: string;
  parsed: DmarcRecordParse;
  /**
   * The policy for mail from the domain: p= at the domain itself; at a parent, np= when the
   * domain does not exist (NXDOMAIN, RFC 9989 §4.7) and the record has one, else sp=, else p=.
   * pct= (historic) never changes it.
   */
  effective?: DmarcPolicy;
  /** The tag `effective` comes from. */
  tag: 'p' | 'sp' | 'np';
}

/** RFC 7489 §7.1: may reports go to a domain outside the policy domain's organisation? */
export interface DmarcReportAuthorization {
  /** The host of the `mailto:` URI. */
  destination: DnsName;
  /** `<policy domain>._report._dmarc.<destination>` */
  name: DnsName;
  status: AnswerStatus;
  /** A `v=DMARC1` record is there. Absent until answered. */
  authorized?: boolean;
}

export interface DmarcSection {
  status: 'pending' | 'done';
  domain: DnsName;
  /**
   * The answer for `<domain> MX` (the lookup's own question): `nxdomain` means the domain does
   * not exist (RFC 8020), so a parent's np= applies to it (RFC 9989 §4.7). Absent: not asked.
   */
  nameStatus?: AnswerStatus;
  /** The domain first, then its parents from the longest (DMARCbis §4.10), at most 8. */
  lookups: DmarcLookup[];
  /** The answers needed to find the policy have all landed. */
  resolved: boolean;
  /** The policy that applies, once resolved; absent when there is none. */
  policy?: DmarcPolicyFound;
  /** External report destinations and whether they accept the reports. */
  reportAuthorizations: DmarcReportAuthorization[];
}
