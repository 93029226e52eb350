/** The last lookups a person typed, on this device only (`storage.local`), newest first; versioned (src/core/storage/recent-record.ts). */
import { MAX_RECENT, migrateRecent, storedRecent } from '../core/storage/recent-record';
import { extensionApi } from '../platform/extension-api';

const KEY = 'recent';

export async function recentLookups(): Promise<string[]> {
  const stored = await extensionApi.storage.local.get(KEY);
  const read = migrateRecent(stored[KEY]);
  return read.ok ? read.value.items.slice(0, MAX_RECENT) : [];
}

export async function rememberLookup(input: string): Promise<void> {
  const trimmed = input.trim().slice(0, 300);
  if (!trimmed) return;
  const list = (await recentLookups()).filter((x) => x.toLowerCase() !== trimmed.toLowerCase());
  await extensionApi.storage.local.set({ [KEY]: storedRecent([trimmed, ...list].slice(0, MAX_RECENT)) });
}

export async function clearRecentLookups(): Promise<string[]> {
  await extensionApi.storage.local.remove(KEY);
  return [];
}
