/**
 * A stored history record (IndexedDB `mxray`, store `history`, one per name; src/platform/history-db.ts).
 *
 * Versions: 1 = release 0.1.0 (no `version` field; its checks are facts version 1); 2 = the same
 * fields with `version: 2`. Step 1 -> 2 stamps the version; every check is read through the
 * facts' own migrations (core/history/facts-versions.ts), whatever the record's version.
 */
import { migrateFacts } from '../history/facts-versions';
import { HISTORY_RECORD_VERSION, type NameHistory } from '../history/history-bounds';
import type { MailFacts } from '../history/facts-types';
import { isNumber, migrate, readFail, readOk, type Read, type Shape } from '../versioned';

export const CURRENT_VERSION = HISTORY_RECORD_VERSION;

const VERDICTS = new Set(['ok', 'warn', 'error', 'unanswered']);

export const HISTORY_SHAPE: Shape<NameHistory> = {
  what: 'history record',
  current: CURRENT_VERSION,
  steps: { 1: (raw) => ({ ...raw, version: 2 }) },
  validate(raw) {
    if (typeof raw.name !== 'string' || raw.name === '') return readFail('the history record has no name');
    const about = `the history record of ${raw.name}`;
    if (typeof raw.display !== 'string') return readFail(`${about} has no display name`);
    if (!isNumber(raw.lastCheckedAt)) return readFail(`${about} has no time of its last check`);
    if (!VERDICTS.has(raw.lastVerdict as string)) return readFail(`${about} has no verdict`);
    if (!Array.isArray(raw.checks) || raw.checks.length === 0) return readFail(`${about} has no checks`);
    const checks: MailFacts[] = [];
    for (const [i, check] of raw.checks.entries()) {
      const read = migrateFacts(check);
      if (!read.ok) return readFail(`${about}: check ${i + 1}: ${read.reason}`);
      checks.push(read.value);
    }
    return readOk({ ...(raw as unknown as NameHistory), version: CURRENT_VERSION, checks });
  },
};

/** A stored history record of any version -> the current shape, or why not. Never throws. */
export function migrateHistoryRecord(raw: unknown): Read<NameHistory> {
  return migrate(HISTORY_SHAPE, raw);
}
