/**
 * `mxray --all`: each mail section's own lines, by section id (format-mail.ts prints them in the
 * order of MAIL_SECTIONS, each titled and followed by its findings). Adding a section is one
 * entry here; the type makes a missing one a compile error. Every piece of DNS data goes through
 * `terminalSafe` in the formatters.
 */
import type { MailSectionData } from '../../core/mail/mail-types';
import { mxHostNames } from '../../core/mail/mx-hosts';
import type { Report } from '../../core/report';
import type { MailSectionId } from '../../core/mail/section-ids';
import { validationText } from '../../core/mail/dnssec/dnssec-wording';
import { terminalSafe } from '../terminal-safe';
import { formatBimi } from './format-bimi';
import { formatBlocklists } from './format-blocklists';
import { formatDane } from './format-dane';
import { formatDkim } from './format-dkim';
import { formatDmarc } from './format-dmarc';
import { formatMtaSts } from './format-mta-sts';
import { formatProvider } from './format-provider';
import { formatSpf } from './format-spf';
import { formatTlsRpt } from './format-tls-rpt';

export const SECTION_LINES: { [K in MailSectionId]: (data: MailSectionData[K], report: Report) => string[] } = {
  provider: formatProvider,
  spf: formatSpf,
  dmarc: formatDmarc,
  dkim: formatDkim,
  mtaSts: (section, report) => formatMtaSts(section, mxHostNames(report)),
  dane: formatDane,
  tlsRpt: formatTlsRpt,
  bimi: formatBimi,
  dnssec: (section) => {
    const answers = [section.mx, section.txt, ...section.hosts].filter((answer) => answer !== undefined);
    return answers.map((answer) => `${terminalSafe(answer.question).padEnd(40)} ${validationText(answer)}`);
  },
  blocklists: formatBlocklists,
};
