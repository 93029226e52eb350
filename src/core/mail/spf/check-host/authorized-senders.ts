/**
 * "Who may send for this domain": the ranges of every `+ip4`/`+ip6` in the record, in the
 * records of its `+include`s and in its redirect target, with address counts, and the terms
 * that cannot be flattened into a list (a, mx, exists, ptr: their addresses live in DNS and
 * change). Read from the same answers as the check (SpfDns keeps them); targets the check did
 * not reach are asked now. Bounded: at most MAX_RECORDS records, each once.
 */
import { parseIpBytes } from '../../../ip';
import { isSpfRecord, parseSpf } from '../parse-spf';
import { termsInPlay } from '../spf-tree';
import type { SpfTerm } from '../types';
import type { Evaluation } from './evaluation';
import { rangeBounds, rangeText, unionSize } from './ip-match';
import { expandMacros, usesPtrMacro } from './macro-expand';
import { targetName, unaskableReason } from './target-name';
import type { AuthorizedRange, AuthorizedSenders, UnflattenableName } from './types';

const MAX_RECORDS = 30;

export async function authorizedSenders(evaluation: Evaluation, root: string): Promise<AuthorizedSenders> {
  const ranges: AuthorizedRange[] = [];
  const names: UnflattenableName[] = [];
  const incomplete: string[] = [];
  const seen = new Set<string>();
  const bounds: Record<4 | 6, [bigint, bigint][]> = { 4: [], 6: [] };

  const visit = async (domain: string): Promise<void> => {
    if (seen.has(domain)) return;
    if (seen.size >= MAX_RECORDS) return void incomplete.push(`${domain}: more than ${MAX_RECORDS} records, not read`);
    seen.add(domain);
    const answer = await evaluation.dns.ask(domain, 'TXT');
    const records = answer.values.filter(isSpfRecord);
    if (answer.status !== 'ok' || records.length !== 1)
      return void incomplete.push(
        `${domain}: ${records.length > 1 ? 'several SPF records' : answer.status === 'ok' || answer.status === 'nodata' ? 'no SPF record' : `TXT ${answer.status}`}`,
      );
    const parsed = parseSpf(records[0]!, { grammarOnly: true });
    if (parsed.errors.length > 0) return void incomplete.push(`${domain}: ${parsed.errors[0]}`);
    // Depth first, in record order, so the list reads like the record.
    for (const term of termsInPlay(parsed.terms).evaluated) {
      const follow = collect(term, domain);
      if (follow) await visit(follow);
    }
  };

  /** Records what `term` authorizes; returns the domain to read next (a +include or redirect). */
  const collect = (term: SpfTerm, domain: string): string | undefined => {
    if (term.kind === 'modifier') return term.name === 'redirect' ? name(term.value, domain, term.text, 'redirect') : undefined;
    if (term.kind !== 'mechanism' || term.qualifier !== '+') return undefined;
    switch (term.name) {
      case 'ip4':
      case 'ip6': {
        const network = parseIpBytes(term.network ?? '');
        if (!network) return undefined;
        const prefix = (network.family === 4 ? term.cidr4 : term.cidr6) ?? (network.family === 4 ? 32 : 128);
        const range = rangeBounds(network, prefix);
        bounds[network.family].push(range);
        ranges.push({ range: rangeText(network, prefix), family: network.family, addresses: (range[1] - range[0] + 1n).toString(), domain, term: term.text });
        return undefined;
      }
      case 'include':
        return name(term.domain ?? '', domain, term.text, 'include');
      case 'a':
      case 'mx':
      case 'exists':
      case 'ptr': {
        const entry: UnflattenableName = { mechanism: term.name, term: term.text, domain };
        const target = term.domain === undefined ? domain : expand(term.domain, domain);
        if (target) entry.target = target;
        names.push(entry);
        return undefined;
      }
      default:
        return undefined;
    }
  };

  const expand = (spec: string, domain: string): string | undefined => {
    if (usesPtrMacro(spec)) return undefined;
    const expanded = expandMacros(spec, { ...evaluation.macros, d: domain });
    if (!expanded.ok) return undefined;
    const target = targetName(expanded.text);
    return unaskableReason(target) ? undefined : target;
  };

  const name = (spec: string, domain: string, term: string, mechanism: 'include' | 'redirect'): string | undefined => {
    const target = expand(spec, domain);
    if (!target) names.push({ mechanism, term, domain });
    return target;
  };

  await visit(root);
  return { ranges, names, total4: unionSize(bounds[4]).toString(), total6: unionSize(bounds[6]).toString(), incomplete };
}
