/**
 * The mail diagnostics as the report holds them (`report.mail`): one plain-data part per
 * section, each section's findings, and the diagnostics' own request and round-trip counts.
 * Types only, from each section's `types.ts`, so the report can name them without importing
 * any probe or finding rule.
 */
import type { Finding } from '../vocabulary';
import type { BimiSection } from './bimi/types';
import type { BlocklistSection } from './blocklists/types';
import type { DaneSection } from './dane/types';
import type { DkimSection } from './dkim/types';
import type { DmarcSection } from './dmarc/types';
import type { DnssecSection } from './dnssec/types';
import type { PolicyFetcher } from './mta-sts/types';
import type { MtaStsSection } from './mta-sts/types';
import type { ProviderMatch } from './provider/types';
import type { ScorecardLine } from './scorecard/types';
import type { MailSectionId } from './section-ids';
import type { SpfSection } from './spf/types';
import type { TlsRptSection } from './tls-rpt/types';

/** Each section's data, by section id. */
export interface MailSectionData {
  /** Who runs the mail, from the MX host names (recomputed on every snapshot). */
  provider: ProviderMatch[];
  spf: SpfSection;
  dmarc: DmarcSection;
  dkim: DkimSection;
  mtaSts: MtaStsSection;
  /** DANE for the MX hosts (RFC 7672): the TLSA records at `_25._tcp.<host>`. */
  dane: DaneSection;
  tlsRpt: TlsRptSection;
  bimi: BimiSection;
  dnssec: DnssecSection;
  /** Only when the user turned the blocklists on. */
  blocklists: BlocklistSection;
}

export interface DiagnosticsOptions {
  /** Ask the DNS blocklists about every mail host address (opt-in: it tells the list operators). */
  blocklists?: boolean;
  /** DKIM selectors to probe beside the common ones. */
  dkimSelectors?: string[];
  /** Fetches the MTA-STS policy file; without it the policy is not fetched. */
  fetchPolicy?: PolicyFetcher;
}

export type MailDiagnostics = Omit<MailSectionData, 'blocklists'> & {
  status: 'running' | 'done';
  /** Only when the user turned the blocklists on. */
  blocklists?: BlocklistSection;
  /** Each section's findings, most severe first (recomputed on every snapshot). */
  findings: Partial<Record<MailSectionId, Finding[]>>;
  /** HTTP requests the diagnostics sent (also counted in `stats.requests`). */
  requests: number;
  /**
   * Round trips from the lookup's start to the diagnostics' deepest answer: they start once the
   * MX answer is in (1), then an SPF include chain or the blocklists (after the addresses) add
   * theirs. `stats.roundTrips` stays the routing's own.
   */
  roundTrips: number;
  /** One line per standard, pass / warn / fail / not-checked (src/core/mail/scorecard; recomputed on every snapshot). */
  scorecard?: ScorecardLine[];
};

/** One address of a mail host, as the blocklists and other per-address sections get it. */
export interface MailAddress {
  ip: string;
  family: 4 | 6;
  host: string;
}
