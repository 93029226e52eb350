/**
 * The record types MXray reads, one entry each. Adding a type is its file in this folder and
 * one line here: both codecs, the wire layout check, `DnsRecord`, `QuestionType` and the mail
 * diagnostics' `AskResult` follow from this table. Any other type is read as `OTHER`.
 */
import { A } from './a';
import { AAAA } from './aaaa';
import { CNAME } from './cname';
import { DNAME } from './dname';
import { MX } from './mx';
import { NS } from './ns';
import { PTR } from './ptr';
import type { DataOf, RecordType } from './record-type';
import { SOA } from './soa';
import { TLSA } from './tlsa';
import { TXT } from './txt';

export const RECORD_TYPES = [A, NS, CNAME, SOA, PTR, MX, TXT, AAAA, DNAME, TLSA] as const;

type Entry = (typeof RECORD_TYPES)[number];
/** The mnemonics of the types MXray reads. */
export type KnownType = Entry['type'];
/** The data of a known type's record, as both codecs give it. */
export type RecordData<T extends KnownType> = DataOf<Extract<Entry, { type: T }>>;

const BY_NAME = new Map<string, RecordType>(RECORD_TYPES.map((entry) => [entry.type, entry as RecordType]));
const BY_NUMBER = new Map<number, RecordType>(RECORD_TYPES.map((entry) => [entry.number, entry as RecordType]));

export function recordTypeNamed(type: string): RecordType | undefined {
  return BY_NAME.get(type);
}

export function recordTypeNumbered(number: number): RecordType | undefined {
  return BY_NUMBER.get(number);
}
