/**
 * The TLSA records of an answer as the DANE section keeps them: the typed records the codecs read
 * (src/core/dns/record-types/tlsa.ts), else the values in presentation form (RFC 6698 §2.2:
 * `usage selector matching-type hex`, as test fakes give them). The data is lower-case hex.
 */
import { askRecords, type AskResult } from '../dns-ask';
import type { TlsaRecord } from './types';

export function tlsaRecordsOf(answer: AskResult): TlsaRecord[] {
  if (answer.status !== 'ok') return [];
  const typed = askRecords(answer, 'TLSA');
  const records =
    typed.length > 0
      ? typed.map(({ data }) => ({ usage: data.usage, selector: data.selector, matchingType: data.matchingType, data: data.data }))
      : answer.values.flatMap((value) => {
          const record = parseTlsaText(value);
          return record ? [record] : [];
        });
  return records.sort(canonicalOrder);
}

/**
 * An RRset has no order, and resolvers rotate it; the canonical order of RFC 4034 §6.3 (RDATA
 * as unsigned octets: usage, selector, matching type, then the data) keeps the display and the
 * JSON from reshuffling between lookups.
 */
function canonicalOrder(a: TlsaRecord, b: TlsaRecord): number {
  return a.usage - b.usage || a.selector - b.selector || a.matchingType - b.matchingType || (a.data < b.data ? -1 : a.data > b.data ? 1 : 0);
}

/** `3 1 1 0a1b…` → the record; `undefined` when it does not read as one. */
export function parseTlsaText(text: string): TlsaRecord | undefined {
  const match = /^\s*(\d{1,3})\s+(\d{1,3})\s+(\d{1,3})(?:\s+([\s\S]*?))?\s*$/.exec(text);
  if (!match) return undefined;
  const [usage, selector, matchingType] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
  // RFC 6698 §2.1: each field is one octet.
  if (usage > 255 || selector > 255 || matchingType > 255) return undefined;
  return { usage, selector, matchingType, data: (match[4] ?? '').replace(/\s+/g, '').toLowerCase() };
}
