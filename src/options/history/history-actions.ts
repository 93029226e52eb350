/** What the Watch and History views ask of the worker (src/shared/watch-messages.ts). */
import type { FactsFile } from '../../core/history/facts-file';
import type { WatchEntry } from '../../core/history/watch-schedule';
import { sendRequest } from '../../platform/requests';
import type { HistoryRowMessage, StorageNotes } from '../../shared/watch-messages';

export interface HistoryActions {
  listWatches(): Promise<WatchEntry[]>;
  unwatch(name: string): Promise<void>;
  setInterval(name: string, everyMinutes: number): Promise<WatchEntry>;
  checkNow(name: string): Promise<WatchEntry>;
  markSeen(): Promise<void>;
  exportWatches(): Promise<FactsFile>;
  importWatches(text: string): Promise<{ imported: number }>;
  listHistory(): Promise<HistoryRowMessage[]>;
  clearHistory(): Promise<void>;
  /** What storage refused: history dropped to make room, the watch list not saved. */
  storageNotes(): Promise<StorageNotes>;
  dismissHistoryNote(): Promise<void>;
}

export const browserHistoryActions: HistoryActions = {
  listWatches: () => sendRequest('listWatches', undefined),
  unwatch: (name) => sendRequest('unwatchName', { name }),
  setInterval: (name, everyMinutes) => sendRequest('setWatchInterval', { name, everyMinutes }),
  checkNow: (name) => sendRequest('checkWatchNow', { name }),
  markSeen: () => sendRequest('markWatchesSeen', undefined),
  exportWatches: () => sendRequest('exportWatches', undefined),
  importWatches: (text) => sendRequest('importWatches', { text }),
  listHistory: () => sendRequest('listHistory', undefined),
  clearHistory: () => sendRequest('clearHistory', undefined),
  storageNotes: () => sendRequest('storageNotes', undefined),
  dismissHistoryNote: () => sendRequest('dismissHistoryNote', undefined),
};
