/**
 * Settings in `storage.local`, read through `migrateSettings` so any stored shape is safe.
 * Listeners hear about every change, from this worker or from the options page.
 */
import { extensionApi } from '../platform/extension-api';
import { sayingStorageFull } from '../platform/storage-full';
import { readStoredSettings, SETTINGS_KEY as KEY } from '../platform/stored-settings';
import { migrateSettings, settingsToStore, type Settings } from '../shared/settings';

export const loadSettings: () => Promise<Settings> = readStoredSettings;

/** The settings' writes, one after another: each reads what the one before it wrote. Every write goes through it. */
let writes: Promise<unknown> = Promise.resolve();

/**
 * Runs `write` after every settings write asked before it has finished, and before any asked
 * after: a change of one field and a backup's import never interleave their read and write.
 */
export function inSettingsTurn<T>(write: () => Promise<T>): Promise<T> {
  const turn = writes.then(write);
  writes = turn.catch(() => undefined);
  return turn;
}

/**
 * Writes the fields a page changed over the settings as stored now, read and written in turn
 * with every other write. Two options tabs changing different fields at once both keep their
 * change; a whole object saved by a tab that had not yet heard of the other's change would put
 * the other field back. Over a newer MXray's settings, its fields this build does not know are
 * kept (core/storage/settings-record.ts).
 */
export function changeSettings(change: Partial<Settings>): Promise<Settings> {
  return inSettingsTurn(async () => {
    const stored = (await extensionApi.storage.local.get(KEY))[KEY];
    const clean = migrateSettings({ ...migrateSettings(stored), ...change });
    // The options page shows "Not saved: " before it and puts the change back.
    await sayingStorageFull(
      () => extensionApi.storage.local.set({ [KEY]: settingsToStore(clean, stored) }),
      'storage is full. Free some disk space, then make the change again.',
    );
    return clean;
  });
}

export function onSettingsChanged(listener: (settings: Settings) => void): void {
  extensionApi.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && KEY in changes) listener(migrateSettings(changes[KEY]?.newValue));
  });
}
