/**
 * Is an MX difference the domain's, or one resolver's? With a resolver comparison (the MX
 * question to every resolver), the MX sets of the old and new facts are looked for among the
 * answers: if some resolvers still give the old set, the change is not everywhere yet (their
 * caches hold the old answer until its TTL runs out); if no resolver but the one asked now
 * gives the new set, that one resolver is the odd one out.
 */
import type { ResolverComparison } from '../compare/comparison';
import type { MailFacts } from './facts-types';

export interface ResolverAgreement {
  /** Resolvers (as people know them) whose MX answer is the new set. */
  sayNew: string[];
  /** Resolvers still giving the old set. */
  sayOld: string[];
  /** Resolvers giving something else, or an error status. */
  sayOther: string[];
  /** One sentence for people. */
  text: string;
  /** The new MX set is only the asked resolver's: the others agree with the old facts, so the difference is likely that resolver (a stale or odd cache), not the domain. */
  resolverOnly: boolean;
}

/** The MX set as compare-resolvers writes it: `10 mx.example.com`, or `0 .` for the null MX. */
export function mxSetOf(facts: MailFacts): string[] {
  if (facts.status !== 'ok') return [];
  if (facts.nullMx) return ['0 .'];
  return facts.mx.map((mx) => `${mx.preference} ${mx.host}`);
}

const setKey = (values: readonly string[]) =>
  [...values]
    .map((v) => v.toLowerCase())
    .sort()
    .join('\n');

export function resolverAgreement(old: MailFacts, next: MailFacts, comparison: ResolverComparison): ResolverAgreement | undefined {
  if (comparison.type !== 'MX' || comparison.name !== next.name) return undefined;
  const oldKey = setKey(mxSetOf(old));
  const newKey = setKey(mxSetOf(next));
  if (oldKey === newKey) return undefined;
  const sayNew: string[] = [];
  const sayOld: string[] = [];
  const sayOther: string[] = [];
  for (const row of comparison.rows) {
    if (row.status === 'pending') continue;
    const key = row.status === 'ok' ? setKey(row.values) : `status:${row.status}`;
    (key === newKey ? sayNew : key === oldKey ? sayOld : sayOther).push(row.resolverName);
  }
  const resolverOnly = sayOld.length > 0 && sayNew.length <= 1 && sayOld.length > sayNew.length;
  let text: string;
  if (sayOld.length === 0)
    text = sayNew.length > 0 ? `every resolver compared (${sayNew.join(', ')}) gives the new MX set` : 'no resolver compared gave either MX set';
  else if (resolverOnly)
    text = `only ${sayNew.join(', ') || 'the resolver asked'} gives the new MX set; ${sayOld.join(', ')} still give the old one: one resolver's answer, not yet the domain's everywhere`;
  else
    text = `${sayOld.join(', ')} still give${sayOld.length === 1 ? 's' : ''} the old MX set (a cached answer, until its TTL runs out); ${sayNew.join(', ') || 'none'} give the new one`;
  return { sayNew, sayOld, sayOther, text, resolverOnly };
}
