import { DnsText } from '../dns-text';

/** TXT records exactly as published, one `<code class="record">` each: DNS data as text only. */
export function RawRecords({ records }: { records: readonly string[] }) {
  return (
    <>
      {records.map((record, index) => (
        <code key={index} class="record">
          <DnsText text={record} />
        </code>
      ))}
    </>
  );
}
