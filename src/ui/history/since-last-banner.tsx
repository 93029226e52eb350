/**
 * "Since last time…" at the top of a report: what changed since the facts this device kept from
 * the last lookup of the name, in words, with the old and new values side by side on demand.
 * Everything is text (DNS data is never markup), control and bidi characters made visible.
 */
import type { SinceLast } from '../../core/history/since-last';
import { visibleText } from '../format/zone-text';

export function SinceLastBanner({ since }: { since: SinceLast }) {
  return (
    <section class="since-last" aria-label="Since last time">
      <p>
        <strong>Changed. </strong>
        {since.summary}
      </p>
      <details>
        <summary>Old and new values</summary>
        <table class="since-last-table">
          <caption class="visually-hidden">What changed since {new Date(since.since).toLocaleString()}</caption>
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">Before</th>
              <th scope="col">Now</th>
            </tr>
          </thead>
          <tbody>
            {since.items.map((item, i) => (
              <tr key={i}>
                <th scope="row">{item.subject}</th>
                <td>{visibleText(item.before) || '—'}</td>
                <td>{visibleText(item.after) || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
