/**
 * Settings in `storage.local`, read through `migrateSettings` so any stored shape is safe.
 * Listeners hear about every change, from this worker or from the options page.
 */
import { extensionApi } from '../platform/extension-api';
import { migrateSettings, type Settings } from '../shared/settings';

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = await extensionApi.storage.local.get(KEY);
  return migrateSettings(stored[KEY]);
}

export async function saveSettings(settings: Settings): Promise<Settings> {
  const clean = migrateSettings(settings);
  await extensionApi.storage.local.set({ [KEY]: clean });
  return clean;
}

export function onSettingsChanged(listener: (settings: Settings) => void): void {
  extensionApi.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && KEY in changes) listener(migrateSettings(changes[KEY]?.newValue));
  });
}
