/**
 * The path to a result, in the words of the issue: `example.com → include:_spf.example.com →
 * ip4:203.0.113.0/24 matched`. One entry per record on the way (the term that led there), then
 * what decided.
 */
import type { SpfCheck } from './types';

export function pathOf(check: Pick<SpfCheck, 'result' | 'trail' | 'matched' | 'problem' | 'domain'>): string[] {
  const path = check.trail.length === 0 ? [check.domain] : check.trail.map((step) => step.term ?? step.domain);
  switch (check.result) {
    case 'permerror':
    case 'temperror':
      path.push(`${check.problem?.term ? `${check.problem.term}: ` : ''}${check.result} (${check.problem?.reason ?? 'unknown'})`);
      break;
    case 'none':
      path.push(`none (${check.problem?.reason ?? 'no SPF record'})`);
      break;
    default:
      path.push(check.matched ? `${check.matched.term} matched` : 'no mechanism matched (default neutral)');
  }
  return path;
}
