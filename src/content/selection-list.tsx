/**
 * In the in-page panel, when the right-clicked selection held several domains: each with a
 * one-line verdict as it comes, and a button that opens them all in the bulk page.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BulkResult } from '../core/bulk/types';
import type { SelectionEvent } from '../shared/bulk-messages';
import type { SelectionConnection } from '../platform/selection-port';

export function SelectionList(props: { watch: (onEvent: (event: SelectionEvent) => void) => SelectionConnection; openCount: number }) {
  const [domains, setDomains] = useState<{ domain: string; display: string }[]>([]);
  const [total, setTotal] = useState(0);
  const [verdicts, setVerdicts] = useState<Record<string, BulkResult>>({});
  const connection = useRef<SelectionConnection | undefined>(undefined);

  useEffect(() => {
    setDomains([]);
    setVerdicts({});
    connection.current = props.watch((event) => {
      if (event.type === 'selection') {
        setDomains(event.domains);
        setTotal(event.total);
      } else setVerdicts((known) => ({ ...known, [event.result.domain]: event.result }));
    });
    return () => connection.current?.close();
  }, [props.openCount]);

  if (domains.length < 2) return null;
  return (
    <section class="selection-list" aria-label="Domains in the selection">
      <h2 class="section-heading">The selection holds {total} domains</h2>
      <ul>
        {domains.map((entry) => (
          <li key={entry.domain}>
            <span class="name">{entry.display}</span>:{' '}
            <span class={`verdict-${verdicts[entry.domain]?.verdict ?? 'pending'}`}>{verdicts[entry.domain]?.verdictText ?? 'checking…'}</span>
          </li>
        ))}
      </ul>
      {total > domains.length && <p class="muted">and {total - domains.length} more.</p>}
      <button type="button" onClick={() => connection.current?.openBulk()}>
        Open all {total} in the bulk page
      </button>
    </section>
  );
}
