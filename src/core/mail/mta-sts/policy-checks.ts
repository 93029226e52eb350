/**
 * What a readable MTA-STS policy says against the rest of the domain: the MX hosts both ways
 * (§4.1), whether max_age lets senders remember it long enough (§3.2), and an `id:` line that
 * disagrees with the TXT record's id (§3.1).
 */
import type { Finding } from '../../vocabulary';
import { listOf } from '../../wording';
import { mxCoverage } from './mx-coverage';
import type { MtaStsPolicy } from './types';

const RFC = 'RFC 8461';
const DAY = 86_400;
const WEEK = 7 * DAY;

/** Every MX host must match a pattern; every pattern should match an MX host. Nothing without MX hosts. */
export function coverageFindings(policy: MtaStsPolicy, domainDisplay: string, mxHosts: readonly string[]): Finding[] {
  const coverage = mxCoverage(policy.mx, mxHosts);
  if (coverage.hosts.length === 0 || !policy.mode || policy.mode === 'none') return [];
  const findings: Finding[] = [];
  const uncovered = coverage.hosts.filter((entry) => entry.pattern === undefined).map((entry) => entry.host);
  if (uncovered.length > 0) {
    const enforce = policy.mode === 'enforce';
    const one = uncovered.length === 1;
    findings.push({
      code: 'mta-sts-mx-not-covered',
      severity: enforce ? 'error' : 'warn',
      message:
        `${listOf(uncovered)} ${one ? 'is' : 'are'} an MX host of ${domainDisplay} but not listed in the MTA-STS policy's mx: lines (${listOf(policy.mx) || 'none'}). ` +
        (enforce
          ? `In enforce mode senders refuse to deliver to ${one ? 'it' : 'them'}, so mail may bounce. Add an mx: line and change the id= of the TXT record.`
          : `In testing mode senders still deliver but report a failure. Add an mx: line before switching to enforce.`),
      rfc: `${RFC} §4.1`,
    });
  }
  for (const pattern of coverage.stale) {
    findings.push({
      code: 'mta-sts-mx-pattern-stale',
      severity: 'warn',
      message:
        `The MTA-STS policy of ${domainDisplay} lists mx: ${pattern}, which matches none of its MX hosts (${listOf(coverage.hosts.map((entry) => entry.host))}). ` +
        `Senders would still accept a server under that name with a valid certificate: if the name ever passes to someone else (a former provider's), ` +
        `whoever can change your MX answer could receive your mail. Remove the line and change the id= of the TXT record.`,
      rfc: `${RFC} §4.1`,
      subject: pattern,
    });
  }
  return findings;
}

/**
 * §3.2: max_age is at most 31557600 (a year; more is a syntax error, said by the parser), and
 * "it is expected that this value typically be in the range of weeks or greater": a sender
 * only enforces what it remembers, so an attacker who blocks the policy fetch waits out the cache.
 */
export function maxAgeFindings(policy: MtaStsPolicy, domainDisplay: string): Finding[] {
  const age = policy.maxAge;
  if (age === undefined || policy.mode === 'none' || age >= WEEK) return [];
  const shortForEnforce = policy.mode === 'enforce' && age < DAY;
  const remembered =
    age === 0
      ? 'max_age: 0 means senders do not keep the policy at all, so it only protects a delivery whose own fetch of it got through'
      : `max_age: ${age} means senders forget the policy after ${durationText(age)}, so an attacker who blocks the fetch of the policy only has to wait that long`;
  return [
    {
      code: 'mta-sts-max-age-short',
      severity: shortForEnforce ? 'warn' : 'info',
      message:
        `The MTA-STS policy of ${domainDisplay}: ${remembered}. RFC 8461 expects weeks or more; 604800 (a week) to 31557600 (a year, the most allowed) is usual` +
        (policy.mode === 'testing' ? ', and a short one is fine while testing.' : '.'),
      rfc: `${RFC} §3.2`,
    },
  ];
}

/** An `id:` line in the file (not an RFC 8461 field) that differs from the TXT record's id. */
export function policyIdFindings(policy: MtaStsPolicy, recordId: string | undefined, domainDisplay: string): Finding[] {
  if (policy.idLine === undefined || recordId === undefined || policy.idLine === recordId) return [];
  return [
    {
      code: 'mta-sts-policy-id-mismatch',
      severity: 'warn',
      message:
        `The MTA-STS policy file of ${domainDisplay} has the line id: ${policy.idLine}, but the TXT record says id=${recordId}. Senders ignore the file's line: ` +
        `only the TXT record's id tells them the policy changed. If the file changed since, change the TXT record's id too, or senders keep the old policy until max_age runs out.`,
      rfc: `${RFC} §3.1`,
    },
  ];
}

/** `45 seconds`, `10 minutes`, `6 hours`, `2 days`. */
export function durationText(seconds: number): string {
  const [count, unit] =
    seconds < 120
      ? [seconds, 'second']
      : seconds < 7200
        ? [Math.round(seconds / 60), 'minute']
        : seconds < 2 * DAY
          ? [Math.round(seconds / 3600), 'hour']
          : [Math.round(seconds / DAY), 'day'];
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
