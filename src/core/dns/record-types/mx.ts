/** MX: a preference and an exchange (RFC 1035 §3.3.9); "0 ." is the null MX (RFC 7505). */
import type * as dnsPacket from '@leichtgewicht/dns-packet';
import { JsonAnswerError } from '../json-answer-error';
import { normaliseName } from '../names';
import { checkedName, presentName, rootToEmpty } from './name-text';
import type { RecordType } from './record-type';

export type MxData = { preference: number; exchange: string };

export const MX: RecordType<'MX', MxData> = {
  type: 'MX',
  number: 15,
  checkRdata: (rdata) => {
    rdata.atLeast(3, 'an MX record', 'a preference and a name');
    rdata.nameFills(rdata.start + 2, 'MX');
  },
  fromWire: (data) => {
    const mx = data as dnsPacket.MxData;
    return { preference: mx.preference ?? 0, exchange: rootToEmpty(mx.exchange) };
  },
  fromJson: (data) => {
    const match = /^\s*(\d{1,5})\s+(\S+)\s*$/.exec(data);
    if (!match) throw new JsonAnswerError(`unreadable MX data "${data.slice(0, 60)}"`);
    // RFC 1035 §3.3.9: PREFERENCE is 16 bits.
    const preference = Number(match[1]);
    if (preference > 65_535) throw new JsonAnswerError(`an MX preference of ${preference}, more than 16 bits can hold`);
    return { preference, exchange: checkedName(match[2]!) };
  },
  present: (data) => `${data.preference} ${presentName(data.exchange)}`,
  // The exchange, normalised ("" for the null MX).
  value: (data) => normaliseName(data.exchange),
};
