/** The DMARC section (RFC 7489, with the DMARCbis tree walk). */
import type { MailSection } from '../mail-section';
import { dmarcFindings } from './dmarc-findings';
import { newDmarcSection, probeDmarc } from './probe-dmarc';

export const dmarcSection: MailSection<'dmarc'> = {
  id: 'dmarc',
  create: () => newDmarcSection(),
  probe: (section, run) => probeDmarc(section, run.context),
  findings: (section, facts) => dmarcFindings(section, facts.domainDisplay),
};
