/**
 * Every finished lookup goes into history (unless the user turned it off), and the report gets
 * "Since last time…" when its facts differ from the last kept ones. A lookup that got no answer
 * is not kept: it says nothing about the domain.
 */
import { factsOf } from '../../core/history/facts-of';
import { sinceLast, type SinceLast } from '../../core/history/since-last';
import type { Report } from '../../core/report';
import type { MailFacts } from '../../core/history/facts-types';
import { recordCheck } from '../../platform/history-db';
import { noteHistoryDropped } from '../../platform/storage-notes';
import type { Settings } from '../../shared/settings';

export async function keepInHistory(report: Report, settings: Pick<Settings, 'history'>, now = Date.now()): Promise<SinceLast | undefined> {
  if (!settings.history || report.status !== 'done') return undefined;
  const facts = factsOf(report);
  if (facts.verdict === 'unanswered') return undefined;
  try {
    return sinceLast(await recordKept(facts, now), facts, now);
  } catch {
    return undefined; // storage refused (private window quota, disk full): the lookup still stands
  }
}

/**
 * A check into history. When storage was full, history dropped its oldest names to make room
 * (src/platform/history-db.ts): one note for the History view says so, added up, not one per check.
 */
export function recordKept(facts: MailFacts, now = Date.now()): Promise<MailFacts | undefined> {
  return recordCheck(facts, undefined, (names) => noteHistoryDropped(names, now));
}
