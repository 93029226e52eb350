/**
 * One DNS message model for both DoH formats (RFC 8484 wire and the JSON API), so nothing past
 * the codecs knows which format a resolver speaks. Names are kept as the resolver sent them
 * (decoded labels, no trailing dot); comparisons go through `sameName`.
 */
import type { KnownType, RecordData } from './record-types/registry';

export type { MxData } from './record-types/mx';
export type { SoaData } from './record-types/soa';
export type { TlsaData } from './record-types/tlsa';
export type { KnownType } from './record-types/registry';
export { isQueryableName, normaliseName, sameName } from './names';

/**
 * A record, typed by its type's table entry (record-types/registry.ts): A, AAAA, CNAME, DNAME,
 * PTR and NS hold a string (an address or a name), MX `MxData`, TXT the character-strings of one
 * record in order (RFC 1035 §3.3.14), SOA `SoaData`, TLSA `TlsaData`. Any other type is `OTHER`.
 */
export type DnsRecord = { [T in KnownType]: { name: string; type: T; ttl: number; data: RecordData<T> } }[KnownType] | OtherRecord;

/** A record of a type MXray does not read: kept so the answer can say what came. */
export type OtherRecord = { name: string; type: 'OTHER'; rrtype: string; ttl: number; data: string };

/** The record of one type. */
export type RecordOfType<T extends DnsRecord['type']> = Extract<DnsRecord, { type: T }>;

/** The record types MXray asks about: every type it reads but DNAME (RFC 6672 §3.1: a resolver answers with the CNAME it synthesises). */
export type QuestionType = Exclude<KnownType, 'DNAME'>;

export interface DnsQuestion {
  name: string;
  type: QuestionType;
}

export interface DnsMessage {
  id: number;
  /** RFC 1035 §4.1.1 response code by name: NOERROR, NXDOMAIN, SERVFAIL, REFUSED, ... */
  rcode: string;
  flags: { qr: boolean; aa: boolean; tc: boolean; rd: boolean; ra: boolean; ad: boolean; cd: boolean };
  /** `class` only when it is not IN (then the answer is not to our question). */
  questions: { name: string; type: string; class?: string }[];
  answers: DnsRecord[];
  authorities: DnsRecord[];
  /** Records the codecs left out, each with the sentence why (class CH, out-of-range data...). */
  dropped?: string[];
}
