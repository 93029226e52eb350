/** The DKIM section of a report: which selectors were tried and the keys found (plain data). */
import type { AnswerStatus, DnsName } from '../../vocabulary';

/** One key record at `<selector>._domainkey.<domain>`, read (RFC 6376 §3.6.1). */
export interface DkimKey {
  /** The record as published. */
  record: string;
  /** `k=`: `rsa` (the default) or `ed25519` (RFC 8463); others are unknown to verifiers. */
  keyType: string;
  /** Key size in bits: the RSA modulus, 256 for Ed25519. Absent when it cannot be read. */
  bits?: number;
  /** `p=` is empty: the key is revoked (RFC 6376 §3.6.1). */
  revoked: boolean;
  /** `t=y`: the domain is testing DKIM; verifiers treat its mail as unsigned. */
  testing: boolean;
  /** `t=s`: the `i=` domain of signatures must be exactly the `d=` domain. */
  strict: boolean;
  /** `h=`: the hash algorithms allowed, when limited. */
  hashes?: string[];
  /** `s=`: the services the key is for, when limited. */
  services?: string[];
  /** `n=`: notes for people. */
  notes?: string;
  /** Why verifiers cannot use the key (syntax, base64, key data), as sentences. Empty when usable. */
  errors: string[];
}

export interface DkimSelectorResult {
  selector: string;
  /** `<selector>._domainkey.<domain>` */
  name: DnsName;
  status: AnswerStatus;
  /** Added by the user rather than one of the common selectors. */
  added: boolean;
  /** Key records found (records that are not DKIM keys are left out). */
  keys: DkimKey[];
}

/**
 * Two questions asked with the selectors, so the section can say more than "none of these":
 * `_domainkey.<domain>` itself (RFC 8020: NXDOMAIN there means no selector exists below it;
 * NOERROR without data means names exist below it), and a selector no signer uses, which only a
 * wildcard (`*._domainkey`, RFC 4592) answers.
 */
export interface DkimDomainkeyProbe {
  /** `_domainkey.<domain>` */
  name: DnsName;
  status: AnswerStatus;
  /** `<WILDCARD_PROBE_SELECTOR>._domainkey.<domain>` */
  wildcardName: DnsName;
  wildcardStatus: AnswerStatus;
  /** The TXT records the made-up selector got (a wildcard's), to tell its copies from real keys. */
  wildcardRecords: string[];
}

/**
 * How the search came out, for the people reading it:
 * - `found`: a key under a selector tried (not a wildcard's copy);
 * - `none-exist`: `_domainkey` is NXDOMAIN, so there is no key under any selector (RFC 8020);
 * - `other-selectors`: `_domainkey` exists with no data of its own: keys sit under selectors not tried;
 * - `wildcard`: a wildcard answers every selector, so the test cannot tell;
 * - `unknown`: none found, and nothing says whether others exist (a record at `_domainkey` itself, a failed lookup);
 * - `pending`: still asking.
 */
export type DkimSearchOutcome = 'pending' | 'found' | 'none-exist' | 'other-selectors' | 'wildcard' | 'unknown';

export interface DkimSection {
  status: 'pending' | 'done';
  domain: DnsName;
  /** Every selector tried, the user's first, in the order asked. */
  selectors: DkimSelectorResult[];
  /** What the user typed that is not a selector (RFC 6376 §3.1), so it was not asked. */
  ignoredSelectors: string[];
  /** `_domainkey` itself and the wildcard check; absent until asked. */
  domainkey?: DkimDomainkeyProbe;
}
