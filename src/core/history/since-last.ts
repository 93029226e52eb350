/** "Since last time…": what the report says at its top when the facts differ from the last kept ones. */
import { describeDiff, type ChangeItem } from './describe-diff';
import { diffFacts } from './diff-facts';
import type { MailFacts } from './facts-types';
import { changeSummary } from './summary';

export interface SinceLast {
  /** When the facts compared with were taken. */
  since: number;
  /** "Since 3 days ago: mx2.example.com (20) was removed; …" */
  summary: string;
  items: ChangeItem[];
}

/** Undefined when there is nothing to compare with, the check failed, or nothing changed. */
export function sinceLast(previous: MailFacts | undefined, facts: MailFacts, now: number): SinceLast | undefined {
  if (!previous || facts.verdict === 'unanswered') return undefined;
  const items = describeDiff(diffFacts(previous, facts), previous, facts);
  if (items.length === 0) return undefined;
  return { since: previous.checkedAt, summary: changeSummary(items, previous.checkedAt, now), items };
}
