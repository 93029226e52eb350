/** The options page's requests about everything stored: the unreadable-records note, "Export everything" and "Import…". */
import type { Backup } from '../core/storage/backup';
import type { StoredCounts } from '../core/storage/backup-plan';

/** Stored records skipped because they do not read (damaged, or from a newer MXray), per store. */
export interface UnreadableCounts {
  history: number;
  watch: number;
  bulk: number;
  keptExplanations: number;
}

export interface StorageRequests {
  /** What is stored now (the import's "now" column) and what could not be read. */
  storedCounts: [undefined, { counts: StoredCounts; unreadable: UnreadableCounts }];
  exportEverything: [undefined, Backup];
  /** The file's text: checked whole again in the worker, then everything replaced; answers the new counts. */
  importEverything: [{ text: string }, StoredCounts];
}
