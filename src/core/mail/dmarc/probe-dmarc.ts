/**
 * Find the DMARC policy for a domain in one round trip: `_dmarc` TXT at the domain and at every
 * parent of the DMARCbis tree walk (§4.10), all asked at once. Waiting for the domain's own answer
 * before asking the parents would cost a second round trip whenever it has no record; the extra
 * questions are few (at most 7), cacheable, and mostly the same few TLDs. Then, for report
 * addresses outside the policy domain's organisation, whether they accept the reports (RFC 7489
 * §7.1), chained on the answer that named them.
 *
 * With them goes `<domain> MX`, the lookup's own first question (so a cache hit, or a join of the
 * same question in flight): an NXDOMAIN there means the domain does not exist, and mail claiming
 * to be from it gets the policy's np= (RFC 9989 §4.7; "non-existent" as RFC 8020 means it).
 */
import type { AskResult } from '../dns-ask';
import type { ProbeContext } from '../probe-context';
import { findRegistrableDomain } from '../../query/registrable-domain';
import { isDmarcRecord, looksLikeDmarc, parseDmarc, reportHost } from './parse-dmarc';
import { choosePolicy, treeWalkDomains, type PolicyChoice } from './tree-walk';
import type { DmarcPolicyFound, DmarcSection } from './types';

const FAILED = new Set(['servfail', 'refused', 'error']);

/** At most this many external report destinations are checked (each is one question). */
const MAX_REPORT_DESTINATIONS = 10;

export function newDmarcSection(): DmarcSection {
  return { status: 'pending', domain: '', nameStatus: 'pending', lookups: [], resolved: false, reportAuthorizations: [] };
}

/** Fill `section` as answers land; resolves when every question has its answer. Never rejects. */
export async function probeDmarc(section: DmarcSection, context: ProbeContext): Promise<void> {
  section.domain = context.domain;
  section.lookups = treeWalkDomains(context.domain).map((domain) => ({ domain, status: 'pending', records: [], discarded: [] }));
  const answers = new Map<string, AskResult>();
  const chained: Promise<void>[] = [];
  const settle = () => {
    if (section.resolved || !canResolve(section)) return;
    section.resolved = true;
    // Without the domain's own answer nobody can say which record applies (receivers decide for
    // themselves how to handle the failure, DMARCbis §4.10.1), so none is shown.
    if (FAILED.has(section.lookups[0]!.status)) return;
    const choice = choosePolicy(section.lookups);
    if (!choice) return;
    section.policy = policyFound(choice, section.nameStatus === 'nxdomain');
    chained.push(checkReportDestinations(section, section.policy, context, answers.get(choice.domain)));
  };

  const existence = (async () => {
    section.nameStatus = context.signal?.aborted ? 'skipped' : (await safeAsk(context, context.domain, undefined, 'MX')).status;
    settle();
  })();
  await Promise.all([
    existence,
    ...section.lookups.map(async (lookup) => {
      if (context.signal?.aborted) {
        lookup.status = 'skipped';
      } else {
        const answer = await safeAsk(context, `_dmarc.${lookup.domain}`);
        answers.set(lookup.domain, answer);
        lookup.records = answer.values.filter(isDmarcRecord);
        lookup.discarded = answer.values.filter(looksLikeDmarc);
        lookup.status = answer.status;
      }
      settle();
    }),
  ]);
  await Promise.all(chained);
  section.status = 'done';
}

/**
 * The domain's own record decides alone; without one, every parent's answer is needed, and
 * whether the domain exists (np= or not).
 */
function canResolve(section: DmarcSection): boolean {
  const own = section.lookups[0];
  if (!own || own.status === 'pending') return false;
  if (own.records.length === 1) return true;
  return section.nameStatus !== 'pending' && section.lookups.every((lookup) => lookup.status !== 'pending');
}

/**
 * What applies to mail from the domain. At the domain itself, p=. At a parent (RFC 9989 §4.7,
 * §4.10.1): np= when the domain does not exist (`nonExistent`: its answer was NXDOMAIN) and the
 * record has one; else sp=; else p=. pct= (historic in RFC 9989) never changes it.
 */
export function policyFound(choice: PolicyChoice, nonExistent = false): DmarcPolicyFound {
  const parsed = parseDmarc(choice.record);
  const found: DmarcPolicyFound = { ...choice, parsed, tag: 'p' };
  if (choice.source === 'domain' || parsed.fallback === 'ignored' || parsed.fallback === 'none-for-rua') {
    if (parsed.policy) found.effective = parsed.policy;
    return found;
  }
  if (nonExistent && parsed.tags.np) {
    found.tag = 'np';
    found.effective = parsed.tags.np;
  } else if (parsed.tags.sp) {
    found.tag = 'sp';
    found.effective = parsed.tags.sp;
  } else if (parsed.policy) {
    found.effective = parsed.policy;
  }
  return found;
}

async function checkReportDestinations(section: DmarcSection, policy: DmarcPolicyFound, context: ProbeContext, after: AskResult | undefined): Promise<void> {
  const organisation = (name: string) => findRegistrableDomain(name) ?? name;
  const own = organisation(policy.domain);
  const hosts = new Set<string>();
  for (const uri of [...policy.parsed.tags.rua, ...policy.parsed.tags.ruf]) {
    const host = reportHost(uri);
    if (host && organisation(host) !== own) hosts.add(host);
  }
  for (const destination of [...hosts].slice(0, MAX_REPORT_DESTINATIONS)) {
    const name = `${policy.domain}._report._dmarc.${destination}`;
    if (name.length <= 253) section.reportAuthorizations.push({ destination, name, status: 'pending' });
  }
  await Promise.all(
    section.reportAuthorizations.map(async (check) => {
      if (context.signal?.aborted) {
        check.status = 'skipped';
        return;
      }
      const answer = await safeAsk(context, check.name, after);
      check.status = answer.status;
      // Only a real answer says yes or no; a failed question says nothing.
      if (answer.status === 'ok' || answer.status === 'nodata' || answer.status === 'nxdomain') check.authorized = answer.values.some(isDmarcRecord);
    }),
  );
}

/** `DnsAsk` never rejects; this keeps the probe from rejecting even if one ever does. */
async function safeAsk(context: ProbeContext, name: string, after?: AskResult, type: 'TXT' | 'MX' = 'TXT'): Promise<AskResult> {
  try {
    return await context.ask(name, type, after);
  } catch {
    return { name, type, status: 'error', values: [], authenticated: false, depth: (after?.depth ?? 0) + 1 };
  }
}
