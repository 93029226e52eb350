/**
 * What a mail section is, for the diagnostics runner (mail-diagnostics.ts): how its data starts,
 * how it is probed, and its findings. Each section's folder exports one `MailSection`, and
 * sections.ts lists them all: adding a section is its folder plus one entry there (and one in
 * each shell's list of views, src/ui/mail/section-views.tsx and src/cli/mail/section-lines.ts).
 */
import type { DnsName, Finding } from '../vocabulary';
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
}

/** What a probe gets: how to ask DNS, the options, and the mail hosts' addresses once known. */
export interface SectionRun {
  context: ProbeContext;
  options: DiagnosticsOptions;
  addresses: Promise<MailAddress[]>;
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
