/**
 * "Since last time…" and the Watch button appear only once a lookup is done, so they load then,
 * as a chunk of their own: the popup's JS at open stays within its budget (docs/performance.md).
 * In the in-page panel (one script) esbuild inlines the import.
 */
import { useEffect, useState } from 'preact/hooks';
import type { SinceLast } from '../../core/history/since-last';
import type { WatchActions } from '../actions';

type Module = typeof import('./history-parts');
let loaded: Module | undefined;

function useHistoryParts(wanted: boolean): Module | undefined {
  const [module, setModule] = useState<Module | undefined>(loaded);
  useEffect(() => {
    if (module || !wanted) return;
    let live = true;
    void import('./history-parts').then((m) => {
      loaded = m;
      if (live) setModule(m);
    });
    return () => {
      live = false;
    };
  }, [module, wanted]);
  return module;
}

export function LazySinceLast({ since }: { since: SinceLast | undefined }) {
  const module = useHistoryParts(since !== undefined);
  return module && since ? <module.SinceLastPart since={since} /> : null;
}

export function LazyWatchButton({ input, actions }: { input: string; actions: WatchActions }) {
  const module = useHistoryParts(true);
  return module ? <module.WatchPart input={input} actions={actions} /> : null;
}
