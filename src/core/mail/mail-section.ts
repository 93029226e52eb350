/**
 * What a mail section is, for the diagnostics runner (mail-diagnostics.ts): how its data starts,
 * how it is probed, and its findings. Each section's folder exports one `MailSection`, and
 * sections.ts lists them all: adding a section is its folder plus one entry there (and one in
 * each shell's list of views, src/ui/mail/section-views.tsx and src/cli/mail/section-lines.ts).
 *
 * What the lookup hands a probe (`SectionRun`), besides a way to ask DNS:
 * - `exchanges`: the MX hosts, the moment the MX answer is known (for a domain without MX, once
 *   its implicit MX is known: the same round trip). A section that works per MX host (DANE's
 *   TLSA at `_25._tcp.<host>`) awaits it and asks with `ask(name, type, handoff.mx)`, so its
 *   questions count their round trips from the MX answer, not from the addresses. Each host's
 *   `resolved` settles once its address answers are in: its CNAME chain and whether that answer
 *   was authenticated (RFC 7672 §2.2.3 needs both to choose the TLSA base domain).
 * - `addresses`: every mail host's addresses, once all of them are in (the blocklists).
 * Both come from src/core/lookup/mail-bridge.ts and resolve once per lookup; a section that does
 * not await them costs nothing. Every question still goes through `context.ask` (the lookup's own
 * client: cache, dedupe, fallback, counted in `mail.requests` and `mail.roundTrips`).
 */
import type { AnswerStatus, DnsName, Finding } from '../vocabulary';
import type { AskResult } from './dns-ask';
import type { DiagnosticsOptions, MailAddress, MailSectionData } from './mail-types';
import type { ProbeContext } from './probe-context';
import type { MailSectionId } from './section-ids';

/** What the findings of a section may depend on besides its own data. */
export interface SectionFacts {
  /** The domain for people (Unicode for IDNs). */
  domainDisplay: string;
  /** The MX hosts (not the implicit one), once the MX answer is in. */
  mxHosts: DnsName[];
  /** The MX answer is in. */
  mxKnown: boolean;
  /** The MX answer listed hosts (`mxStatus` is `ok`). */
  mxListed: boolean;
  /**
   * The domain sends no mail, said all three ways: null MX, `v=spf1 -all` and DMARC p=reject
   * (scorecard/no-mail.ts). A section may then stay silent (DKIM: no mail to sign). Absent: false.
   */
  sendsNoMail?: boolean;
  /**
   * MTA-STS as published: 'record' when only the `_mta-sts` TXT record is known (no policy read),
   * the policy's mode once read, absent without a record. DANE says which senders use which.
   */
  mtaSts?: 'record' | 'enforce' | 'testing' | 'none';
}

/** What a probe gets: how to ask DNS, the options, the MX hosts and their addresses once known. */
export interface SectionRun {
  context: ProbeContext;
  options: DiagnosticsOptions;
  /** The MX hosts, the moment the MX answer (or the implicit MX) is known. Never rejects. */
  exchanges: Promise<ExchangeHandoff>;
  /** Every address of every mail host, once all the hosts' A and AAAA are in. Never rejects. */
  addresses: Promise<MailAddress[]>;
}

/** The MX answer as the sections that work per MX host read it. */
export interface ExchangeHandoff {
  /**
   * The mail hosts in the order senders try them (lowest preference first), each host once at
   * its lowest preference, up to the lookup's bound on MX hosts. The implicit MX (RFC 5321 §5.1)
   * is the domain itself, preference 0. Empty for a null MX, for a domain without mail hosts and
   * when the MX question failed. An MX naming an IP literal is no host name and is left out.
   */
  hosts: ExchangeHost[];
  /**
   * The resolver set AD on the MX answer (for an implicit MX, on the NODATA that proved there is
   * no MX). RFC 7672 §2.2: without it, DANE does not apply to any host of the domain.
   */
  mxAuthenticated: boolean;
  /** RFC 7505: the domain accepts no mail (a single `0 .` MX). */
  nullMx: boolean;
  /** RFC 5321 §5.1: no MX records, so the domain itself is the mail host. */
  implicit: boolean;
  /** The MX answer's status: `ok`, `nodata` (implicit MX or none), `nxdomain`, `servfail`, `refused`, `error`. */
  mxStatus: AnswerStatus;
  /** The MX answer as `DnsAsk` reads it: pass it as `after` to count round trips from it. */
  mx: AskResult;
}

export interface ExchangeHost {
  /** ASCII, lower case, no trailing dot, as the MX record names it. */
  name: DnsName;
  preference: number;
  /** The host's address answers are in: where its name leads. Never rejects. */
  resolved: Promise<ResolvedHost>;
}

/** Where an MX host name leads, read from the lookup's own A (else AAAA) answer for it. */
export interface ResolvedHost {
  /** The names the host is an alias through, in order (empty when it is no alias). */
  cname: DnsName[];
  /** The end of the chain: the host itself when it is no alias. */
  target: DnsName;
  /** The host's A answer (else its AAAA answer): `ok`, `nodata`, `nxdomain`, `servfail`, ... */
  status: AnswerStatus;
  /** The resolver set AD on that answer: the chain and the host's zone are signed (RFC 7672 §2.2.3). */
  authenticated: boolean;
  /** That answer as `DnsAsk` reads it: pass it as `after` for questions asked because of it. */
  answer: AskResult;
}

export interface MailSection<K extends MailSectionId> {
  id: K;
  /** The section's data before any answer; `undefined` when the section is off. */
  create(options: DiagnosticsOptions): MailSectionData[K] | undefined;
  /**
   * Fills the data as answers land; never rejects. Sections without one are filled by others:
   * DNSSEC from the lookup's own answers, the provider by `refresh`.
   */
  probe?(data: MailSectionData[K], run: SectionRun): Promise<void>;
  /** Data derived afresh on every snapshot from what the report knows (the provider, from the MX names). */
  refresh?(facts: SectionFacts): MailSectionData[K];
  findings(data: MailSectionData[K], facts: SectionFacts): Finding[];
}

/** Every section, by id: the type makes a missing one a compile error. */
export type MailSectionRegistry = { [K in MailSectionId]: MailSection<K> };
