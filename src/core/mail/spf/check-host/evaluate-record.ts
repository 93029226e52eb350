/**
 * check_host() for one domain (RFC 7208 §4.3-§4.7, §5, §6.1): read its one SPF record, walk the
 * mechanisms left to right until one matches, else follow `redirect=`, else neutral. An include
 * (§5.2) is this same function on its target. Errors end the whole run (`SpfStop`).
 */
import { isSpfRecord, parseSpf } from '../parse-spf';
import type { ParsedSpf, SpfMechanism, SpfModifier, SpfQualifier } from '../types';
import { matchA, matchExists, matchMx, matchNetwork, matchPtr, type TermMatch, type TermScope } from './address-mechanisms';
import { SpfStop, type Evaluation } from './evaluation';
import type { Prefetcher } from './prefetch';
import { invalidDomainReason } from './target-name';
import type { SpfProblem, SpfResult, SpfStep } from './types';

/** How one domain's record came out; permerror and temperror are thrown instead. */
export interface RecordOutcome {
  result: Exclude<SpfResult, 'permerror' | 'temperror'>;
  /** Root first, down to the record holding the matched mechanism. */
  trail: SpfStep[];
  matched?: { domain: string; term: string };
  decidedBy?: { domain: string; term: string; qualifier: SpfQualifier };
  /** The `exp=` of the record that decided (RFC 7208 §6.2: never an included record's). */
  exp?: { spec: string; domain: string };
  /** For "none": why. */
  problem?: SpfProblem;
}

const RESULTS: Record<SpfQualifier, RecordOutcome['result']> = { '+': 'pass', '-': 'fail', '~': 'softfail', '?': 'neutral' };

export async function evaluateDomain(
  evaluation: Evaluation,
  prefetcher: Prefetcher | undefined,
  domain: string,
  step: SpfStep,
  trail: SpfStep[],
  parentDomain: string | undefined,
): Promise<RecordOutcome> {
  const here = [...trail, step];
  const invalid = invalidDomainReason(domain);
  if (invalid) return { result: 'none', trail: here, problem: { domain, reason: invalid, section: '4.3' } };
  const answer = await evaluation.dns.ask(domain, 'TXT');
  // An include or redirect target's TXT question is that term's lookup: it may be void.
  if (parentDomain !== undefined && step.term) evaluation.noteVoid(answer, step.term, parentDomain, trail);
  evaluation.requireAnswer(answer, step.term, parentDomain ?? domain, parentDomain === undefined ? here : trail, '4.4');
  if (answer.status === 'nxdomain') return { result: 'none', trail: here, problem: { domain, reason: `${domain} does not exist (NXDOMAIN)`, section: '4.3' } };
  const records = answer.values.filter(isSpfRecord);
  if (records.length === 0)
    return {
      result: 'none',
      trail: here,
      problem: { domain, reason: `${domain} publishes no SPF record (no TXT record starting with "v=spf1")`, section: '4.5' },
    };
  if (records.length > 1)
    throw new SpfStop('permerror', { domain, reason: `${domain} publishes ${records.length} SPF records; there must be exactly one`, section: '4.5' }, here);
  const parsed = parseSpf(records[0]!, { grammarOnly: true });
  const broken = parsed.terms.find((term) => term.error);
  // RFC 7208 §4.6: a syntax error anywhere in the record is a permerror before anything is evaluated.
  if (broken) throw new SpfStop('permerror', { domain, term: broken.text, reason: broken.error!, section: sectionOfError(broken.text, broken.error!) }, here);
  prefetcher?.record(parsed, domain, answer);

  const depth = here.length - 1;
  const exp = expOf(parsed, domain);
  for (const term of parsed.terms) {
    if (term.kind !== 'mechanism') continue;
    const entry = { domain, term: term.text, depth, outcome: 'error' as 'match' | 'no match' | 'error', detail: undefined as string | undefined };
    evaluation.log.push(entry);
    const found = await matchTerm(term, { evaluation, prefetcher, domain, trail: here });
    entry.outcome = found.match ? 'match' : 'no match';
    if (found.detail !== undefined) entry.detail = found.detail;
    else delete entry.detail;
    if (!found.match) continue;
    const decidedBy = { domain, term: term.text, qualifier: term.qualifier };
    const inner = found.inner;
    return {
      result: RESULTS[term.qualifier],
      trail: inner ? inner.trail : here,
      matched: inner?.matched ?? { domain, term: term.text },
      decidedBy,
      ...(exp ? { exp } : {}),
    };
  }
  // RFC 7208 §6.1: redirect applies when no mechanism matched (an `all` always matches, so it is then ignored).
  const redirect = parsed.terms.find((term): term is SpfModifier => term.kind === 'modifier' && term.name === 'redirect');
  if (redirect) {
    evaluation.countLookup(redirect.text, domain, here);
    const target = await evaluation.target(redirect.value, domain, redirect.text, here);
    const outcome = await evaluateDomain(evaluation, prefetcher, target, { domain: target, via: 'redirect', term: redirect.text }, here, domain);
    if (outcome.result === 'none')
      throw new SpfStop(
        'permerror',
        { domain, term: redirect.text, reason: `the redirect target has no SPF record to use: ${outcome.problem?.reason ?? target}`, section: '6.1' },
        here,
      );
    return outcome;
  }
  // RFC 7208 §4.7: nothing matched and no redirect: neutral.
  return { result: 'neutral', trail: here, ...(exp ? { exp } : {}) };
}

async function matchTerm(term: SpfMechanism, scope: TermScope): Promise<TermMatch & { inner?: RecordOutcome }> {
  switch (term.name) {
    case 'all':
      return { match: true };
    case 'ip4':
    case 'ip6':
      return matchNetwork(term, scope.evaluation.address);
    case 'a':
      return matchA(term, scope);
    case 'mx':
      return matchMx(term, scope);
    case 'ptr':
      return matchPtr(term, scope);
    case 'exists':
      return matchExists(term, scope);
    case 'include':
      return matchInclude(term, scope);
  }
}

/** RFC 7208 §5.2: pass matches; fail, softfail, neutral do not; none is a permerror; errors are the result. */
async function matchInclude(term: SpfMechanism, scope: TermScope): Promise<TermMatch & { inner?: RecordOutcome }> {
  const { evaluation, domain, trail } = scope;
  evaluation.countLookup(term.text, domain, trail);
  const target = await evaluation.target(term.domain ?? '', domain, term.text, trail);
  const outcome = await evaluateDomain(evaluation, scope.prefetcher, target, { domain: target, via: 'include', term: term.text }, trail, domain);
  if (outcome.result === 'none')
    throw new SpfStop(
      'permerror',
      { domain, term: term.text, reason: `the included domain has no SPF record: ${outcome.problem?.reason ?? target}`, section: '5.2' },
      trail,
    );
  if (outcome.result === 'pass') return { match: true, detail: `${target} gave pass`, inner: outcome };
  return { match: false, detail: `${target} gave ${outcome.result}` };
}

function expOf(parsed: ParsedSpf, domain: string): { spec: string; domain: string } | undefined {
  const exp = parsed.terms.find((term): term is SpfModifier => term.kind === 'modifier' && term.name === 'exp');
  return exp ? { spec: exp.value, domain } : undefined;
}

function sectionOfError(text: string, error: string): string {
  if (/only once/.test(error)) return '6';
  if (/macro|%/.test(error)) return '7.1';
  if (/^[-+~?]?(ip4|ip6)/i.test(text)) return '5.6';
  return '4.6.1';
}
