/**
 * The DMARC section: where the policy comes from (the domain, or a parent by the DMARCbis tree
 * walk), the record verbatim, what its tags mean, and whether external report addresses take
 * the reports. Records are DNS data: text nodes only.
 */
import { dmarcSourceText, dmarcTagRows, dmarcUnusedRecords, reportAuthorizationText } from '../../core/mail/dmarc/dmarc-wording';
import type { DmarcSection } from '../../core/mail/dmarc/types';
import { DnsText } from '../dns-text';
export { default as dmarcCss } from './dmarc-section.css';

export function DmarcSectionBody({ section }: { section: DmarcSection }) {
  const source = dmarcSourceText(section);
  if (source === undefined) return <p class="muted">Looking up the DMARC record…</p>;
  const unused = dmarcUnusedRecords(section);
  const policy = section.policy;
  return (
    <>
      <p class={policy ? 'dmarc-source' : 'muted'}>{source}</p>
      {unused.length > 0 && (
        <div class="dmarc-unused">
          <span class="note">Not used by receivers:</span>
          {unused.map((record, index) => (
            <code key={index} class="record">
              <DnsText text={record} />
            </code>
          ))}
        </div>
      )}
      {policy && (
        <>
          <code class="record">
            <DnsText text={policy.record} />
          </code>
          <dl class="record-list">
            {dmarcTagRows(policy).map(([label, value]) => [
              <dt key={`${label}-t`}>{label}</dt>,
              <dd key={`${label}-d`}>
                <DnsText text={String(value)} />
              </dd>,
            ])}
          </dl>
        </>
      )}
      {section.reportAuthorizations.length > 0 && (
        <ul class="dmarc-reports" aria-label="External report addresses">
          {section.reportAuthorizations.map((check) => (
            <li key={check.destination} class={check.authorized === false ? 'dmarc-refused' : undefined}>
              {reportAuthorizationText(check)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
