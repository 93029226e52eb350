/**
 * An import file read WHOLE before anything is replaced: its format and version, then every
 * section and every record through the same migrations as storage. The first problem refuses the
 * file, in a sentence that names the section and record. Never throws, whatever the text.
 */
import { HISTORY_NAMES } from '../history/history-bounds';
import { MAX_WATCHED_NAMES } from '../history/watch-schedule';
import { isObject, type Read } from '../versioned';
import { BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_BYTES, type Backup } from './backup';
import { migrateHistoryRecord } from './history-record';
import { isKept, MAX_KEPT } from './kept-record';
import { MAX_RECENT } from './recent-record';
import { migrateSettings } from './settings-record';
import { migrateWatchEntry } from './watch-record';

/** Older backup versions, each to the next (none yet: version 1 is the first). */
const BACKUP_STEPS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {};

export function readBackup(text: string): Read<Backup> {
  const fail = (reason: string): Read<Backup> => ({ ok: false, reason: `This file cannot be imported: ${reason}. Nothing was changed.` });
  if (text.length > MAX_BACKUP_BYTES) return fail(`it is larger than ${MAX_BACKUP_BYTES / 1_000_000} MB`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(`it is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!isObject(data) || data.format !== BACKUP_FORMAT) {
    const facts = isObject(data) && data.format === 'mxray-facts';
    return fail(
      facts ? 'it is a watch list (a facts file), not a backup; import it in the Watch section' : `it is not an MXray backup (no "format": "${BACKUP_FORMAT}")`,
    );
  }
  let version = data.version;
  if (!Number.isInteger(version) || (version as number) < 1) return fail(`its version (${JSON.stringify(version)}) is not a whole number`);
  if ((version as number) > BACKUP_VERSION)
    return fail(`it was written by a newer MXray (backup version ${version as number}; this one reads up to ${BACKUP_VERSION})`);
  let raw: Record<string, unknown> = data;
  for (; (version as number) < BACKUP_VERSION; version = (version as number) + 1) raw = BACKUP_STEPS[version as number]!(raw);
  if (typeof raw.exportedAt !== 'number' || !Number.isFinite(raw.exportedAt)) return fail('"exportedAt" (when it was written) is missing');
  if (!isObject(raw.settings)) return fail('its settings section is missing or not an object');

  const watch: Backup['watch'] = [];
  if (!Array.isArray(raw.watch)) return fail('its watch section is not a list');
  if (raw.watch.length > MAX_WATCHED_NAMES) return fail(`its watch list has ${raw.watch.length} names; MXray watches at most ${MAX_WATCHED_NAMES}`);
  for (const [i, record] of raw.watch.entries()) {
    const read = migrateWatchEntry(record);
    if (!read.ok) return fail(`watch entry ${i + 1} does not read: ${read.reason}`);
    if (watch.some((w) => w.name === read.value.name)) return fail(`watch entry ${i + 1}: ${read.value.name} is in the watch list twice`);
    watch.push(read.value);
  }

  const history: Backup['history'] = [];
  if (!Array.isArray(raw.history)) return fail('its history section is not a list');
  if (raw.history.length > HISTORY_NAMES) return fail(`its history has ${raw.history.length} names; MXray keeps at most ${HISTORY_NAMES}`);
  for (const [i, record] of raw.history.entries()) {
    const read = migrateHistoryRecord(record);
    if (!read.ok) return fail(`history record ${i + 1} does not read: ${read.reason}`);
    if (history.some((h) => h.name === read.value.name)) return fail(`history record ${i + 1}: ${read.value.name} is in the history twice`);
    history.push(read.value);
  }

  if (!Array.isArray(raw.keptExplanations)) return fail('its kept explanations section is not a list');
  const badKept = raw.keptExplanations.findIndex((item) => !isKept(item));
  if (badKept >= 0) return fail(`kept explanation ${badKept + 1} does not read (it needs verdict, verdictKind, domains and at)`);
  if (!Array.isArray(raw.recent)) return fail('its recent lookups section is not a list');
  const badRecent = raw.recent.findIndex((item) => typeof item !== 'string');
  if (badRecent >= 0) return fail(`recent lookup ${badRecent + 1} is not text`);

  return {
    ok: true,
    value: {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: raw.exportedAt,
      extensionVersion: typeof raw.extensionVersion === 'string' ? raw.extensionVersion : 'unknown',
      settings: migrateSettings(raw.settings),
      watch,
      history,
      keptExplanations: (raw.keptExplanations as Backup['keptExplanations']).slice(0, MAX_KEPT),
      recent: (raw.recent as string[]).slice(0, MAX_RECENT),
    },
  };
}
