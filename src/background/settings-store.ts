/**
 * Settings in `storage.local`, read through `migrateSettings` so any stored shape is safe.
 * Listeners hear about every change, from this worker or from the options page.
 */
import { extensionApi } from '../platform/extension-api';
import { readStoredSettings, SETTINGS_KEY as KEY } from '../platform/stored-settings';
import { migrateSettings, type Settings } from '../shared/settings';

export const loadSettings: () => Promise<Settings> = readStoredSettings;

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
