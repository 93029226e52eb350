/**
 * DMARCbis §4.10: which `_dmarc` names to ask, and which answer applies. Without a record of its
 * own, a domain takes the policy of its Organizational Domain, found by walking up the DNS tree
 * rather than through a public suffix list.
 */
import type { DnsName } from '../../vocabulary';
import { parseDmarc } from './parse-dmarc';
import type { DmarcLookup, DmarcSource } from './types';

/** DMARCbis §4.10 step 4: a walk asks at most 8 names; longer domains jump to their last 7 labels. */
export const MAX_TREE_WALK = 8;

/**
 * The domains whose `_dmarc` record may apply to `domain`: the domain itself, then its parents
 * from the longest (at most 7 labels) to the top-level domain.
 */
export function treeWalkDomains(domain: DnsName): DnsName[] {
  const labels = domain.split('.').filter((label) => label !== '');
  if (labels.length === 0) return [];
  const domains = [labels.join('.')];
  for (let count = Math.min(labels.length - 1, MAX_TREE_WALK - 1); count >= 1; count--) domains.push(labels.slice(-count).join('.'));
  return domains;
}

export interface PolicyChoice {
  source: DmarcSource;
  domain: DnsName;
  record: string;
}

const ANSWERED = new Set(['ok', 'nodata', 'nxdomain']);

/**
 * The record that applies, from answered lookups (the domain first, then parents, longest first),
 * or `undefined` when none does. DMARCbis §4.10.1: the domain's own record wins; else the
 * Organizational Domain's, which §4.10.2 picks from the parents with exactly one record: the
 * first with psd=n; the name just below the first with psd=y (the public suffix domain's own
 * record applies when that name has none); otherwise the one with the fewest labels.
 * Several records at one name count as none there (§4.10 step 2). Failed lookups count as none.
 */
export function choosePolicy(lookups: readonly DmarcLookup[]): PolicyChoice | undefined {
  const [own, ...parents] = lookups;
  if (!own) return undefined;
  const single = (lookup: DmarcLookup) => (lookup.records.length === 1 ? lookup.records[0] : undefined);
  const ownRecord = single(own);
  if (ownRecord !== undefined) return { source: 'domain', domain: own.domain, record: ownRecord };

  let shortest: PolicyChoice | undefined;
  for (const [index, lookup] of parents.entries()) {
    const record = single(lookup);
    if (record === undefined || !ANSWERED.has(lookup.status)) continue;
    const psd = parseDmarc(record).tags.psd;
    if (psd === 'n') return { source: 'organizational-domain', domain: lookup.domain, record };
    if (psd === 'y') {
      // The Organizational Domain is one label below; it is the domain itself or a longer parent, whose record (if any) applies.
      const below = index === 0 ? own : parents[index - 1]!;
      const belowRecord = below === own ? undefined : single(below);
      if (belowRecord !== undefined) return { source: 'organizational-domain', domain: below.domain, record: belowRecord };
      return { source: 'public-suffix-domain', domain: lookup.domain, record };
    }
    shortest = { source: 'organizational-domain', domain: lookup.domain, record };
  }
  return shortest;
}
