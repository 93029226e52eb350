/**
 * The requests the History and Watch views (options page) and the report's Watch button send to
 * the worker, which alone writes the history and watch stores and sets the alarms.
 */
import type { FactsFile } from '../core/history/facts-file';
import type { WatchEntry } from '../core/history/watch-schedule';
import type { Verdict } from '../core/history/facts-types';

export interface HistoryRowMessage {
  name: string;
  display: string;
  lastCheckedAt: number;
  lastVerdict: Verdict;
  checks: number;
}

/** What storage refused, for the History and Watch views to say (src/platform/storage-notes.ts keeps it). */
export interface StorageNotes {
  /** History dropped its oldest names to make room: how many in all since the note was last dismissed, and when last. */
  historyDropped?: { names: number; at: number };
  /** Since when the watch list could not be saved; the next save that works clears it. */
  watchUnsaved?: { at: number };
}

export interface WatchRequests {
  /** Watch the name of `input` (a domain, email or URL); returns the entry. */
  watchName: [{ input: string; everyMinutes?: number }, WatchEntry];
  unwatchName: [{ name: string }, void];
  /** Is the name of `input` watched? (the report's button) */
  isWatched: [{ input: string }, boolean];
  listWatches: [undefined, WatchEntry[]];
  setWatchInterval: [{ name: string; everyMinutes: number }, WatchEntry];
  checkWatchNow: [{ name: string }, WatchEntry];
  /** The Watch view was opened: its changes are seen, the badge clears. */
  markWatchesSeen: [undefined, void];
  exportWatches: [undefined, FactsFile];
  /** A facts file (the CLI's `--save`, or an export): its names are watched, with its facts as the last ones. */
  importWatches: [{ text: string }, { imported: number }];
  listHistory: [undefined, HistoryRowMessage[]];
  clearHistory: [undefined, void];
  storageNotes: [undefined, StorageNotes];
  /** The person read the History view's "Storage was full" note. */
  dismissHistoryNote: [undefined, void];
}
