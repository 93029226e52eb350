/**
 * What the worker keeps in `storage.session` (gone when the browser closes, so never migrated):
 * a shape it does not know is dropped, never misread.
 *
 * - The answer cache, one key per answer (`answer:<cache key>`; src/background/engine.ts): version
 *   1 = the `CacheEntry` of release 0.1.0 and today (unversioned = 1). Another version is dropped.
 * - The resolvers' health (`resolverHealth`; src/platform/health-storage.ts): `HealthSnapshot`
 *   has carried `version: 1` since 0.1.0 and `ResolverHealth.restore` drops any other.
 */
import type { CacheEntry } from '../doh/answer-cache';
import { isNumber, isObject, versionOf } from '../versioned';

export const ANSWER_ENTRY_VERSION = 1;

export function storedAnswer(entry: CacheEntry): CacheEntry & { version: number } {
  return { ...entry, version: ANSWER_ENTRY_VERSION };
}

/** A stored answer in the current shape, or undefined (dropped). */
export function readStoredAnswer(raw: unknown): CacheEntry | undefined {
  if (!isObject(raw) || versionOf(raw) !== ANSWER_ENTRY_VERSION) return undefined;
  if (!isNumber(raw.expiresAt) || !isNumber(raw.storedAt) || !isObject(raw.answer)) return undefined;
  const { version: _version, ...entry } = raw;
  return entry as unknown as CacheEntry;
}
