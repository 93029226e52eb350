/**
 * The DoH JSON API (Google `/resolve`, Cloudflare `application/dns-json`): same questions, answers
 * as `{name, type, TTL, data}` with `data` in zone-file presentation form. Parsed into the same
 * `DnsMessage` as the wire format. Anything that does not fit throws; the client calls that a
 * bad answer and falls back.
 */
import type { DnsMessage, DnsRecord, QuestionType } from './message';
import { ttlOf } from './ttl';

/** Why a JSON answer cannot be read: the one error `decodeJsonMessage` throws. */
export class JsonAnswerError extends Error {
  override readonly name = 'JsonAnswerError';
}

const RCODES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED', 'YXDOMAIN', 'YXRRSET', 'NXRRSET', 'NOTAUTH', 'NOTZONE'];

/** IANA RR type numbers for the types MXray reads (RFC 1035 §3.2.2, RFC 3596, RFC 6672). */
export const TYPE_NUMBERS: Record<QuestionType | 'DNAME', number> = {
  A: 1,
  NS: 2,
  CNAME: 5,
  SOA: 6,
  PTR: 12,
  MX: 15,
  TXT: 16,
  AAAA: 28,
  DNAME: 39,
};
const TYPE_NAMES = new Map(Object.entries(TYPE_NUMBERS).map(([name, num]) => [num, name]));

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
  return {
    id: 0,
    rcode: RCODES[json.Status] ?? `RCODE${json.Status}`,
    flags: { qr: true, aa: false, tc: json.TC === true, rd: json.RD !== false, ra: json.RA === true, ad: json.AD === true, cd: json.CD === true },
    questions: listOf(json.Question).map((q) => ({ name: stripDot(stringField(q, 'name')), type: TYPE_NAMES.get(numberField(q, 'type')) ?? String(q.type) })),
    answers: listOf(json.Answer).map(toRecord),
    authorities: listOf(json.Authority).map(toRecord),
  };
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

function toRecord(raw: Record<string, unknown>): DnsRecord {
  const record: JsonRecord = { name: stringField(raw, 'name'), type: numberField(raw, 'type'), data: stringField(raw, 'data') };
  const name = checkedName(record.name);
  const ttl = ttlOf(raw.TTL);
  const type = TYPE_NAMES.get(record.type);
  switch (type) {
    case 'A':
    case 'AAAA':
    case 'CNAME':
    case 'DNAME':
    case 'PTR':
    case 'NS':
      return { name, type, ttl, data: type === 'A' || type === 'AAAA' ? record.data.trim() : checkedName(record.data.trim()) };
    case 'MX':
      return { name, type, ttl, data: parseMx(record.data) };
    case 'TXT':
      return { name, type, ttl, data: parseTxt(record.data) };
    case 'SOA':
      return { name, type, ttl, data: parseSoa(record.data) };
    default:
      return { name, type: 'OTHER', rrtype: String(record.type), ttl, data: record.data };
  }
}

function stripDot(name: string): string {
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

/**
 * A name in presentation form as a wire name could be: at most 255 octets, labels of at most 63
 * (RFC 1035 §2.3.4; `\DDD` and `\X` escapes count as one octet). A JSON answer can say anything,
 * so a name no DNS message could carry makes the answer unusable, as on the wire.
 */
function checkedName(text: string): string {
  const name = stripDot(text);
  if (name === '') return name;
  let wire = 1;
  for (const label of name.split(/(?<!\\)\./)) {
    const octets = new TextEncoder().encode(label.replace(/\\(\d{3}|.)/g, 'x')).byteLength;
    if (octets === 0 || octets > 63) throw new JsonAnswerError(`a name with a label of ${octets} octets ("${name.slice(0, 40)}…")`);
    wire += octets + 1;
  }
  if (wire > 255) throw new JsonAnswerError(`a name of ${wire} octets, longer than DNS allows (255)`);
  return name;
}

function parseMx(data: string): { preference: number; exchange: string } {
  const match = /^\s*(\d{1,5})\s+(\S+)\s*$/.exec(data);
  if (!match) throw new JsonAnswerError(`unreadable MX data "${data.slice(0, 60)}"`);
  // RFC 1035 §3.3.9: PREFERENCE is 16 bits.
  const preference = Number(match[1]);
  if (preference > 65_535) throw new JsonAnswerError(`an MX preference of ${preference}, more than 16 bits can hold`);
  return { preference, exchange: checkedName(match[2]!) };
}

function parseSoa(data: string): { mname: string; rname: string; serial: number; refresh: number; retry: number; expire: number; minimum: number } {
  const parts = data.trim().split(/\s+/);
  if (parts.length !== 7) throw new JsonAnswerError('unreadable SOA data');
  const [mname, rname, ...numbers] = parts as [string, string, ...string[]];
  const [serial, refresh, retry, expire, minimum] = numbers.map(Number) as [number, number, number, number, number];
  return { mname: stripDot(mname), rname: stripDot(rname), serial, refresh, retry, expire, minimum };
}

/**
 * TXT data comes quoted from Cloudflare (`"v=spf1 " "-all"`, with `\"` and `\DDD` escapes) and
 * unquoted from Google (the strings already joined). Both give back the list of strings.
 */
export function parseTxt(data: string): string[] {
  if (!data.startsWith('"')) return [data];
  const strings: string[] = [];
  let i = 0;
  while (i < data.length) {
    if (data[i] === ' ') {
      i++;
      continue;
    }
    if (data[i] !== '"') throw new JsonAnswerError('unreadable TXT data');
    const bytes: number[] = [];
    i++;
    while (i < data.length && data[i] !== '"') {
      if (data[i] === '\\') {
        // RFC 1035 §5.1: \DDD is a byte in decimal; any other \X is X itself.
        const digits = /^\d{3}/.exec(data.slice(i + 1, i + 4));
        if (digits) {
          bytes.push(Number(digits[0]) & 0xff);
          i += 4;
          continue;
        }
        i++;
      }
      const code = data.codePointAt(i) ?? 0;
      const char = String.fromCodePoint(code);
      bytes.push(...new TextEncoder().encode(char));
      i += char.length;
    }
    if (data[i] !== '"') throw new JsonAnswerError('unterminated TXT string');
    i++;
    strings.push(new TextDecoder().decode(new Uint8Array(bytes)));
  }
  return strings;
}
