/**
 * The backup file: "Export everything" on the options page writes it, "Import…" reads it
 * (backup-read.ts) and replaces what is stored (backup-plan.ts says what). One JSON object:
 *
 *   { "format": "mxray-backup", "version": 1, "exportedAt": 1767225600000, "extensionVersion": "0.2.0",
 *     "settings": {...}, "watch": [WatchEntry with its change log, ...], "history": [NameHistory, ...],
 *     "keptExplanations": [...], "recent": ["example.com", ...] }
 *
 * Every record inside is in its own stored shape and carries its own version, so an import reads
 * each through the same migrations as storage (an older record is brought up to date; a record
 * that does not read makes the whole file refused). Version 1 is the first backup format.
 */
import type { NameHistory } from '../history/history-bounds';
import type { WatchEntry } from '../history/watch-schedule';
import type { KeptExplanation } from './kept-record';
import type { Settings } from './settings-record';

export const BACKUP_FORMAT = 'mxray-backup';
export const BACKUP_VERSION = 1;
/** A backup larger than this is refused unread: 1,000 names × 20 checks is ~20 MB of JSON. */
export const MAX_BACKUP_BYTES = 64_000_000;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: number;
  /** The MXray that wrote it (its manifest version). */
  extensionVersion: string;
  settings: Settings;
  watch: WatchEntry[];
  history: NameHistory[];
  keptExplanations: KeptExplanation[];
  recent: string[];
}

export type BackupContents = Pick<Backup, 'settings' | 'watch' | 'history' | 'keptExplanations' | 'recent'>;

export function buildBackup(contents: BackupContents, exportedAt: number, extensionVersion: string): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, extensionVersion, ...contents };
}

/** The file name the download gets: `mxray-backup-2026-01-01.json`. */
export function backupFileName(exportedAt: number): string {
  return `mxray-backup-${new Date(exportedAt).toISOString().slice(0, 10)}.json`;
}
