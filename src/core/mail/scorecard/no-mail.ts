/**
 * A domain that neither receives nor sends mail, said the three ways the standards offer: a null
 * MX (RFC 7505), SPF that allows no server (`v=spf1 -all`, RFC 7208 §4.6.2) and DMARC p=reject
 * (RFC 7489 §6.3). internet.nl asks no DKIM of such a domain (there is no mail to sign), and
 * neither does the scorecard.
 */
import type { Report } from '../../report';

export function sendsNoMail(report: Report): boolean {
  const mail = report.mail;
  if (!report.nullMx || !mail) return false;
  const root = mail.spf.root;
  const [only, ...rest] = root.terms;
  const denyAll = root.status === 'ok' && rest.length === 0 && only?.kind === 'mechanism' && only.name === 'all' && only.qualifier === '-';
  return denyAll && mail.dmarc.policy?.effective === 'reject';
}
