/** The words of the TLS reporting section, shared by the popup and the CLI. */
import type { TlsRptSection } from './types';

/** What the lookup found when there is no record to show; `undefined` when there is one. */
export function tlsRptAbsentText(section: TlsRptSection): string | undefined {
  const name = `_smtp._tls.${section.domain}`;
  switch (section.txtStatus) {
    case 'pending':
      return 'Looking up the TLS reporting record…';
    case 'skipped':
      return 'Not looked up.';
    case 'servfail':
    case 'refused':
      return `The lookup of ${name} failed (${section.txtStatus.toUpperCase()}).`;
    case 'error':
      return `The lookup of ${name} failed (no resolver answered).`;
    default:
      return section.records.length === 0 ? `No TLS reporting record at ${name}.` : undefined;
  }
}
