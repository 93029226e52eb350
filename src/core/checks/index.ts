/**
 * All mail diagnostics, in the order they are shown within a severity: what the domain's DNS says
 * first, then the MX hosts, their addresses, reverse DNS, the informational notes, and last how
 * the lookup itself went.
 */
import type { Finding, Severity } from '../report';
import type { NamedCheck, ReportFacts } from './check';
import { checkAnswerIgnored } from './answer-ignored';
import { checkCnameChain } from './cname-chain';
import { checkDomainCname } from './domain-cname';
import { checkDomainStatus } from './domain-status';
import { checkDuplicateMx } from './duplicate-mx';
import { checkEqualPreference } from './equal-preference';
import { checkFcrdns } from './fcrdns';
import { checkHostnameSyntax } from './hostname-syntax';
import { checkIdnNames } from './idn-names';
import { checkImplicitMx } from './implicit-mx';
import { checkIpPtr } from './ip-ptr';
import { checkIpSpecialRange } from './ip-special-range';
import { checkMailOk } from './mail-ok';
import { checkManyMx } from './many-mx';
import { checkMissingPtr } from './missing-ptr';
import { checkMultiplePtr } from './multiple-ptr';
import { checkMxCname } from './mx-cname';
import { checkMxIpLiteral } from './mx-ip-literal';
import { checkMxLocalhost } from './mx-localhost';
import { checkMxLookupFailed } from './mx-lookup-failed';
import { checkMxNoAddress } from './mx-no-address';
import { checkMxNxdomain } from './mx-nxdomain';
import { checkNoUsableMx } from './no-usable-mx';
import { checkNullMx } from './null-mx';
import { checkNullMxSpf } from './null-mx-spf';
import { checkPtrLookupFailed } from './ptr-lookup-failed';
import { checkPtrNotHostname } from './ptr-not-hostname';
import { checkResolverFallback } from './resolver-fallback';
import { checkSharedAddress } from './shared-address';
import { checkSingleMx } from './single-mx';
import { checkSpecialRange } from './special-range';
import { checkTrailingDot } from './trailing-dot';
import { checkUnqualifiedMx } from './unqualified-mx';

export type { Check, NamedCheck, ReportFacts } from './check';

export const ALL_CHECKS: readonly NamedCheck[] = [
  // The domain as a whole
  { name: 'domain-status', run: checkDomainStatus },
  { name: 'cname-chain', run: checkCnameChain },
  { name: 'null-mx', run: checkNullMx },
  { name: 'no-usable-mx', run: checkNoUsableMx },
  { name: 'implicit-mx', run: checkImplicitMx },
  { name: 'domain-cname', run: checkDomainCname },
  { name: 'null-mx-spf', run: checkNullMxSpf },
  // Each MX host
  { name: 'mx-nxdomain', run: checkMxNxdomain },
  { name: 'mx-no-address', run: checkMxNoAddress },
  { name: 'mx-ip-literal', run: checkMxIpLiteral },
  { name: 'trailing-dot', run: checkTrailingDot },
  { name: 'unqualified-mx', run: checkUnqualifiedMx },
  { name: 'mx-localhost', run: checkMxLocalhost },
  { name: 'hostname-syntax', run: checkHostnameSyntax },
  { name: 'mx-lookup-failed', run: checkMxLookupFailed },
  { name: 'mx-cname', run: checkMxCname },
  // Their addresses and reverse DNS
  { name: 'special-range', run: checkSpecialRange },
  { name: 'missing-ptr', run: checkMissingPtr },
  { name: 'fcrdns', run: checkFcrdns },
  { name: 'ptr-lookup-failed', run: checkPtrLookupFailed },
  { name: 'multiple-ptr', run: checkMultiplePtr },
  { name: 'ptr-not-hostname', run: checkPtrNotHostname },
  { name: 'idn-names', run: checkIdnNames },
  // How the MX set is shaped
  { name: 'duplicate-mx', run: checkDuplicateMx },
  { name: 'shared-address', run: checkSharedAddress },
  { name: 'equal-preference', run: checkEqualPreference },
  { name: 'single-mx', run: checkSingleMx },
  { name: 'many-mx', run: checkManyMx },
  // IP queries
  { name: 'ip-special-range', run: checkIpSpecialRange },
  { name: 'ip-ptr', run: checkIpPtr },
  // The lookup itself
  { name: 'resolver-fallback', run: checkResolverFallback },
  { name: 'answer-ignored', run: checkAnswerIgnored },
];

/** Runs last, and only when nothing else found an error: "all good" must never sit next to one. */
export const SUMMARY_CHECK: NamedCheck = { name: 'mail-ok', run: checkMailOk };

// Problems first, then the verdict ("all good"), then notes: the verdict reads as the headline, not a footnote.
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warn: 1, ok: 2, info: 3 };

/**
 * Every finding for this report: errors, warnings, the verdict, then notes; check order kept within each.
 *
 * A check that throws is a bug in MXray, not a fact about the domain: it becomes an
 * `internal-error` warning naming the check, the other checks still run, and the summary "ok"
 * is withheld (we cannot say all is well if a check did not run).
 */
export function runChecks(report: ReportFacts, checks: readonly NamedCheck[] = ALL_CHECKS): Finding[] {
  const findings: Finding[] = [];
  let failed = false;
  for (const check of checks) {
    try {
      findings.push(...check.run(report));
    } catch (error) {
      failed = true;
      findings.push(internalError(check.name, error));
    }
  }
  if (!failed && !findings.some((finding) => finding.severity === 'error')) {
    try {
      findings.push(...SUMMARY_CHECK.run(report));
    } catch (error) {
      findings.push(internalError(SUMMARY_CHECK.name, error));
    }
  }
  // Array.prototype.sort is stable (ES2019), so check order survives within a severity.
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

function internalError(name: string, error: unknown): Finding {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    code: 'internal-error',
    severity: 'warn',
    message: `MXray's "${name}" check failed (${detail}), so its findings are missing from this report. This is a bug in MXray, not a problem with the domain; please report it.`,
    subject: name,
  };
}
