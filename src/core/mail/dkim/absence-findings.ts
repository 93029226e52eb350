/**
 * What to say when no key was found under the selectors tried, from what `_domainkey` answered
 * (domainkey.ts): there is none anywhere, there are some under other selectors, a wildcard hides
 * the answer, or nothing tells. Said once the search is done.
 */
import type { Finding } from '../../vocabulary';
import { countOf } from '../../wording';
import { hasDkimWildcard } from './domainkey';
import type { DkimSearchOutcome, DkimSection } from './types';

const ADD_SELECTOR = `The s= tag of a DKIM-Signature header in a message from the domain names the selector; add it to check the key.`;

export function absenceFindings(section: DkimSection, outcome: DkimSearchOutcome, domainDisplay: string): Finding[] {
  const tried = countOf(section.selectors.length, 'selector');
  const name = section.domainkey?.name ?? `_domainkey.${section.domain}`;
  switch (outcome) {
    case 'none-exist':
      return [
        {
          code: 'dkim-none-found',
          severity: 'warn',
          message:
            `${domainDisplay} publishes no DKIM key under any selector: ${name} does not exist (NXDOMAIN), so no name below it does either. ` +
            `Its mail is not signed with its own domain, and DMARC rests on SPF alone, which fails when mail is forwarded. Turn on DKIM signing at your mail service and publish the key it gives you.`,
          rfc: 'RFC 8020 §2',
        },
      ];
    case 'other-selectors':
      return [
        {
          code: 'dkim-other-selectors',
          severity: 'info',
          message:
            `${domainDisplay} has DKIM names under selectors MXray did not try: ${name} exists but holds no record of its own (NOERROR, no data), ` +
            `which means names exist below it. None of the ${tried} tried has a key. ${ADD_SELECTOR}`,
          rfc: 'RFC 8020 §2',
        },
      ];
    case 'wildcard':
      return [wildcardFinding(section, domainDisplay, false)];
    case 'unknown':
      return [
        {
          code: 'dkim-none-under-tried',
          severity: 'info',
          message:
            `No DKIM key was found for ${domainDisplay} under the ${tried} tried, and ${name} does not say whether keys exist under others ` +
            `(${unknownReason(section)}). DKIM selectors cannot be listed. ${ADD_SELECTOR}`,
          rfc: 'RFC 6376 §3.1',
        },
      ];
    default:
      return [];
  }
}

/** Keys were found, but a wildcard answers too: the ones equal to its records are its copies. */
export function wildcardFinding(section: DkimSection, domainDisplay: string, keysFound: boolean): Finding {
  const probe = section.domainkey!;
  return {
    code: 'dkim-wildcard',
    severity: 'info',
    message:
      `${domainDisplay} has a wildcard under _domainkey: a selector no signer uses (${probe.wildcardName}) answers too, so every selector seems to exist ` +
      (keysFound
        ? `and answers identical to the wildcard's are left out here. Which other selectors ${domainDisplay} signs with cannot be told from DNS.`
        : `and this test cannot tell whether ${domainDisplay} has DKIM keys, or under which selectors. ${ADD_SELECTOR}`),
    rfc: 'RFC 4592 §2.2',
  };
}

/** Keys exist below `_domainkey`, yet it answers NXDOMAIN: resolvers that trust RFC 8020 then miss them. */
export function brokenNxdomainFinding(section: DkimSection, domainDisplay: string): Finding[] {
  if (section.domainkey?.status !== 'nxdomain' || hasDkimWildcard(section)) return [];
  return [
    {
      code: 'dkim-domainkey-nxdomain',
      severity: 'warn',
      message:
        `The DNS servers of ${domainDisplay} answer NXDOMAIN for ${section.domainkey.name}, although DKIM keys exist below it. A resolver that follows RFC 8020 ` +
        `then treats every name below as missing, so some receivers may not find the keys and DKIM fails there. Have the DNS software or provider fix the empty non-terminal answer (NOERROR, no data).`,
      rfc: 'RFC 8020 §2',
    },
  ];
}

function unknownReason(section: DkimSection): string {
  const status = section.domainkey?.status;
  if (status === undefined) return 'it was not asked';
  if (status === 'ok') return 'it holds a record of its own, so it exists whatever is below';
  if (status === 'skipped') return 'it was not asked';
  return `its lookup failed: ${status === 'error' ? 'no resolver answered' : status.toUpperCase()}`;
}
