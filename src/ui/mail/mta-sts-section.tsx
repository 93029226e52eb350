/**
 * The MTA-STS section: the `_mta-sts` record, then the policy file when it was fetched (mode,
 * cache time, MX patterns, the file itself), and, given the MX hosts, which pattern covers each
 * and which patterns match none (RFC 8461 §4.1). The fetch button, when permission is needed, is the
 * frame's (mail-sections.tsx). Records and the file are untrusted text: text nodes only.
 */
import { coverageRows, mtaStsAbsentText, policyRows, policyStateText, shownPolicy } from '../../core/mail/mta-sts/mta-sts-wording';
import type { MtaStsSection } from '../../core/mail/mta-sts/types';
import { RawRecords } from './raw-records';
import { DnsText } from '../dns-text';
export { default as mtaStsCss } from './mta-sts-section.css';

export function MtaStsSectionBody({ section, mxHosts = [] }: { section: MtaStsSection; mxHosts?: readonly string[] }) {
  const absent = mtaStsAbsentText(section);
  if (absent !== undefined) return <p class="muted">{absent}</p>;
  const state = policyStateText(section.policy);
  const shown = shownPolicy(section.policy);
  return (
    <>
      <RawRecords records={section.records} />
      {state && (
        <p class={`mta-sts-state mta-sts-${section.policy.state}`}>
          <DnsText text={state} />
        </p>
      )}
      {shown && shown.policy.errors.length > 0 && (
        <ul class="mta-sts-errors">
          {shown.policy.errors.map((error, index) => (
            <li key={index}>
              <DnsText text={error} />
            </li>
          ))}
        </ul>
      )}
      {shown && (
        <>
          <dl class="record-list">
            {[...policyRows(shown.policy), ...coverageRows(shown.policy, mxHosts)].map(([label, value]) => [
              <dt key={`${label}-t`}>{label}</dt>,
              <dd key={`${label}-d`}>
                <DnsText text={String(value)} />
              </dd>,
            ])}
          </dl>
          <details>
            <summary>Policy file</summary>
            <pre class="record mta-sts-file">
              <DnsText text={shown.body} multiline />
            </pre>
          </details>
        </>
      )}
    </>
  );
}
