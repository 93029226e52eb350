/**
 * The worker's answer cache as kept in `storage.session` (src/background/engine.ts): one key per
 * answer, `answer:<cache key>`. A page asking its first questions reads the one answer it needs
 * from there before asking the resolvers (src/platform/first-questions), so a name looked up a
 * moment ago costs no request whichever side asks it, even while the worker is stopped.
 */
import { AnswerCache, type CacheEntry } from '../core/doh/answer-cache';
import type { PriorAnswers } from '../core/doh/doh-client';
import { extensionApi } from './extension-api';

export const ANSWER_PREFIX = 'answer:';

export function isCacheEntry(value: unknown): value is CacheEntry {
  const entry = value as Partial<CacheEntry> | null;
  return (
    typeof entry === 'object' && entry !== null && typeof entry.expiresAt === 'number' && typeof entry.storedAt === 'number' && typeof entry.answer === 'object'
  );
}

/** `PriorAnswers` from the session copy: the answer with its TTLs counted down, if still fresh. */
export function sessionAnswers(now: () => number = Date.now): PriorAnswers {
  return async (key) => {
    const name = ANSWER_PREFIX + key;
    const stored = await extensionApi.storage.session.get(name).then(
      (items) => items[name],
      () => undefined, // unreadable: ask the resolver
    );
    if (!isCacheEntry(stored)) return undefined;
    const one = new AnswerCache(1);
    one.restore([[key, stored]], now());
    return one.get(key, now());
  };
}
