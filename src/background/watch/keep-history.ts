/**
 * Every finished lookup goes into history (unless the user turned it off), and the report gets
 * "Since last time…" when its facts differ from the last kept ones. A lookup that got no answer
 * is not kept: it says nothing about the domain.
 */
import { factsOf } from '../../core/history/facts-of';
import { sinceLast, type SinceLast } from '../../core/history/since-last';
import type { Report } from '../../core/report';
import { recordCheck } from '../../platform/history-db';
import type { Settings } from '../../shared/settings';

export async function keepInHistory(report: Report, settings: Pick<Settings, 'history'>, now = Date.now()): Promise<SinceLast | undefined> {
  if (!settings.history || report.status !== 'done') return undefined;
  const facts = factsOf(report);
  if (facts.verdict === 'unanswered') return undefined;
  try {
    return sinceLast(await recordCheck(facts), facts, now);
  } catch {
    return undefined; // storage refused (private window quota, disk full): the lookup still stands
  }
}
