/**
 * "Kept explanations": what a person chose to keep of an explained message (never kept on its
 * own): the verdict, its kind, the domains and the time, in `storage.local`, newest first, at most
 * 100. Never the message, its headers or its subject. Versioned, read through
 * src/core/storage/kept-record.ts: an item that does not read is left out and counted.
 */
import { MAX_KEPT, migrateKept, storedKept, type KeptExplanation } from '../core/storage/kept-record';
import { extensionApi } from './extension-api';
import { sayingStorageFull } from './storage-full';

export type { KeptExplanation } from '../core/storage/kept-record';

const KEY = 'keptExplanations';
export { MAX_KEPT };

/** The kept explanations that read, and how many did not (a list from a newer MXray reads as none, all unreadable). */
export async function readKeptExplanations(): Promise<{ items: KeptExplanation[]; skipped: number }> {
  const stored: unknown = (await extensionApi.storage.local.get(KEY))[KEY];
  const read = migrateKept(stored);
  return read.ok
    ? read.value
    : { items: [], skipped: Array.isArray((stored as { items?: unknown })?.items) ? (stored as { items: unknown[] }).items.length : 1 };
}

export async function keptExplanations(): Promise<KeptExplanation[]> {
  return (await readKeptExplanations()).items;
}

export async function keepExplanation(entry: KeptExplanation): Promise<KeptExplanation[]> {
  const kept = [entry, ...(await keptExplanations())].slice(0, MAX_KEPT);
  await sayingStorageFull(
    () => extensionApi.storage.local.set({ [KEY]: storedKept(kept) }),
    'Not kept: storage is full. Free some disk space, then keep it again.',
  );
  return kept;
}

/** Replaces the whole list (a backup restored). */
export async function replaceKeptExplanations(items: KeptExplanation[]): Promise<void> {
  await extensionApi.storage.local.set({ [KEY]: storedKept(items.slice(0, MAX_KEPT)) });
}

export async function clearKeptExplanations(): Promise<void> {
  await extensionApi.storage.local.remove(KEY);
}
