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

/** Either part: "Since last time…" (`since`) or the Watch button (`watch`). */
export function LazyHistoryPart({ since, watch }: { since?: SinceLast | undefined; watch?: { input: string; actions: WatchActions } }) {
  const module = useHistoryParts(true);
  if (!module) return null;
  return since ? <module.SinceLastPart since={since} /> : watch ? <module.WatchPart {...watch} /> : null;
}
