/**
 * A stored watch entry (IndexedDB `mxray`, store `watch`, one per name; src/platform/history-db.ts):
 * the name's schedule, its last facts and its change log.
 *
 * Versions: 1 = release 0.1.0 (no `version` field; `lastFacts` are facts version 1); 2 = the same
 * fields with `version: 2`. Step 1 -> 2 stamps the version; `lastFacts` is read through the facts'
 * own migrations (core/history/facts-versions.ts), so an old check's facts diff without inventing
 * changes. The change log's items are kept as they were written (their words do not change).
 */
import { migrateFacts } from '../history/facts-versions';
import { WATCH_ENTRY_VERSION, type WatchEntry } from '../history/watch-schedule';
import { isNumber, isObject, isOptional, migrate, readFail, readOk, type Read, type Shape } from '../versioned';

export const CURRENT_VERSION = WATCH_ENTRY_VERSION;

const STATUSES = new Set(['ok', 'changed', 'retrying', 'could-not-check']);
const TOPICS = new Set(['mx', 'host', 'ptr', 'record', 'verdict', 'finding']);

const isItem = (item: unknown) =>
  isObject(item) &&
  TOPICS.has(item.topic as string) &&
  typeof item.subject === 'string' &&
  typeof item.text === 'string' &&
  typeof item.before === 'string' &&
  typeof item.after === 'string';

const isLogEntry = (entry: unknown) =>
  isObject(entry) && isNumber(entry.at) && typeof entry.summary === 'string' && Array.isArray(entry.items) && entry.items.every(isItem);

export const WATCH_SHAPE: Shape<WatchEntry> = {
  what: 'watch entry',
  current: CURRENT_VERSION,
  steps: { 1: (raw) => ({ ...raw, version: 2 }) },
  validate(raw) {
    if (typeof raw.name !== 'string' || raw.name === '') return readFail('the watch entry has no name');
    const about = `the watch entry of ${raw.name}`;
    if (typeof raw.display !== 'string') return readFail(`${about} has no display name`);
    for (const field of ['everyMinutes', 'addedAt', 'nextCheckAt', 'failures', 'unseen'] as const)
      if (!isNumber(raw[field])) return readFail(`${about}: "${field}" is not a number`);
    for (const field of ['lastCheckAt', 'lastOkAt'] as const) if (!isOptional(raw[field], isNumber)) return readFail(`${about}: "${field}" is not a number`);
    if (!STATUSES.has(raw.status as string)) return readFail(`${about}: "status" is ${JSON.stringify(raw.status)}`);
    if (!isOptional(raw.lastError, (v) => typeof v === 'string')) return readFail(`${about}: "lastError" is not text`);
    if (!Array.isArray(raw.log) || !raw.log.every(isLogEntry)) return readFail(`${about}: its change log does not read`);
    const entry = { ...(raw as unknown as WatchEntry), version: CURRENT_VERSION };
    if (raw.lastFacts !== undefined) {
      const facts = migrateFacts(raw.lastFacts);
      if (!facts.ok) return readFail(`${about}: its last facts do not read: ${facts.reason}`);
      entry.lastFacts = facts.value;
    }
    return readOk(entry);
  },
};

/** A stored watch entry of any version -> the current shape, or why not. Never throws. */
export function migrateWatchEntry(raw: unknown): Read<WatchEntry> {
  return migrate(WATCH_SHAPE, raw);
}
