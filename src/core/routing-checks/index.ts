/**
 * All routing checks, in the order they are shown within a severity: what the domain's DNS says
 * first, then the MX hosts, their addresses, reverse DNS, the informational notes, and last how
 * the lookup itself went.
 */
import { bySeverity, runRules } from '../findings/run-rules';
import type { Finding } from '../vocabulary';
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
import { checkLookupBounded } from './lookup-bounded';
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
import { checkNolisting } from './mx-nolisting';
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
  { name: 'mx-nolisting', run: checkNolisting },
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
  { name: 'lookup-bounded', run: checkLookupBounded },
  { name: 'answer-ignored', run: checkAnswerIgnored },
];

/** Runs last, and only when nothing else found an error: "all good" must never sit next to one. */
export const SUMMARY_CHECK: NamedCheck = { name: 'mail-ok', run: checkMailOk };

/**
 * Every finding for this report: errors, warnings, the verdict, then notes; check order kept
 * within each (the pipeline in src/core/findings). The summary "ok" is withheld when a check
 * failed: we cannot say all is well if a check did not run.
 */
export function runChecks(report: ReportFacts, checks: readonly NamedCheck[] = ALL_CHECKS): Finding[] {
  const { findings, failed } = runRules(report, checks);
  if (!failed && !findings.some((finding) => finding.severity === 'error')) findings.push(...runRules(report, [SUMMARY_CHECK]).findings);
  return bySeverity(findings);
}
