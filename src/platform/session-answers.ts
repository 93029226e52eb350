/**
 * The worker's answer cache as kept in `storage.session` (src/background/engine.ts): one key per
 * answer, `answer:<cache key>`. A page asking its first questions reads the one answer it needs
 * from there before asking the resolvers (src/platform/first-questions), so a name looked up a
 * moment ago costs no request whichever side asks it, even while the worker is stopped.
 */
import { AnswerCache } from '../core/doh/answer-cache';
import type { PriorAnswers } from '../core/doh/doh-client';
import { readStoredAnswer } from '../core/storage/session-record';
import { extensionApi } from './extension-api';

export const ANSWER_PREFIX = 'answer:';

/** `PriorAnswers` from the session copy: the answer with its TTLs counted down, if still fresh. */
export function sessionAnswers(now: () => number = Date.now): PriorAnswers {
  return async (key) => {
    const name = ANSWER_PREFIX + key;
    const stored = await extensionApi.storage.session.get(name).then(
      (items) => items[name],
      () => undefined, // unreadable: ask the resolver
    );
    // Versioned (core/storage/session-record.ts): another version's answer is asked afresh.
    const entry = readStoredAnswer(stored);
    if (!entry) return undefined;
    const one = new AnswerCache(1);
    one.restore([[key, entry]], now());
    return one.get(key, now());
  };
}
