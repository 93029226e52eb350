/**
 * SPF (RFC 7208) as MXray keeps it: the parsed terms of a record, and the include tree the probe
 * builds from the domain's record by following `include:` and `redirect=`. Plain data only, so a
 * section crosses a message port and prints as JSON unchanged.
 */
import type { AnswerStatus, DnsName } from '../../vocabulary';

export type SpfQualifier = '+' | '-' | '~' | '?';

export type SpfMechanismName = 'all' | 'include' | 'a' | 'mx' | 'ptr' | 'ip4' | 'ip6' | 'exists';

/** A directive (RFC 7208 §4.6.2, §5): qualifier and mechanism. */
export interface SpfMechanism {
  kind: 'mechanism';
  /** The term as written in the record. */
  text: string;
  /** `+` when none is written (RFC 7208 §4.6.2). */
  qualifier: SpfQualifier;
  name: SpfMechanismName;
  /** The domain-spec as written (include, exists, and a/mx/ptr when they name one). */
  domain?: string;
  /** ip4/ip6: the network, canonical text. */
  network?: string;
  /** Prefix lengths: ip4 and the first of a/mx take `cidr4`; ip6 and `//n` of a/mx take `cidr6`. */
  cidr4?: number;
  cidr6?: number;
  /** The domain-spec holds a macro (RFC 7208 §7): it depends on the sender, so it is never followed. */
  macro: boolean;
  /** Why the term is not valid SPF; any one makes the whole record a permerror (RFC 7208 §4.6). */
  error?: string;
}

/** `redirect=`, `exp=` or an unknown `name=value` (RFC 7208 §6); unknown ones are ignored by receivers. */
export interface SpfModifier {
  kind: 'modifier';
  text: string;
  /** Lower case. */
  name: string;
  value: string;
  macro: boolean;
  error?: string;
}

/** A term that is neither: an unknown mechanism or plain garbage. Always an error. */
export interface SpfInvalidTerm {
  kind: 'invalid';
  text: string;
  macro: false;
  error: string;
}

export type SpfTerm = SpfMechanism | SpfModifier | SpfInvalidTerm;

export interface ParsedSpf {
  /** The record starts with `v=spf1` followed by a space or its end (RFC 7208 §4.5). */
  isSpf: boolean;
  terms: SpfTerm[];
  /** Every term error, and record-level ones, as sentences naming the term. */
  errors: string[];
}

/**
 * How a tree node came out.
 * - `ok`: one SPF record, valid; `syntax-error`: one record with errors (permerror);
 * - `multiple`: several `v=spf1` records (permerror, RFC 7208 §4.5);
 * - `none`: the name exists but publishes no SPF record; `nxdomain`: the name does not exist;
 * - `error`: SERVFAIL, REFUSED or no answer (temperror, RFC 7208 §4.4);
 * - not asked: `loop` (the domain is already on the path), `macro` (depends on the sender),
 *   `too-deep` (depth or lookup budget spent), `ignored` (a redirect next to `all`, RFC 7208 §6.1),
 *   `aborted` (the lookup was cancelled).
 */
export type SpfNodeStatus =
  'pending' | 'ok' | 'syntax-error' | 'multiple' | 'none' | 'nxdomain' | 'error' | 'loop' | 'macro' | 'too-deep' | 'ignored' | 'aborted';

/** The extra question asked for an a/mx/exists term to tell a void lookup (RFC 7208 §4.6.4). */
export interface SpfTermCheck {
  /** The term as written. */
  term: string;
  name: DnsName;
  type: 'A' | 'MX';
  status: AnswerStatus;
  /** For `mx`: how many MX hosts (more than 10 is a permerror, RFC 7208 §4.6.4). */
  hosts?: number;
}

export interface SpfNode {
  /** As asked: lower case, no trailing dot; for `macro` nodes, the domain-spec as written. */
  domain: string;
  via: 'root' | 'include' | 'redirect';
  /** The term that led here (`include:_spf.example.com`); absent for the root. */
  term?: string;
  status: SpfNodeStatus;
  /** The TXT answer's status. */
  txtStatus: AnswerStatus;
  /** The `v=spf1` records at the name, verbatim. */
  records: string[];
  /** Terms of the record, when there is exactly one. */
  terms: SpfTerm[];
  errors: string[];
  /** DNS-querying terms of this record that count toward the limit (RFC 7208 §4.6.4). */
  lookups: number;
  checks: SpfTermCheck[];
  children: SpfNode[];
}

export interface SpfSection {
  status: 'pending' | 'done';
  root: SpfNode;
  /** DNS-querying terms across the whole evaluation (the limit is 10, RFC 7208 §4.6.4). */
  lookups: number;
  /** Checked terms whose question came back NODATA or NXDOMAIN (the limit is 2). */
  voidLookups: number;
}
