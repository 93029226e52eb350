/**
 * The check's result in sentences a support person can forward, shared by the CLI and the
 * popup: "203.0.113.5 may send mail for example.com: it matches ip4:203.0.113.0/24 in
 * _spf.example.com, included by example.com".
 */
import type { SpfCheck, SpfResult } from './types';

/** The result in two or three words. */
export function resultWords(result: SpfResult): string {
  switch (result) {
    case 'pass':
      return 'Pass: authorized';
    case 'fail':
      return 'Fail: not authorized';
    case 'softfail':
      return 'Softfail: probably not authorized';
    case 'neutral':
      return 'Neutral: no assertion';
    case 'none':
      return 'None: no SPF record';
    case 'permerror':
      return 'Permerror: the record is broken';
    case 'temperror':
      return 'Temperror: DNS failed, try later';
  }
}

/** One or two sentences: the verdict, and what decided it. */
export function checkSentence(check: SpfCheck): string {
  const { ip, domain } = check;
  const where = matchText(check);
  switch (check.result) {
    case 'pass':
      return `${ip} may send mail for ${domain}: ${where}.`;
    case 'fail':
      return `${ip} may not send mail for ${domain} (SPF fail): ${where}. Receivers that enforce SPF reject the message.`;
    case 'softfail':
      return `${ip} is probably not allowed to send mail for ${domain} (SPF softfail): ${where}. Receivers usually accept the message but treat it as suspicious.`;
    case 'neutral':
      return `${domain} says nothing about whether ${ip} may send its mail (SPF neutral): ${check.matched ? where : 'no mechanism matched and the record has no "all"'}.`;
    case 'none':
      return `There is no SPF result for ${domain} (none): ${check.problem?.reason ?? 'no SPF record'}.`;
    case 'permerror':
      return `The SPF record of ${domain} cannot be evaluated (permerror): ${problemText(check)}. Receivers may treat the message as if SPF failed.`;
    case 'temperror':
      return `The SPF check for ${domain} could not finish (temperror): ${problemText(check)}. A receiver would defer the message and try again later.`;
  }
}

function matchText(check: SpfCheck): string {
  if (!check.matched) return 'no mechanism matched';
  const { matched, decidedBy } = check;
  // The trail runs from the checked domain down to the record that holds the match.
  const chain = check.trail;
  let text = `it matches ${matched.term} in ${chain.length <= 1 ? `the record of ${matched.domain}` : matched.domain}`;
  for (let i = chain.length - 1; i > 0; i--) {
    const step = chain[i]!;
    const parent = chain[i - 1]!;
    text += step.via === 'include' ? `, included by ${parent.domain}` : `, which ${parent.domain} redirects to`;
  }
  if (decidedBy && decidedBy.term !== matched.term && decidedBy.qualifier !== '+') text += ` (through "${decidedBy.term}", so ${check.result})`;
  return text;
}

function problemText(check: SpfCheck): string {
  const problem = check.problem;
  if (!problem) return 'unknown reason';
  const where = problem.term ? `"${problem.term}" in the record of ${problem.domain}: ` : '';
  return `${where}${problem.reason} (RFC 7208 §${problem.section})`;
}
