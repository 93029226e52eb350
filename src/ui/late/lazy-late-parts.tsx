/**
 * The copy menu, the Resilience line and the footer, loaded after the first paint as a chunk of
 * their own (the footer names the resolvers that answered, so it waits for them anyway):
 * the copy menu is used once a report is on screen, the Resilience line needs the addresses and
 * their networks, so neither belongs in the popup's JS at open (≤ 18 KB gz, docs/performance.md).
 * In the in-page panel (one script) esbuild inlines the import.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Report } from '../../core/report';
import type { ReportActions } from '../actions';

type Module = typeof import('./late-parts');
let loaded: Module | undefined;
let loading: Promise<Module> | undefined;

function useLateParts(): Module | undefined {
  const [module, setModule] = useState<Module | undefined>(loaded);
  useEffect(() => {
    if (module) return;
    let live = true;
    loading ??= import('./late-parts').then((m) => (loaded = m));
    void loading.then((m) => live && setModule(m));
    return () => {
      live = false;
    };
  }, [module]);
  return module;
}

export function LazyCopyMenu({ report, actions }: { report: Report; actions: ReportActions }) {
  const module = useLateParts();
  return module ? <module.CopyMenu report={report} actions={actions} /> : null;
}

export function LazyResilienceLine({ report }: { report: Report }) {
  const module = useLateParts();
  return module ? <module.ResilienceLine report={report} /> : null;
}

export function LazyReportFooter({ report }: { report: Report }) {
  const module = useLateParts();
  return module ? <module.ReportFooter report={report} /> : null;
}
