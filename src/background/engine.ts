/**
 * The worker's one DoH client, rebuilt when the settings change, over one answer cache that
 * outlives both the client and the worker: it is restored from `storage.session` at start and
 * saved there after lookups, so a worker the browser stopped comes back with its answers
 * (MV3 stops idle workers after ~30 s; storage.session lasts until the browser closes).
 */
import { AnswerCache, type CacheEntry } from '../core/doh/answer-cache';
import { DohClient } from '../core/doh/doh-client';
import { extensionApi } from '../platform/extension-api';
import { migrateSettings, type Settings } from '../shared/settings';
import { providersFor } from './resolver-chain';
import { loadSettings, onSettingsChanged } from './settings-store';

const CACHE_KEY = 'answerCache';
/** storage.session holds 10 MB; a few thousand answers are well within it. */
const CACHE_ENTRIES = 2_000;

const cache = new AnswerCache(CACHE_ENTRIES);
let current: { settings: Settings; client: DohClient } | undefined;

const ready: Promise<void> = (async () => {
  try {
    const stored = await extensionApi.storage.session.get(CACHE_KEY);
    const entries = stored[CACHE_KEY] as [string, CacheEntry][] | undefined;
    if (Array.isArray(entries)) cache.restore(entries, Date.now());
  } catch {
    // A broken or missing snapshot only costs a few requests.
  }
  // Unreadable storage must not stop lookups: fall back to the defaults.
  use(await loadSettings().catch(() => migrateSettings(undefined)));
})();

onSettingsChanged((settings) => use(settings));

function use(settings: Settings): void {
  current = { settings, client: new DohClient({ providers: providersFor(settings), cache, timeoutMs: settings.timeoutMs }) };
}

/** The client and settings to use for a lookup (waits for the restore at worker start). */
export async function engine(): Promise<{ settings: Settings; client: DohClient }> {
  await ready;
  return current!;
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Save the cache soon: at most one write per 150 ms, however many answers land (a throttle,
 * not a debounce, so a long lookup still saves as it goes and a worker stopped mid-lookup
 * loses at most the last 150 ms of answers).
 */
export function persistCacheSoon(): void {
  if (saveTimer !== undefined) return;
  saveTimer = setTimeout(() => {
    saveTimer = undefined;
    void extensionApi.storage.session.set({ [CACHE_KEY]: cache.snapshot(Date.now()) }).catch(() => undefined);
  }, 150);
}
