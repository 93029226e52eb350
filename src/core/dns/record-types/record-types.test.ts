/**
 * Every record type of the table, read from dns-packet's wire bytes and from the JSON API's
 * presentation form, to the same data; the presentation text reads back to it.
 */
import dnsPacket from 'dns-packet';
import { describe, expect, it } from 'vitest';
import { decodeJsonMessage } from '../json-codec';
import type { DnsRecord, KnownType } from '../message';
import { decodeMessage } from '../wire-codec';
import { RECORD_TYPES, recordTypeNamed, recordTypeNumbered } from './registry';

const HASH = '0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6';

/** One record of each type: the data MXray reads, and the data dns-packet encodes it from. */
const CASES: { [T in KnownType]: { data: Extract<DnsRecord, { type: T }>['data']; packet: unknown } } = {
  A: { data: '192.0.2.1', packet: '192.0.2.1' },
  AAAA: { data: '2001:db8::1', packet: '2001:db8::1' },
  CNAME: { data: 'target.example.net', packet: 'target.example.net' },
  DNAME: { data: 'other.example', packet: 'other.example' },
  PTR: { data: 'mail.example.com', packet: 'mail.example.com' },
  NS: { data: 'ns1.example.com', packet: 'ns1.example.com' },
  MX: { data: { preference: 10, exchange: 'mx.example.com' }, packet: { preference: 10, exchange: 'mx.example.com' } },
  TXT: { data: ['v=spf1 ', '-all', 'say "hi" \\ é'], packet: ['v=spf1 ', '-all', 'say "hi" \\ é'] },
  SOA: {
    data: { mname: 'ns.example.com', rname: 'hostmaster.example.com', serial: 2024, refresh: 7200, retry: 900, expire: 1209600, minimum: 60 },
    packet: { mname: 'ns.example.com', rname: 'hostmaster.example.com', serial: 2024, refresh: 7200, retry: 900, expire: 1209600, minimum: 60 },
  },
  TLSA: {
    data: { usage: 3, selector: 1, matchingType: 1, data: HASH },
    packet: { usage: 3, selector: 1, matchingType: 1, certificate: Buffer.from(HASH, 'hex') },
  },
};

function wireAnswer(type: string, data: unknown): Uint8Array {
  return new Uint8Array(
    dnsPacket.encode({
      type: 'response',
      id: 0,
      flags: 0x8180,
      questions: [{ type: type as dnsPacket.RecordType, name: 'example.com' }],
      answers: [{ type, name: 'example.com', ttl: 300, data } as dnsPacket.Answer],
    }),
  );
}

describe('the record type table', () => {
  it('has one entry per type, with the IANA numbers dns-packet knows', () => {
    for (const entry of RECORD_TYPES) {
      expect(recordTypeNamed(entry.type)).toBe(entry);
      expect(recordTypeNumbered(entry.number)).toBe(entry);
      // The question's QTYPE as dns-packet writes it: after the header (12) and the name "x" (3).
      const question = dnsPacket.encode({ type: 'query', questions: [{ type: entry.type as dnsPacket.RecordType, name: 'x' }] });
      expect(question.readUInt16BE(15)).toBe(entry.number);
    }
    expect(Object.keys(CASES).sort()).toEqual(RECORD_TYPES.map((e) => e.type).sort());
  });

  describe.each(RECORD_TYPES.map((entry) => [entry.type, entry] as const))('%s', (type, entry) => {
    const { data, packet } = CASES[type];
    it('reads the wire bytes dns-packet writes', () => {
      expect(decodeMessage(wireAnswer(type, packet)).answers).toEqual([{ name: 'example.com', type, ttl: 300, data }]);
    });
    it('reads its presentation text as JSON API data, back to the same record', () => {
      const text = entry.present(data as never);
      const message = decodeJsonMessage({ Status: 0, Answer: [{ name: 'example.com.', type: entry.number, TTL: 300, data: text }] });
      expect(message.answers).toEqual([{ name: 'example.com', type, ttl: 300, data }]);
    });
  });

  it.each(['TXT', 'TLSA'] as const)('%s: reads the generic form of RFC 3597 §5 (\\# length hex) to the same record', (type) => {
    // dns-packet's codec for the type (its typings leave `record` out) writes RDLENGTH, then RDATA.
    const codec = (dnsPacket as unknown as { record(type: string): { encode(data: unknown): Buffer } }).record(type);
    const rdata = codec.encode(CASES[type].packet).subarray(2);
    const data = `\\# ${rdata.length} ${rdata.toString('hex')}`;
    const message = decodeJsonMessage({ Status: 0, Answer: [{ name: 'example.com.', type: recordTypeNamed(type)!.number, TTL: 300, data }] });
    expect(message.answers).toEqual([{ name: 'example.com', type, ttl: 300, data: CASES[type].data }]);
  });
});
