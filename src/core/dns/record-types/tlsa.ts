/**
 * TLSA (RFC 6698 §2.1): which certificate or key a TLS server at `_port._proto.host` must show.
 * Three one-octet fields, then the certificate association data: the whole certificate or key
 * (matching type 0) or its SHA-256 / SHA-512 hash (1, 2). The values are kept as numbers, unknown
 * ones included, and the data as lower-case hex: whether a record is usable (RFC 7672 §3.1) is
 * the DANE section's question, not the codec's. The wire layout only asks for the three fields.
 *
 * `@leichtgewicht/dns-packet` has no TLSA codec and hands over the raw RDATA; dns-packet (the
 * original) decodes it to `{usage, selector, matchingType, certificate}`. Both are read.
 */
import { JsonAnswerError } from '../json-answer-error';
import { bytesHex, genericRdata, hexBytes } from './generic-rdata';
import type { RecordType } from './record-type';

export interface TlsaData {
  /** Certificate usage (RFC 6698 §2.1.1): 0 PKIX-TA, 1 PKIX-EE, 2 DANE-TA, 3 DANE-EE. */
  usage: number;
  /** Selector (§2.1.2): 0 the full certificate, 1 its SubjectPublicKeyInfo. */
  selector: number;
  /** Matching type (§2.1.3): 0 exact, 1 SHA-256, 2 SHA-512. */
  matchingType: number;
  /** The certificate association data (§2.1.4), lower-case hex. */
  data: string;
}

export const TLSA: RecordType<'TLSA', TlsaData> = {
  type: 'TLSA',
  number: 52,
  checkRdata: (rdata) => rdata.atLeast(3, 'a TLSA record', 'its usage, selector and matching type'),
  fromWire: (data) => {
    if (data instanceof Uint8Array) return fromRdata(data);
    const decoded = data as { usage: number; selector: number; matchingType: number; certificate: Uint8Array };
    return { usage: decoded.usage, selector: decoded.selector, matchingType: decoded.matchingType, data: bytesHex(decoded.certificate) };
  },
  fromJson: (text) => {
    const raw = genericRdata(text);
    if (raw) {
      if (raw.length < 3) throw new JsonAnswerError(`TLSA data of ${raw.length} bytes, too few for its usage, selector and matching type`);
      return fromRdata(raw);
    }
    // RFC 6698 §2.2: three numbers (or RFC 7218 §2 acronyms), then hex with white space allowed.
    const match = /^\s*(\S+)\s+(\S+)\s+(\S+)((?:\s+[0-9a-fA-F]+)*)\s*$/.exec(text);
    const bytes = match && hexBytes(match[4]!);
    if (!match || !bytes) throw new JsonAnswerError(`unreadable TLSA data "${text.slice(0, 60)}"`);
    return { usage: field(match[1]!, USAGES), selector: field(match[2]!, SELECTORS), matchingType: field(match[3]!, MATCHING_TYPES), data: bytesHex(bytes) };
  },
  present: (d) => [d.usage, d.selector, d.matchingType, ...(d.data ? [d.data] : [])].join(' '),
  value: (d) => TLSA.present(d),
};

function fromRdata(raw: Uint8Array): TlsaData {
  return { usage: raw[0]!, selector: raw[1]!, matchingType: raw[2]!, data: bytesHex(raw.subarray(3)) };
}

/** RFC 7218 §2.1-§2.3: the acronyms a zone file may write instead of the numbers. */
const USAGES: Record<string, number> = { 'pkix-ta': 0, 'pkix-ee': 1, 'dane-ta': 2, 'dane-ee': 3, privcert: 255 };
const SELECTORS: Record<string, number> = { cert: 0, spki: 1, privsel: 255 };
const MATCHING_TYPES: Record<string, number> = { full: 0, 'sha2-256': 1, 'sha2-512': 2, privmatch: 255 };

function field(text: string, acronyms: Record<string, number>): number {
  const value = /^\d{1,3}$/.test(text) ? Number(text) : acronyms[text.toLowerCase()];
  if (value === undefined || value > 255) throw new JsonAnswerError(`a TLSA field "${text.slice(0, 20)}" that is not an octet`);
  return value;
}
