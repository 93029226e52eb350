/**
 * Fetching ahead (the `prefetch` mode of check_host()): the moment a record is read, the
 * questions its terms will ask are started together, and the records of its include/redirect
 * targets are read the moment they land, so an include tree costs one round trip per level
 * instead of one per question. It only warms `SpfDns`; the evaluation still asks in its own
 * order and decides everything, so results and counts are those of the sequential algorithm.
 *
 * Bounded: terms after `all` are never fetched, names with %{p} wait for the evaluation, and
 * at most SPF_LOOKUP_LIMIT DNS-querying terms are fetched ahead (past that the check is a
 * permerror anyway).
 */
import { buildPtrName, type IpBytes } from '../../../ip';
import type { AskResult } from '../../dns-ask';
import { SPF_LOOKUP_LIMIT, SPF_MX_HOST_LIMIT } from '../limits';
import { isSpfRecord, parseSpf } from '../parse-spf';
import { termsInPlay } from '../spf-tree';
import type { ParsedSpf } from '../types';
import { expandMacros, usesPtrMacro, type MacroValues } from './macro-expand';
import { readableAddress } from './ip-match';
import type { SpfDns } from './spf-dns';
import { canonicalName, targetName, unaskableReason } from './target-name';

export class Prefetcher {
  private terms = 0;
  private readonly records = new Set<string>();

  constructor(
    private readonly dns: SpfDns,
    private readonly address: IpBytes,
    private readonly macros: Omit<MacroValues, 'd' | 'p'>,
  ) {}

  /** Start the questions of a record just read at `domain`. */
  record(parsed: ParsedSpf, domain: string, answer: AskResult): void {
    if (this.records.has(domain)) return;
    this.records.add(domain);
    const family = this.address.family === 4 ? 'A' : 'AAAA';
    for (const term of termsInPlay(parsed.terms).evaluated) {
      if (this.terms >= SPF_LOOKUP_LIMIT) return;
      if (term.kind === 'modifier' && term.name === 'exp') {
        const name = this.name(term.value, domain);
        if (name) void this.dns.prefetch(name, 'TXT', answer);
        continue;
      }
      const isRedirect = term.kind === 'modifier' && term.name === 'redirect';
      if (term.kind !== 'mechanism' && !isRedirect) continue;
      const mechanism = term.kind === 'mechanism' ? term.name : 'redirect';
      if (!['include', 'redirect', 'a', 'mx', 'ptr', 'exists'].includes(mechanism)) continue;
      this.terms += 1;
      const spec = term.kind === 'mechanism' ? term.domain : term.value;
      const name = spec === undefined ? domain : this.name(spec, domain);
      if (name === undefined && mechanism !== 'ptr') continue;
      switch (mechanism) {
        case 'include':
        case 'redirect':
          void this.dns.prefetch(name!, 'TXT', answer).then((txt) => this.follow(txt, name!));
          break;
        case 'a':
          void this.dns.prefetch(name!, family, answer);
          break;
        case 'exists':
          void this.dns.prefetch(name!, 'A', answer);
          break;
        case 'mx':
          void this.dns.prefetch(name!, 'MX', answer).then((mx) => {
            const hosts = mx.values.filter((host) => host !== '').map(canonicalName);
            if (hosts.length <= SPF_MX_HOST_LIMIT) this.addresses(hosts, mx);
          });
          break;
        case 'ptr':
          void this.dns.prefetch(buildPtrName(readableAddress(this.address)), 'PTR', answer);
          break;
      }
    }
  }

  /** The addresses of names just learnt (MX hosts, PTR names). */
  addresses(names: string[], after: AskResult): void {
    const family = this.address.family === 4 ? 'A' : 'AAAA';
    for (const name of names) if (!unaskableReason(name)) void this.dns.prefetch(name, family, after);
  }

  private follow(answer: AskResult, domain: string): void {
    if (answer.status !== 'ok') return;
    const records = answer.values.filter(isSpfRecord);
    if (records.length !== 1) return;
    const parsed = parseSpf(records[0]!, { grammarOnly: true });
    if (parsed.errors.length === 0) this.record(parsed, domain, answer);
  }

  /** A domain-spec's name, when it can be known without DNS (no %{p}). */
  private name(spec: string, domain: string): string | undefined {
    if (usesPtrMacro(spec)) return undefined;
    const expanded = expandMacros(spec, { ...this.macros, d: domain });
    if (!expanded.ok) return undefined;
    const name = targetName(expanded.text);
    return unaskableReason(name) ? undefined : name;
  }
}
