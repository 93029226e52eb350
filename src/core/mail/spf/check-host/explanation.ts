/**
 * The explanation of a `fail` (RFC 7208 §6.2): the `exp=` of the record that decided, its
 * domain-spec expanded, its one TXT record read and expanded as an explain-string (the c, r, t
 * letters allowed). Anything wrong on the way (a DNS error, no record or several, bad macro
 * text, non-ASCII) means the default explanation. The exp question is not a DNS-querying term:
 * it counts toward neither limit (§4.6.4).
 */
import { expandMacros } from './macro-expand';
import type { Evaluation } from './evaluation';
import { targetName, unaskableReason } from './target-name';

export interface Explanation {
  text: string;
  source: 'exp' | 'default';
  /** Why the exp= text was not used, when it was not. */
  note?: string;
}

export async function explain(evaluation: Evaluation, exp: { spec: string; domain: string } | undefined, domain: string): Promise<Explanation> {
  const fallback = (note?: string): Explanation => ({ text: defaultExplanation(domain, evaluation.macros.c), source: 'default', ...(note ? { note } : {}) });
  if (!exp) return fallback();
  const spec = expandMacros(exp.spec, await evaluation.values(exp.spec, exp.domain));
  if (!spec.ok) return fallback(spec.error);
  const name = targetName(spec.text);
  if (unaskableReason(name)) return fallback(unaskableReason(name));
  const answer = await evaluation.dns.ask(name, 'TXT');
  if (answer.status !== 'ok') return fallback(`${name} TXT: ${answer.status}`);
  if (answer.values.length !== 1) return fallback(`${name} has ${answer.values.length} TXT records; exp= needs exactly one`);
  const text = expandMacros(answer.values[0]!, await evaluation.values(answer.values[0]!, exp.domain), true);
  if (!text.ok) return fallback(`the text at ${name} is not a valid explanation: ${text.error}`);
  return { text: text.text, source: 'exp' };
}

/** What receivers say when the domain gives no explanation of its own. */
export function defaultExplanation(domain: string, ip: string): string {
  return `${domain} does not designate ${ip} as a permitted sender`;
}
