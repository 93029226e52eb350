/**
 * Every mail section the diagnostics run, by id (shown in the order of MAIL_SECTIONS). Adding a
 * section: its folder (types, probe, findings, and a `MailSection`), its id and title in
 * section-ids.ts, one entry here, and one view in each shell's list.
 */
import { bimiSection } from './bimi';
import { blocklistsSection } from './blocklists';
import { daneSection } from './dane';
import { dkimSection } from './dkim';
import { dmarcSection } from './dmarc';
import { dnssecSection } from './dnssec';
import type { MailSectionRegistry } from './mail-section';
import { mtaStsSection } from './mta-sts';
import { providerSection } from './provider';
import { spfSection } from './spf';
import { tlsRptSection } from './tls-rpt';

export const MAIL_SECTION_REGISTRY: MailSectionRegistry = {
  provider: providerSection,
  spf: spfSection,
  dmarc: dmarcSection,
  dkim: dkimSection,
  mtaSts: mtaStsSection,
  dane: daneSection,
  tlsRpt: tlsRptSection,
  bimi: bimiSection,
  dnssec: dnssecSection,
  blocklists: blocklistsSection,
};
