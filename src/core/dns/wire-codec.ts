/**
 * RFC 8484 wire format, via `dns-packet` (a well-kept RFC 1035 codec) rather than our own.
 * dns-packet works on Node's `Buffer`; browser bundles get the `buffer` package in its place
 * (see scripts/build.mjs), so this file is the only one that sees a Buffer.
 */
import { Buffer } from 'buffer';
import * as dnsPacket from 'dns-packet';
import type { DnsMessage, DnsQuestion, DnsRecord, SoaData } from './message';

/**
 * A query as RFC 8484 §4.1 asks for it: ID 0 (so HTTP caches can share answers), RD set, and
 * AD set so the resolver tells us whether it validated the answer (RFC 6840 §5.7) without the
 * cost of DO and RRSIGs in every answer.
 */
export function encodeQuery(question: DnsQuestion): Uint8Array<ArrayBuffer> {
  const packet = dnsPacket.encode({
    type: 'query',
    id: 0,
    flags: dnsPacket.RECURSION_DESIRED | dnsPacket.AUTHENTIC_DATA,
    questions: [{ type: question.type, name: question.name, class: 'IN' }],
  });
  return Uint8Array.from(packet);
}

/** Decode a response; throws on anything dns-packet cannot parse (the client turns that into BadAnswer). */
export function decodeMessage(bytes: Uint8Array): DnsMessage {
  const packet = dnsPacket.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  // dns-packet decodes the RCODE by name; its type declarations just leave the field out.
  const rcode = (packet as { rcode?: string }).rcode;
  return {
    id: packet.id ?? 0,
    rcode: rcode ?? 'NOERROR',
    flags: {
      qr: packet.type === 'response',
      aa: Boolean(packet.flag_aa),
      tc: Boolean(packet.flag_tc),
      rd: Boolean(packet.flag_rd),
      ra: Boolean(packet.flag_ra),
      ad: Boolean(packet.flag_ad),
      cd: Boolean(packet.flag_cd),
    },
    questions: (packet.questions ?? []).map((q) => ({ name: q.name, type: q.type })),
    answers: (packet.answers ?? []).flatMap(toRecord),
    authorities: (packet.authorities ?? []).flatMap(toRecord),
  };
}

type PacketAnswer = NonNullable<dnsPacket.DecodedPacket['answers']>[number];

function toRecord(answer: PacketAnswer): DnsRecord[] {
  if (answer.type === 'OPT') return [];
  const name = answer.name;
  const ttl = answer.ttl ?? 0;
  switch (answer.type) {
    case 'A':
    case 'AAAA':
    case 'CNAME':
    case 'DNAME':
    case 'PTR':
    case 'NS':
      return [{ name, type: answer.type, ttl, data: rootToEmpty(answer.data) }];
    case 'MX':
      return [{ name, type: 'MX', ttl, data: { preference: answer.data.preference ?? 0, exchange: rootToEmpty(answer.data.exchange) } }];
    case 'TXT':
      return [{ name, type: 'TXT', ttl, data: txtStrings(answer.data) }];
    case 'SOA':
      return [{ name, type: 'SOA', ttl, data: soaData(answer.data) }];
    default:
      return [{ name, type: 'OTHER', rrtype: answer.type, ttl, data: '' }];
  }
}

function soaData(data: dnsPacket.SoaData): SoaData {
  const { mname, rname, serial = 0, refresh = 0, retry = 0, expire = 0, minimum = 0 } = data;
  return { mname: rootToEmpty(mname), rname: rootToEmpty(rname), serial, refresh, retry, expire, minimum };
}

/** dns-packet spells the root name "."; MXray keeps names without the root dot, so root is "". */
function rootToEmpty(name: string): string {
  return name === '.' ? '' : name;
}

function txtStrings(data: dnsPacket.TxtData): string[] {
  const parts = Array.isArray(data) ? data : [data];
  return parts.map((part) => (typeof part === 'string' ? part : new TextDecoder().decode(part)));
}
