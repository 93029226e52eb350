/** The MTA-STS section (RFC 8461): the record and, with the user's permission, the policy file. */
import type { MailSection } from '../mail-section';
import { mtaStsFindings } from './mta-sts-findings';
import { newMtaStsSection, probeMtaSts } from './probe-mta-sts';

export const mtaStsSection: MailSection<'mtaSts'> = {
  id: 'mtaSts',
  create: () => newMtaStsSection(),
  probe: (section, run) => probeMtaSts(section, run.context, run.options.fetchPolicy),
  // The policy's mx lines are checked against the MX list, so wait for it.
  findings: (section, facts) => (facts.mxKnown ? mtaStsFindings(section, facts.domainDisplay, facts.mxHosts) : []),
};
