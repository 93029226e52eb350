/**
 * The words every part of MXray shares: a DNS name, what was asked (Query), the outcome of one
 * question (AnswerStatus), a failure (ErrorInfo) and what something means (Finding). A module of
 * its own, importing nothing, so the report, the routing checks, the mail diagnostics and the
 * shells can all use them without importing each other. Plain data only.
 */

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
