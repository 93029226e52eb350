/**
 * Ask every blocklist about every mail server address, all at once: the questions do not depend
 * on each other, so they all leave in the same task (one round trip), and each answer is
 * written into the section as it lands. Opt-in: each question tells the list's operator (and
 * the resolver) the address, which is why the lookup only runs this when the user asks.
 */
import { classifyAddress, parseIp } from '../../ip';
import type { DnsName } from '../../vocabulary';
import type { AskResult } from '../dns-ask';
import type { ProbeContext } from '../probe-context';
import { BLOCKLISTS, type BlocklistEntry } from './blocklist-table';
import { dnsblName, readDnsblAnswer } from './dnsbl-answer';
import type { BlocklistResult, BlocklistSection, BlocklistTarget } from './types';

/**
 * 16 addresses x 10 lists = 160 questions: a big provider's MX set (Google's five hosts have ten
 * addresses) fits, and a domain with dozens of MX addresses cannot flood the resolver.
 */
export const MAX_BLOCKLIST_ADDRESSES = 16;

/** An address to check, as the lookup knows it. */
export interface BlocklistAddress {
  ip: string;
  family: 4 | 6;
  /** The mail host it belongs to. */
  host: DnsName;
}

export function newBlocklistSection(): BlocklistSection {
  return {
    status: 'pending',
    lists: BLOCKLISTS.map(({ id, name, zone, ipv6, url }) => ({ id, name, zone, ipv6, url })),
    targets: [],
    omitted: [],
  };
}

/**
 * Check `addresses` (MX order; the same address under two hosts is asked once) on every list.
 * Call it once the addresses are known. Every question is asked before this function first
 * awaits anything; the promise resolves once all are answered, with `status: 'done'`. Never
 * rejects.
 */
export async function probeBlocklists(section: BlocklistSection, context: ProbeContext, addresses: readonly BlocklistAddress[]): Promise<void> {
  const asked: Promise<void>[] = [];
  try {
    for (const target of addTargets(section, addresses)) {
      target.results.forEach((result, index) => {
        if (result.state === 'pending') asked.push(ask(context, BLOCKLISTS[index]!, result));
      });
    }
  } catch {
    // Nothing here should throw; if it does, finish with what was asked rather than hang.
  }
  await Promise.all(asked);
  section.status = 'done';
}

/** New targets for the addresses not in the section yet, added to it (pending). */
function addTargets(section: BlocklistSection, addresses: readonly BlocklistAddress[]): BlocklistTarget[] {
  const added: BlocklistTarget[] = [];
  const byIp = new Map(section.targets.map((target) => [target.ip, target]));
  for (const address of addresses) {
    const parsed = parseIp(String(address.ip));
    const ip = parsed?.ip ?? String(address.ip);
    const existing = byIp.get(ip);
    if (existing) {
      if (!existing.hosts.includes(address.host)) existing.hosts.push(address.host);
      continue;
    }
    if (section.targets.length >= MAX_BLOCKLIST_ADDRESSES) {
      if (!section.omitted.includes(ip)) section.omitted.push(ip);
      continue;
    }
    const target = newTarget(ip, parsed?.family ?? address.family, address.host, parsed !== undefined);
    section.targets.push(target);
    byIp.set(ip, target);
    added.push(target);
  }
  return added;
}

function newTarget(ip: string, family: 4 | 6, host: DnsName, isAddress: boolean): BlocklistTarget {
  // Documentation ranges stay checkable: they are harmless to ask about, and the test zones use them.
  const special = isAddress ? classifyAddress(ip) : undefined;
  const skip = !isAddress ? 'not-an-address' : special && special.range !== 'documentation' ? 'special-address' : undefined;
  const target: BlocklistTarget = { ip, family, hosts: [host], results: [] };
  if (skip === 'special-address') target.range = special!.range;
  target.results = BLOCKLISTS.map((list): BlocklistResult => {
    const empty = { list: list.id, codes: [], labels: [], meanings: [] };
    if (skip) return { ...empty, state: 'not-checked', notChecked: skip };
    if (family === 6 && !list.ipv6) return { ...empty, state: 'not-checked', notChecked: 'ipv4-only-list' };
    return { ...empty, state: 'pending', query: dnsblName(ip, list.zone)! };
  });
  return target;
}

function ask(context: ProbeContext, list: BlocklistEntry, result: BlocklistResult): Promise<void> {
  if (context.signal?.aborted) {
    settle(result, { state: 'error', codes: [], labels: [], meanings: [], status: 'error', error: { code: 'aborted', message: 'The lookup was cancelled.' } });
    return Promise.resolve();
  }
  let answer: Promise<AskResult>;
  try {
    answer = context.ask(result.query!, 'A');
  } catch (error) {
    answer = Promise.reject(error);
  }
  return answer.then(
    (reply) => settle(result, readDnsblAnswer(list, reply)),
    (error: unknown) =>
      settle(result, {
        state: 'error',
        codes: [],
        labels: [],
        meanings: [],
        status: 'error',
        error: { code: 'internal-error', message: `Unexpected error: ${error instanceof Error ? error.message : String(error)}` },
      }),
  );
}

function settle(result: BlocklistResult, reading: Omit<BlocklistResult, 'list' | 'query'>): void {
  Object.assign(result, reading);
}
