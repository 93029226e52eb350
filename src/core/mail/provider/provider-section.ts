/** The provider section: who runs the mail, read afresh from the MX host names on every snapshot. */
import type { MailSection } from '../mail-section';
import { identifyProviders } from './identify-providers';
import { providerFindings } from './provider-findings';

export const providerSection: MailSection<'provider'> = {
  id: 'provider',
  create: () => [],
  refresh: (facts) => (facts.mxListed ? identifyProviders(facts.mxHosts) : []),
  findings: (matches, facts) => providerFindings(matches, facts.domainDisplay),
};
