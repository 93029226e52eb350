/**
 * Hears when the stored settings change (saved by another options tab or by the worker), so an
 * open page never shows stale values. The settings live in `storage.local` under `settings`.
 */
import { extensionApi, type Storage } from './extension-api';

const SETTINGS_KEY = 'settings';

/** Calls `listener` with the raw stored value (run it through `migrateSettings`) until `signal` aborts. */
export function watchStoredSettings(listener: (stored: unknown) => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
    const change = changes[SETTINGS_KEY];
    if (area === 'local' && change) listener(change.newValue);
  };
  extensionApi.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => extensionApi.storage.onChanged.removeListener(onChanged), { once: true });
}
