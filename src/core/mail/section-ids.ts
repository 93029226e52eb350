/** The mail diagnostics sections, in the order they are shown (a file of its own: UIs import it without the probes). */
export const MAIL_SECTIONS = ['provider', 'spf', 'dmarc', 'dkim', 'mtaSts', 'tlsRpt', 'bimi', 'dnssec', 'blocklists'] as const;
export type MailSectionId = (typeof MAIL_SECTIONS)[number];
