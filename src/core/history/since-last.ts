/** "Since last time…": what the report says at its top when the facts differ from the last kept ones. */
import type { SinceLast } from './change-types';
import { describeDiff } from './describe-diff';
import { diffFacts } from './diff-facts';
import type { MailFacts } from './facts-types';
import { changeSummary } from './summary';

export type { SinceLast } from './change-types';

/** Undefined when there is nothing to compare with, the check failed, or nothing changed. */
export function sinceLast(previous: MailFacts | undefined, facts: MailFacts, now: number): SinceLast | undefined {
  if (!previous || facts.verdict === 'unanswered') return undefined;
  const items = describeDiff(diffFacts(previous, facts), previous, facts);
  if (items.length === 0) return undefined;
  return { since: previous.checkedAt, summary: changeSummary(items, previous.checkedAt, now), items };
}
