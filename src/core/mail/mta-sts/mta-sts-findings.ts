/**
 * What the MTA-STS record and policy mean for senders. Needs the domain's MX hosts for the
 * coverage check: with none given (not known yet), coverage is not judged.
 */
import type { Finding } from '../../vocabulary';
import { coverageFindings, maxAgeFindings, policyIdFindings } from './policy-checks';
import type { MtaStsPolicy, MtaStsSection } from './types';

const FAILED = new Set(['servfail', 'refused', 'error']);
const RFC = 'RFC 8461';

export function mtaStsFindings(section: MtaStsSection, domainDisplay: string, mxHosts: readonly string[] = []): Finding[] {
  if (section.txtStatus === 'pending' || section.txtStatus === 'skipped') return [];
  if (FAILED.has(section.txtStatus)) {
    return [
      {
        code: 'mta-sts-lookup-failed',
        severity: 'warn',
        message: `The MTA-STS record of ${domainDisplay} (_mta-sts.${section.domain}) could not be looked up (${section.txtStatus.toUpperCase()}), so whether senders must use TLS is unknown here.`,
        rfc: `${RFC} §3.1`,
      },
    ];
  }
  if (section.records.length === 0) {
    return [
      {
        code: 'mta-sts-missing',
        severity: 'info',
        message:
          `${domainDisplay} has no MTA-STS policy, so senders deliver over TLS when they can, but fall back to plain text or accept ` +
          `any certificate when an attacker interferes. MTA-STS (a TXT record plus a policy file on https://mta-sts.${section.domain}) makes them insist on TLS.`,
        rfc: `${RFC} §1`,
      },
    ];
  }
  const findings: Finding[] = [];
  if (section.records.length > 1) {
    findings.push({
      code: 'mta-sts-record-invalid',
      severity: 'warn',
      message: `_mta-sts.${section.domain} has ${section.records.length} v=STSv1 records; senders then act as if there were no MTA-STS. Keep exactly one.`,
      rfc: `${RFC} §3.1`,
    });
  } else if (section.record && section.record.errors.length > 0) {
    findings.push({
      code: 'mta-sts-record-invalid',
      severity: 'warn',
      message: `The MTA-STS record of ${domainDisplay} has errors: ${section.record.errors.join(' ')} Senders ignore a broken record, and with it the policy.`,
      rfc: `${RFC} §3.1`,
    });
  }
  findings.push(...policyFindings(section, domainDisplay, mxHosts));
  return findings;
}

function policyFindings(section: MtaStsSection, domainDisplay: string, mxHosts: readonly string[]): Finding[] {
  const state = section.policy;
  switch (state.state) {
    case 'not-fetched':
    case 'fetching':
      return [];
    case 'permission-needed':
      return [
        {
          code: 'mta-sts-fetch-permission',
          severity: 'info',
          message: `${domainDisplay} announces an MTA-STS policy. Fetch the policy to check it: it lives at ${state.url}, which needs your permission to read.`,
          rfc: `${RFC} §3.3`,
        },
      ];
    case 'http-error':
    case 'fetch-failed':
      return [
        {
          code: 'mta-sts-policy-unreachable',
          severity: 'warn',
          message:
            `${domainDisplay} announces an MTA-STS policy, but ${state.url} ${state.state === 'http-error' ? `answered HTTP ${state.httpStatus}` : `could not be fetched (${state.message})`}. ` +
            `Senders cannot read the policy, so it does not protect anything. Serve the file over HTTPS with a valid certificate for mta-sts.${section.domain}, or remove the TXT record.`,
          rfc: `${RFC} §3.3`,
        },
      ];
    case 'bad-content-type':
      return [
        {
          code: 'mta-sts-policy-content-type',
          severity: 'warn',
          message: `${state.url} is served as ${state.contentType ? `"${state.contentType}"` : 'no content type'}; it must be text/plain. Strict senders ignore the policy.`,
          rfc: `${RFC} §3.3`,
        },
        ...modeFindings(state.policy, section, domainDisplay, mxHosts, false),
      ];
    case 'parse-error':
      return [
        {
          code: 'mta-sts-policy-invalid',
          severity: 'warn',
          message: `The MTA-STS policy of ${domainDisplay} has errors: ${state.policy.errors.join(' ')} Senders cannot use a broken policy, so it does not protect anything.`,
          rfc: `${RFC} §3.2`,
        },
      ];
    case 'ok':
      return modeFindings(state.policy, section, domainDisplay, mxHosts);
  }
}

function modeFindings(policy: MtaStsPolicy, section: MtaStsSection, domainDisplay: string, mxHosts: readonly string[], served = true): Finding[] {
  if (policy.mode === 'none') {
    return [
      {
        code: 'mta-sts-mode-none',
        severity: 'info',
        message:
          `The MTA-STS policy of ${domainDisplay} is mode: none: senders drop any policy they cached and deliver as if there were no MTA-STS, ` +
          `so it protects nothing. That is the way to retire MTA-STS; otherwise use testing or enforce.`,
        rfc: `${RFC} §5`,
      },
    ];
  }
  const coverage = coverageFindings(policy, domainDisplay, mxHosts);
  const findings: Finding[] = [...coverage, ...maxAgeFindings(policy, domainDisplay), ...policyIdFindings(policy, section.record?.id, domainDisplay)];
  if (policy.mode === 'testing') {
    findings.push({
      code: 'mta-sts-testing',
      severity: 'info',
      message:
        `The MTA-STS policy of ${domainDisplay} is in testing mode: senders still deliver when TLS fails or a certificate does not match, ` +
        `and only report the failure (with TLS-RPT), so it does not protect mail yet. Switch to enforce once the reports are clean.`,
      rfc: `${RFC} §5`,
    });
  }
  const hosts = mxHosts.filter((host) => host !== '');
  const covered = !coverage.some((finding) => finding.code === 'mta-sts-mx-not-covered');
  if (served && policy.mode === 'enforce' && hosts.length > 0 && covered && section.records.length === 1 && section.record?.errors.length === 0) {
    findings.push({
      code: 'mta-sts-enforced',
      severity: 'ok',
      message: `MTA-STS is enforced for ${domainDisplay} and covers all its MX hosts: senders that support it deliver only over TLS with a valid certificate.`,
      rfc: `${RFC} §5`,
    });
  }
  return findings;
}
