/**
 * The sender authentication lines of the scorecard: SPF, DKIM and DMARC, from their sections and
 * those sections' findings (`report.mail`).
 */
import type { Report } from '../../report';
import { finalAll } from '../spf/spf-tree';
import { CHECKING, fromFindings, hasCode, judged, MAIL_SETUP_OFF, type Judgement } from './judgement';
import { sendsNoMail } from './no-mail';

/** RFC 7208 §4.5: one `v=spf1` record that ends by refusing (`-all`) or marking (`~all`) everyone else. */
export function judgeSpf(report: Report): Judgement {
  const mail = report.mail;
  if (!mail) return MAIL_SETUP_OFF;
  const spf = mail.spf;
  if (spf.status === 'pending') return CHECKING;
  if (spf.root.status === 'none' || spf.root.status === 'nxdomain') return judged('fail', 'No SPF record');
  const problem = fromFindings(mail.findings.spf);
  if (problem) return problem;
  const ending = finalAll(spf.root);
  const end = ending.kind === 'all' ? `Ends in "${ending.term.text}", ` : '';
  return judged('pass', `${end}${spf.lookups} of 10 DNS lookups`);
}

/**
 * RFC 6376: a key verifiers accept (RFC 8301 §3.2: RSA of 2048 bits or Ed25519). A domain that
 * sends no mail needs none (internet.nl does the same).
 */
export function judgeDkim(report: Report): Judgement {
  const mail = report.mail;
  if (!mail) return MAIL_SETUP_OFF;
  if (sendsNoMail(report)) return judged('pass', 'Not needed: the domain sends no mail (null MX, v=spf1 -all, p=reject)');
  const dkim = mail.dkim;
  // RFC 8020 §2: NXDOMAIN at _domainkey means no key under any selector (internet.nl fails this too).
  if (hasCode(mail.findings.dkim, 'dkim-none-found')) return judged('fail', 'No DKIM key under any selector (_domainkey does not exist)');
  const problem = fromFindings(mail.findings.dkim);
  if (problem) return problem;
  if (dkim.status === 'pending') return CHECKING;
  const withKeys = dkim.selectors.filter((selector) => selector.keys.length > 0);
  if (hasCode(mail.findings.dkim, 'dkim-key-ok')) {
    const names = withKeys.map((selector) => selector.selector);
    return judged(
      'pass',
      `Key${names.length === 1 ? '' : 's'} under selector${names.length === 1 ? '' : 's'} ${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}`,
    );
  }
  if (withKeys.length > 0) return judged('warn', 'No key verifiers accept (revoked or testing)');
  if (hasCode(mail.findings.dkim, 'dkim-other-selectors')) return judged('warn', 'Keys exist under selectors not tried: add one to check it');
  // Selectors cannot be listed (RFC 6376 §3.1): keys may sit under one not tried.
  return judged('warn', `No key under the ${dkim.selectors.length} selectors tried`);
}

/** RFC 7489 §6.3 (and DMARCbis): a readable policy that tells receivers to quarantine or reject. */
export function judgeDmarc(report: Report): Judgement {
  const mail = report.mail;
  if (!mail) return MAIL_SETUP_OFF;
  const dmarc = mail.dmarc;
  const errors = fromFindings((mail.findings.dmarc ?? []).filter((finding) => finding.severity === 'error'));
  if (errors) return errors;
  if (!dmarc.resolved) return CHECKING;
  const policy = dmarc.policy;
  if (!policy) {
    // A failed lookup may hide a record: say the failure, not "none".
    const failed = (mail.findings.dmarc ?? []).filter((finding) => finding.code === 'dmarc-lookup-failed');
    return fromFindings(failed) ?? judged('fail', 'No DMARC record');
  }
  const effective = policy.effective;
  const where = policy.source === 'domain' ? '' : ` (from ${policy.domain})`;
  if (effective === 'none') return judged('warn', `${policy.tag}=none${where}: monitoring only, spoofed mail still delivered`);
  const problem = fromFindings(mail.findings.dmarc);
  if (problem) return problem;
  if (!effective) return judged('fail', 'The policy cannot be read');
  // DMARCbis §4.7: t=y makes receivers apply one level less.
  if (policy.parsed.tags.t === 'y') return judged('warn', `${policy.tag}=${effective}${where}, but testing (t=y)`);
  return judged('pass', `${policy.tag}=${effective}${where}`);
}
