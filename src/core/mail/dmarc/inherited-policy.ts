/**
 * The note for a domain without a DMARC record of its own: whose record applies, and which of its
 * tags (RFC 9989 §4.10.1): np= for a domain that does not exist (§4.7), sp= for an existing
 * subdomain, p= when the record has neither.
 */
import type { Finding } from '../../vocabulary';
import type { DmarcPolicyFound } from './types';

export function inheritedFinding(policy: DmarcPolicyFound, domain: string, domainDisplay: string, nonExistent: boolean): Finding {
  const which = policy.source === 'public-suffix-domain' ? 'the public suffix domain' : 'its organizational domain';
  const value = policy.effective ?? '(unreadable)';
  const np = policy.parsed.tags.np;
  if (nonExistent) {
    const applied =
      policy.tag === 'np'
        ? `its policy for non-existent subdomains np=${value} applies to mail claiming to be from ${domainDisplay}`
        : `it has no np=, so its ${policy.tag === 'sp' ? 'subdomain policy sp=' : 'policy p='}${value} applies to mail claiming to be from ${domainDisplay}`;
    return {
      code: 'dmarc-inherited',
      severity: 'info',
      message:
        `${domainDisplay} does not exist (NXDOMAIN), so receivers use the DMARC record of ${which}, ${policy.domain}: ${applied}. ` +
        `Spoofers like made-up names; np=reject at ${policy.domain} refuses their mail without touching real subdomains.`,
      rfc: 'RFC 9989 §4.7',
    };
  }
  return {
    code: 'dmarc-inherited',
    severity: 'info',
    message:
      `${domainDisplay} has no DMARC record of its own, so receivers use the one of ${which}, ${policy.domain}: its ` +
      `${policy.tag === 'sp' ? 'subdomain policy sp=' : 'policy p='}${value} applies to ${domainDisplay}` +
      `${np ? ` (np=${np} instead if ${domainDisplay} did not exist)` : ''}. To set a policy for ${domainDisplay} alone, publish _dmarc.${domain}.`,
    rfc: 'RFC 9989 §4.10.1',
  };
}
