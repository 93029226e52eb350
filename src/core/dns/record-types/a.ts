/** A: an IPv4 address, 4 octets (RFC 1035 §3.4.1). */
import { addressText, canonicalAddress, jsonAddress } from './address';
import type { RecordType } from './record-type';

export const A: RecordType<'A', string> = {
  type: 'A',
  number: 1,
  checkRdata: (rdata) => rdata.exactly(4, 'an A record'),
  fromWire: addressText,
  fromJson: jsonAddress,
  present: (data) => data,
  value: canonicalAddress,
};
