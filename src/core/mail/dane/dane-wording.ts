/** The words of the DANE section, shared by the findings, the popup and the CLI. */
import type { DnsName } from '../../vocabulary';
import { dataBytes, digestBytes, isUsable, MATCHING_NAMES, SELECTOR_NAMES, type TlsaProblem, tlsaProblems, USAGE_NAMES } from './tlsa-checks';
import type { DaneLookup, DaneSection, DaneStatus, TlsaRecord } from './types';

export const STATUS_TEXT: Record<DaneStatus, string> = {
  valid: 'DANE valid',
  insecure: 'TLSA without DNSSEC (ignored)',
  none: 'no TLSA',
  unusable: 'no usable TLSA record',
  failed: 'TLSA lookup failed',
};

/** `DANE-EE, SPKI, SHA2-256`; unknown values by number. */
export function recordMeaning(record: TlsaRecord): string {
  const name = (names: Record<number, string>, value: number, what: string) => names[value] ?? `unknown ${what} ${value}`;
  return [
    name(USAGE_NAMES, record.usage, 'usage'),
    name(SELECTOR_NAMES, record.selector, 'selector'),
    name(MATCHING_NAMES, record.matchingType, 'matching type'),
  ].join(', ');
}

export function problemText(record: TlsaRecord, problem: TlsaProblem): string {
  switch (problem) {
    case 'pkix-usage':
      return `usage ${record.usage} (${USAGE_NAMES[record.usage]}) is not used for SMTP: senders ignore it (RFC 7672 §3.1.3); publish 3 (DANE-EE) or 2 (DANE-TA).`;
    case 'unknown-usage':
      return `usage ${record.usage} is not a known certificate usage (0 to 3).`;
    case 'unknown-selector':
      return `selector ${record.selector} is not a known selector (0 or 1).`;
    case 'unknown-matching-type':
      return `matching type ${record.matchingType} is not a known matching type (0, 1 or 2).`;
    case 'bad-hex':
      return record.data === '' ? 'the record carries no data.' : 'the data is not whole bytes of hexadecimal.';
    case 'bad-length':
      return `matching type ${record.matchingType} (${MATCHING_NAMES[record.matchingType]}) needs ${digestBytes(record.matchingType)} bytes of data; this record has ${dataBytes(record)}.`;
    case 'implausible-data':
      return `matching type 0 carries the whole ${record.selector === 0 ? 'certificate' : 'public key'}, but the data is not one DER structure.`;
  }
}

/** What one record is worth to a DANE sender, in the host's status: its problems, else whether it counts. */
export function recordVerdict(record: TlsaRecord, status: DaneStatus): string {
  const problems = tlsaProblems(record);
  if (problems.length > 0) return problems.map((problem) => problemText(record, problem)).join(' ');
  return status === 'insecure' ? 'well formed, but ignored without DNSSEC' : 'usable';
}

/** What the section says while a host has no records to show. */
export function lookupText(lookup: DaneLookup): string | undefined {
  const name = `_25._tcp.${lookup.base}`;
  switch (lookup.tlsaStatus) {
    case 'pending':
      return `Looking up ${name} TLSA…`;
    case 'skipped':
      return 'Not looked up.';
    case 'nodata':
    case 'nxdomain':
      return `No TLSA records at ${name}.`;
    case 'servfail':
    case 'refused':
      return `The lookup of ${name} TLSA failed (${lookup.tlsaStatus.toUpperCase()}).`;
    case 'error':
      return `The lookup of ${name} TLSA failed (no resolver answered).`;
    default:
      return undefined;
  }
}

/** What MXray cannot see from a browser, said once in the findings. */
export const PORT_25_TEXT =
  'MXray asks DNS only: a browser cannot reach port 25, so the TLSA records were not matched against the certificate the server presents. The DANE section gives the commands that do it (posttls-finger, openssl s_client).';

/** The line above the commands in the section (the view and `mxray --all`). */
export const COMMANDS_TEXT = 'To match the records against the certificate on port 25, which a browser cannot reach, run:';

/** The commands that match a host's TLSA records against the certificate it presents. */
export function checkCommands(host: DnsName, records: readonly TlsaRecord[]): string[] {
  const usable = records.filter(isUsable);
  const rrdata = (usable.length > 0 ? usable : records).map((r) => ` -dane_tlsa_rrdata "${r.usage} ${r.selector} ${r.matchingType} ${r.data}"`).join('');
  return [
    `posttls-finger -t30 -T180 -c -L verbose,summary "[${host}]"`,
    `openssl s_client -starttls smtp -connect ${host}:25 -dane_tlsa_domain ${host}${rrdata}`,
  ];
}

/** The section's gist for a summary line: `2 of 2 hosts valid`. */
export function daneGist(section: DaneSection): string | undefined {
  if (section.hosts.length === 0) return undefined;
  const valid = section.hosts.filter((host) => host.status === 'valid').length;
  if (valid === 0) return section.hosts.every((host) => host.status === 'none') ? 'no TLSA' : undefined;
  return `${valid} of ${section.hosts.length} ${section.hosts.length === 1 ? 'host' : 'hosts'} valid`;
}
