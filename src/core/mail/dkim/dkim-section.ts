/** The DKIM section (RFC 6376): the common selectors and the user's own. */
import type { MailSection } from '../mail-section';
import { dkimFindings } from './dkim-findings';
import { newDkimSection, probeDkim } from './probe-dkim';

export const dkimSection: MailSection<'dkim'> = {
  id: 'dkim',
  create: () => newDkimSection(),
  probe: (section, run) => probeDkim(section, run.context, run.options.dkimSelectors ?? []),
  findings: (section, facts) => dkimFindings(section, facts.domainDisplay),
};
