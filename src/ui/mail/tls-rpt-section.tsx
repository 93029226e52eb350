/** The TLS reporting section: the `_smtp._tls` record and where reports go. Records are DNS data: text nodes only. */
import { tlsRptAbsentText } from '../../core/mail/tls-rpt/tls-rpt-wording';
import type { TlsRptSection } from '../../core/mail/tls-rpt/types';
import { RawRecords } from './raw-records';
export { default as tlsRptCss } from './tls-rpt-section.css';

export function TlsRptSectionBody({ section }: { section: TlsRptSection }) {
  const absent = tlsRptAbsentText(section);
  if (absent !== undefined) return <p class="muted">{absent}</p>;
  return (
    <>
      <RawRecords records={section.records} />
      {section.parsed && section.parsed.rua.length > 0 && (
        <dl class="record-list tls-rpt-uris">
          <dt>Reports to</dt>
          {section.parsed.rua.map((uri) => (
            <dd key={uri}>{uri}</dd>
          ))}
        </dl>
      )}
    </>
  );
}
