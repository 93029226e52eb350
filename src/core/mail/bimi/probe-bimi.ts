/** Ask for the default BIMI assertion record, `default._bimi.<domain> TXT` (draft §4.3). One question. */
import { askRecords } from '../ask-records';
import type { ProbeContext } from '../probe-context';
import { isBimiRecord, parseBimi } from './parse-bimi';
import type { BimiSection } from './types';

export function newBimiSection(): BimiSection {
  return { status: 'pending', domain: '', name: '', txtStatus: 'pending', records: [] };
}

/** Fill `section`; resolves when answered. Never rejects. */
export async function probeBimi(section: BimiSection, context: ProbeContext): Promise<void> {
  section.domain = context.domain;
  section.name = `default._bimi.${context.domain}`;
  const { status, records } = await askRecords(context, section.name, isBimiRecord);
  section.txtStatus = status;
  section.records = records;
  if (records.length === 1) section.parsed = parseBimi(records[0]!);
  section.status = 'done';
}
