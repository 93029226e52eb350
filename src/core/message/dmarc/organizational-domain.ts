/**
 * The Organizational Domain of RFC 9989 §4.10.2, from the answers of a DNS tree walk (the
 * domain first, then its parents from the longest): the first name on the way up whose single
 * DMARC record says psd=n; the name just below one that says psd=y; otherwise the name with the
 * fewest labels that has a single record. Without any record it is the domain itself. Used for
 * relaxed alignment: two domains align when their Organizational Domains are the same.
 */
import { parseDmarc } from '../../mail/dmarc/parse-dmarc';
import type { DmarcLookup } from '../../mail/dmarc/types';

export function organizationalDomain(walk: readonly DmarcLookup[], domain: string): string {
  let shortest: string | undefined;
  for (const [index, lookup] of walk.entries()) {
    if (lookup.records.length !== 1) continue;
    const psd = parseDmarc(lookup.records[0]!).tags.psd;
    if (psd === 'n') return lookup.domain;
    // A public suffix domain's record: the Organizational Domain is the name one label below it.
    if (psd === 'y') return index === 0 ? lookup.domain : walk[index - 1]!.domain;
    shortest = lookup.domain;
  }
  return shortest ?? domain;
}
