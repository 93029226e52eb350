/** One record through its type's table entry, as both codecs read it. */
import type { DnsRecord } from './message';
import { IgnoredRecord, type RecordType } from './record-types/record-type';

/**
 * The record of a known type (`entry`) with the data its reader gave; none when the reader said
 * the record is to be ignored, with the sentence why in `dropped`.
 */
export function readRecord(entry: RecordType, name: string, ttl: number, data: unknown, dropped: string[]): DnsRecord[] {
  if (data instanceof IgnoredRecord) {
    dropped.push(
      `${/^[AEFHILMNORSX]/.test(entry.type) ? 'an' : 'a'} ${entry.type} record for ${name.slice(0, 80)} ${data.why}, so MXray ignored that record and kept the others`,
    );
    return [];
  }
  return [{ name, type: entry.type, ttl, data } as DnsRecord];
}
