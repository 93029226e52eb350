/** The BIMI section (the default selector's assertion record). */
import type { MailSection } from '../mail-section';
import { bimiFindings } from './bimi-findings';
import { newBimiSection, probeBimi } from './probe-bimi';

export const bimiSection: MailSection<'bimi'> = {
  id: 'bimi',
  create: () => newBimiSection(),
  probe: (section, run) => probeBimi(section, run.context),
  findings: (section, facts) => bimiFindings(section, facts.domainDisplay),
};
