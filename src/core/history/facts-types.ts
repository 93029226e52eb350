/**
 * The facts of one lookup, as history keeps them and `mxray --save` writes them: what the DNS
 * said about a name's mail, not how a report showed it. Plain, sorted JSON, so two lookups whose
 * answers only came back in another order, or with other TTLs, have equal facts.
 *
 * `FACTS_VERSION` is bumped when a field changes meaning or a check is added; older facts are
 * migrated on read (facts-versions.ts), newer ones refused with a message, never misread.
 */
import type { AnswerStatus, DnsName, QueryKind, Severity } from '../vocabulary';

/**
 * 1: the first format (issue #14, release 0.1.0). 2: the facts of 0.2.0, whose findings include
 * checks 0.1.0 did not make (DANE, more DKIM, DMARC and MTA-STS rules); version-1 facts read as
 * version 2 with those checks in `notAsked`.
 */
export const FACTS_VERSION = 2;

/**
 * The rules that judged a check's findings and its verdict. Bumped when a rule says something
 * else about the same DNS (another severity, a finding no longer reported), with no facts version
 * step: the facts' shape is the same. The findings of two checks judged by different rules are
 * not compared as changes (diff-facts.ts, `newRules`); what the DNS said still is. A new finding
 * code needs no bump: `notAsked` covers it. 1: release 0.1.0. 2: release 0.2.0.
 */
export const RULES_VERSION = 2;

/** What the lookup concluded, in one word: the most severe finding (info counts as ok), or that the main question got no answer. */
export type Verdict = 'ok' | 'warn' | 'error' | 'unanswered';

export interface HostFacts {
  /** The mail host (for an implicit MX, the domain itself). */
  host: DnsName;
  /** The exchange's state: resolved, no-address, nxdomain, ip-literal, error... */
  state: string;
  /** The aliases the host points through, in order (usually none). */
  cname: DnsName[];
  /** Its addresses, sorted (IPv4 first, then numerically as text). */
  addresses: string[];
}

export interface PtrFacts {
  ip: string;
  /** The PTR answer's status. */
  status: AnswerStatus;
  /** Reverse names, sorted. */
  names: DnsName[];
}

/** A record set (one of RECORD_KINDS): its answer status and the records, sorted. */
export interface RecordFacts {
  /** The owner name that was asked (`_dmarc.example.com`...). */
  name: DnsName;
  status: AnswerStatus;
  records: string[];
}

/**
 * Every record set the facts keep, in the order they are kept and told, with the name a person
 * reads. A new kind is one entry here: the files, the diff and its sentences follow from this
 * list, and the compiler then asks facts-of.ts (`RECORD_READERS`) how to read it from a report.
 */
export const RECORD_KINDS = [
  { kind: 'spf', label: 'SPF' },
  { kind: 'dmarc', label: 'DMARC' },
  { kind: 'mtaSts', label: 'MTA-STS' },
  { kind: 'tlsRpt', label: 'TLS-RPT' },
  { kind: 'bimi', label: 'BIMI' },
] as const;

export type RecordKind = (typeof RECORD_KINDS)[number]['kind'];

export interface FindingFacts {
  code: string;
  severity: Severity;
  /** The host or address it is about, when it is about one. */
  subject?: string;
}

export interface MailFacts {
  version: typeof FACTS_VERSION;
  /** The name looked up (ASCII); for an IP query the address. */
  name: DnsName;
  display: string;
  kind: QueryKind;
  /** When the lookup started (ms since the epoch). */
  checkedAt: number;
  /** The resolver asked (provider id), and those that actually answered. */
  resolver: string;
  answeredBy: string[];
  verdict: Verdict;
  /** The main question's status: the MX answer, or for an IP the PTR answer. */
  status: AnswerStatus;
  nullMx: boolean;
  implicitMx: boolean;
  /** The MX records, sorted by preference then host (the null MX is `nullMx`, not a row). */
  mx: { host: DnsName; preference: number }[];
  /** Every mail host once, sorted by name. */
  hosts: HostFacts[];
  /** The reverse names of every address (of the hosts, or the IP asked about), sorted by address. */
  ptr: PtrFacts[];
  /** Only the records that were asked for: SPF and DMARC always, the others with the mail diagnostics. */
  records: Partial<Record<RecordKind, RecordFacts>>;
  /** Findings about the domain, sorted; findings about the check itself (a resolver failing) are left out. */
  findings: FindingFacts[];
  /** The rules that judged `findings` and `verdict` (RULES_VERSION when the check was made). */
  rules: number;
  /**
   * What the MXray that took these facts never asked (set when older facts are migrated): a later
   * check that has these is "not checked before", never a change. Absent on facts taken now.
   */
  notAsked?: NotAsked;
}

/** Checks an older MXray did not make: record kinds it did not keep, finding codes it could not report. */
export interface NotAsked {
  records?: RecordKind[];
  findings?: string[];
}
