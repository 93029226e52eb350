/**
 * Every write of the watch list goes through here. A write refused for space (quota, full disk)
 * leaves the stored entry as it was, turns the badge to "could not save" and becomes a sentence;
 * the next write that works clears that state.
 */
import type { WatchEntry } from '../../core/history/watch-schedule';
import { putWatch, updateWatch } from '../../platform/history-db';
import { isStorageFull, StorageFullError } from '../../platform/storage-full';
import { clearWatchUnsaved, noteWatchUnsaved, storageNotes } from '../../platform/storage-notes';
import { COULD_NOT_SAVE_TITLE } from '../../platform/watch-alerts';
import { refreshBadge } from './watch-badge';

export const WATCH_NOT_SAVED = `${COULD_NOT_SAVE_TITLE}. The last saved list is kept and the checks go on; free some disk space and the next check saves it.`;

export function saveWatch(entry: WatchEntry, now = Date.now()): Promise<void> {
  return saving(() => putWatch(entry), now);
}

/**
 * The entry as stored now, changed and written in one transaction (history-db.ts `updateWatch`):
 * a check's outcome, an interval or a "seen" set meanwhile elsewhere is not lost. `undefined`
 * when the name is no longer watched (nothing is written).
 */
export function updateWatchSaving(name: string, change: (entry: WatchEntry) => WatchEntry, now = Date.now()): Promise<WatchEntry | undefined> {
  return saving(() => updateWatch(name, change), now);
}

async function saving<T>(write: () => Promise<T>, now: number): Promise<T> {
  let written: T;
  try {
    written = await write();
  } catch (error) {
    if (!isStorageFull(error)) throw error;
    await noteWatchUnsaved(now);
    await refreshBadge();
    throw new StorageFullError(WATCH_NOT_SAVED, { cause: error });
  }
  if ((await storageNotes()).watchUnsaved) {
    await clearWatchUnsaved();
    await refreshBadge();
  }
  return written;
}
