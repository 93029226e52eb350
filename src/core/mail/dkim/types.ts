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

export interface DkimSection {
  status: 'pending' | 'done';
  domain: DnsName;
  /** Every selector tried, the user's first, in the order asked. */
  selectors: DkimSelectorResult[];
  /** What the user typed that is not a selector (RFC 6376 §3.1), so it was not asked. */
  ignoredSelectors: string[];
}
