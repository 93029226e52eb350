/**
 * What a DANE sender makes of a TLSA record and of a host's RRset (RFC 7672 §3.1, RFC 7671 §5,
 * RFC 6698 §2.1). Pure: the probe and the findings both read the records through these.
 */
import type { AnswerStatus } from '../../vocabulary';
import type { DaneStatus, TlsaRecord } from './types';

/** RFC 6698 §2.1.1, RFC 7218 §2.1: the certificate usages. */
export const USAGE_NAMES: Record<number, string> = { 0: 'PKIX-TA', 1: 'PKIX-EE', 2: 'DANE-TA', 3: 'DANE-EE' };
/** RFC 6698 §2.1.2, RFC 7218 §2.2. */
export const SELECTOR_NAMES: Record<number, string> = { 0: 'Cert', 1: 'SPKI' };
/** RFC 6698 §2.1.3, RFC 7218 §2.3. */
export const MATCHING_NAMES: Record<number, string> = { 0: 'Full', 1: 'SHA2-256', 2: 'SHA2-512' };
/** The digest length each hashing matching type gives, in bytes. */
const DIGEST_BYTES: Record<number, number> = { 1: 32, 2: 64 };

/** Why a record cannot be used by a DANE sender. */
export type TlsaProblem =
  | 'pkix-usage' // 0 or 1: not used for SMTP (RFC 7672 §3.1.3)
  | 'unknown-usage'
  | 'unknown-selector'
  | 'unknown-matching-type'
  | 'bad-hex' // no data, or not whole bytes of hex
  | 'bad-length' // a digest of the wrong length for its matching type
  | 'implausible-data'; // matching type 0, but the data is not one DER structure

export function tlsaProblems(record: TlsaRecord): TlsaProblem[] {
  const problems: TlsaProblem[] = [];
  if (record.usage === 0 || record.usage === 1) problems.push('pkix-usage');
  else if (record.usage !== 2 && record.usage !== 3) problems.push('unknown-usage');
  if (!(record.selector in SELECTOR_NAMES)) problems.push('unknown-selector');
  if (!(record.matchingType in MATCHING_NAMES)) {
    problems.push('unknown-matching-type');
    return problems;
  }
  const bytes = hexBytes(record.data);
  if (!bytes) problems.push('bad-hex');
  else if (record.matchingType === 0) {
    if (!isOneDerSequence(bytes)) problems.push('implausible-data');
  } else if (bytes.length !== DIGEST_BYTES[record.matchingType]) problems.push('bad-length');
  return problems;
}

export const isUsable = (record: TlsaRecord): boolean => tlsaProblems(record).length === 0;

/** The digest length a matching type needs, for the wording; `undefined` for full data. */
export const digestBytes = (matchingType: number): number | undefined => DIGEST_BYTES[matchingType];

/** The data's length in bytes, when it is whole bytes of hex. */
export function dataBytes(record: TlsaRecord): number | undefined {
  return hexBytes(record.data)?.length;
}

/** The record as a zone file or `-dane_tlsa_rrdata` writes it: `3 1 1 <hex>`. */
export function tlsaText(record: TlsaRecord): string {
  return `${record.usage} ${record.selector} ${record.matchingType} ${record.data}`;
}

/** Each distinct record once (RFC 2181 §5: an RRset holds no duplicates; hex case aside). */
export function distinctRecords(records: readonly TlsaRecord[]): TlsaRecord[] {
  const seen = new Set<string>();
  return records.filter((record) => {
    const key = tlsaText(record).toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Rollover readiness, as the common advice (RFC 7671 §8.1, "current + next") has it: two distinct
 * usable DANE-EE records, or a usable DANE-EE beside a usable DANE-TA. One record alone breaks
 * delivery from DANE senders on the next key or certificate change until the TLSA is updated.
 */
export function rolloverReady(records: readonly TlsaRecord[]): boolean {
  const usable = distinctRecords(records).filter(isUsable);
  const ee = usable.filter((record) => record.usage === 3).length;
  const ta = usable.filter((record) => record.usage === 2).length;
  return ee >= 2 || (ee >= 1 && ta >= 1);
}

export interface StatusInputs {
  tlsaStatus: AnswerStatus;
  records: readonly TlsaRecord[];
  tlsaAuthenticated: boolean;
  mxAuthenticated: boolean;
  hostSigned: boolean;
}

/** The host's status as the issue defines it; `undefined` while the answer is not in. */
export function daneStatus(inputs: StatusInputs): DaneStatus | undefined {
  switch (inputs.tlsaStatus) {
    case 'pending':
    case 'skipped':
      return undefined;
    case 'ok':
      if (inputs.records.length === 0) return 'none';
      // RFC 7672 §2.2: only TLSA records reached through validated MX and TLSA answers count.
      if (!inputs.mxAuthenticated || !inputs.tlsaAuthenticated) return 'insecure';
      return inputs.records.some(isUsable) ? 'valid' : 'unusable';
    case 'nodata':
    case 'nxdomain':
      return 'none';
    default:
      // RFC 7672 §2.2: a failed TLSA lookup for a host in a signed zone defers delivery; for an
      // unsigned one senders never ask, so it is no DANE at all.
      return inputs.hostSigned ? 'failed' : 'none';
  }
}

function hexBytes(hex: string): Uint8Array | undefined {
  if (hex.length === 0 || hex.length % 2 !== 0 || !/^[0-9a-f]+$/i.test(hex)) return undefined;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

/** A certificate (selector 0) and a SubjectPublicKeyInfo (selector 1) are each one DER SEQUENCE. */
function isOneDerSequence(bytes: Uint8Array): boolean {
  if (bytes.length < 2 || bytes[0] !== 0x30) return false;
  const first = bytes[1]!;
  if (first < 0x80) return bytes.length === 2 + first;
  const count = first & 0x7f;
  if (count === 0 || count > 4 || bytes.length < 2 + count) return false;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + bytes[2 + i]!;
  return bytes.length === 2 + count + length;
}
