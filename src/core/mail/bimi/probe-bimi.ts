/** Ask for the default BIMI assertion record, `default._bimi.<domain> TXT` (draft §4.3). One question. */
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
  if (context.signal?.aborted) {
    section.txtStatus = 'skipped';
  } else {
    try {
      const answer = await context.ask(section.name, 'TXT');
      section.records = answer.values.filter(isBimiRecord);
      if (section.records.length === 1) section.parsed = parseBimi(section.records[0]!);
      section.txtStatus = answer.status;
    } catch {
      section.txtStatus = 'error';
    }
  }
  section.status = 'done';
}
