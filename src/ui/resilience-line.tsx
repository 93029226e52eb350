/**
 * The compact "Resilience" line under the mail servers ("2 networks, 2 countries, backup
 * ready"), a `details` that opens to what it rests on: how senders use the MX set, and whether
 * the backups share a failure with the primary. Opens by itself when something needs a look.
 */
import type { Report } from '../core/report';
import { FindingItems } from './findings-list';

export function ResilienceLine({ report }: { report: Report }) {
  const resilience = report.resilience;
  if (!resilience || resilience.summary === '') return null;
  const worst = resilience.severity === 'error' || resilience.severity === 'warn' ? resilience.severity : 'ok';
  return (
    <details class={`resilience resilience-${worst}`} open={worst !== 'ok'} aria-label="Resilience">
      <summary>
        <span class="resilience-title">Resilience</span> <span class="resilience-summary">{resilience.summary}</span>
      </summary>
      {resilience.findings.length > 0 ? (
        <FindingItems findings={resilience.findings} />
      ) : (
        <p class="muted">{resilience.status === 'pending' ? 'Checking…' : 'Nothing to add.'}</p>
      )}
      {resilience.asnOff && <p class="muted">Network lookups are off (Options → Lookups): only address blocks are compared.</p>}
    </details>
  );
}
