/**
 * `checkHost(ip, domain, sender, helo)`: RFC 7208 check_host(), whole. Never rejects: DNS
 * failures are temperror, broken records permerror, each with the term and why.
 *
 * `prefetch` (default on) fetches ahead in parallel (see prefetch.ts); off, it is the
 * sequential algorithm, one question at a time. Both read the same answers in the same order.
 */
import type { DnsAsk } from '../../dns-ask';
import { SPF_LOOKUP_LIMIT, SPF_VOID_LIMIT } from '../limits';
import { authorizedSenders } from './authorized-senders';
import { evaluateDomain, type RecordOutcome } from './evaluate-record';
import { Evaluation, SpfStop } from './evaluation';
import { explain } from './explanation';
import { dottedAddress, readableAddress, spfAddress } from './ip-match';
import type { MacroValues } from './macro-expand';
import { pathOf } from './path';
import { Prefetcher } from './prefetch';
import { SpfDns } from './spf-dns';
import { spfIdentity } from './sender-identity';
import { canonicalName } from './target-name';
import type { SpfCheck, SpfIdentity } from './types';

export interface CheckHostOptions {
  ask: DnsAsk;
  /** Fetch include/redirect targets and a/mx names ahead, in parallel (default true). */
  prefetch?: boolean;
  /** Walk the tree for "authorized senders" after the check (default true). */
  authorizedSenders?: boolean;
  /** The `r` macro: the name of the host doing the check (default "unknown"). */
  receiver?: string;
  /** Milliseconds clock for the `t` macro. */
  now?: () => number;
  /** The whole check's time limit (RFC 7208 §4.6.4: at least 20 s); past it, temperror. */
  timeLimitMs?: number;
  /** Which identity this is, for the report (default: "helo" when sender is postmaster@<helo>). */
  identity?: SpfIdentity;
}

export class BadSpfInput extends Error {}

/**
 * check_host(<ip>, <domain>, <sender>) of RFC 7208 §4.1; `helo` is the `h` macro. Throws
 * BadSpfInput only for an `ip` that is not an address (callers parse it first).
 */
export async function checkHost(ip: string, domain: string, sender: string, helo: string | null, options: CheckHostOptions): Promise<SpfCheck> {
  const address = spfAddress(ip);
  if (!address) throw new BadSpfInput(`"${ip.slice(0, 60)}" is not an IP address`);
  const at = sender.lastIndexOf('@');
  const local = at < 0 ? 'postmaster' : sender.slice(0, at) || 'postmaster';
  const senderDomain = at < 0 ? canonicalName(sender || domain) : canonicalName(sender.slice(at + 1));
  const checked = canonicalName(domain);
  const macros: Omit<MacroValues, 'd' | 'p'> = {
    s: `${local}@${senderDomain}`,
    l: local,
    o: senderDomain,
    i: dottedAddress(address),
    v: address.family === 4 ? 'in-addr' : 'ip6',
    h: helo ?? 'unknown',
    c: readableAddress(address),
    r: options.receiver ?? 'unknown',
    t: String(Math.floor((options.now ?? Date.now)() / 1000)),
  };
  const dns = new SpfDns(options.ask, options.timeLimitMs);
  const evaluation = new Evaluation(address, dns, macros);
  const prefetch = options.prefetch ?? true;
  const prefetcher = prefetch ? new Prefetcher(dns, address, macros) : undefined;

  const report: SpfCheck = {
    result: 'none',
    ip: macros.c,
    family: address.family,
    domain: checked,
    sender: macros.s,
    helo,
    identity: options.identity ?? (helo !== null && checked === canonicalName(helo) && local === 'postmaster' ? 'helo' : 'mailfrom'),
    explanation: null,
    explanationSource: null,
    path: [],
    pathText: '',
    trail: [],
    matched: null,
    decidedBy: null,
    problem: null,
    lookups: 0,
    voidLookups: 0,
    lookupLimit: SPF_LOOKUP_LIMIT,
    voidLimit: SPF_VOID_LIMIT,
    terms: evaluation.log,
    roundTrips: 0,
    questions: 0,
    prefetch,
    authorized: null,
  };
  let outcome: RecordOutcome | undefined;
  try {
    outcome = await evaluateDomain(evaluation, prefetcher, checked, { domain: checked, via: 'root' }, [], undefined);
    report.result = outcome.result;
    report.trail = outcome.trail;
    report.matched = outcome.matched ?? null;
    report.decidedBy = outcome.decidedBy ?? null;
    report.problem = outcome.problem ?? null;
  } catch (error) {
    if (!(error instanceof SpfStop)) throw error;
    report.result = error.result;
    report.problem = error.problem;
    report.trail = error.trail;
  }
  report.lookups = evaluation.lookups;
  report.voidLookups = evaluation.voidLookups;
  if (report.result === 'fail') {
    const explanation = await explain(evaluation, outcome?.exp, checked);
    report.explanation = explanation.text;
    report.explanationSource = explanation.source;
  }
  report.roundTrips = dns.roundTrips;
  report.questions = dns.questions;
  report.path = pathOf(report);
  report.pathText = report.path.join(' → ');
  if (options.authorizedSenders ?? true) report.authorized = await authorizedSenders(evaluation, checked);
  return report;
}

export interface SpfCheckRequest {
  ip: string;
  /** The MAIL FROM address or a domain; "" for a bounce, which checks the HELO name. */
  sender: string;
  helo?: string | null;
}

/** The identity from MAIL FROM / HELO (RFC 7208 §2.3, §2.4), then check_host(). Throws BadSpfInput. */
export async function checkSpf(request: SpfCheckRequest, options: CheckHostOptions): Promise<SpfCheck> {
  const identity = spfIdentity(request.sender, request.helo ?? null);
  if (!identity.ok) throw new BadSpfInput(identity.error);
  const { domain, sender, helo } = identity.identity;
  return checkHost(request.ip, domain, sender, helo, { ...options, identity: identity.identity.identity });
}
