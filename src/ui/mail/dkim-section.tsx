/**
 * The DKIM section: the keys found, one row each (selector, key type and size, notes), what
 * `_domainkey` says about selectors not tried (none exist, some exist, a wildcard hides them),
 * then the selectors tried. Records are DNS data: text nodes only.
 */
import { selectorsWithKeys } from '../../core/mail/dkim/domainkey';
import { dkimKeyNotes, dkimKeyText, dkimOutcomeText, dkimSummaryText } from '../../core/mail/dkim/dkim-wording';
import type { DkimSection } from '../../core/mail/dkim/types';
import { DnsText } from '../dns-text';
export { default as dkimCss } from './dkim-section.css';

export function DkimSectionBody({ section }: { section: DkimSection }) {
  if (section.selectors.length === 0) return <p class="muted">Looking for DKIM keys…</p>;
  const found = selectorsWithKeys(section);
  const outcome = dkimOutcomeText(section);
  return (
    <>
      <p class="dkim-summary">{dkimSummaryText(section)}</p>
      {outcome && (
        <p class="dkim-outcome">
          <DnsText text={outcome} />
        </p>
      )}
      {found.length > 0 && (
        <div class="table-scroll" tabIndex={0}>
          <table class="dkim-keys">
            <caption>DKIM keys</caption>
            <thead>
              <tr>
                <th scope="col">Selector</th>
                <th scope="col">Key</th>
                <th scope="col">Notes</th>
              </tr>
            </thead>
            <tbody>
              {found.flatMap((result) =>
                result.keys.map((key, index) => (
                  <tr key={`${result.selector}-${index}`} class={key.errors.length > 0 ? 'dkim-unusable' : undefined}>
                    <th scope="row" class="name">
                      {result.selector}
                      {result.added && <span class="tag">added</span>}
                    </th>
                    <td>{dkimKeyText(key)}</td>
                    <td>
                      {dkimKeyNotes(key).map((note, noteIndex) => (
                        <span key={noteIndex} class="note">
                          {note}
                        </span>
                      ))}
                      <details>
                        <summary>record</summary>
                        <code class="record">
                          <DnsText text={key.record} />
                        </code>
                      </details>
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      )}
      <details class="dkim-tried">
        <summary>{`Selectors tried (${section.selectors.length})`}</summary>
        <p>
          <code>{section.selectors.map((result) => result.selector).join(' ')}</code>
        </p>
        {section.ignoredSelectors.length > 0 && <p class="note">Not selectors, so not asked: {section.ignoredSelectors.join(', ')}</p>}
      </details>
    </>
  );
}
