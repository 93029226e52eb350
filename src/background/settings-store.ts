/**
 * Settings in `storage.local`, read through `migrateSettings` so any stored shape is safe.
 * Listeners hear about every change, from this worker or from the options page.
 */
import { extensionApi } from '../platform/extension-api';
import { sayingStorageFull } from '../platform/storage-full';
import { readStoredSettings, SETTINGS_KEY as KEY } from '../platform/stored-settings';
import { migrateSettings, settingsToStore, type Settings } from '../shared/settings';

export const loadSettings: () => Promise<Settings> = readStoredSettings;

/** Over a newer MXray's settings, its fields this build does not know are kept (core/storage/settings-record.ts). */
export async function saveSettings(settings: Settings): Promise<Settings> {
  const clean = migrateSettings(settings);
  const stored = (await extensionApi.storage.local.get(KEY))[KEY];
  // The options page shows "Not saved: " before it and puts the change back.
  await sayingStorageFull(
    () => extensionApi.storage.local.set({ [KEY]: settingsToStore(clean, stored) }),
    'storage is full. Free some disk space, then make the change again.',
  );
  return clean;
}

export function onSettingsChanged(listener: (settings: Settings) => void): void {
  extensionApi.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && KEY in changes) listener(migrateSettings(changes[KEY]?.newValue));
  });
}
