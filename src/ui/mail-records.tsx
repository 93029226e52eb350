/**
 * SPF (RFC 7208) and DMARC (RFC 7489) records, shown verbatim as text: they are what a support
 * person copies into a ticket. Other TXT records at the name are one click away, since a
 * domain's verification tokens are noise most of the time.
 */
import type { AnswerStatus, TxtSummary } from '../core/report';
import { DnsText } from './dns-text';

function absentText(status: AnswerStatus): string {
  switch (status) {
    case 'pending':
      return '…';
    case 'skipped':
      return 'not looked up';
    case 'error':
      return 'lookup failed';
    case 'servfail':
    case 'refused':
      return `lookup failed (${status.toUpperCase()})`;
    default:
      return 'none published';
  }
}

function Records({ records, status }: { records: readonly string[]; status: AnswerStatus }) {
  if (records.length === 0) return <dd class="muted">{absentText(status)}</dd>;
  return (
    <>
      {records.map((record, index) => (
        <dd key={index}>
          <code class="record">
            <DnsText text={record} />
          </code>
        </dd>
      ))}
    </>
  );
}

export function MailRecords({ txt, headingLevel = 2 }: { txt: TxtSummary; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const others = txt.records.filter((record) => !txt.spf.includes(record));
  return (
    <section class="mail-records" aria-label="SPF and DMARC">
      <Heading class="section-heading">SPF and DMARC</Heading>
      <dl class="record-list">
        <dt>SPF</dt>
        <Records records={txt.spf} status={txt.status} />
        <dt>DMARC</dt>
        <Records records={txt.dmarc} status={txt.dmarcStatus} />
      </dl>
      {others.length > 0 && (
        <details class="other-txt">
          <summary>Other TXT records ({others.length})</summary>
          <ul>
            {others.map((record, index) => (
              <li key={index}>
                <code class="record">
                  <DnsText text={record} />
                </code>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
