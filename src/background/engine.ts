/**
 * The worker's one DoH client, rebuilt when the settings change, over one answer cache that
 * outlives both the client and the worker: it is restored from `storage.session` at start and
 * kept there while lookups run, so a worker the browser stopped comes back with its answers
 * (MV3 stops idle workers after ~30 s; storage.session lasts until the browser closes).
 *
 * One storage key per answer (`answer:<cache key>`), and each save writes only the answers
 * stored and removes only the ones dropped since the last: with the mail diagnostics a lookup
 * adds ~60 answers, and rewriting a 2,000-entry cache (600 KB of JSON) on every save cost a
 * long session ~370 ms per save (docs/performance.md).
 */
import { AnswerCache, type CacheEntry } from '../core/doh/answer-cache';
import type { DnsAnswer } from '../core/doh/dns-answer';
import { DohClient } from '../core/doh/doh-client';
import { ResolverHealth } from '../core/doh/resolver-health';
import { readStoredAnswer, storedAnswer } from '../core/storage/session-record';
import { extensionApi } from '../platform/extension-api';
import { sessionHealthStore } from '../platform/health-storage';
import { ANSWER_PREFIX as ENTRY_PREFIX } from '../platform/session-answers';
import { migrateSettings, type Settings } from '../shared/settings';
import { providersFor } from '../shared/resolver-chain';
import { loadSettings, onSettingsChanged } from './settings-store';

/** Where earlier builds of 0.1 kept the whole cache in one key (before one key per answer); removed at start. */
const LEGACY_CACHE_KEY = 'answerCache';
/** storage.session holds 10 MB; a few thousand answers are well within it. */
const CACHE_ENTRIES = 2_000;

const cache = new AnswerCache(CACHE_ENTRIES, { trackChanges: true });
/** Resolver demotions, kept in storage.session so a restarted worker remembers them. */
const health = new ResolverHealth({ store: sessionHealthStore() });
let current: { settings: Settings; client: DohClient } | undefined;

// The cache and the settings are read side by side: a cold worker's first lookup waits for both.
// Unreadable storage must not stop lookups: the settings fall back to the defaults.
const ready: Promise<void> = Promise.all([restoreCache(), loadSettings().catch(() => migrateSettings(undefined))]).then(([, settings]) => use(settings));

async function restoreCache(): Promise<void> {
  try {
    const stored = await extensionApi.storage.session.get(null);
    const entries: [string, CacheEntry][] = [];
    const unreadable: string[] = [];
    for (const [key, value] of Object.entries(stored)) {
      if (!key.startsWith(ENTRY_PREFIX)) continue;
      // Versioned (core/storage/session-record.ts): another version's answer is dropped, never misread.
      const entry = readStoredAnswer(value);
      if (entry) entries.push([key.slice(ENTRY_PREFIX.length), entry]);
      else unreadable.push(key);
    }
    const dropped = cache.restore(entries, Date.now());
    const stale = [...dropped.map((key) => ENTRY_PREFIX + key), ...unreadable, ...(LEGACY_CACHE_KEY in stored ? [LEGACY_CACHE_KEY] : [])];
    if (stale.length > 0) void extensionApi.storage.session.remove(stale).catch(() => undefined);
  } catch {
    // A broken or missing snapshot only costs a few requests.
  }
}

onSettingsChanged((settings) => use(settings));

function use(settings: Settings): void {
  current = { settings, client: new DohClient({ providers: providersFor(settings), cache, health, timeoutMs: settings.timeoutMs }) };
}

/** The client and settings to use for a lookup (waits for the restore at worker start). */
export async function engine(): Promise<{ settings: Settings; client: DohClient }> {
  await ready;
  return current!;
}

/** An answer the page that asked a lookup got itself (core/doh/relayed-answers.ts): kept as if asked here. */
export function keepRelayedAnswer(key: string, answer: DnsAnswer): void {
  cache.set(key, answer, Date.now());
  persistCacheSoon();
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
    const { stored, removed } = cache.takeChanges();
    if (stored.length > 0)
      void extensionApi.storage.session.set(Object.fromEntries(stored.map(([key, entry]) => [ENTRY_PREFIX + key, storedAnswer(entry)]))).catch(() => undefined);
    if (removed.length > 0) void extensionApi.storage.session.remove(removed.map((key) => ENTRY_PREFIX + key)).catch(() => undefined);
  }, 150);
}
