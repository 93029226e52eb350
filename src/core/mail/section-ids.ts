/** The mail diagnostics sections, in the order they are shown (a file of its own: UIs import it without the probes). */
export const MAIL_SECTIONS = ['provider', 'spf', 'dmarc', 'dkim', 'mtaSts', 'dane', 'tlsRpt', 'bimi', 'dnssec', 'blocklists'] as const;
export type MailSectionId = (typeof MAIL_SECTIONS)[number];

/** Each section's title, the same in the popup, the panel, "Copy as text" and the CLI. */
export const MAIL_SECTION_TITLES: Record<MailSectionId, string> = {
  provider: 'Provider',
  spf: 'SPF',
  dmarc: 'DMARC',
  dkim: 'DKIM',
  mtaSts: 'MTA-STS',
  dane: 'DANE',
  tlsRpt: 'TLS reporting',
  bimi: 'BIMI',
  dnssec: 'DNSSEC',
  blocklists: 'Blocklists',
};
