/**
 * The mail diagnostics beside the MX list, as one plain-data part of the report
 * (`report.mail`): each section (sections.ts) is filled by its own probe as answers land (the
 * lookup snapshots the draft as they do), and each section's findings are computed on every
 * snapshot through the same findings pipeline as the routing checks (src/core/findings).
 *
 * Everything that can be asked at once is asked at once, when the lookup starts them
 * (src/core/lookup/mail-bridge.ts, once the routing report is complete): SPF, DMARC (with its
 * tree walk), the DKIM selectors, MTA-STS, TLS-RPT and BIMI all start together then. Sections
 * that work per mail host await what the lookup hands over (mail-section.ts, `SectionRun`): the
 * MX hosts (`exchanges`, known since the MX answer) or their addresses (`addresses`, the
 * blocklists). So none of this delays the MX list: its answer never has to be worked through
 * behind dozens of others, and the diagnostics' round trips count from the answers they needed.
 */
import { mxHostNames } from './mx-hosts';
import { bySeverity, runRules } from '../findings/run-rules';
import type { Report } from '../report';
import { domainDisplay } from '../wording';
import type { MailSection, SectionFacts, SectionRun } from './mail-section';
import type { DiagnosticsOptions, MailAddress, MailDiagnostics, MailSectionData } from './mail-types';
import type { ProbeContext } from './probe-context';
import { sendsNoMail } from './scorecard/no-mail';
import { MAIL_SECTIONS, type MailSectionId } from './section-ids';
import { MAIL_SECTION_REGISTRY } from './sections';

export { MAIL_SECTIONS, type MailSectionId } from './section-ids';
export type { DiagnosticsOptions, MailAddress, MailDiagnostics } from './mail-types';
export type { ExchangeHandoff, ExchangeHost, ResolvedHost } from './mail-section';

/** The sections in the order they are shown, typed loosely for the loops below. */
const SECTIONS = MAIL_SECTIONS.map((id) => MAIL_SECTION_REGISTRY[id] as unknown as MailSection<MailSectionId>);

type SectionSlots = Partial<Record<MailSectionId, MailSectionData[MailSectionId]>>;

export function newMailDiagnostics(options: DiagnosticsOptions): MailDiagnostics {
  const slots: SectionSlots = {};
  for (const section of SECTIONS) {
    const data = section.create(options);
    if (data !== undefined) slots[section.id] = data;
  }
  return { ...(slots as Omit<MailSectionData, 'blocklists'>), status: 'running', findings: {}, requests: 0, roundTrips: 0 };
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

/** What the lookup hands the sections as its answers land (mail-section.ts). */
export type LookupHandoffs = Pick<SectionRun, 'exchanges' | 'addresses'>;

/** Runs every section's probe; resolves when all are done. Never rejects (each probe never does). */
export async function runMailDiagnostics(mail: MailDiagnostics, context: ProbeContext, options: DiagnosticsOptions, handoffs: LookupHandoffs): Promise<void> {
  const run: SectionRun = { context, options, ...handoffs };
  const slots = mail as unknown as SectionSlots;
  await Promise.all(SECTIONS.map((section) => (section.probe && slots[section.id] !== undefined ? section.probe(slots[section.id]!, run) : undefined)));
  mail.status = 'done';
}

/** What the sections' findings may depend on, from what the report knows so far. */
export function sectionFactsOf(report: Report): SectionFacts {
  return {
    domainDisplay: domainDisplay(report.query),
    mxHosts: mxHostNames(report),
    mxKnown: report.mxStatus !== 'pending',
    mxListed: report.mxStatus === 'ok',
    sendsNoMail: sendsNoMail(report),
    ...mtaStsFact(report),
  };
}

/** What MTA-STS the domain publishes, for the sections that say how it and DANE combine. */
function mtaStsFact(report: Report): Pick<SectionFacts, 'mtaSts'> {
  const sts = report.mail?.mtaSts;
  if (!sts || sts.records.length === 0) return {};
  const policy = sts.policy;
  const mode = policy.state === 'ok' ? policy.policy.mode : undefined;
  return { mtaSts: mode ?? 'record' };
}

/**
 * Fills `report.mail`'s derived sections and `report.mail.findings` from what is known so far:
 * each section's findings most severe first; a bug in one section is said there and stops
 * nothing else.
 */
export function withMailFindings(report: Report): void {
  const mail = report.mail;
  if (!mail) return;
  const facts = sectionFactsOf(report);
  const slots = mail as unknown as SectionSlots;
  for (const section of SECTIONS) if (section.refresh) slots[section.id] = section.refresh(facts);
  mail.findings = {};
  for (const section of SECTIONS) {
    const data = slots[section.id];
    if (data === undefined) continue;
    mail.findings[section.id] = bySeverity(runRules(data, [{ name: section.id, run: (d) => section.findings(d, facts) }]).findings);
  }
}
