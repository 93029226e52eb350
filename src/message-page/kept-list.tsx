/**
 * "Kept explanations": only what the person chose to keep (verdict, kind, domains, time), never
 * the message; a Clear button empties the list.
 */
import type { KeptExplanation } from '../platform/kept-explanations';
import { DnsText } from '../ui/dns-text';
import { KIND_WORDS } from './words';

export function KeptList({ kept, onClear }: { kept: readonly KeptExplanation[]; onClear: () => void }) {
  if (kept.length === 0) return null;
  return (
    <section class="kept" aria-labelledby="kept-heading">
      <h2 id="kept-heading">Kept explanations</h2>
      <p class="muted">Only the verdict, the domains and the time are kept, on this device; never the message.</p>
      <ul aria-label="Kept explanations">
        {kept.map((entry, index) => (
          <li key={`${entry.at}-${index}`}>
            <span class="muted">{new Date(entry.at).toLocaleString()}</span>{' '}
            <span class={`badge badge-${entry.verdictKind}`}>{KIND_WORDS[entry.verdictKind]}</span> <DnsText text={entry.verdict} />
            {entry.domains.length > 0 && (
              <span class="muted">
                {' '}
                (<DnsText text={entry.domains.join(', ')} />)
              </span>
            )}
          </li>
        ))}
      </ul>
      <button type="button" onClick={onClear}>
        Clear
      </button>
    </section>
  );
}
