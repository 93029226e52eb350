/** The SPF section (RFC 7208): the record and its include tree. */
import type { MailSection } from '../mail-section';
import { newSpfSection, probeSpf } from './probe-spf';
import { spfFindings } from './spf-findings';

export const spfSection: MailSection<'spf'> = {
  id: 'spf',
  create: () => newSpfSection(),
  probe: (section, run) => probeSpf(section, run.context),
  findings: (section, facts) => spfFindings(section, facts.domainDisplay),
};
