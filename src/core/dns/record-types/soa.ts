/** SOA: the zone's start of authority (RFC 1035 §3.3.13); its MINIMUM caps negative caching (RFC 2308 §5). */
import type * as dnsPacket from '@leichtgewicht/dns-packet';
import { JsonAnswerError } from '../json-answer-error';
import { presentName, rootToEmpty, stripDot } from './name-text';
import type { RecordType } from './record-type';

export type SoaData = { mname: string; rname: string; serial: number; refresh: number; retry: number; expire: number; minimum: number };

export const SOA: RecordType<'SOA', SoaData> = {
  type: 'SOA',
  number: 6,
  // Two names, then five 32-bit numbers.
  checkRdata: (rdata) => rdata.exactly(rdata.skipName(rdata.skipName(rdata.start)) - rdata.start + 20, 'an SOA record'),
  fromWire: (data) => {
    const { mname, rname, serial = 0, refresh = 0, retry = 0, expire = 0, minimum = 0 } = data as dnsPacket.SoaData;
    return { mname: rootToEmpty(mname), rname: rootToEmpty(rname), serial, refresh, retry, expire, minimum };
  },
  fromJson: (data) => {
    const parts = data.trim().split(/\s+/);
    if (parts.length !== 7) throw new JsonAnswerError('unreadable SOA data');
    const [mname, rname, ...numbers] = parts as [string, string, ...string[]];
    const [serial, refresh, retry, expire, minimum] = numbers.map(Number) as [number, number, number, number, number];
    return { mname: stripDot(mname), rname: stripDot(rname), serial, refresh, retry, expire, minimum };
  },
  present: (d) => `${presentName(d.mname)} ${presentName(d.rname)} ${d.serial} ${d.refresh} ${d.retry} ${d.expire} ${d.minimum}`,
  value: (d) => SOA.present(d),
};
