/**
 * RFC 8484 wire format, via `@leichtgewicht/dns-packet` (a well-kept RFC 1035 codec, the
 * maintained fork of `dns-packet` that works on Uint8Array, so no Buffer polyfill ships) rather
 * than our own.
 */
import * as dnsPacket from '@leichtgewicht/dns-packet';
import type { DnsMessage, DnsQuestion, DnsRecord } from './message';
import { checkWireLayout, WireFormatError } from './wire-layout';
import { escapeLabel } from './label-text';
import { readRecord } from './read-record';
import { recordTypeNamed } from './record-types/registry';
import { ttlOf } from './ttl';

/**
 * A query as RFC 8484 §4.1 asks for it: ID 0 (so HTTP caches can share answers), RD set, and
 * AD set so the resolver tells us whether it validated the answer (RFC 6840 §5.7) without the
 * cost of DO and RRSIGs in every answer.
 *
 * TLSA too (DANE, RFC 7672) is asked with AD, not DO: what DANE needs from a stub is whether
 * the resolver validated the answer, and AD in the query asks exactly that. DO (RFC 3225) would
 * add the RRSIGs, which a DoH client cannot check without its own trust anchor and chain of
 * DNSKEY/DS questions, so they would only make every answer larger (RFC 6840 §5.7 gives AD its
 * query meaning for that reason). The validating resolvers MXray knows (Google, Cloudflare,
 * Quad9, the test stack's) set AD on an AD query.
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

/** Decode a response; throws on anything the codec cannot parse (the client turns that into BadAnswer). */
export function decodeMessage(bytes: Uint8Array): DnsMessage {
  // RDLENGTH and the header's counts first: the codec itself trusts neither (wire-layout.ts).
  checkWireLayout(bytes);
  let packet: dnsPacket.Packet;
  try {
    packet = dnsPacket.decode(bytes);
  } catch (error) {
    // The codec throws plain Errors (and a RangeError past a buffer): one typed error for callers.
    throw new WireFormatError(`the codec could not read it (${error instanceof Error ? error.message.slice(0, 80) : 'unreadable'})`);
  }
  // Reading past the end gives `undefined` on a Uint8Array where a Buffer threw, so the codec
  // walks on through a cut-off message: what it consumed tells us (NaN when it read a length
  // that was not there).
  const consumed = (dnsPacket.decode as { bytes?: number }).bytes;
  if (!(consumed !== undefined && consumed <= bytes.byteLength)) throw new WireFormatError('the message ends early');
  const dropped: string[] = [];
  const keep = (section: PacketAnswer[] | undefined) => (section ?? []).flatMap((answer) => toRecord(answer, dropped));
  const message: DnsMessage = {
    id: packet.id ?? 0,
    // The codec spells unassigned codes RCODE_15; the JSON codec and the checks say RCODE15.
    rcode: (packet.rcode ?? 'NOERROR').replace('RCODE_', 'RCODE'),
    flags: {
      qr: packet.type === 'response',
      aa: Boolean(packet.flag_aa),
      tc: Boolean(packet.flag_tc),
      rd: Boolean(packet.flag_rd),
      ra: Boolean(packet.flag_ra),
      ad: Boolean(packet.flag_ad),
      cd: Boolean(packet.flag_cd),
    },
    questions: (packet.questions ?? []).map((q) => ({ name: q.name, type: q.type, ...(q.class && q.class !== 'IN' ? { class: String(q.class) } : {}) })),
    answers: keep(packet.answers),
    authorities: keep(packet.authorities),
  };
  if (dropped.length > 0) message.dropped = [...new Set(dropped)];
  return message;
}

/**
 * Names decoded as the web platform decodes text. A label is any bytes (RFC 2181 §11) and a
 * resolver may send any; the fork turns label bytes into text with its own UTF-8 decoder, which
 * maps bytes that are not UTF-8 to other characters (even lone surrogates) and reads past the
 * label's end. Here they become U+FFFD (WHATWG UTF-8, as Buffer did for dns-packet); the rest is
 * the codec's own algorithm: RFC 1035 §4.1.4 compression with pointers only to earlier bytes,
 * at most 255 octets. The codec calls `name.decode` for every name, so this replaces it there.
 */
const labelText = new TextDecoder('utf-8', { ignoreBOM: true });

function decodeName(buf: Uint8Array, start = 0): string {
  const labels: string[] = [];
  let offset = start;
  let lowest = start;
  let nameLength = 0;
  let consumed = 0;
  let jumped = false;
  for (;;) {
    if (!(offset < buf.length)) throw new Error('Cannot decode name (buffer overflow)');
    const length = buf[offset++]!;
    if (!jumped) consumed += 1;
    if (length === 0) break;
    if ((length & 0xc0) === 0) {
      if (offset + length > buf.length) throw new Error('Cannot decode name (buffer overflow)');
      nameLength += length + 1;
      if (nameLength > 254) throw new Error('Cannot decode name (name too long)');
      // A "." or "\\" byte inside a label is escaped (RFC 1035 §5.1 presentation form), so the
      // label never reads, or is asked, as two labels of another name (isQueryableName).
      labels.push(escapeLabel(labelText.decode(buf.subarray(offset, offset + length))));
      offset += length;
      if (!jumped) consumed += length;
    } else if ((length & 0xc0) === 0xc0) {
      if (offset + 1 > buf.length) throw new Error('Cannot decode name (buffer overflow)');
      const target = ((length & 0x3f) << 8) | buf[offset]!;
      if (target >= lowest) throw new Error('Cannot decode name (bad pointer)');
      offset = lowest = target;
      if (!jumped) consumed += 1;
      jumped = true;
    } else {
      throw new Error('Cannot decode name (bad label)');
    }
  }
  decodeName.bytes = consumed;
  return labels.length === 0 ? '.' : labels.join('.');
}
decodeName.bytes = 0;
dnsPacket.name.decode = decodeName;

type PacketAnswer = NonNullable<dnsPacket.Packet['answers']>[number];

function toRecord(answer: PacketAnswer, dropped: string[]): DnsRecord[] {
  if (answer.type === 'OPT') return [];
  // Mail routing is class IN (RFC 1035 §3.2.4); a CH or HS record in an answer is not one.
  const klass = (answer as { class?: string }).class ?? 'IN';
  if (klass !== 'IN') {
    const type = String(answer.type);
    dropped.push(
      `${/^[AEFHILMNORSX]/.test(type) ? 'an' : 'a'} ${type} record of class ${klass.replace('UNKNOWN_', 'CLASS')} came for ${String(answer.name).slice(0, 80)}, and only class IN is Internet DNS (RFC 1035 §3.2.4), so MXray ignored it`,
    );
    return [];
  }
  const entry = recordTypeNamed(answer.type);
  const ttl = ttlOf(answer.ttl ?? 0);
  if (!entry) return [{ name: answer.name, type: 'OTHER', rrtype: answer.type, ttl, data: '' }];
  return readRecord(entry, answer.name, ttl, entry.fromWire((answer as { data?: unknown }).data), dropped);
}
