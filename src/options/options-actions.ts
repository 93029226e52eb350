/**
 * Everything the options page asks of the outside world. The page gets an `OptionsActions`
 * as a prop, so it renders against a fake in unit tests and against the browser here.
 */
import { hasOrigin, requestOrigin } from '../platform/permissions';
import { sendRequest } from '../platform/requests';
import { watchStoredSettings } from '../platform/settings-changes';
import type { Requests } from '../shared/messages';
import { migrateSettings, type ResolverSetting, type Settings } from '../shared/settings';
import { browserHistoryActions, type HistoryActions } from './history/history-actions';
import { browserStorageActions, type StorageActions } from './storage/storage-actions';

export interface OptionsActions {
  getSettings(): Promise<Settings>;
  /** Writes these fields over the stored settings; resolves with the settings as stored (the worker cleans them). */
  changeSettings(change: Partial<Settings>): Promise<Settings>;
  testResolver(resolver: ResolverSetting): Promise<Requests['testResolver'][1]>;
  getRecent(): Promise<string[]>;
  clearRecent(): Promise<string[]>;
  /** Shows the browser's permission prompt; call it straight from a click or change handler. */
  requestOrigin(url: string): Promise<boolean>;
  hasOrigin(url: string): Promise<boolean>;
  /** Settings saved elsewhere (another options tab); stops listening when `signal` aborts. */
  onSettingsChanged(listener: (settings: Settings) => void, signal: AbortSignal): void;
  /** The Watch and History views; without it they are not shown. */
  history?: HistoryActions;
  /** Back up and restore, and the unreadable-records note; without it they are not shown. */
  storage?: StorageActions;
}

export const browserOptionsActions: OptionsActions = {
  getSettings: () => sendRequest('getSettings', undefined),
  changeSettings: (change) => sendRequest('changeSettings', change),
  testResolver: (resolver) => sendRequest('testResolver', resolver),
  getRecent: () => sendRequest('getRecent', undefined),
  clearRecent: () => sendRequest('clearRecent', undefined),
  requestOrigin,
  hasOrigin,
  onSettingsChanged: (listener, signal) => watchStoredSettings((stored) => listener(migrateSettings(stored)), signal),
  history: browserHistoryActions,
  storage: browserStorageActions,
};
