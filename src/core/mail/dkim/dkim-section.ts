/** The DKIM section (RFC 6376): the common selectors and the user's own. */
import type { MailSection } from '../mail-section';
import { dkimFindings } from './dkim-findings';
import { newDkimSection, probeDkim } from './probe-dkim';

export const dkimSection: MailSection<'dkim'> = {
  id: 'dkim',
  create: () => newDkimSection(),
  probe: (section, run) => probeDkim(section, run.context, run.options.dkimSelectors ?? []),
  // A domain that sends no mail gets no DKIM finding (internet.nl's rule). Whether it does is a
  // fact of the whole report (null MX, SPF, DMARC: scorecard/no-mail.ts), handed in as
  // `facts.sendsNoMail` once SectionFacts carries it; until then every domain is judged.
  findings: (section, facts) => dkimFindings(section, facts.domainDisplay, (facts as { sendsNoMail?: boolean }).sendsNoMail === true),
};
