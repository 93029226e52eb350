/**
 * The mail diagnostics beside the MX list, as one plain-data part of the report
 * (`report.mail`): each section is filled by its own module as answers land (the lookup
 * snapshots the draft after each burst), and each section's findings are computed on every
 * snapshot, like the routing checks.
 *
 * Everything that can be asked at once is asked at once, in the task that brings the MX answer
 * (lookup-mail.ts, startDiagnostics): SPF, DMARC (with its tree walk), the DKIM selectors,
 * MTA-STS, TLS-RPT and BIMI all start together then; only the blocklists wait longer, for the
 * addresses they are about. So none of this delays the MX list: its answer never has to be
 * worked through behind dozens of others.
 */
import type { DnsName, Finding, Report } from '../report';
import { domainDisplay } from '../checks/wording';
import { newBimiSection, probeBimi, bimiFindings, type BimiSection } from './bimi';
import { newBlocklistSection, probeBlocklists, blocklistFindings, type BlocklistSection } from './blocklists';
import { newDkimSection, probeDkim, dkimFindings, type DkimSection } from './dkim';
import { newDmarcSection, probeDmarc, dmarcFindings, type DmarcSection } from './dmarc';
import { dnssecFindings } from './dnssec/dnssec-findings';
import { newDnssecSection, type DnssecSection } from './dnssec/types';
import { newMtaStsSection, probeMtaSts, mtaStsFindings, type MtaStsSection, type PolicyFetcher } from './mta-sts';
import type { ProbeContext } from './probe-context';
import type { MailSectionId } from './section-ids';
import { identifyProviders, providerFindings, type ProviderMatch } from './provider';
import { newSpfSection, probeSpf, spfFindings, type SpfSection } from './spf';
import { newTlsRptSection, probeTlsRpt, tlsRptFindings, type TlsRptSection } from './tls-rpt';

export interface DiagnosticsOptions {
  /** Ask the DNS blocklists about every mail host address (opt-in: it tells the list operators). */
  blocklists?: boolean;
  /** DKIM selectors to probe beside the common ones. */
  dkimSelectors?: string[];
  /** Fetches the MTA-STS policy file; without it the policy is not fetched. */
  fetchPolicy?: PolicyFetcher;
}

export { MAIL_SECTIONS, type MailSectionId } from './section-ids';

export interface MailDiagnostics {
  status: 'running' | 'done';
  /** Who runs the mail, from the MX host names (recomputed on every snapshot). */
  provider: ProviderMatch[];
  spf: SpfSection;
  dmarc: DmarcSection;
  dkim: DkimSection;
  mtaSts: MtaStsSection;
  tlsRpt: TlsRptSection;
  bimi: BimiSection;
  dnssec: DnssecSection;
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
}

export function newMailDiagnostics(options: DiagnosticsOptions): MailDiagnostics {
  const mail: MailDiagnostics = {
    status: 'running',
    provider: [],
    spf: newSpfSection(),
    dmarc: newDmarcSection(),
    dkim: newDkimSection(),
    mtaSts: newMtaStsSection(),
    tlsRpt: newTlsRptSection(),
    bimi: newBimiSection(),
    dnssec: newDnssecSection(),
    findings: {},
    requests: 0,
    roundTrips: 0,
  };
  if (options.blocklists) mail.blocklists = newBlocklistSection();
  return mail;
}

export interface MailAddress {
  ip: string;
  family: 4 | 6;
  host: DnsName;
}

/** Every address of every mail host, once each, in MX order. */
export function mailAddressesOf(report: Pick<Report, 'exchanges'>): MailAddress[] {
  const seen = new Set<string>();
  const addresses: MailAddress[] = [];
  for (const exchange of report.exchanges) {
    for (const address of exchange.addresses) {
      if (seen.has(address.ip)) continue;
      seen.add(address.ip);
      addresses.push({ ip: address.ip, family: address.family, host: exchange.host });
    }
  }
  return addresses;
}

/** Runs every section; resolves when all are done. Never rejects (each probe never does). */
export async function runMailDiagnostics(mail: MailDiagnostics, context: ProbeContext, options: DiagnosticsOptions, addresses: Promise<MailAddress[]>): Promise<void> {
  await Promise.all([
    probeSpf(mail.spf, context),
    probeDmarc(mail.dmarc, context),
    probeDkim(mail.dkim, context, options.dkimSelectors ?? []),
    probeMtaSts(mail.mtaSts, context, options.fetchPolicy),
    probeTlsRpt(mail.tlsRpt, context),
    probeBimi(mail.bimi, context),
    mail.blocklists ? addresses.then((list) => probeBlocklists(mail.blocklists!, context, list)) : undefined,
  ]);
  mail.status = 'done';
}

/** Fills `report.mail.provider` and `report.mail.findings` from what is known so far. */
export function withMailFindings(report: Report): void {
  const mail = report.mail;
  if (!mail) return;
  const domain = domainDisplay(report.query);
  const hosts = report.exchanges.filter((e) => !e.implicit && e.host !== '').map((e) => e.host);
  mail.provider = report.mxStatus === 'ok' ? identifyProviders(hosts) : [];
  const sections: [MailSectionId, () => Finding[]][] = [
    ['provider', () => providerFindings(mail.provider, domain)],
    ['spf', () => spfFindings(mail.spf, domain)],
    ['dmarc', () => dmarcFindings(mail.dmarc, domain)],
    ['dkim', () => dkimFindings(mail.dkim, domain)],
    // The policy's mx lines are checked against the MX list, so wait for it.
    ['mtaSts', () => (report.mxStatus === 'pending' ? [] : mtaStsFindings(mail.mtaSts, domain, hosts))],
    ['tlsRpt', () => tlsRptFindings(mail.tlsRpt, domain)],
    ['bimi', () => bimiFindings(mail.bimi, domain)],
    ['dnssec', () => dnssecFindings(mail.dnssec, domain)],
  ];
  if (mail.blocklists) sections.push(['blocklists', () => blocklistFindings(mail.blocklists!)]);
  mail.findings = {};
  for (const [id, findingsOf] of sections) mail.findings[id] = guarded(id, findingsOf);
}

const SEVERITY_ORDER: Record<Finding['severity'], number> = { error: 0, warn: 1, ok: 2, info: 3 };

/** A section's findings, most severe first; a bug in one section is said there and stops nothing else. */
function guarded(id: MailSectionId, findingsOf: () => Finding[]): Finding[] {
  try {
    return findingsOf().sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  } catch (error) {
    return [{ code: 'internal-error', severity: 'warn', message: `MXray could not assess this (${id}): ${error instanceof Error ? error.message : String(error)}. This is a bug in MXray, not a fact about the domain.` }];
  }
}
