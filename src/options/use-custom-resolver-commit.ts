/**
 * Committing a typed custom resolver: validate it, ask the browser for its origin, then save.
 * The permission request is made synchronously inside the click or change handler that calls
 * `commit` (browsers show permission prompts only from a user gesture; Firefox loses the gesture
 * at the first `await`), and nothing is saved unless it was granted: a refusal keeps the
 * resolver in use and says so. A commit already in flight for the same resolver is shared, so
 * leaving the field by clicking Test asks only once.
 */
import { useRef, useState } from 'preact/hooks';
import type { DohFormat } from '../core/doh/providers';
import type { ResolverSetting, Settings } from '../shared/settings';
import type { OptionsActions } from './options-actions';
import { checkCustomUrl, permissionRefusedMessage, permissionUnavailableMessage, sameResolver, withCustomResolver } from './resolver-choice';

export interface CustomResolverCommit {
  /** Resolves with the resolver now saved, or undefined (the reason went to `setProblem`). */
  commit: (typedUrl: string, format: DohFormat | undefined) => Promise<ResolverSetting | undefined>;
  /** The host whose permission prompt is open, if one is. */
  asking: string | undefined;
}

export interface CommitDeps {
  actions: OptionsActions;
  current: () => Settings;
  save: (next: Settings) => Promise<Settings | undefined>;
  setProblem: (sentence: string | undefined) => void;
}

export const resolverKey = (r: ResolverSetting) => `${r.id} ${r.customUrl ?? ''} ${r.customFormat ?? ''}`;

export function useCustomResolverCommit({ actions, current, save, setProblem }: CommitDeps): CustomResolverCommit {
  const [asking, setAsking] = useState<string | undefined>();
  const pending = useRef<{ key: string; done: Promise<ResolverSetting | undefined> } | undefined>(undefined);

  const commit = (typedUrl: string, format: DohFormat | undefined): Promise<ResolverSetting | undefined> => {
    const check = checkCustomUrl(typedUrl, format);
    if (!check.ok) {
      setProblem(check.message);
      return Promise.resolve(undefined);
    }
    const { provider } = check;
    const key = resolverKey(withCustomResolver(current(), provider, format).resolver);
    if (pending.current?.key === key) return pending.current.done;
    let asked: Promise<boolean>;
    try {
      asked = actions.requestOrigin(provider.url);
    } catch (error) {
      asked = Promise.reject(error);
    }
    setAsking(provider.name);
    const done = (async () => {
      let granted: boolean;
      try {
        granted = await asked.finally(() => setAsking(undefined));
      } catch {
        setProblem(permissionUnavailableMessage(provider.name));
        return undefined;
      }
      if (!granted) {
        setProblem(permissionRefusedMessage(provider.name, current().resolver));
        return undefined;
      }
      setProblem(undefined);
      const next = withCustomResolver(current(), provider, format);
      if (sameResolver(next.resolver, current().resolver)) return current().resolver;
      return (await save(next))?.resolver;
    })();
    pending.current = { key, done };
    void done.finally(() => {
      if (pending.current?.done === done) pending.current = undefined;
    });
    return done;
  };

  return { commit, asking };
}
