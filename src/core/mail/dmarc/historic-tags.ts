/**
 * pct=, rf= and ri= are historic in RFC 9989 (§4.7, Appendix: "Changes from RFC 7489"): receivers
 * that follow it ignore them, so MXray shows them but never lets pct= change the policy.
 */
import type { Finding } from '../../vocabulary';
import { listOf } from '../../wording';
import type { DmarcPolicyFound } from './types';

const HISTORIC = ['pct', 'rf', 'ri'] as const;

/** The historic tags a record carries, as `name=value`, in that order. */
export function historicTags(policy: DmarcPolicyFound): string[] {
  const tags = policy.parsed.tags;
  return HISTORIC.flatMap((name) => (tags[name] === undefined ? [] : [`${name}=${tags[name]}`]));
}

/** One note naming the historic tags present; for pct below 100, what RFC 7489 receivers still do. */
export function historicTagFindings(policy: DmarcPolicyFound, at: string): Finding[] {
  const present = historicTags(policy);
  if (present.length === 0) return [];
  const pct = policy.parsed.tags.pct;
  const enforcing = policy.effective === 'quarantine' || policy.effective === 'reject';
  const older =
    pct !== undefined && pct < 100 && enforcing
      ? ` Receivers still following RFC 7489 apply ${policy.effective} to only ${pct}% of failing mail; to ramp up under RFC 9989, use t=y while testing, then remove it.`
      : '';
  return [
    {
      code: 'dmarc-historic-tags',
      severity: 'info',
      message:
        `${at} has ${listOf(present)}: ${present.length === 1 ? 'this tag is' : 'these tags are'} historic in RFC 9989, so receivers that follow it ignore ` +
        `${present.length === 1 ? 'it' : 'them'}, and MXray does not let pct= change the policy.${older} You can remove ${present.length === 1 ? 'it' : 'them'}.`,
      rfc: 'RFC 9989 §4.7',
    },
  ];
}
