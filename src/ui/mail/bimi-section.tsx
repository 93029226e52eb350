/**
 * The BIMI section: the `default._bimi` record and what it points to. The logo and certificate
 * URLs are shown as text and never loaded: fetching them would tell the domain who looked.
 */
import { bimiAbsentText, bimiRows } from '../../core/mail/bimi/bimi-wording';
import type { BimiSection } from '../../core/mail/bimi/types';
import { RawRecords } from './raw-records';
export { default as bimiCss } from './bimi-section.css';

export function BimiSectionBody({ section }: { section: BimiSection }) {
  const absent = bimiAbsentText(section);
  if (absent !== undefined) return <p class="muted">{absent}</p>;
  return (
    <>
      <RawRecords records={section.records} />
      {section.parsed && (
        <dl class="record-list bimi-tags">
          {bimiRows(section.parsed).map(([label, value]) => [<dt key={`${label}-t`}>{label}</dt>, <dd key={`${label}-d`}>{value}</dd>])}
        </dl>
      )}
    </>
  );
}
