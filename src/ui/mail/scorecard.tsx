/**
 * The scorecard at the top of the mail setup: "is this domain's mail up to standard?" at a
 * glance, one row per standard (report.mail.scorecard, src/core/mail/scorecard) with its status
 * as a word in a badge (never colour alone) and a few words why. Each row's button opens its
 * section: the `<details>` is opened, scrolled to and focused, in the popup's document or the
 * panel's shadow root alike. Rules: docs/scorecard.md.
 */
import type { ScorecardId, ScorecardLine, ScorecardStatus } from '../../core/mail/scorecard/types';
import { SCORECARD_TITLES } from '../../core/mail/scorecard/types';
import css from './scorecard.css';

const STATUS_WORD: Record<ScorecardStatus, string> = { pass: 'pass', warn: 'warn', fail: 'fail', 'not-checked': 'not checked' };

/** Where each line's details are: its mail section (`data-section`), or the routing parts above the mail setup. */
const TARGETS: Record<ScorecardId, string> = {
  mx: 'section.findings',
  spf: '[data-section="spf"]',
  dkim: '[data-section="dkim"]',
  dmarc: '[data-section="dmarc"]',
  dnssec: '[data-section="dnssec"]',
  dane: '[data-section="dane"]',
  mtaSts: '[data-section="mta-sts"]',
  tlsRpt: '[data-section="tls-rpt"]',
  ipv6: '.table-scroll',
  resilience: 'details.resilience',
};

/** Opens the line's part of the report (a `<details>` is opened), scrolls to it and moves the focus there. */
export function openTarget(from: Element, id: ScorecardId): boolean {
  const root = from.getRootNode() as Document | ShadowRoot;
  const target = root.querySelector<HTMLElement>(TARGETS[id]);
  if (!target) return false;
  if (target instanceof HTMLDetailsElement) target.open = true;
  target.scrollIntoView({ block: 'start', behavior: 'smooth' });
  const focusable = target instanceof HTMLDetailsElement ? target.querySelector<HTMLElement>(':scope > summary') : target;
  // A region that is not focusable of itself (the findings) takes the focus once, by script only.
  if (focusable && !focusable.hasAttribute('tabindex') && focusable === target) focusable.tabIndex = -1;
  focusable?.focus({ preventScroll: true });
  return true;
}

export function Scorecard({ lines }: { lines: readonly ScorecardLine[] | undefined }) {
  if (!lines || lines.length === 0) return null;
  return (
    <div class="scorecard">
      <style>{css}</style>
      <table>
        <caption>Scorecard</caption>
        <thead>
          <tr>
            <th scope="col">Standard</th>
            <th scope="col">Status</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.id} data-scorecard={line.id} class={`scorecard-${line.status}`}>
              <th scope="row">
                <button type="button" class="scorecard-open" onClick={(event) => openTarget(event.currentTarget, line.id)}>
                  {SCORECARD_TITLES[line.id]}
                </button>
              </th>
              <td>
                <span class={`scorecard-badge badge-${line.status}`}>{STATUS_WORD[line.status]}</span>
              </td>
              <td class="scorecard-summary">{line.summary}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
