/**
 * The DANE section: for each MX host, the TLSA records at `_25._tcp.<host>` with what each means,
 * the host's status as a DANE sender sees it, and the commands that match the records against
 * the server's certificate (a browser cannot reach port 25). Records are DNS data: text nodes only.
 */
import { checkCommands, COMMANDS_TEXT, lookupText, recordMeaning, recordVerdict, STATUS_TEXT } from '../../core/mail/dane/dane-wording';
import { tlsaProblems } from '../../core/mail/dane/tlsa-checks';
import type { DaneHost, DaneLookup, DaneSection, DaneStatus, TlsaRecord } from '../../core/mail/dane/types';
import { DnsText, dnsString } from '../dns-text';
export { default as daneCss } from './dane-section.css';

function RecordRow({ record, status }: { record: TlsaRecord; status: DaneStatus }) {
  return (
    <tr class={tlsaProblems(record).length > 0 || status === 'insecure' ? 'dane-ignored' : undefined}>
      <td>
        <code>
          {record.usage} {record.selector} {record.matchingType}
        </code>
      </td>
      <td>{recordMeaning(record)}</td>
      <td class="dane-data">
        <DnsText text={record.data} />
      </td>
      <td>{recordVerdict(record, status)}</td>
    </tr>
  );
}

function HostBlock({ lookup, host }: { lookup: DaneLookup; host: DaneHost | undefined }) {
  const absent = host && host.records.length > 0 ? undefined : lookupText(lookup);
  return (
    <section class="dane-host" aria-label={`DANE for ${dnsString(lookup.host)}`}>
      <h4>
        <DnsText text={lookup.host} />
        {host && <span class={`dane-status dane-${host.status}`}>{STATUS_TEXT[host.status]}</span>}
      </h4>
      {lookup.base !== lookup.host && (
        <p class="muted">
          An alias through signed names: its TLSA records are looked up at <DnsText text={`_25._tcp.${lookup.base}`} /> (RFC 7672 §2.2.3).
        </p>
      )}
      {absent !== undefined && <p class="muted">{absent}</p>}
      {host && host.records.length > 0 && (
        <>
          <table class="dane-table" aria-label={`TLSA records of ${dnsString(lookup.host)}`}>
            <thead>
              <tr>
                <th scope="col">Record</th>
                <th scope="col">Meaning</th>
                <th scope="col">Data</th>
                <th scope="col">For senders</th>
              </tr>
            </thead>
            <tbody>
              {host.records.map((record, index) => (
                <RecordRow key={index} record={record} status={host.status} />
              ))}
            </tbody>
          </table>
          {host.status === 'valid' && (
            <p class="muted">{host.rollover ? 'Ready for a key change (a second record is published).' : 'One usable record: not ready for a key change.'}</p>
          )}
        </>
      )}
    </section>
  );
}

export function DaneSectionBody({ section }: { section: DaneSection }) {
  if (section.lookups.length === 0) return <p class="muted">{section.status === 'pending' ? 'Waiting for the MX hosts…' : 'No MX host to check.'}</p>;
  const withRecords = section.hosts.filter((host) => host.records.length > 0);
  return (
    <>
      {section.lookups.map((lookup) => (
        <HostBlock key={lookup.host} lookup={lookup} host={section.hosts.find((host) => host.host === lookup.host)} />
      ))}
      {withRecords.length > 0 && (
        <div class="dane-check">
          <p>{COMMANDS_TEXT}</p>
          {withRecords.flatMap((host) =>
            checkCommands(host.host, host.records).map((command) => (
              <pre key={command} class="record dane-command">
                <DnsText text={command} />
              </pre>
            )),
          )}
        </div>
      )}
    </>
  );
}
