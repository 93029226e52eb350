/** The words of the BIMI section, shared by the popup and the CLI. */
import type { BimiParse, BimiSection } from './types';

/** What the lookup found when there is no record to show; `undefined` when there is one. */
export function bimiAbsentText(section: BimiSection): string | undefined {
  switch (section.txtStatus) {
    case 'pending':
      return 'Looking up the BIMI record…';
    case 'skipped':
      return 'Not looked up.';
    case 'servfail':
    case 'refused':
      return `The lookup of ${section.name} failed (${section.txtStatus.toUpperCase()}).`;
    case 'error':
      return `The lookup of ${section.name} failed (no resolver answered).`;
    default:
      return section.records.length === 0 ? `No BIMI record at ${section.name}.` : undefined;
  }
}

/** The record's meaning as label/value rows. URLs are shown, never fetched. */
export function bimiRows(parsed: BimiParse): [string, string][] {
  if (parsed.declined) return [['Logo', 'declined (empty l= and a=)']];
  const rows: [string, string][] = [
    ['Logo', parsed.location ?? 'none'],
    ['Mark certificate', parsed.authority ?? 'none'],
  ];
  if (parsed.avatarPreference) rows.push(['Avatar preference', parsed.avatarPreference]);
  if (parsed.localPartSelectors !== undefined) rows.push(['Local-part selectors', parsed.localPartSelectors ? 'yes' : 'no']);
  if (parsed.unknownTags.length > 0) rows.push(['Ignored tags', parsed.unknownTags.join(', ')]);
  return rows;
}
