/** The TLS reporting section (RFC 8460). */
import type { MailSection } from '../mail-section';
import { newTlsRptSection, probeTlsRpt } from './probe-tls-rpt';
import { tlsRptFindings } from './tls-rpt-findings';

export const tlsRptSection: MailSection<'tlsRpt'> = {
  id: 'tlsRpt',
  create: () => newTlsRptSection(),
  probe: (section, run) => probeTlsRpt(section, run.context),
  findings: (section, facts) => tlsRptFindings(section, facts.domainDisplay),
};
