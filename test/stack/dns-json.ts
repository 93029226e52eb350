// Turns a wire answer into the JSON API answer of Google (`/resolve`) and Cloudflare
// (`/dns-query` with `accept: application/dns-json`). Empty sections are left out, as they do.
import dnsPacket, { type Answer } from 'dns-packet';
import { presentData, presentName } from './presentation';
import { RR_TYPES, typeNumber } from './rr-types';

export interface DnsJsonRecord {
  name: string;
  type: number;
  TTL: number;
  data: string;
}

export interface DnsJsonAnswer {
  Status: number;
  TC: boolean;
  RD: boolean;
  RA: boolean;
  AD: boolean;
  CD: boolean;
  Question: { name: string; type: number }[];
  Answer?: DnsJsonRecord[];
  Authority?: DnsJsonRecord[];
}

function jsonRecord(record: Answer): DnsJsonRecord {
  return {
    name: presentName(record.name),
    type: typeNumber(record.type) ?? 0,
    TTL: 'ttl' in record ? (record.ttl ?? 0) : 0,
    data: presentData(record),
  };
}

export function wireToJson(wire: Buffer): DnsJsonAnswer {
  const packet = dnsPacket.decode(wire);
  const records = (list: Answer[] | undefined) => (list ?? []).filter((r) => r.type !== 'OPT').map(jsonRecord);
  const json: DnsJsonAnswer = {
    Status: (packet.flags ?? 0) & 0xf,
    TC: packet.flag_tc,
    RD: packet.flag_rd,
    RA: packet.flag_ra,
    AD: packet.flag_ad,
    CD: packet.flag_cd,
    Question: (packet.questions ?? []).map((q) => ({ name: presentName(q.name), type: typeNumber(q.type) ?? 0 })),
  };
  const answer = records(packet.answers);
  const authority = records(packet.authorities);
  if (answer.length > 0) json.Answer = answer;
  if (authority.length > 0) json.Authority = authority;
  return json;
}

/** The wire query a JSON API request stands for (`?name=&type=`, type by name or number). */
export function jsonRequestToWire(name: string, type: string): Buffer | null {
  const number = typeNumber(type);
  const mnemonic = Object.entries(RR_TYPES).find(([, n]) => n === number)?.[0];
  if (!name || !mnemonic) return null;
  return dnsPacket.encode({
    type: 'query',
    id: Math.floor(Math.random() * 0x10000),
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ type: mnemonic as 'A', name: name.replace(/\.$/, '') }],
  });
}
