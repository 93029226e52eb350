/**
 * The limits of RFC 7208 §4.6.4: at most 10 DNS-querying terms across the whole evaluation, at
 * most 2 void lookups, at most 10 MX hosts per mx term. Past any of them the SPF check fails with
 * permerror. Counts only grow as answers land, so "past the limit" is safe to say at once;
 * "near the limit" waits for the whole tree.
 */
import type { Finding } from '../../vocabulary';
import { SPF_LOOKUP_LIMIT, SPF_MX_HOST_LIMIT, SPF_VOID_LIMIT } from './limits';
import { lookupsComplete, spfNodes, subtreeLookups } from './spf-tree';
import { cappedList, lookupCount, recordOf } from './spf-wording';
import type { SpfNode, SpfSection } from './types';

const RFC = 'RFC 7208 §4.6.4';

export function limitFindings(section: SpfSection, domainDisplay: string): Finding[] {
  return [...lookupFindings(section, domainDisplay), ...voidFindings(section, domainDisplay), ...mxHostFindings(section, domainDisplay)];
}

function lookupFindings(section: SpfSection, domain: string): Finding[] {
  const count = section.lookups;
  const complete = lookupsComplete(section);
  if (count > SPF_LOOKUP_LIMIT) {
    return [
      {
        code: 'spf-too-many-lookups',
        severity: 'error',
        message:
          `The SPF record of ${domain} ${needs(section, count, complete)} (include, a, mx, ptr, exists and ` +
          `redirect, counted across all its includes); RFC 7208 allows ${SPF_LOOKUP_LIMIT}. The SPF check fails with permerror at most ` +
          `receivers, so SPF never passes for ${domain} and DMARC has only DKIM to go on. ${largestShares(section.root)}` +
          `Remove includes of services no longer used, replace a and mx with ip4:/ip6: ranges, or ask a provider for one include that covers several.`,
        rfc: RFC,
        subject: section.root.domain,
      },
    ];
  }
  // Near the limit: only once every branch is counted, since a later answer could push it over.
  if (section.status !== 'done' || !complete || count < SPF_LOOKUP_LIMIT - 2) return [];
  const left = SPF_LOOKUP_LIMIT - count;
  return [
    {
      code: 'spf-near-lookup-limit',
      severity: left === 2 ? 'info' : 'warn',
      message:
        `The SPF record of ${domain} needs ${count} of the ${SPF_LOOKUP_LIMIT} DNS lookups RFC 7208 allows. It works, but ` +
        `${left === 0 ? 'one more lookup' : `${left + 1} more`} (a single provider's include often costs 2 to 4) would make the SPF ` +
        `check fail with permerror at most receivers, and providers change what their includes pull in without notice.`,
      rfc: RFC,
      subject: section.root.domain,
    },
  ];
}

/**
 * "needs 13 DNS lookups"; but thousands of terms (a TXT record of 5,000 strings) are not
 * thousands of lookups: receivers stop at the 11th (RFC 7208 §4.6.4), so the count is of terms.
 */
function needs(section: SpfSection, count: number, complete: boolean): string {
  if (count <= 2 * SPF_LOOKUP_LIMIT) return `needs ${lookupCount(section, count, complete)} DNS lookups`;
  return `has ${lookupCount(section, count, complete)} terms that each need a DNS lookup, though receivers stop at the ${SPF_LOOKUP_LIMIT + 1}th lookup`;
}

/** "The largest shares: include:_spf.google.com (4) and include:mailgun.org (2). " */
function largestShares(root: SpfNode): string {
  const shares = root.children
    .filter((child) => child.status !== 'ignored')
    .map((child) => ({ term: child.term ?? child.domain, lookups: 1 + subtreeLookups(child) }))
    .sort((a, b) => b.lookups - a.lookups)
    .slice(0, 3);
  if (shares.length === 0) return '';
  return `The largest shares: ${cappedList(shares.map((share) => `"${share.term}" (${share.lookups})`))}. `;
}

function voidFindings(section: SpfSection, domain: string): Finding[] {
  if (section.voidLookups <= SPF_VOID_LIMIT) return [];
  const voids = spfNodes(section.root).flatMap(({ node }) =>
    node.checks
      .filter((check) => check.status === 'nodata' || check.status === 'nxdomain')
      .map((check) => `"${check.term}" in ${node.domain} (${check.name} ${check.status === 'nxdomain' ? 'does not exist' : `has no ${check.type} record`})`),
  );
  const unknown = spfNodes(section.root).some(({ node }) => node.checks.some((check) => check.status === 'pending' || check.status === 'skipped'));
  return [
    {
      code: 'spf-too-many-void-lookups',
      severity: 'error',
      message:
        `The SPF record of ${domain} and its includes have ${lookupCount(section, section.voidLookups, !unknown && lookupsComplete(section))} ` +
        `terms that name a domain without the records they look for: ` +
        `${cappedList(voids)}. RFC 7208 allows ${SPF_VOID_LIMIT} such "void lookups"; past that, the SPF check fails ` +
        `with permerror at receivers that enforce the limit (most do). Remove the terms that point at names without records.`,
      rfc: RFC,
      subject: section.root.domain,
    },
  ];
}

function mxHostFindings(section: SpfSection, domain: string): Finding[] {
  return spfNodes(section.root).flatMap((visit) =>
    visit.node.checks
      .filter((check) => (check.hosts ?? 0) > SPF_MX_HOST_LIMIT)
      .map((check) => ({
        code: 'spf-mx-too-many-hosts',
        severity: 'error' as const,
        message:
          `"${check.term}" in ${recordOf(visit, domain)}: ${check.name} has ${check.hosts} MX hosts, and RFC 7208 allows an mx ` +
          `mechanism ${SPF_MX_HOST_LIMIT}; with more, the term fails with permerror. List the servers with ip4:/ip6: ranges instead.`,
        rfc: RFC,
        subject: check.name,
      })),
  );
}
