/**
 * The settings as stored (`storage.local`, key `settings`), read through `migrateSettings` so any
 * stored shape is safe. One reader for the worker (src/background/settings-store.ts) and for a
 * page that asks its first questions itself (src/platform/first-questions): the page must ask
 * the resolver the person chose, never a default in its place.
 */
import { migrateSettings, type Settings } from '../shared/settings';
import { extensionApi } from './extension-api';

export const SETTINGS_KEY = 'settings';

export async function readStoredSettings(): Promise<Settings> {
  const stored = await extensionApi.storage.local.get(SETTINGS_KEY);
  return migrateSettings(stored[SETTINGS_KEY]);
}
