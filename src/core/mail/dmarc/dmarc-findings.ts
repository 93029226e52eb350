/**
 * What the DMARC policy means for the domain. Everything here waits for the tree walk to resolve
 * (the policy cannot change after that); report destinations wait for their own answers.
 */
import type { Finding } from '../../vocabulary';
import { listOf, sentences } from '../../wording';
import { historicTagFindings } from './historic-tags';
import { inheritedFinding } from './inherited-policy';
import { discardReason } from './parse-dmarc';
import type { DmarcPolicy, DmarcPolicyFound, DmarcSection } from './types';

const FAILED = new Set(['servfail', 'refused', 'error']);
const STRENGTH: Record<DmarcPolicy, number> = { none: 0, quarantine: 1, reject: 2 };
const START = 'v=DMARC1; p=none; rua=mailto:dmarc-reports@';

export function dmarcFindings(section: DmarcSection, domainDisplay: string): Finding[] {
  const findings: Finding[] = [];
  const own = section.lookups[0];
  if (!own) return findings;

  if (own.discarded.length > 0) {
    findings.push({
      code: 'dmarc-record-discarded',
      severity: 'error',
      message: sentences(
        `_dmarc.${own.domain} has ${own.discarded.length === 1 ? 'a record that looks like DMARC' : 'records that look like DMARC'} but receivers discard: ` +
          `${listOf(own.discarded.map((record) => `"${record}" (${discardReason(record)})`))}.`,
        'A DMARC record must start with exactly v=DMARC1.',
      ),
      rfc: 'RFC 7489 §6.6.3',
    });
  }
  if (own.records.length > 1) {
    findings.push({
      code: 'dmarc-multiple-records',
      severity: 'error',
      message:
        `_dmarc.${own.domain} has ${own.records.length} DMARC records. Receivers cannot tell which one you mean, so they discard them all: ` +
        `as far as they are concerned ${domainDisplay} has no DMARC record of its own. Keep exactly one.`,
      rfc: 'RFC 7489 §6.6.3',
    });
  }

  const failed = section.lookups.filter((lookup, index) => FAILED.has(lookup.status) && (index === 0 || own.records.length !== 1));
  if (failed.length > 0) {
    findings.push({
      code: 'dmarc-lookup-failed',
      severity: 'warn',
      message:
        `The DMARC lookup of ${listOf(failed.map((lookup) => `_dmarc.${lookup.domain}`))} failed (${listOf([...new Set(failed.map((l) => l.status.toUpperCase()))])}), ` +
        `so what follows about the DMARC policy of ${domainDisplay} may be incomplete. Receivers that hit the same failure may defer mail or skip DMARC.`,
      rfc: 'DMARCbis §4.10.1',
    });
  }
  if (!section.resolved || FAILED.has(own.status)) return findings;

  const policy = section.policy;
  if (!policy) {
    // Discarded or duplicate records have their own finding, which says what receivers make of them.
    if (failed.length === 0 && own.records.length === 0 && own.discarded.length === 0) findings.push(missing(domainDisplay, section.domain));
    return findings;
  }
  findings.push(...policyFindings(policy, section.domain, domainDisplay, section.nameStatus === 'nxdomain'));
  for (const check of section.reportAuthorizations) {
    if (check.authorized !== false) continue;
    findings.push({
      code: 'dmarc-report-destination-unauthorized',
      severity: 'warn',
      message:
        `The DMARC record sends reports to ${check.destination}, outside ${policy.domain}, but ${check.destination} has not agreed to take them: ` +
        `there is no v=DMARC1 record at ${check.name}. Receivers drop reports to such addresses. Ask the report service to publish it ` +
        `(most do this when you register the domain with them), or send reports to an address at ${policy.domain}.`,
      rfc: 'RFC 7489 §7.1',
      subject: check.destination,
    });
  }
  return findings;
}

