/** The words of the DMARC section, shared by the popup and the CLI so both say the same thing. */
import type { AnswerStatus } from '../../vocabulary';
import { historicTags } from './historic-tags';
import type { DmarcPolicyFound, DmarcReportAuthorization, DmarcSection } from './types';

const failed = (status: AnswerStatus) => (status === 'error' ? 'no resolver answered' : status.toUpperCase());
const FAILED = new Set<AnswerStatus>(['servfail', 'refused', 'error']);

/** Where the policy comes from, or why there is none; `undefined` while the walk is unresolved. */
export function dmarcSourceText(section: DmarcSection): string | undefined {
  const own = section.lookups[0];
  if (!own || !section.resolved) return undefined;
  const name = `_dmarc.${own.domain}`;
  if (FAILED.has(own.status)) return `The lookup of ${name} failed (${failed(own.status)}).`;
  const policy = section.policy;
  const parents = section.lookups.length > 1 ? ' or any parent domain' : '';
  if (!policy) return own.records.length + own.discarded.length > 0 ? `No usable DMARC record at ${name}${parents}.` : `No DMARC record at ${name}${parents}.`;
  if (policy.source === 'domain') return `Published at ${name}.`;
  const which = policy.source === 'public-suffix-domain' ? 'the public suffix domain' : 'the organizational domain';
  if (section.nameStatus === 'nxdomain')
    return `${own.domain} does not exist (NXDOMAIN); the record of ${which} ${policy.domain} applies to mail claiming to be from it (its ${policy.tag}=${policy.tag === 'np' ? ', for non-existent subdomains' : ''}).`;
  return `No record at ${name}; the record of ${which} ${policy.domain} applies (its ${policy.tag}=).`;
}

/** Records at the domain that do not apply: several (all discarded) or not starting with v=DMARC1. */
export function dmarcUnusedRecords(section: DmarcSection): string[] {
  const own = section.lookups[0];
  if (!own) return [];
  return [...(own.records.length > 1 ? own.records : []), ...own.discarded];
}

const POLICY_WORD = { none: 'none (monitoring only)', quarantine: 'quarantine', reject: 'reject' } as const;

/** The record's meaning as label/value rows, in the order a person reads them. */
export function dmarcTagRows(policy: DmarcPolicyFound): [string, string][] {
  const { tags, fallback, unknownTags } = policy.parsed;
  const rows: [string, string][] = [];
  const effective = policy.effective ? POLICY_WORD[policy.effective] : 'no DMARC (the policy cannot be read)';
  const note =
    fallback === 'none-for-rua'
      ? ' (p= unreadable, so none)'
      : fallback === 'p-missing'
        ? ' (no p=, read as none)'
        : policy.tag === 'sp'
          ? ' (sp=)'
          : policy.tag === 'np'
            ? ' (np=: the domain does not exist)'
            : '';
  rows.push([`Policy for ${policy.source === 'domain' ? 'the domain' : 'this subdomain'}`, `${effective}${note}`]);
  if (policy.source === 'domain') rows.push(['Subdomains', tags.sp ? `${tags.sp} (sp=)` : 'as the domain']);
  if (tags.np) rows.push(['Non-existent subdomains', `${tags.np} (np=)`]);
  const historic = historicTags(policy);
  if (historic.length > 0) rows.push(['Historic tags', `${historic.join(', ')} (RFC 9989: receivers ignore ${historic.length === 1 ? 'it' : 'them'})`]);
  if (tags.t) rows.push(['Testing', tags.t === 'y' ? 'yes (t=y)' : 'no']);
  rows.push(['Alignment', `DKIM ${tags.adkim === 's' ? 'strict' : 'relaxed'}, SPF ${tags.aspf === 's' ? 'strict' : 'relaxed'}`]);
  rows.push(['Aggregate reports', tags.rua.length > 0 ? tags.rua.join(', ') : 'none requested']);
  if (tags.ruf.length > 0) rows.push(['Failure reports', `${tags.ruf.join(', ')}${tags.fo ? ` (fo=${tags.fo})` : ''}`]);
  if (tags.psd) rows.push(['Public suffix domain', tags.psd === 'y' ? 'yes (psd=y)' : tags.psd === 'n' ? 'no (psd=n)' : 'unknown (psd=u)']);
  if (unknownTags.length > 0) rows.push(['Ignored tags', unknownTags.join(', ')]);
  return rows;
}

/** One external report destination and whether it takes the reports (RFC 7489 §7.1). */
export function reportAuthorizationText(check: DmarcReportAuthorization): string {
  if (check.status === 'pending') return `${check.destination}: checking…`;
  if (check.status === 'skipped') return `${check.destination}: not checked`;
  if (check.authorized === undefined) return `${check.destination}: lookup failed (${failed(check.status)})`;
  return check.authorized ? `${check.destination}: accepts the reports` : `${check.destination}: does not accept the reports (no record at ${check.name})`;
}
