/**
 * The transport lines of the scorecard: would mail to the domain be encrypted and its servers
 * authenticated? DNSSEC (what DANE stands on), DANE, MTA-STS and TLS-RPT.
 */
import type { Report } from '../../report';
import { daneOf } from './dane-data';
import { CHECKING, fromFindings, hasCode, hostList, judged, MAIL_SETUP_OFF, NO_MAIL_ACCEPTED, type Judgement } from './judgement';

/** RFC 4035 §3.2.3 (the AD bit): the domain's MX answer and the MX hosts' addresses validated. */
export function judgeDnssec(report: Report): Judgement {
  const mail = report.mail;
  if (!mail) return MAIL_SETUP_OFF;
  if (mail.dnssec.status === 'pending') return CHECKING;
  const findings = mail.findings.dnssec;
  if (hasCode(findings, 'dnssec-validated')) return judged('pass', report.nullMx ? 'Domain signed' : 'Domain and MX hosts signed');
  if (hasCode(findings, 'dnssec-unsigned')) return judged('fail', 'Domain not signed (the resolver set no AD bit)');
  if (hasCode(findings, 'dnssec-hosts-unsigned')) {
    const hosts = [...new Set(mail.dnssec.hosts.filter((answer) => answer.status === 'ok' && !answer.authenticated).map((answer) => answer.host))];
    return judged('warn', `Domain signed; not the addresses of ${hostList(hosts)}`);
  }
  return fromFindings(findings) ?? judged('not-checked', 'No MX answer to judge');
}

/**
 * RFC 7672: an authenticated TLSA RRset with a usable record (DANE-TA or DANE-EE) for every MX
 * host. A SERVFAIL for a signed host makes DANE senders defer the mail (§2.2), so it fails.
 */
export function judgeDane(report: Report): Judgement {
  if (report.nullMx) return NO_MAIL_ACCEPTED;
  const mail = report.mail;
  if (!mail) return MAIL_SETUP_OFF;
  const dane = daneOf(mail);
  if (!dane) return judged('not-checked', 'DANE not checked');
  if (dane.status === 'pending') return CHECKING;
  if (dane.hosts.length === 0) return judged('not-checked', 'No MX host to check');
  const named = (status: string) => dane.hosts.filter((host) => host.status === status).map((host) => host.host);
  const failed = named('failed');
  if (failed.length > 0) return judged('fail', `TLSA lookup failed for ${hostList(failed)}: DANE senders defer mail`);
  const unusable = named('unusable');
  if (unusable.length > 0) return judged('fail', `No usable TLSA record for ${hostList(unusable)}`);
  const valid = named('valid');
  if (valid.length === dane.hosts.length) {
    const ready = dane.hosts.every((host) => host.rollover);
    return judged('pass', `Valid TLSA for ${valid.length === 1 ? 'the MX host' : `all ${valid.length} MX hosts`}${ready ? ', rollover ready' : ''}`);
  }
  const insecure = named('insecure');
  const missing = [...insecure, ...named('none')];
  if (valid.length > 0) return judged('warn', `No DANE for ${hostList(missing)}`);
  // A TLSA record without DNSSEC is ignored by senders (RFC 7672 §2.2): no DANE either.
  if (insecure.length > 0) return judged('fail', `TLSA for ${hostList(insecure)} is not signed, so senders ignore it`);
  return judged('fail', 'No TLSA records for the MX hosts');
}

/** RFC 8461: a policy in mode enforce, served, that names every MX host. */
export function judgeMtaSts(report: Report): Judgement {
  if (report.nullMx) return NO_MAIL_ACCEPTED;
  const mail = report.mail;
  if (!mail) return MAIL_SETUP_OFF;
  const section = mail.mtaSts;
  const findings = mail.findings.mtaSts;
  if (section.status === 'pending' && section.txtStatus === 'pending') return CHECKING;
  if (hasCode(findings, 'mta-sts-missing')) return judged('warn', 'No MTA-STS policy: senders accept any certificate');
  const problem = fromFindings(findings);
  if (problem) return problem;
  const policy = section.policy;
  if (policy.state === 'fetching') return CHECKING;
  if (policy.state === 'permission-needed') return judged('not-checked', 'Policy not fetched: permission needed');
  if (policy.state === 'not-fetched') return judged('not-checked', 'Policy not fetched');
  if (hasCode(findings, 'mta-sts-enforced')) return judged('pass', 'mode: enforce, covers every MX host');
  if (hasCode(findings, 'mta-sts-testing')) return judged('warn', 'mode: testing, senders still deliver without TLS');
  if (hasCode(findings, 'mta-sts-mode-none')) return judged('warn', 'mode: none, the policy is being retired');
  return section.status === 'pending' ? CHECKING : judged('warn', 'Policy not in force');
}

/** RFC 8460: a `v=TLSRPTv1` record with somewhere to send the reports of failed TLS. */
export function judgeTlsRpt(report: Report): Judgement {
  if (report.nullMx) return NO_MAIL_ACCEPTED;
  const mail = report.mail;
  if (!mail) return MAIL_SETUP_OFF;
  const section = mail.tlsRpt;
  if (section.txtStatus === 'pending') return CHECKING;
  const findings = mail.findings.tlsRpt;
  if (hasCode(findings, 'tls-rpt-missing')) return judged('warn', 'No TLS-RPT record: failed TLS goes unreported');
  const problem = fromFindings(findings);
  if (problem) return problem;
  if (hasCode(findings, 'tls-rpt-ok')) {
    const count = section.parsed?.rua.length ?? 0;
    return judged('pass', `Reports go to ${count} address${count === 1 ? '' : 'es'}`);
  }
  return section.status === 'pending' ? CHECKING : judged('warn', 'No report address');
}