function missing(domainDisplay: string, domain: string): Finding {
  return {
    code: 'dmarc-missing',
    severity: 'warn',
    message:
      `${domainDisplay} has no DMARC record, and no parent domain has one that applies. Receivers have no instruction for mail that ` +
      `fails SPF and DKIM, so anyone can send mail in the name of ${domainDisplay} and it is judged on reputation alone. Start with ` +
      `"${START}${domain}" at _dmarc.${domain} to get reports on who sends as you, then move to p=quarantine or p=reject.`,
    rfc: 'RFC 7489 §6.1',
  };
}

function policyFindings(policy: DmarcPolicyFound, domain: string, domainDisplay: string, nonExistent: boolean): Finding[] {
  const findings: Finding[] = [];
  const { tags, errors, fallback } = policy.parsed;
  const at = policy.source === 'domain' ? `The DMARC record of ${domainDisplay}` : `The DMARC record of ${policy.domain}`;

  if (policy.source !== 'domain') findings.push(inheritedFinding(policy, domain, domainDisplay, nonExistent));

  if (errors.length > 0) {
    const consequence =
      fallback === 'ignored'
        ? 'Because the policy cannot be read and there is no valid rua= address, receivers apply no DMARC at all to this domain.'
        : fallback === 'none-for-rua'
          ? 'Because the policy cannot be read, receivers act as if it said p=none (monitoring only).'
          : fallback === 'p-missing'
            ? 'Without p=, current receivers read p=none; receivers following RFC 7489 do so only when rua= is valid and otherwise skip DMARC.'
            : 'Receivers skip the broken parts and use their defaults.';
    findings.push({
      code: 'dmarc-syntax',
      severity: 'error',
      message: sentences(`${at} has errors: ${errors.join(' ')}`, consequence),
      rfc: 'RFC 7489 §6.6.3',
    });
  }

  const effective = policy.effective;
  if (effective === 'none') {
    findings.push({
      code: 'dmarc-policy-none',
      severity: 'warn',
      message:
        `The DMARC policy for ${domainDisplay} is none: monitoring only. Receivers report on mail that fails DMARC but still deliver it, ` +
        `so mail spoofing ${domainDisplay} is not stopped. Once the reports show all your real mail passing, move to p=quarantine, then p=reject.`,
      rfc: 'RFC 7489 §6.3',
    });
  }
  const enforcing = effective === 'quarantine' || effective === 'reject';
  findings.push(...historicTagFindings(policy, at));
  if (enforcing && tags.t === 'y') {
    findings.push({
      code: 'dmarc-testing',
      severity: 'info',
      message: `t=y: the domain owner is testing, so receivers that follow DMARCbis apply one level less than ${effective}. Remove t=y to enforce the policy fully.`,
      rfc: 'DMARCbis §4.7',
    });
  }
  if (policy.source === 'domain' && tags.p) {
    const weaker = (['sp', 'np'] as const).filter((name) => tags[name] !== undefined && STRENGTH[tags[name]!] < STRENGTH[tags.p!]);
    if (weaker.length > 0) {
      findings.push({
        code: 'dmarc-subdomain-weaker',
        severity: 'warn',
        message:
          `${listOf(weaker.map((name) => `${name}=${tags[name]}`))} is weaker than p=${tags.p}: mail from made-up subdomains such as ` +
          `billing.${domainDisplay} gets the weaker treatment, which spoofers use. Unless a subdomain still needs monitoring, make it match p=.`,
        rfc: 'RFC 7489 §6.3',
      });
    }
  }
  if (tags.rua.length === 0) {
    findings.push({
      code: 'dmarc-no-reports',
      severity: 'info',
      message: `${at} asks for no aggregate reports (no rua=), so you cannot see who sends mail as ${domainDisplay} or whether your own mail passes. Add rua=mailto:an address you read, or a report service.`,
      rfc: 'RFC 7489 §6.3',
    });
  }
  if (enforcing && tags.t !== 'y') {
    findings.push({
      code: 'dmarc-enforced',
      severity: 'ok',
      message: `DMARC protects ${domainDisplay}: receivers ${effective === 'reject' ? 'reject' : 'quarantine'} mail that fails SPF and DKIM alignment (${policy.tag}=${effective}).`,
      rfc: 'RFC 7489 §6.3',
    });
  }
  return findings;
}
