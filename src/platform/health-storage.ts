/**
 * The resolvers' health (core/doh/resolver-health.ts) in `storage.session`, under one key: a
 * worker the browser stopped after ~30 s idle finds, when it starts again, which resolver
 * timed out and what round trips the others showed, instead of paying the time-out again.
 * Session storage, not local: it lasts until the browser closes, and a network's blocked
 * resolver is a fact about this session, not one to carry into next week.
 */
import type { HealthSnapshot, HealthStore } from '../core/doh/resolver-health';
import { extensionApi } from './extension-api';

const KEY = 'resolverHealth';

export function sessionHealthStore(): HealthStore {
  return {
    async load() {
      const stored = await extensionApi.storage.session.get(KEY);
      const value = stored[KEY] as HealthSnapshot | undefined;
      return value && typeof value === 'object' ? value : undefined;
    },
    async save(snapshot) {
      await extensionApi.storage.session.set({ [KEY]: snapshot });
    },
  };
}
