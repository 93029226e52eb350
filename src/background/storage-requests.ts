/**
 * The worker's side of src/shared/storage-messages.ts: counts of what is stored (and what does
 * not read), "Export everything", and "Import…", which replaces everything only after the file
 * has been read whole (src/core/storage/backup-read.ts), in as few writes as it can: one
 * IndexedDB transaction over history and watch, one storage.local write for the rest. Then the
 * watch alarms follow the imported list and the badge is refreshed.
 */
import { buildBackup } from '../core/storage/backup';
import { countsOf } from '../core/storage/backup-plan';
import { readBackup } from '../core/storage/backup-read';
import { storedKept } from '../core/storage/kept-record';
import { storedRecent } from '../core/storage/recent-record';
import { settingsToStore } from '../core/storage/settings-record';
import { alarmTime, type WatchEntry } from '../core/history/watch-schedule';
import { extensionApi } from '../platform/extension-api';
import { allHistory, listWatches, replaceHistoryAndWatches, unreadableRecords } from '../platform/history-db';
import { readKeptExplanations } from '../platform/kept-explanations';
import { cancelCheck, scheduleCheck, scheduledNames } from '../platform/watch-alarms';
import type { StorageRequests } from '../shared/storage-messages';
import { unreadableBulkRecords } from './bulk/bulk-store';
import { recentLookups } from './recent-lookups';
import { inSettingsTurn, loadSettings } from './settings-store';
import { refreshBadge } from './watch/watch-badge';

type Handlers = { [N in keyof StorageRequests]: (payload: StorageRequests[N][0]) => Promise<StorageRequests[N][1]> };

async function stored() {
  const [settings, watch, history, kept, recent] = await Promise.all([loadSettings(), listWatches(), allHistory(), readKeptExplanations(), recentLookups()]);
  return { settings, watch, history, keptExplanations: kept.items, recent, keptSkipped: kept.skipped };
}

export const storageHandlers: Handlers = {
  async storedCounts() {
    const [now, records, bulk] = await Promise.all([stored(), unreadableRecords(), unreadableBulkRecords().catch(() => 0)]);
    return { counts: countsOf(now), unreadable: { ...records, bulk, keptExplanations: now.keptSkipped } };
  },
  async exportEverything() {
    const { keptSkipped: _skipped, ...contents } = await stored();
    return buildBackup(contents, Date.now(), extensionApi.runtime.getManifest().version);
  },
  async importEverything({ text }) {
    const read = readBackup(text);
    if (!read.ok) throw new Error(read.reason);
    const backup = read.value;
    const before = await stored();
    await replaceHistoryAndWatches(backup.history, backup.watch);
    try {
      // In turn with the settings' other writes: an options tab's change read before the import
      // and written after it would put the old settings back around its one field.
      await inSettingsTurn(async () => {
        const storedSettings = (await extensionApi.storage.local.get('settings')).settings;
        await extensionApi.storage.local.set({
          settings: settingsToStore(backup.settings, storedSettings),
          keptExplanations: storedKept(backup.keptExplanations),
          recent: storedRecent(backup.recent),
        });
      });
    } catch (error) {
      // All or nothing: the history and watch list go back to what they were.
      await replaceHistoryAndWatches(before.history, before.watch);
      throw new Error(`The import could not be saved (${error instanceof Error ? error.message : String(error)}). Nothing was changed.`, { cause: error });
    }
    await followWatchList(backup.watch);
    return countsOf(backup);
  },
};

/** The alarms of the watch list just written: one per name at its next check, none for a name no longer watched; then the badge. */
async function followWatchList(watch: readonly WatchEntry[]): Promise<void> {
  const names = new Set(watch.map((entry) => entry.name));
  const now = Date.now();
  await Promise.all([...(await scheduledNames())].filter((name) => !names.has(name)).map((name) => cancelCheck(name)));
  await Promise.all(watch.map((entry) => scheduleCheck(entry.name, alarmTime(entry, now))));
  await refreshBadge();
}
