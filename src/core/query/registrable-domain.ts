/**
 * The public suffix list, asked two questions: which registrable domain a name belongs to,
 * and whether a single label is a real top-level domain.
 *
 * `allowPrivateDomains: true`: the PSL's private section lists suffixes under which other
 * people own names: `eu.org`, `co.com` and `duckdns.org` hand out delegations, `github.io` and
 * `herokuapp.com` hand out sites. For "whose mail is this", the owner boundary is what counts:
 * the registrable domain of `foo.eu.org` is `foo.eu.org`, not `eu.org` (whose admins have no
 * say over foo's mail). On a platform, `alice.github.io` is then its own registrable domain,
 * so the popup does not offer GitHub's mail setup as if it were alice's. The cost: `github.io`
 * typed alone counts as a bare suffix (`registrable` undefined), though it is still looked up.
 */
import { getDomain, parse } from 'tldts';
import { SPECIAL_USE_TLDS } from './special-use-tlds';

const OPTIONS = {
  allowPrivateDomains: true,
  // Names reach here normalised and validated, so tldts need not extract or validate again.
  extractHostname: false,
  validateHostname: false,
  detectIp: false,
  mixedInputs: false,
} as const;

/** `www.example.co.uk` -> `example.co.uk`; `undefined` for a bare suffix (`co.uk`, `com`). */
export function findRegistrableDomain(name: string): string | undefined {
  return getDomain(name, OPTIONS) ?? undefined;
}

/** Is `label` a top-level domain in the ICANN section of the public suffix list (`com`, `de`, `xn--p1ai`)? */
export function isTopLevelDomain(label: string): boolean {
  const parsed = parse(label, OPTIONS);
  return parsed.isIcann === true && parsed.publicSuffix === label;
}

/** A top-level domain, or one of the special-use names test networks use. */
export function isKnownOrSpecialUseTld(label: string): boolean {
  return SPECIAL_USE_TLDS.has(label) || isTopLevelDomain(label);
}
