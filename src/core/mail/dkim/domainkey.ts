/**
 * What the answers under `_domainkey` say beyond the selectors tried. DKIM selectors cannot be
 * listed (RFC 6376 §3.1), but two questions narrow it down, asked with the selectors (one round
 * trip): `_domainkey.<domain>` itself, where NXDOMAIN means nothing exists below it (RFC 8020) and
 * NOERROR without data means something does (an empty non-terminal, RFC 8020 §2); and a selector
 * no signer uses, which only a wildcard answers (RFC 4592).
 */
import type { DkimSearchOutcome, DkimSection, DkimSelectorResult } from './types';

/**
 * The made-up selector of the wildcard check. Fixed rather than random, so the answer caches
 * like any other and tests are deterministic; no signer picks a name like it.
 */
export const WILDCARD_PROBE_SELECTOR = 'mxray-no-such-selector-7q3z';

const EXISTS = new Set(['ok', 'nodata']);

/** A wildcard under `_domainkey` answered the made-up selector (with records or NODATA). */
export function hasDkimWildcard(section: DkimSection): boolean {
  return section.domainkey !== undefined && EXISTS.has(section.domainkey.wildcardStatus);
}

/** A selector's keys are only the wildcard's records (every selector gets them). */
export function isWildcardCopy(section: DkimSection, result: DkimSelectorResult): boolean {
  if (!hasDkimWildcard(section) || result.keys.length === 0) return false;
  const wildcard = new Set(section.domainkey!.wildcardRecords);
  return result.keys.every((key) => wildcard.has(key.record));
}

/** Selectors with keys of their own (not a wildcard's copies). */
export function selectorsWithKeys(section: DkimSection): DkimSelectorResult[] {
  return section.selectors.filter((result) => result.keys.length > 0 && !isWildcardCopy(section, result));
}

export function dkimSearchOutcome(section: DkimSection): DkimSearchOutcome {
  if (selectorsWithKeys(section).length > 0) return 'found';
  if (section.status !== 'done') return 'pending';
  if (hasDkimWildcard(section)) return 'wildcard';
  const status = section.domainkey?.status;
  if (status === 'nxdomain') return 'none-exist';
  if (status === 'nodata') return 'other-selectors';
  return 'unknown';
}
