/** AAAA: an IPv6 address, 16 octets (RFC 3596 §2.2). */
import { addressText, canonicalAddress, jsonAddress } from './address';
import type { RecordType } from './record-type';

export const AAAA: RecordType<'AAAA', string> = {
  type: 'AAAA',
  number: 28,
  checkRdata: (rdata) => rdata.exactly(16, 'an AAAA record'),
  fromWire: addressText,
  fromJson: jsonAddress,
  present: (data) => data,
  value: canonicalAddress,
};
