/**
 * The SPF/DMARC records and the mail diagnostics sections, loaded once the report view has
 * painted: in the popup they are a chunk of their own, so the JS parsed before the MX list shows
 * stays small (docs/performance.md: popup ≤ 18 KB gzipped at open). In the in-page panel (one
 * script, no chunks) esbuild inlines the import and this just renders.
 */
import { useEffect, useState } from 'preact/hooks';
import type { MailSectionsProps } from './mail-sections';

type Module = typeof import('./mail-sections');
let loaded: Module | undefined;

export function LazyMailSections(props: MailSectionsProps) {
  const [module, setModule] = useState<Module | undefined>(loaded);
  useEffect(() => {
    if (module) return;
    let live = true;
    void import('./mail-sections').then((m) => {
      loaded = m;
      if (live) setModule(m);
    });
    return () => {
      live = false;
    };
  }, [module]);
  if (!module) return null;
  return (
    <>
      <module.MailRecords txt={props.report.txt} headingLevel={props.headingLevel ?? 2} />
      <module.MailSections {...props} />
    </>
  );
}
