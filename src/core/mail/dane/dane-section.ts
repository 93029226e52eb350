/** The DANE section (RFC 7672): the TLSA records of each MX host. */
import type { MailSection } from '../mail-section';
import { daneFindings } from './dane-findings';
import { withMtaSts } from './with-mta-sts';
import { probeDane } from './probe-dane';
import { newDaneSection } from './types';

export const daneSection: MailSection<'dane'> = {
  id: 'dane',
  create: () => newDaneSection(),
  probe: (section, run) => probeDane(section, run),
  findings: (section, facts) => [...daneFindings(section, facts.domainDisplay), ...withMtaSts(section, facts)],
};
