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
}
