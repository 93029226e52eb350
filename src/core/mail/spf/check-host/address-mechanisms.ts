/**
 * The mechanisms that compare `<ip>` with addresses (RFC 7208 §5.3-§5.7): ip4, ip6, a, mx, ptr,
 * exists. Each says whether it matched and, in a few words, what DNS said. `include` and `all`
 * live with the record evaluation (check-host.ts).
 */
import { buildPtrName, parseIpBytes, type IpBytes } from '../../../ip';
import type { AskResult } from '../../dns-ask';
import { SPF_MX_HOST_LIMIT } from '../limits';
import type { SpfMechanism } from '../types';
import { SpfStop, type Evaluation } from './evaluation';
import { inRange, readableAddress } from './ip-match';
import type { Prefetcher } from './prefetch';
import { canonicalName, isAtOrBelow, unaskableReason } from './target-name';
import type { SpfStep } from './types';

export interface TermMatch {
  match: boolean;
  detail?: string;
}

export interface TermScope {
  evaluation: Evaluation;
  prefetcher: Prefetcher | undefined;
  domain: string;
  trail: SpfStep[];
}

export function matchNetwork(term: SpfMechanism, address: IpBytes): TermMatch {
  const network = parseIpBytes(term.network ?? '');
  const family = term.name === 'ip4' ? 4 : 6;
  if (!network || network.family !== family) return { match: false };
  if (address.family !== family) return { match: false, detail: `the address is IPv${address.family}` };
  return { match: inRange(address, network, (family === 4 ? term.cidr4 : term.cidr6) ?? (family === 4 ? 32 : 128)) };
}

export async function matchA(term: SpfMechanism, scope: TermScope): Promise<TermMatch> {
  const { evaluation, domain, trail } = scope;
  evaluation.countLookup(term.text, domain, trail);
  const name = term.domain === undefined ? domain : await evaluation.target(term.domain, domain, term.text, trail);
  const unaskable = unaskableReason(name);
  if (unaskable) return { match: false, detail: unaskable };
  const answer = await evaluation.dns.ask(name, addressType(evaluation.address));
  evaluation.requireAnswer(answer, term.text, domain, trail);
  evaluation.noteVoid(answer, term.text, domain, trail);
  return addressesMatch(answer, term, evaluation.address);
}

export async function matchMx(term: SpfMechanism, scope: TermScope): Promise<TermMatch> {
  const { evaluation, domain, trail } = scope;
  evaluation.countLookup(term.text, domain, trail);
  const name = term.domain === undefined ? domain : await evaluation.target(term.domain, domain, term.text, trail);
  const unaskable = unaskableReason(name);
  if (unaskable) return { match: false, detail: unaskable };
  const answer = await evaluation.dns.ask(name, 'MX');
  evaluation.requireAnswer(answer, term.text, domain, trail);
  evaluation.noteVoid(answer, term.text, domain, trail);
  // The null MX "." (RFC 7505) names no host. No MX is no match: never the implicit MX (§5.4).
  const hosts = answer.values.filter((host) => host !== '').map(canonicalName);
  if (hosts.length > SPF_MX_HOST_LIMIT) {
    throw new SpfStop(
      'permerror',
      { domain, term: term.text, reason: `${name} has ${hosts.length} MX records; an mx mechanism may look up at most ${SPF_MX_HOST_LIMIT}`, section: '4.6.4' },
      trail,
    );
  }
  if (hosts.length === 0) return { match: false, detail: `${name} has no MX records` };
  scope.prefetcher?.addresses(hosts, answer);
  for (const host of hosts) {
    if (unaskableReason(host)) continue;
    const addresses = await evaluation.dns.ask(host, addressType(evaluation.address));
    evaluation.requireAnswer(addresses, term.text, domain, trail);
    const found = addressesMatch(addresses, term, evaluation.address);
    if (found.match) return { match: true, detail: `MX host ${host}` };
  }
  return { match: false, detail: `no address of ${hosts.join(', ')} matches` };
}

/** RFC 7208 §5.5 (its use is discouraged, but receivers still evaluate it). */
export async function matchPtr(term: SpfMechanism, scope: TermScope): Promise<TermMatch> {
  const { evaluation, domain, trail } = scope;
  evaluation.countLookup(term.text, domain, trail);
  const target = term.domain === undefined ? domain : await evaluation.target(term.domain, domain, term.text, trail);
  const answer = await evaluation.dns.ask(buildPtrName(readableAddress(evaluation.address)), 'PTR');
  // A DNS error in the PTR lookup is no match, not temperror (RFC 7208 §5.5).
  if (answer.status !== 'ok') {
    evaluation.noteVoid(answer, term.text, domain, trail);
    return { match: false, detail: `no PTR records (${answer.status})` };
  }
  // At most 10 PTR names are looked at (RFC 7208 §4.6.4); only those at or below the target need checking.
  const candidates = answer.values
    .slice(0, 10)
    .map(canonicalName)
    .filter((name) => isAtOrBelow(name, target));
  scope.prefetcher?.addresses(candidates, answer);
  for (const name of candidates) if (await evaluation.hasAddress(name)) return { match: true, detail: `validated name ${name}` };
  return { match: false, detail: candidates.length === 0 ? `no PTR name at or below ${target}` : `no name at or below ${target} resolves back to the address` };
}

export async function matchExists(term: SpfMechanism, scope: TermScope): Promise<TermMatch> {
  const { evaluation, domain, trail } = scope;
  evaluation.countLookup(term.text, domain, trail);
  const name = await evaluation.target(term.domain ?? '', domain, term.text, trail);
  const unaskable = unaskableReason(name);
  if (unaskable) return { match: false, detail: unaskable };
  // Always an A question, whatever the connection's family (RFC 7208 §5.7).
  const answer = await evaluation.dns.ask(name, 'A');
  evaluation.requireAnswer(answer, term.text, domain, trail);
  evaluation.noteVoid(answer, term.text, domain, trail);
  return { match: answer.values.length > 0, detail: answer.values.length > 0 ? `${name} has an A record` : `${name}: ${answer.status}` };
}

export function addressType(address: IpBytes): 'A' | 'AAAA' {
  return address.family === 4 ? 'A' : 'AAAA';
}

function addressesMatch(answer: AskResult, term: SpfMechanism, address: IpBytes): TermMatch {
  const prefix = address.family === 4 ? (term.cidr4 ?? 32) : (term.cidr6 ?? 128);
  for (const value of answer.values) {
    const candidate = parseIpBytes(value);
    if (candidate && inRange(address, candidate, prefix)) return { match: true, detail: `${answer.name} has ${value}` };
  }
  return {
    match: false,
    detail:
      answer.values.length === 0
        ? `${answer.name} ${answer.type}: ${answer.status === 'nxdomain' ? 'NXDOMAIN' : 'no records'}`
        : `${answer.name} has ${answer.values.join(', ')}`,
  };
}
