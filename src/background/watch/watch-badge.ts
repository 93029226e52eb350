/** The toolbar badge of the watch list: "!" while it could not be saved, else the changes not yet seen. */
import { unseenTotal, type WatchEntry } from '../../core/history/watch-schedule';
import { listWatches } from '../../platform/history-db';
import { storageNotes } from '../../platform/storage-notes';
import { showCouldNotSave, showUnseen } from '../../platform/watch-alerts';

export async function refreshBadge(watches?: readonly WatchEntry[]): Promise<void> {
  try {
    if ((await storageNotes()).watchUnsaved) await showCouldNotSave();
    else await showUnseen(unseenTotal(watches ?? (await listWatches())));
  } catch {
    // The badge is a hint; the Watch view says the same.
  }
}
