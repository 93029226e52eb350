/**
 * The BIMI section: the `default._bimi` record and what it points to. The logo and certificate
 * URLs are shown as text and never loaded: fetching them would tell the domain who looked.
 */
import { bimiAbsentText, bimiRows } from '../../core/mail/bimi/bimi-wording';
import type { BimiSection } from '../../core/mail/bimi/types';

export function BimiSectionBody({ section }: { section: BimiSection }) {
  const absent = bimiAbsentText(section);
  if (absent !== undefined) return <p class="muted">{absent}</p>;
  return (
    <>
      {section.records.map((record, index) => (
        <code key={index} class="record">
          {record}
        </code>
      ))}
      {section.parsed && (
        <dl class="record-list bimi-tags">{bimiRows(section.parsed).map(([label, value]) => [<dt key={`${label}-t`}>{label}</dt>, <dd key={`${label}-d`}>{value}</dd>])}</dl>
      )}
    </>
  );
}
