/**
 * The DoH JSON API (Google `/resolve`, Cloudflare `application/dns-json`): same questions, answers
 * as `{name, type, TTL, data}` with `data` in zone-file presentation form. Parsed into the same
 * `DnsMessage` as the wire format. Anything that does not fit throws; the client calls that a
 * bad answer and falls back.
 */
import { JsonAnswerError } from './json-answer-error';
import type { DnsMessage, DnsRecord } from './message';
import { checkedName, stripDot } from './record-types/name-text';
import { readRecord } from './read-record';
import { recordTypeNumbered } from './record-types/registry';
import { ttlOf } from './ttl';

export { JsonAnswerError } from './json-answer-error';

const RCODES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED', 'YXDOMAIN', 'YXRRSET', 'NXRRSET', 'NOTAUTH', 'NOTZONE'];

interface JsonRecord {
  name: string;
  type: number;
  TTL?: number;
  data: string;
}

export function decodeJsonMessage(body: unknown): DnsMessage {
  if (typeof body !== 'object' || body === null) throw new JsonAnswerError('not a JSON object');
  const json = body as Record<string, unknown>;
  if (typeof json.Status !== 'number' || !Number.isInteger(json.Status) || json.Status < 0) throw new JsonAnswerError('no Status field with a response code');
  const dropped: string[] = [];
  const message: DnsMessage = {
    id: 0,
    rcode: RCODES[json.Status] ?? `RCODE${json.Status}`,
    flags: { qr: true, aa: false, tc: json.TC === true, rd: json.RD !== false, ra: json.RA === true, ad: json.AD === true, cd: json.CD === true },
    questions: listOf(json.Question).map((q) => ({
      name: stripDot(stringField(q, 'name')),
      type: recordTypeNumbered(numberField(q, 'type'))?.type ?? String(q.type),
    })),
    answers: listOf(json.Answer).flatMap((record) => toRecord(record, dropped)),
    authorities: listOf(json.Authority).flatMap((record) => toRecord(record, dropped)),
  };
  if (dropped.length > 0) message.dropped = [...new Set(dropped)];
  return message;
}

function listOf(value: unknown): Record<string, unknown>[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new JsonAnswerError('section is not a list');
  return value.map((item) => {
    if (typeof item !== 'object' || item === null) throw new JsonAnswerError('record is not an object');
    return item as Record<string, unknown>;
  });
}

function stringField(obj: Record<string, unknown>, key: string): string {
  const value = obj[key];
  if (typeof value !== 'string') throw new JsonAnswerError(`${key} is not a string`);
  return value;
}

function numberField(obj: Record<string, unknown>, key: string): number {
  const value = obj[key];
  if (typeof value !== 'number') throw new JsonAnswerError(`${key} is not a number`);
  return value;
}

function toRecord(raw: Record<string, unknown>, dropped: string[]): DnsRecord[] {
  const record: JsonRecord = { name: stringField(raw, 'name'), type: numberField(raw, 'type'), data: stringField(raw, 'data') };
  const name = checkedName(record.name);
  const ttl = ttlOf(raw.TTL);
  const entry = recordTypeNumbered(record.type);
  if (!entry) return [{ name, type: 'OTHER', rrtype: String(record.type), ttl, data: record.data }];
  return readRecord(entry, name, ttl, entry.fromJson(record.data), dropped);
}
