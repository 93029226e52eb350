/**
 * The DNSSEC section: no questions of its own. The lookup notes the AD bit of the answers it
 * gets anyway (record-dnssec.ts), so this section has no probe.
 */
import type { MailSection } from '../mail-section';
import { dnssecFindings } from './dnssec-findings';
import { newDnssecSection } from './types';

export const dnssecSection: MailSection<'dnssec'> = {
  id: 'dnssec',
  create: () => newDnssecSection(),
  findings: (section, facts) => dnssecFindings(section, facts.domainDisplay),
};
