/** What the "Back up and restore" card and the unreadable-records note ask of the worker (src/shared/storage-messages.ts). */
import type { Backup } from '../../core/storage/backup';
import type { StoredCounts } from '../../core/storage/backup-plan';
import { sendRequest } from '../../platform/requests';
import type { UnreadableCounts } from '../../shared/storage-messages';
import { download } from '../../ui/download';

export interface StorageActions {
  storedCounts(): Promise<{ counts: StoredCounts; unreadable: UnreadableCounts }>;
  exportEverything(): Promise<Backup>;
  importEverything(text: string): Promise<StoredCounts>;
  /** Hands the text to the browser as a downloaded file. */
  download(name: string, text: string): void;
}

export const browserStorageActions: StorageActions = {
  storedCounts: () => sendRequest('storedCounts', undefined),
  exportEverything: () => sendRequest('exportEverything', undefined),
  importEverything: (text) => sendRequest('importEverything', { text }),
  download: (name, text) => download(name, text, 'application/json'),
};
