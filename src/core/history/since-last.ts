/** "Since last time…": what the report says at its top when the facts differ from the last kept ones. */
import type { SinceLast } from './change-types';
import { describeDiff, withOlderChecks } from './describe-diff';
import { diffFacts } from './diff-facts';
import type { MailFacts } from './facts-types';
import { changeSummary } from './summary';

export type { SinceLast } from './change-types';

/**
 * Undefined when there is nothing to compare with, the check failed, or nothing changed; and when
 * the last kept facts are newer than these (a lookup that finished after a later check, such as a
 * watch check, was kept): that check already compared, and comparing backwards would invent a
 * change from the newer facts back to these.
 */
export function sinceLast(previous: MailFacts | undefined, facts: MailFacts, now: number): SinceLast | undefined {
  if (!previous || facts.verdict === 'unanswered' || previous.checkedAt > facts.checkedAt) return undefined;
  const diff = diffFacts(previous, facts);
  const items = describeDiff(diff, previous, facts);
  // What an older MXray never asked is said beside real changes, and alone is no change at all.
  if (items.length === 0) return undefined;
  return { since: previous.checkedAt, summary: withOlderChecks(changeSummary(items, previous.checkedAt, now), diff), items };
}
